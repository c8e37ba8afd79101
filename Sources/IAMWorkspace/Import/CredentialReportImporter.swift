import Foundation
import IAMCore
import IAMPolicy

/// Applies an IAM credential report (the CSV `aws iam get-credential-report` returns, base64-decoded)
/// to the users of an account.
///
/// A report has no secrets and no key ids, so what it adds is shaped to be honest about that:
/// - `password_enabled` true gives a login profile whose hash is ``noPasswordHash``, which never
///   verifies: an imported user cannot sign in to the console until someone sets a password. A user
///   who already has a login profile keeps its hash.
/// - each access key reported (its `last_rotated` is a date) becomes a key whose id is
///   `IMPORTED` + slot + the user id, upper-cased, and whose secret hash is ``noSecretHash``, so
///   it can never sign a request. A user's existing keys, oldest first, take the report's slots
///   and keep their ids; keys beyond the report's are removed, as the report is the truth.
/// - `mfa_active` true for a user without an MFA device adds a virtual device named
///   `imported-USER` with a fresh random seed no one has seen, so it can never produce a code.
/// - `cert_N_active` sets the count of signing certificates.
/// - the `<root_account>` row sets the root user's `password_last_used`.
/// Rows for users not in the workspace are skipped and reported.
public enum CredentialReportImporter {
    /// The login profile hash of an imported user; never verifies, not being a `pbkdf2-sha256$` hash.
    public static let noPasswordHash = "imported:no-hash"
    /// The secret hash of an imported access key; never matches, not being a SHA-256 hex digest.
    public static let noSecretHash = "imported:no-secret"

    /// Applies the CSV in `text` (the contents of `file`) to `account`.
    public static func apply(
        _ text: String, file: String, to account: Account, summary: inout ImportSummary
    ) throws(ImportError) -> Account {
        var lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        guard !lines.isEmpty else { throw ImportError(file: file, location: nil, message: "the report is empty") }
        let header = CSVLine.split(lines.removeFirst())
        guard header == CredentialReport.columns else {
            throw ImportError(
                file: file, location: .init(line: 1, column: 1, offset: 0),
                message: "not an IAM credential report: expected the 22 columns \(CredentialReport.columns[0]),"
                    + " \(CredentialReport.columns[1]), ... in AWS's order")
        }
        var account = account
        for (index, line) in lines.enumerated() {
            let location = SourceLocation(line: index + 2, column: 1, offset: 0)
            let fields = CSVLine.split(line)
            guard fields.count == header.count else {
                throw ImportError(
                    file: file, location: location,
                    message: "expected \(header.count) fields, found \(fields.count)")
            }
            let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
            try apply(row, to: &account, file: file, location: location, summary: &summary)
        }
        return account
    }

    private static func apply(
        _ row: [String: String], to account: inout Account, file: String, location: SourceLocation,
        summary: inout ImportSummary
    ) throws(ImportError) {
        let name = row["user"] ?? ""
        func date(_ column: String) throws(ImportError) -> Timestamp? {
            let value = row[column] ?? ""
            if ["N/A", "no_information", "not_supported", ""].contains(value) { return nil }
            guard let date = Timestamp(iso8601: value) else {
                throw ImportError(file: file, location: location, message: "\(column): not a date: \(value)")
            }
            return date
        }
        if name == CredentialReport.rootName {
            account.root.passwordLastUsed = try date("password_last_used")
            return
        }
        guard var user = account.user(named: name) else {
            summary.skipped.append("credential report row for \(name): no such user in the workspace")
            return
        }
        guard row["arn"] == account.arn(of: user) else {
            summary.skipped.append(
                "credential report row for \(name): its ARN \(row["arn"] ?? "") is not the workspace's \(account.arn(of: user))"
            )
            return
        }
        if row["password_enabled"] == "true" {
            let changed = try date("password_last_changed") ?? user.createDate
            if user.loginProfile == nil {
                var profile = LoginProfile(
                    createDate: changed, passwordHash: noPasswordHash, passwordResetRequired: false)
                profile.passwordLastChanged = changed
                user.loginProfile = profile
                summary.count("login profiles", created: true)
            } else {
                user.loginProfile?.passwordLastChanged = changed
            }
        } else if user.loginProfile != nil {
            user.loginProfile = nil
        }
        user.passwordLastUsed = try date("password_last_used")
        user.accessKeys = try keys(row, user: user, date: date)
        summary.created["access keys", default: 0] += user.accessKeys.filter { $0.secretHash == noSecretHash }.count
        if row["mfa_active"] == "true", user.mfaDevices.isEmpty {
            let serial = ResourceNames.mfa(account.id, path: "/", name: "imported-\(user.name)")
            var device = MFADevice(serialNumber: serial, type: .virtual, createDate: user.createDate)
            var generator = SystemRandomNumberGenerator()
            device.seed = Base32.encode((0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) })
            device.assignedTo = user.name
            device.enableDate = user.createDate
            account.mfaDevices[serial] = device
            user.mfaDevices = [serial]
            summary.count("MFA devices", created: true)
        }
        var certificates = 0
        for column in ["cert_1_last_rotated", "cert_2_last_rotated"] where try date(column) != nil { certificates += 1 }
        user.signingCertificates = certificates
        account.users[Account.key(user.name)] = user
    }

    private static func keys(
        _ row: [String: String], user: User, date: (String) throws(ImportError) -> Timestamp?
    ) throws(ImportError) -> [AccessKey] {
        let existing = user.accessKeys.sorted { $0.createDate < $1.createDate }
        var keys: [AccessKey] = []
        for slot in 1...2 {
            let prefix = "access_key_\(slot)_"
            guard let rotated = try date(prefix + "last_rotated") else { continue }
            let status: AccessKeyStatus = row[prefix + "active"] == "true" ? .active : .inactive
            var key =
                keys.count < existing.count
                ? existing[keys.count]
                : AccessKey(
                    id: "IMPORTED\(slot)\(user.id.uppercased())", secretHash: noSecretHash, status: status,
                    createDate: rotated)
            key.status = status
            if let used = try date(prefix + "last_used_date") {
                func known(_ value: String?) -> String {
                    guard let value, value != "not_supported", !value.isEmpty else { return "N/A" }
                    return value
                }
                key.lastUsed = AccessKeyLastUsed(
                    date: used, serviceName: known(row[prefix + "last_used_service"]),
                    region: known(row[prefix + "last_used_region"]))
            }
            keys.append(key)
        }
        return keys
    }
}
