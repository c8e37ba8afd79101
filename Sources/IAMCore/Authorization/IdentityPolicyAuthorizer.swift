import IAMPolicy

/// Authorises IAM users and role sessions from their identity-based policies and permissions boundary.
///
/// It applies explicit deny first, then requires an Allow from the identity policies (the user's own,
/// its groups', or the role's) and, when a boundary is set, from the boundary too. Actions match
/// case-insensitively and resources case-sensitively, with `*` and `?` wildcards; `NotAction` and
/// `NotResource` are honoured. Statements with a `Condition` are judged conservatively because the
/// request context (source IP, MFA, tags) is not modelled here: such an Allow does not grant and such
/// a Deny does deny. The full evaluator, with conditions, resource policies and SCPs, lives in IAMPolicy.
public struct IdentityPolicyAuthorizer: Authorizer {
    public init() {}

    public func authorize(_ request: AuthorizationRequest, in account: Account) -> AuthorizationDecision {
        let documents: [String]
        let boundary: String?
        switch request.principal {
        case .root:
            return .allowed
        case .user(let name):
            guard let user = account.user(named: name) else { return .implicitDeny(reason: "the user does not exist") }
            var texts =
                user.inlinePolicies.map(\.document)
                + user.attachedPolicies.compactMap { account.managedDocument(arn: $0) }
            for groupName in user.groups {
                guard let group = account.group(named: groupName) else { continue }
                texts +=
                    group.inlinePolicies.map(\.document)
                    + group.attachedPolicies.compactMap { account.managedDocument(arn: $0) }
            }
            documents = texts
            boundary = user.permissionsBoundary.flatMap { account.managedDocument(arn: $0) }
        case .roleSession(let roleName, _):
            guard let role = account.role(named: roleName) else {
                return .implicitDeny(reason: "the role does not exist")
            }
            documents =
                role.inlinePolicies.map(\.document)
                + role.attachedPolicies.compactMap { account.managedDocument(arn: $0) }
            boundary = role.permissionsBoundary.flatMap { account.managedDocument(arn: $0) }
        }
        let identity = documents.map { Self.evaluate($0, request) }
        let boundaryResult = boundary.map { Self.evaluate($0, request) }
        if identity.contains(.deny) { return .explicitDeny(source: "an identity-based policy") }
        if boundaryResult == .deny { return .explicitDeny(source: "a permissions boundary") }
        guard identity.contains(.allow) else {
            return .implicitDeny(reason: "no identity-based policy allows the \(request.action) action")
        }
        if let boundaryResult, boundaryResult != .allow {
            return .implicitDeny(reason: "no permissions boundary allows the \(request.action) action")
        }
        return .allowed
    }

    /// The effect of one document on a request: deny wins over allow within a document too.
    enum Effect: Equatable {
        case allow
        case deny
        case none
    }

    static func evaluate(_ text: String, _ request: AuthorizationRequest) -> Effect {
        guard let document = try? JSONParser.parse(text) else { return .none }
        let statements: [JSONValue]
        switch document["Statement"] {
        case .array(let list)?: statements = list
        case .object(let members)?: statements = [.object(members)]
        default: return .none
        }
        var result = Effect.none
        for statement in statements {
            guard let effect = statement["Effect"]?.stringValue, applies(statement, request, effect: effect) else {
                continue
            }
            if effect == "Deny" { return .deny }
            if effect == "Allow" { result = .allow }
        }
        return result
    }

    private static func applies(_ statement: JSONValue, _ request: AuthorizationRequest, effect: String) -> Bool {
        if statement["Condition"] != nil, effect == "Allow" { return false }
        let actionMatches: Bool
        if let actions = strings(statement["Action"]) {
            actionMatches = actions.contains { Wildcard.matches(pattern: $0, request.action, caseInsensitive: true) }
        } else if let notActions = strings(statement["NotAction"]) {
            actionMatches = !notActions.contains {
                Wildcard.matches(pattern: $0, request.action, caseInsensitive: true)
            }
        } else {
            return false
        }
        guard actionMatches else { return false }
        if let resources = strings(statement["Resource"]) {
            return resources.contains { Wildcard.matches(pattern: $0, request.resource, caseInsensitive: false) }
        }
        if let notResources = strings(statement["NotResource"]) {
            return !notResources.contains {
                Wildcard.matches(pattern: $0, request.resource, caseInsensitive: false)
            }
        }
        return false
    }

    private static func strings(_ value: JSONValue?) -> [String]? {
        switch value {
        case .string(let text)?: return [text]
        case .array(let items)?: return items.compactMap(\.stringValue)
        default: return nil
        }
    }
}

/// Glob matching with `*` (any run of characters) and `?` (exactly one), as IAM matches actions and resources.
public enum Wildcard {
    public static func matches(pattern: String, _ text: String, caseInsensitive: Bool) -> Bool {
        let p = Array((caseInsensitive ? pattern.lowercased() : pattern).unicodeScalars)
        let t = Array((caseInsensitive ? text.lowercased() : text).unicodeScalars)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

extension Account {
    /// The default version's document of a customer or AWS managed policy.
    public func managedDocument(arn: String) -> String? {
        if let policy = customerPolicy(arn: arn) { return policy.defaultDocument }
        return AWSManagedPolicyCatalog.policy(arn: arn)?.document
    }
}
