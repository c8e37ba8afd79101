/// What access advisor reports on: a user, group, role or managed policy, with the policies that
/// grant its services and the principals whose activity counts for it.
public struct AdvisedEntity: Sendable, Equatable {
    public enum Kind: String, Sendable { case user, group, role, policy }

    public var kind: Kind
    public var arn: String
    /// The policy documents whose Allow statements say which services the entity is granted.
    public var documents: [String]
    /// The users and roles whose activity counts: the entity itself, a group's members, or a
    /// policy's users and roles (directly or through groups).
    public var principals: [String]

    /// The entity with `arn`, or nil when the account has no such user, group, role or policy.
    public init?(arn: String, in account: Account) {
        guard let name = IAMResourceName(arn) else { return nil }
        switch name.kind {
        case "user":
            guard let user = account.user(named: name.name), account.arn(of: user) == arn else { return nil }
            self.init(kind: .user, arn: arn, documents: Self.documents(.user, user.name, account), principals: [arn])
        case "group":
            guard let group = account.group(named: name.name), account.arn(of: group) == arn else { return nil }
            self.init(
                kind: .group, arn: arn, documents: Self.documents(.group, group.name, account),
                principals: account.members(ofGroup: group.name).map(account.arn(of:)))
        case "role":
            guard let role = account.role(named: name.name), account.arn(of: role) == arn else { return nil }
            self.init(kind: .role, arn: arn, documents: Self.documents(.role, role.name, account), principals: [arn])
        case "policy":
            guard let document = account.managedDocument(arn: arn) else { return nil }
            self.init(kind: .policy, arn: arn, documents: [document], principals: Self.principals(using: arn, account))
        default:
            return nil
        }
    }

    init(kind: Kind, arn: String, documents: [String], principals: [String]) {
        self.kind = kind
        self.arn = arn
        self.documents = documents
        self.principals = principals
    }

    private static func documents(_ kind: IdentityKind, _ name: String, _ account: Account) -> [String] {
        PrincipalPolicies(identity: kind, name: name, in: account).identity.map(\.text)
    }

    /// The users and roles a managed policy applies to, directly or through a group.
    private static func principals(using arn: String, _ account: Account) -> [String] {
        var result: Set<String> = []
        for user in account.users.values where user.attachedPolicies.contains(arn) {
            result.insert(account.arn(of: user))
        }
        for group in account.groups.values where group.attachedPolicies.contains(arn) {
            result.formUnion(account.members(ofGroup: group.name).map(account.arn(of:)))
        }
        for role in account.roles.values where role.attachedPolicies.contains(arn) {
            result.insert(account.arn(of: role))
        }
        return result.sorted()
    }
}
