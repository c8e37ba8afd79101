/// A user, group or role addressed by the policy actions that apply to all three.
public enum IdentityKind: String, Sendable, CaseIterable {
    case user = "User"
    case group = "Group"
    case role = "Role"
}

extension IAMService {
    /// The existing entity's exact name and ARN; NoSuchEntity if missing.
    func identity(_ kind: IdentityKind, _ name: String) throws(IAMError) -> (name: String, arn: String) {
        switch kind {
        case .user:
            try NameRules.checkName(name, field: "userName", max: 128)
            let user = try existingUser(name)
            return (user.name, account.arn(of: user))
        case .group:
            try NameRules.checkName(name, field: "groupName", max: 128)
            let group = try existingGroup(name)
            return (group.name, account.arn(of: group))
        case .role:
            try NameRules.checkName(name, field: "roleName", max: 64)
            let role = try existingRole(name)
            return (role.name, account.arn(of: role))
        }
    }

    func attachedPolicies(_ kind: IdentityKind, _ name: String) -> [String] {
        let key = Account.key(name)
        switch kind {
        case .user: return account.users[key]?.attachedPolicies ?? []
        case .group: return account.groups[key]?.attachedPolicies ?? []
        case .role: return account.roles[key]?.attachedPolicies ?? []
        }
    }

    mutating func setAttachedPolicies(_ kind: IdentityKind, _ name: String, _ arns: [String]) {
        let key = Account.key(name)
        switch kind {
        case .user: account.users[key]?.attachedPolicies = arns
        case .group: account.groups[key]?.attachedPolicies = arns
        case .role: account.roles[key]?.attachedPolicies = arns
        }
    }

    func inlinePolicies(_ kind: IdentityKind, _ name: String) -> [InlinePolicy] {
        let key = Account.key(name)
        switch kind {
        case .user: return account.users[key]?.inlinePolicies ?? []
        case .group: return account.groups[key]?.inlinePolicies ?? []
        case .role: return account.roles[key]?.inlinePolicies ?? []
        }
    }

    mutating func setInlinePolicies(_ kind: IdentityKind, _ name: String, _ policies: [InlinePolicy]) {
        let key = Account.key(name)
        switch kind {
        case .user: account.users[key]?.inlinePolicies = policies
        case .group: account.groups[key]?.inlinePolicies = policies
        case .role: account.roles[key]?.inlinePolicies = policies
        }
    }

    func attachedQuota(_ kind: IdentityKind) -> Int {
        switch kind {
        case .user: return quotas.attachedPoliciesPerUser
        case .group: return quotas.attachedPoliciesPerGroup
        case .role: return quotas.attachedPoliciesPerRole
        }
    }

    func inlineSizeQuota(_ kind: IdentityKind) -> Int {
        switch kind {
        case .user: return quotas.userPolicySize
        case .group: return quotas.groupPolicySize
        case .role: return quotas.rolePolicySize
        }
    }

    /// `iam:PolicyARN` for an attachment, and `iam:PermissionsBoundary` when the user or role has one,
    /// as AWS supplies them to policies that govern delegated administration.
    func policyContext(_ kind: IdentityKind, _ name: String, _ policyArn: String?) -> [String: [String]] {
        var context: [String: [String]] = [:]
        if let policyArn { context["iam:PolicyARN"] = [policyArn] }
        let boundary: String?
        switch kind {
        case .user: boundary = account.user(named: name)?.permissionsBoundary
        case .role: boundary = account.role(named: name)?.permissionsBoundary
        case .group: boundary = nil
        }
        if let boundary { context["iam:PermissionsBoundary"] = [boundary] }
        return context
    }

    /// Roles under `/aws-service-role/` refuse changes.
    func checkModifiable(_ kind: IdentityKind, _ name: String) throws(IAMError) {
        if kind == .role, let role = account.role(named: name) { try checkModifiable(role) }
    }
}
