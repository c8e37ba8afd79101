import IAMCore

/// One policy an identity receives, and where it comes from.
struct PermissionGrant: Sendable, Equatable {
    /// The policy's name (an inline policy's own name, a managed policy's last ARN component).
    var policyName: String
    /// `AWS managed`, `AWS managed - job function`, `Customer managed` or `Customer inline`.
    var type: String
    /// `Attached directly`, `Inline` or `Group NAME`.
    var attachedVia: String
    /// The managed policy's ARN; nil for inline policies.
    var arn: String?
    /// The identity an inline policy is embedded in; nil for managed policies.
    var owner: EntityRef?

    /// Where Enter on the grant goes: the managed policy's page or the inline policy's.
    var link: Route? {
        if let arn { return .policy(arn) }
        return owner.map { .inlinePolicy($0, policyName) }
    }
}

/// The policies a user, group or role actually receives, as the console's Permissions tab lists
/// them: the identity's own inline and attached policies, then for a user each group's.
enum EffectivePermissions {
    /// A user's grants: its own inline policies, its attached policies, then each group's
    /// (groups in alphabetical order, each group's inline then attached policies).
    static func user(_ user: User, in account: Account) -> [PermissionGrant] {
        var grants = own(inline: user.inlinePolicies, attached: user.attachedPolicies, owner: .user(user.name))
        let groups = user.groups.sorted { $0.lowercased() < $1.lowercased() }
        for name in groups {
            guard let group = account.group(named: name) else { continue }
            let via = "Group \(group.name)"
            grants += group.inlinePolicies.map {
                PermissionGrant(
                    policyName: $0.name, type: "Customer inline", attachedVia: via, arn: nil, owner: .group(group.name))
            }
            grants += group.attachedPolicies.map { managed($0, via: via) }
        }
        return grants
    }

    /// A group's or role's own grants.
    static func own(inline: [InlinePolicy], attached: [String], owner: EntityRef) -> [PermissionGrant] {
        inline.map {
            PermissionGrant(policyName: $0.name, type: "Customer inline", attachedVia: "Inline", arn: nil, owner: owner)
        }
            + attached.map { managed($0, via: "Attached directly") }
    }

    private static func managed(_ arn: String, via: String) -> PermissionGrant {
        PermissionGrant(
            policyName: DisplayFormat.policyName(arn: arn), type: DisplayFormat.policyType(arn: arn),
            attachedVia: via, arn: arn, owner: nil)
    }
}
