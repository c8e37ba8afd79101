import IAMCore

/// Works out a ``RemotePlan``: the changes that make the endpoint's account (`current`) match
/// the workspace's (`desired`).
///
/// Entities match by name (case-insensitively, as in IAM), not by id: ids are the endpoint's to
/// give. What the IAM API cannot set from a workspace (passwords, new access keys, MFA devices,
/// a role's or policy's path) is said in the notes rather than planned.
public struct PlanBuilder {
    let desired: Account
    let current: Account
    /// The access key that signs the requests; never deleted, nor its user.
    let signingKeyId: String?
    var changes: [PlannedChange] = []
    var notes: [String] = []

    /// Builds the plan. The accounts must be the same account (same id).
    public static func plan(desired: Account, current: Account, signingKeyId: String?) -> RemotePlan {
        var builder = PlanBuilder(desired: desired, current: current, signingKeyId: signingKeyId)
        builder.planAccount()
        builder.planPolicies()
        builder.planGroups()
        builder.planUsers()
        builder.planRoles()
        builder.planInstanceProfiles()
        return RemotePlan(changes: builder.changes, notes: builder.notes)
    }

    mutating func add(_ change: PlannedChange) { changes.append(change) }

    mutating func note(_ text: String) { if !notes.contains(text) { notes.append(text) } }

    /// Keys of `entities` in name order.
    static func keys<Value>(_ entities: [String: Value]) -> [String] { entities.keys.sorted() }

    private mutating func planAccount() {
        switch (current.alias, desired.alias) {
        case (nil, let alias?):
            add(
                PlannedChange(
                    .create, .account, "create account alias \(alias)",
                    calls: [PlannedCall("CreateAccountAlias", QueryParameters(["AccountAlias": alias]))]))
        case (let alias?, nil):
            add(
                PlannedChange(
                    .delete, .account, "delete account alias \(alias)",
                    calls: [PlannedCall("DeleteAccountAlias", QueryParameters(["AccountAlias": alias]))]))
        case (let old?, let new?) where old != new:
            add(
                PlannedChange(
                    .update, .account, "change account alias \(old) to \(new)",
                    calls: [
                        PlannedCall("DeleteAccountAlias", QueryParameters(["AccountAlias": old])),
                        PlannedCall("CreateAccountAlias", QueryParameters(["AccountAlias": new])),
                    ]))
        default: break
        }
        switch (current.passwordPolicy, desired.passwordPolicy) {
        case (let old, let new?) where old != new:
            add(
                PlannedChange(
                    old == nil ? .create : .update, .account,
                    old == nil ? "set the account password policy" : "update the account password policy",
                    details: Self.passwordPolicyLines(old: old, new: new),
                    calls: [PlannedCall("UpdateAccountPasswordPolicy", Self.passwordPolicyParameters(new))]))
        case (.some, nil):
            add(
                PlannedChange(
                    .delete, .account, "delete the account password policy (the IAM default applies)",
                    calls: [PlannedCall("DeleteAccountPasswordPolicy", QueryParameters())]))
        default: break
        }
    }

    static func passwordPolicyFields(_ policy: PasswordPolicy) -> [(String, String)] {
        [
            ("MinimumPasswordLength", String(policy.minimumPasswordLength)),
            ("RequireSymbols", String(policy.requireSymbols)), ("RequireNumbers", String(policy.requireNumbers)),
            ("RequireUppercaseCharacters", String(policy.requireUppercaseCharacters)),
            ("RequireLowercaseCharacters", String(policy.requireLowercaseCharacters)),
            ("AllowUsersToChangePassword", String(policy.allowUsersToChangePassword)),
            ("MaxPasswordAge", String(policy.maxPasswordAge)),
            ("PasswordReusePrevention", String(policy.passwordReusePrevention)),
            ("HardExpiry", String(policy.hardExpiry)),
        ]
    }

    static func passwordPolicyParameters(_ policy: PasswordPolicy) -> QueryParameters {
        var parameters = QueryParameters()
        for (name, value) in passwordPolicyFields(policy) {
            // 0 means "not set" for these two, and IAM refuses 0 as a value.
            if (name == "MaxPasswordAge" || name == "PasswordReusePrevention"), value == "0" { continue }
            parameters.add(name, value)
        }
        return parameters
    }

    static func passwordPolicyLines(old: PasswordPolicy?, new: PasswordPolicy) -> [String] {
        let before = Dictionary(uniqueKeysWithValues: old.map(passwordPolicyFields) ?? [])
        return passwordPolicyFields(new).compactMap { name, value in
            guard let previous = before[name] else { return "\(name) = \(value)" }
            return previous == value ? nil : "\(name): \(previous) -> \(value)"
        }
    }
}
