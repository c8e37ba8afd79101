import IAMCore

/// One row of the Users list, with the IAM console's columns already spelled out.
struct UserRow: Sendable, Equatable {
    var name: String
    var path: String
    /// Two group names alphabetically, then `+ N more`; `None` without groups.
    var groups: String
    /// When a password or access key was last used, or `Never`.
    var lastActivity: String
    /// `None`, `Virtual`, `Security key` or `Hardware` (the first device's type, `+N` for more).
    var mfa: String
    /// Days since the console password changed, or `None` without a password.
    var passwordAge: String
    /// `None` without a password, `Never` when it was never used, else the date.
    var consoleLastSignIn: String
    /// `AKIA… (Active)` for the first active key (else the first key), or `None`.
    var accessKeyId: String
    /// Days since the oldest active key was created, or `None`.
    var accessKeyAge: String
    var arn: String

    /// The cells in the Users list's column order.
    var cells: [String] {
        [name, path, groups, lastActivity, mfa, passwordAge, consoleLastSignIn, accessKeyId, accessKeyAge]
    }

    /// Builds the row for `user` as of `now`.
    init(_ user: User, in account: Account, now: Timestamp) {
        name = user.name
        path = user.path
        groups = DisplayFormat.summary(user.groups)
        let lastUses = [user.passwordLastUsed].compactMap { $0 } + user.accessKeys.compactMap { $0.lastUsed?.date }
        lastActivity = lastUses.max().map { DisplayFormat.ago($0, now: now) } ?? "Never"
        mfa = Self.mfaSummary(user.mfaDevices, in: account)
        if let profile = user.loginProfile {
            passwordAge = DisplayFormat.age(from: profile.passwordLastChanged, to: now)
            consoleLastSignIn = user.passwordLastUsed.map(DisplayFormat.date) ?? "Never"
        } else {
            passwordAge = "None"
            consoleLastSignIn = "None"
        }
        let shownKey = user.accessKeys.first { $0.status == .active } ?? user.accessKeys.first
        accessKeyId = shownKey.map { "\($0.id) (\($0.status.rawValue))" } ?? "None"
        let oldestActive = user.accessKeys.filter { $0.status == .active }.map(\.createDate).min()
        accessKeyAge = oldestActive.map { DisplayFormat.age(from: $0, to: now) } ?? "None"
        arn = account.arn(of: user)
    }

    /// The MFA column for a list of device serial numbers.
    static func mfaSummary(_ serials: [String], in account: Account) -> String {
        let types = serials.compactMap { account.mfaDevices[$0]?.type }
        guard let first = types.first else { return serials.isEmpty ? "None" : "Virtual" }
        let label = DisplayFormat.mfaType(first)
        return types.count > 1 ? "\(label) +\(types.count - 1)" : label
    }
}
