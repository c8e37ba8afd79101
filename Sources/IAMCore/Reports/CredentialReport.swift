import Foundation

/// A generated credential report as GetCredentialReport returns it: the CSV and when it was made.
public struct CredentialReportSnapshot: Codable, Sendable, Equatable {
    public var generatedTime: Timestamp
    /// The CSV text (GetCredentialReport returns it base64-encoded).
    public var content: String

    public init(generatedTime: Timestamp, content: String) {
        self.generatedTime = generatedTime
        self.content = content
    }
}

/// The IAM credential report: one row for the root user and one per IAM user, with AWS's 22
/// columns in AWS's order and its value vocabulary (`true`/`false`, ISO 8601 dates with a
/// `+00:00` offset, `N/A`, `no_information`, `not_supported`).
public enum CredentialReport {
    /// AWS's header, in order.
    public static let columns = [
        "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
        "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
        "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
        "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
        "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated",
        "cert_2_active", "cert_2_last_rotated",
    ]
    /// A report is served for four hours; after that GetCredentialReport answers ReportExpired.
    public static let lifetimeSeconds: Int64 = 4 * 3600
    /// The row name AWS gives the root user.
    public static let rootName = "<root_account>"

    /// `2026-11-29T06:31:29+00:00`, as the report writes times.
    public static func date(_ time: Timestamp) -> String { String(time.iso8601.prefix(19)) + "+00:00" }

    /// The report's rows for `account`: the root user first, then the users by name.
    public static func rows(for account: Account, at now: Timestamp) -> [[String]] {
        let root = account.root
        var rows = [
            [
                rootName, account.rootARN, date(account.createDate), "not_supported",
                root.passwordLastUsed.map(date) ?? "no_information", "not_supported", "not_supported",
                String(!root.mfaDevices.isEmpty),
            ] + keyColumns(root.accessKeys) + certificateColumns
        ]
        let users = Account.inNameOrder(account.users)
        for user in users {
            let profile = user.loginProfile
            var nextRotation = "N/A"
            if let profile, let policy = account.passwordPolicy, policy.maxPasswordAge > 0 {
                nextRotation = date(profile.passwordLastChanged.adding(seconds: Int64(policy.maxPasswordAge) * 86_400))
            }
            let lastUsed: String
            if profile == nil {
                lastUsed = "N/A"
            } else {
                lastUsed = user.passwordLastUsed.map(date) ?? "no_information"
            }
            rows.append(
                [
                    user.name, account.arn(of: user), date(user.createDate), String(profile != nil), lastUsed,
                    profile.map { date($0.passwordLastChanged) } ?? "N/A", nextRotation,
                    String(!user.mfaDevices.isEmpty),
                ] + keyColumns(user.accessKeys) + certificateColumns)
        }
        return rows
    }

    /// The CSV: the header and the rows, each line ending in a newline; a value holding a comma or
    /// a quote is quoted (user names may hold commas).
    public static func csv(_ rows: [[String]]) -> String {
        ([columns] + rows).map { row in row.map(quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The five columns of each of the first two access keys (oldest first).
    private static func keyColumns(_ keys: [AccessKey]) -> [String] {
        let ordered = keys.sorted { $0.createDate < $1.createDate }
        return (0..<2).flatMap { index -> [String] in
            guard ordered.indices.contains(index) else { return ["false", "N/A", "N/A", "N/A", "N/A"] }
            let key = ordered[index]
            return [
                String(key.status == .active), date(key.createDate), key.lastUsed.map { date($0.date) } ?? "N/A",
                key.lastUsed?.region ?? "N/A", key.lastUsed?.serviceName ?? "N/A",
            ]
        }
    }

    /// IAM signing certificates are not modelled: none active.
    private static let certificateColumns = ["false", "N/A", "false", "N/A"]

    private static func quoted(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
