import IAMPolicy

/// Authorises requests with the policy evaluator, exactly as AWS evaluates them: the principal's
/// identity policies (a user's own and its groups', or a role's), its permissions boundary, and the
/// request context AWS would supply (principal keys and tags, time, transport, resource tags, and the
/// keys the action itself adds).
public struct EvaluatingAuthorizer: Authorizer {
    public init() {}

    public func authorize(
        _ request: AuthorizationRequest, in account: Account, callerContext: [String: [String]]
    ) -> AuthorizationDecision {
        let evaluation = Self.evaluationRequest(request, in: account, callerContext: callerContext)
        let result = PolicyEvaluator.evaluate(evaluation)
        switch result.decision {
        case .allowed:
            return .allowed
        case .explicitDeny:
            return .explicitDeny(reason: result.denialReason ?? "with an explicit deny in an identity-based policy")
        case .implicitDeny:
            return .implicitDeny(
                reason: result.denialReason ?? "no identity-based policy allows the \(request.action) action")
        }
    }

    /// The evaluator's request for an IAM call made by a principal of the account.
    public static func evaluationRequest(
        _ request: AuthorizationRequest, in account: Account, callerContext: [String: [String]]
    ) -> EvaluationRequest {
        let policies = PrincipalPolicies(principal: request.principal, in: account)
        var context = RequestContextBuilder.principalContext(request.principal, in: account)
        RequestContextBuilder.addResourceTags(of: request.resource, in: account, to: &context)
        for (key, values) in callerContext { context[key] = values }
        for (key, values) in request.context { context[key] = values }
        return EvaluationRequest(
            principal: account.evaluationPrincipal(request.principal), action: request.action,
            resource: request.resource, resourceAccount: account.id,
            context: context.mapValues { $0.count == 1 ? .string($0[0]) : .strings($0) },
            identityPolicies: policies.identity.map(\.policy), permissionsBoundary: policies.boundary?.policy,
            sessionPolicies: request.sessionPolicies.enumerated().compactMap { index, text in
                let name = "session-policy-\(index + 1)"
                // Session policies are validated when the session is created; one that no longer parses
                // must still restrict, so it stands as a deny of everything rather than vanishing.
                return (try? ParsedPolicy(name: name, text: text)) ?? (try? ParsedPolicy(name: name, text: denyAll))
            })
    }
}

private let denyAll = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#

/// The request context keys AWS supplies for a caller and a resource
/// (IAM User Guide, "AWS global condition context keys").
public enum RequestContextBuilder {
    /// Keys describing the principal: user name and id, ARN, account, type and tags.
    public static func principalContext(_ principal: Principal, in account: Account) -> [String: [String]] {
        var context: [String: [String]] = [
            "aws:PrincipalAccount": [account.id],
            "aws:PrincipalArn": [account.evaluationPrincipal(principal).arn],
            "aws:SecureTransport": ["true"],
            "aws:RequestedRegion": ["us-east-1"],
            "aws:ViaAWSService": ["false"],
            "aws:PrincipalIsAWSService": ["false"],
        ]
        switch principal {
        case .root:
            context["aws:PrincipalType"] = ["Account"]
            context["aws:userid"] = [account.id]
        case .user(let name):
            guard let user = account.user(named: name) else { break }
            context["aws:PrincipalType"] = ["User"]
            context["aws:username"] = [user.name]
            context["aws:userid"] = [user.id]
            for tag in user.tags { context["aws:PrincipalTag/\(tag.key)"] = [tag.value] }
        case .roleSession(let roleName, let session):
            guard let role = account.role(named: roleName) else { break }
            context["aws:PrincipalArn"] = [account.arn(of: role)]
            context["aws:PrincipalType"] = ["AssumedRole"]
            context["aws:userid"] = ["\(role.id):\(session)"]
            context["aws:RoleSessionName"] = [session]
            for tag in role.tags { context["aws:PrincipalTag/\(tag.key)"] = [tag.value] }
        }
        return context
    }

    /// `aws:ResourceTag/…` and `iam:ResourceTag/…` when the resource is a tagged user, role or policy.
    public static func addResourceTags(of resource: String, in account: Account, to context: inout [String: [String]]) {
        guard let name = IAMResourceName(resource), name.account == account.id else { return }
        let tags: [Tag]
        switch name.kind {
        case "user": tags = account.user(named: name.name)?.tags ?? []
        case "role": tags = account.role(named: name.name)?.tags ?? []
        case "policy": tags = account.customerPolicy(arn: resource)?.tags ?? []
        default: tags = []
        }
        for tag in tags {
            context["aws:ResourceTag/\(tag.key)"] = [tag.value]
            context["iam:ResourceTag/\(tag.key)"] = [tag.value]
        }
    }

    /// `aws:RequestTag/…` and `aws:TagKeys` for a request that sets tags.
    public static func requestTags(_ tags: [Tag]?) -> [String: [String]] {
        guard let tags, !tags.isEmpty else { return [:] }
        var context: [String: [String]] = ["aws:TagKeys": tags.map(\.key)]
        for tag in tags { context["aws:RequestTag/\(tag.key)"] = [tag.value] }
        return context
    }
}
