import IAMPolicy

/// The policies that apply to an identity, parsed for the evaluator and named the way results cite
/// them: inline policies as `user/NAME:PolicyName` (group/role likewise), managed policies by ARN.
public struct PrincipalPolicies: Sendable {
    /// A policy of the identity together with how AWS's simulator labels its source.
    public struct Source: Sendable {
        public var policy: ParsedPolicy
        /// The simulator's `SourcePolicyType`: `user`, `group`, `role`, `aws-managed` or `user-managed`.
        public var type: String
        /// The simulator's `SourcePolicyId`: the inline policy's name or the managed policy's ARN.
        public var id: String
        public var text: String
    }

    public var identity: [Source] = []
    public var boundary: Source?

    /// No policies (the root user's case).
    public init() {}

    /// The identity policies of a user (its own and its groups'), a group, or a role, and the boundary.
    public init(identity kind: IdentityKind, name: String, in account: Account) {
        switch kind {
        case .user:
            guard let user = account.user(named: name) else { return }
            add(inline: user.inlinePolicies, owner: "user/\(user.name)", type: "user")
            add(managed: user.attachedPolicies, in: account)
            for groupName in user.groups {
                guard let group = account.group(named: groupName) else { continue }
                add(inline: group.inlinePolicies, owner: "group/\(group.name)", type: "group")
                add(managed: group.attachedPolicies, in: account)
            }
            boundary = user.permissionsBoundary.flatMap { managedSource($0, in: account) }
        case .group:
            guard let group = account.group(named: name) else { return }
            add(inline: group.inlinePolicies, owner: "group/\(group.name)", type: "group")
            add(managed: group.attachedPolicies, in: account)
        case .role:
            guard let role = account.role(named: name) else { return }
            add(inline: role.inlinePolicies, owner: "role/\(role.name)", type: "role")
            add(managed: role.attachedPolicies, in: account)
            boundary = role.permissionsBoundary.flatMap { managedSource($0, in: account) }
        }
    }

    /// The policies of a principal making a request (none for root, which has no identity policies).
    public init(principal: Principal, in account: Account) {
        switch principal {
        case .root: self.init()
        case .user(let name): self.init(identity: .user, name: name, in: account)
        case .roleSession(let role, _): self.init(identity: .role, name: role, in: account)
        }
    }

    private mutating func add(inline policies: [InlinePolicy], owner: String, type: String) {
        for policy in policies {
            guard let parsed = try? ParsedPolicy(name: "\(owner):\(policy.name)", text: policy.document) else {
                continue
            }
            identity.append(Source(policy: parsed, type: type, id: policy.name, text: policy.document))
        }
    }

    private mutating func add(managed arns: [String], in account: Account) {
        identity += arns.compactMap { managedSource($0, in: account) }
    }

    private func managedSource(_ arn: String, in account: Account) -> Source? {
        guard let text = account.managedDocument(arn: arn) else { return nil }
        let isAWS = AWSManagedPolicyCatalog.isAWSManagedARN(arn)
        // AWS managed policies are AWS's own documents and not bound by the size limits of the
        // policies customers write: ReadOnlyAccess alone is over 128 KB.
        let parsed =
            isAWS
            ? (try? JSONParser.parseNode(text)).flatMap { try? ParsedPolicy(name: arn, root: $0) }
            : try? ParsedPolicy(name: arn, text: text)
        guard let parsed else { return nil }
        let type = isAWS ? "aws-managed" : "user-managed"
        return Source(policy: parsed, type: type, id: arn, text: text)
    }
}

extension Account {
    /// The default version's document of a customer or AWS managed policy.
    public func managedDocument(arn: String) -> String? {
        if let policy = customerPolicy(arn: arn) { return policy.defaultDocument }
        return AWSManagedPolicyCatalog.policy(arn: arn)?.document
    }

    /// The principal as the evaluator sees it.
    public func evaluationPrincipal(_ principal: Principal) -> EvaluationPrincipal {
        switch principal {
        case .root:
            return EvaluationPrincipal(arn: rootARN, accountId: id, kind: .root)
        case .user:
            return EvaluationPrincipal(arn: principal.arn(in: self), accountId: id, kind: .user)
        case .roleSession(let roleName, _):
            let roleARN = role(named: roleName).map { arn(of: $0) } ?? ResourceNames.role(id, path: "/", name: roleName)
            return EvaluationPrincipal(
                arn: principal.arn(in: self), accountId: id, kind: .assumedRole(roleArn: roleARN))
        }
    }
}
