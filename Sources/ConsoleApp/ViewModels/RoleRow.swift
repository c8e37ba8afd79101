import IAMCore

/// One row of the Roles list.
struct RoleRow: Sendable, Equatable {
    var name: String
    /// Derived from the trust policy (see `TrustedEntities`).
    var trustedEntities: String
    /// `12 days ago`, or `Not accessed in the tracking period`.
    var lastActivity: String
    var arn: String

    /// The cells in the Roles list's column order.
    var cells: [String] { [name, trustedEntities, lastActivity] }

    /// Builds the row as of `now`.
    init(_ role: Role, in account: Account, now: Timestamp) {
        name = role.name
        trustedEntities = TrustedEntities.summary(role.assumeRolePolicyDocument)
        lastActivity =
            role.lastUsed.map { DisplayFormat.ago($0.date, now: now) } ?? "Not accessed in the tracking period"
        arn = account.arn(of: role)
    }
}
