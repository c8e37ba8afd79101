import IAMPolicy

/// SimulatePrincipalPolicy and SimulateCustomPolicy request.
public struct SimulatePolicyRequest: Codable, Sendable {
    /// The user, group or role whose policies are simulated (SimulatePrincipalPolicy only).
    public var policySourceArn: String?
    /// More identity policies to include (required for SimulateCustomPolicy).
    public var policyInputList: [String]?
    /// Boundaries to use instead of the source's own.
    public var permissionsBoundaryPolicyInputList: [String]?
    public var actionNames: [String]
    public var resourceArns: [String]?
    public var resourcePolicy: String?
    public var resourceOwner: String?
    public var callerArn: String?
    public var contextEntries: [ContextEntry]?
    public var marker: String?
    public var maxItems: Int?

    public init(
        policySourceArn: String? = nil, policyInputList: [String]? = nil,
        permissionsBoundaryPolicyInputList: [String]? = nil, actionNames: [String], resourceArns: [String]? = nil,
        resourcePolicy: String? = nil, resourceOwner: String? = nil, callerArn: String? = nil,
        contextEntries: [ContextEntry]? = nil, marker: String? = nil, maxItems: Int? = nil
    ) {
        self.policySourceArn = policySourceArn
        self.policyInputList = policyInputList
        self.permissionsBoundaryPolicyInputList = permissionsBoundaryPolicyInputList
        self.actionNames = actionNames
        self.resourceArns = resourceArns
        self.resourcePolicy = resourcePolicy
        self.resourceOwner = resourceOwner
        self.callerArn = callerArn
        self.contextEntries = contextEntries
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// SimulatePrincipalPolicy and SimulateCustomPolicy response.
public struct SimulatePolicyResponse: Codable, Sendable, Equatable {
    public var evaluationResults: [EvaluationResultShape]
    public var isTruncated: Bool
    public var marker: String?
}

extension IAMService {
    /// Simulates how a user's, group's or role's policies (plus any given) decide each action on each resource.
    public func simulatePrincipalPolicy(
        _ request: SimulatePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> SimulatePolicyResponse
    {
        try recorded("SimulatePrincipalPolicy", request, principal) { () throws(IAMError) -> SimulatePolicyResponse in
            try handleSimulatePrincipalPolicy(request, as: principal)
        }
    }

    private func handleSimulatePrincipalPolicy(
        _ request: SimulatePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> SimulatePolicyResponse
    {
        guard let sourceARN = request.policySourceArn else {
            throw NameRules.validationError("null", "policySourceArn", "Member must not be null")
        }
        try NameRules.checkARN(sourceARN, field: "policySourceArn")
        guard let source = IAMResourceName(sourceARN), source.account == account.id,
            let kind = IdentityKind(rawValue: source.kind.prefix(1).uppercased() + source.kind.dropFirst())
        else {
            throw IAMError(.invalidInput, "Invalid policy source ARN: \(sourceARN). It must be a user, group or role.")
        }
        let entity = try identity(kind, source.name)
        guard entity.arn == sourceARN else { throw .noSuchEntity("Entity \(sourceARN) does not exist.") }
        try authorize(principal, "SimulatePrincipalPolicy", sourceARN)
        let policies = PrincipalPolicies(identity: kind, name: entity.name, in: account)
        let evaluationPrincipal: EvaluationPrincipal
        switch kind {
        case .role: evaluationPrincipal = EvaluationPrincipal(arn: sourceARN, accountId: account.id, kind: .role)
        case .user, .group:
            evaluationPrincipal = EvaluationPrincipal(arn: sourceARN, accountId: account.id, kind: .user)
        }
        return try simulate(request, principal: evaluationPrincipal, sources: policies)
    }

    /// Simulates how the given policies decide each action on each resource, with no principal's policies.
    public func simulateCustomPolicy(
        _ request: SimulatePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> SimulatePolicyResponse
    {
        try recorded("SimulateCustomPolicy", request, principal) { () throws(IAMError) -> SimulatePolicyResponse in
            try handleSimulateCustomPolicy(request, as: principal)
        }
    }

    private func handleSimulateCustomPolicy(
        _ request: SimulatePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> SimulatePolicyResponse
    {
        guard let inputs = request.policyInputList, !inputs.isEmpty else {
            throw NameRules.validationError("null", "policyInputList", "Member must not be null")
        }
        try authorize(principal, "SimulateCustomPolicy", "*")
        let caller = request.callerArn ?? ResourceNames.user(account.id, path: "/", name: "simulated-caller")
        let kind: EvaluationPrincipal.Kind =
            caller.hasSuffix(":root") ? .root : caller.contains(":role/") ? .role : .user
        let evaluationPrincipal = EvaluationPrincipal(
            arn: caller, accountId: IAMResourceName(caller)?.account ?? account.id, kind: kind)
        return try simulate(request, principal: evaluationPrincipal, sources: PrincipalPolicies())
    }

    private func simulate(
        _ request: SimulatePolicyRequest, principal: EvaluationPrincipal, sources: PrincipalPolicies
    ) throws(IAMError) -> SimulatePolicyResponse {
        guard !request.actionNames.isEmpty else {
            throw NameRules.validationError("[]", "actionNames", "Member must have length greater than or equal to 1")
        }
        var identity = sources.identity
        for (index, text) in (request.policyInputList ?? []).enumerated() {
            identity.append(try input(text, id: "PolicyInputList.\(index + 1)", type: "none", kind: .identity))
        }
        var boundary = sources.boundary
        if let boundaries = request.permissionsBoundaryPolicyInputList, let first = boundaries.first {
            boundary = try input(first, id: "PermissionsBoundaryPolicyInputList.1", type: "none", kind: .boundary)
        }
        let resourcePolicy = try request.resourcePolicy.map { (text) throws(IAMError) in
            try input(text, id: "ResourcePolicy", type: "resource", kind: .resource)
        }
        var context: [String: ContextValue] = [:]
        for entry in request.contextEntries ?? [] {
            let isList = entry.contextKeyType.hasSuffix("List")
            context[entry.contextKeyName] =
                isList || entry.contextKeyValues.count != 1
                ? .strings(entry.contextKeyValues) : .string(entry.contextKeyValues[0])
        }
        var caller = principal
        if let callerArn = request.callerArn, request.policySourceArn != nil { caller.arn = callerArn }
        let sourcesByName = Dictionary(
            (identity + [boundary, resourcePolicy].compactMap { $0 }).map { ($0.policy.name, $0) },
            uniquingKeysWith: { first, _ in first })
        var results: [EvaluationResultShape] = []
        for action in request.actionNames {
            for resource in request.resourceArns ?? ["*"] {
                let evaluation = EvaluationRequest(
                    principal: caller, action: action, resource: resource,
                    resourceAccount: request.resourceOwner.flatMap { IAMResourceName($0)?.account }
                        ?? request.resourceOwner ?? principal.accountId,
                    context: context, identityPolicies: identity.map(\.policy), permissionsBoundary: boundary?.policy,
                    resourcePolicy: resourcePolicy?.policy)
                let result = PolicyEvaluator.evaluate(evaluation)
                results.append(
                    shape(result, action: action, resource: resource, sources: sourcesByName, boundary: boundary))
            }
        }
        let page = try Paging.inOrder(results, marker: request.marker, maxItems: request.maxItems)
        return SimulatePolicyResponse(evaluationResults: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }

    private func input(
        _ text: String, id: String, type: String, kind: PolicyKind
    ) throws(IAMError)
        -> PrincipalPolicies.Source
    {
        try PolicyChecks.validate(text, kind: kind, field: id)
        do {
            return PrincipalPolicies.Source(
                policy: try ParsedPolicy(name: id, text: text), type: type, id: id, text: text)
        } catch {
            throw .malformed(error.message)
        }
    }

    private func shape(
        _ result: EvaluationResult, action: String, resource: String, sources: [String: PrincipalPolicies.Source],
        boundary: PrincipalPolicies.Source?
    ) -> EvaluationResultShape {
        let decidingEffect = result.decision == .explicitDeny ? "Deny" : "Allow"
        let statements = result.matchedStatements.filter {
            $0.effect == decidingEffect && $0.source != .permissionsBoundary
        }
        let matched = statements.map { statement -> StatementShape in
            let source = sources[statement.policy]
            let end = source.flatMap { Self.statementEnd(in: $0.text, index: statement.index) }
            return StatementShape(
                sourcePolicyId: source?.id ?? statement.policy, sourcePolicyType: source?.type ?? "none",
                startPosition: statement.location.map { PositionShape(line: $0.line, column: $0.column) },
                endPosition: end)
        }
        var boundaryDetail: PermissionsBoundaryDecisionDetailShape?
        if boundary != nil {
            let deniedByBoundary = result.denialReason?.contains("permissions boundary") == true
            boundaryDetail = PermissionsBoundaryDecisionDetailShape(allowedByPermissionsBoundary: !deniedByBoundary)
        }
        return EvaluationResultShape(
            evalActionName: action, evalResourceName: resource, evalDecision: result.decision.rawValue,
            matchedStatements: matched, missingContextValues: result.missingContextKeys,
            organizationsDecisionDetail: OrganizationsDecisionDetailShape(allowedByOrganizations: true),
            permissionsBoundaryDecisionDetail: boundaryDetail, evalDecisionDetails: nil)
    }

    /// Where statement `index` ends in the document, as the simulator's `EndPosition` reports it.
    static func statementEnd(in text: String, index: Int) -> PositionShape? {
        guard let root = try? JSONParser.parseNode(text), let statement = root["Statement"] else { return nil }
        let node: JSONNode
        if let elements = statement.elements {
            guard elements.indices.contains(index) else { return nil }
            node = elements[index]
        } else {
            node = statement
        }
        let end = JSONParser.location(ofByteOffset: max(node.endOffset - 1, 0), in: text)
        return PositionShape(line: end.line, column: end.column + 1)
    }
}
