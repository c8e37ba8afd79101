import Foundation
import IAMCore
import TerminalKit

/// The Credential report view's rows: the same identities and facts as the CSV (the root user
/// first, then the users), written for reading, with the cells that need attention marked for
/// colour: MFA off for an identity that signs in with a password, a password or active key older
/// than 90 days, an active key never used or unused for 90 days.
enum CredentialReportRows {
    static let staleDays = 90

    static let columns = [
        TableColumn("User", width: .flexible(minimum: 14)),
        TableColumn("Password", width: .fixed(8)),
        TableColumn("MFA", width: .fixed(3)),
        TableColumn("Password age", width: .fixed(12)),
        TableColumn("Password used", width: .fixed(13)),
        TableColumn("Key 1", width: .fixed(13)),
        TableColumn("Key 1 used", width: .fixed(12)),
        TableColumn("Key 2", width: .fixed(13)),
        TableColumn("Key 2 used", width: .fixed(12)),
        TableColumn("Next rotation", width: .fixed(13)),
    ]

    /// The list, with one role per cell (nil for the plain text style).
    static func list(for account: Account, at now: Timestamp) -> ListModel {
        var rows: [[String]] = []
        var roles: [[Theme.Role?]] = []
        var keys: [String] = []
        var arns: [String] = []
        let root = account.root
        let rootRow = row(
            name: CredentialReport.rootName, password: "n/a", passwordUsed: root.passwordLastUsed, hasPassword: true,
            passwordChanged: nil, mfa: !root.mfaDevices.isEmpty, keys: root.accessKeys, nextRotation: nil, now: now)
        rows.append(rootRow.0)
        roles.append(rootRow.1)
        keys.append(CredentialReport.rootName)
        arns.append(account.rootARN)
        for user in Account.inNameOrder(account.users) {
            let profile = user.loginProfile
            var next: Timestamp?
            if let profile, let policy = account.passwordPolicy, policy.maxPasswordAge > 0 {
                next = profile.passwordLastChanged.adding(seconds: Int64(policy.maxPasswordAge) * 86_400)
            }
            let made = row(
                name: user.name, password: profile == nil ? "No" : "Yes", passwordUsed: user.passwordLastUsed,
                hasPassword: profile != nil, passwordChanged: profile?.passwordLastChanged,
                mfa: !user.mfaDevices.isEmpty, keys: user.accessKeys, nextRotation: next, now: now)
            rows.append(made.0)
            roles.append(made.1)
            keys.append(user.name)
            arns.append(account.arn(of: user))
        }
        return ListModel(rows: rows, keys: keys, arns: arns, cellRoles: roles)
    }

    private static func row(
        name: String, password: String, passwordUsed: Timestamp?, hasPassword: Bool, passwordChanged: Timestamp?,
        mfa: Bool, keys: [AccessKey], nextRotation: Timestamp?, now: Timestamp
    ) -> ([String], [Theme.Role?]) {
        var cells = [name, password, mfa ? "Yes" : "No"]
        var roles: [Theme.Role?] = [nil, nil, !mfa && hasPassword ? .danger : (mfa ? .ok : nil)]
        if let changed = passwordChanged {
            cells.append(DisplayFormat.age(from: changed, to: now))
            roles.append(DisplayFormat.days(from: changed, to: now) > staleDays ? .warning : nil)
        } else {
            cells.append(password == "n/a" ? "n/a" : "N/A")
            roles.append(nil)
        }
        cells.append(hasPassword ? passwordUsed.map { DisplayFormat.ago($0, now: now) } ?? "Never" : "N/A")
        roles.append(nil)
        let ordered = keys.sorted { $0.createDate < $1.createDate }
        for index in 0..<2 {
            guard ordered.indices.contains(index) else {
                cells += ["None", "N/A"]
                roles += [nil, nil]
                continue
            }
            let key = ordered[index]
            let age = DisplayFormat.days(from: key.createDate, to: now)
            cells.append("\(key.status == .active ? "Active" : "Inactive") \(age)d")
            roles.append(key.status == .active && age > staleDays ? .warning : (key.status == .active ? nil : .muted))
            if let used = key.lastUsed {
                cells.append(DisplayFormat.ago(used.date, now: now))
                let stale = DisplayFormat.days(from: used.date, to: now) > staleDays
                roles.append(key.status == .active && stale ? .warning : nil)
            } else {
                cells.append("Never")
                roles.append(key.status == .active ? .warning : nil)
            }
        }
        cells.append(nextRotation.map(DisplayFormat.date) ?? "N/A")
        roles.append(nextRotation.map { $0 < now } == true ? .danger : nil)
        return (cells, roles)
    }
}
