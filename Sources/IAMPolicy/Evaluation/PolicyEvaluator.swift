/// Decides whether a request is allowed, following *Policy evaluation logic* step by step
/// (POLICY-EVALUATION §1.1).
///
/// Every statement of every applicable policy is matched once; the decision then follows the documented
/// order: an explicit deny anywhere; SCPs (an `Allow` needed at every level, otherwise an implicit deny);
/// the resource-based policy, whose grant depends on how it names the principal; identity policies; the
/// permissions boundary; session policies. Cross-account, both the trusted and trusting sides must allow.
///
/// Choices where the documentation is silent: SCPs apply only to identities of an account (not to
/// services, providers or anonymous callers); `"*"` and `{"AWS":"*"}` both name every principal; a
/// KMS key policy or trust policy must allow even the root user.
public enum PolicyEvaluator {
    /// Evaluates `request`; with `trace`, the result lists every statement and why it did or did not apply.
    public static func evaluate(_ request: EvaluationRequest, trace: Bool = false) -> EvaluationResult {
        withUTF8Bytes(request.action) { action in
            withUTF8Bytes(request.resource) { resource in
                var run = EvaluationRun(
                    matcher: StatementMatcher(
                        action: RequestAction(action), resource: resource,
                        context: RequestContext(request.context, principal: request.principal),
                        principal: request.principal, hasBoundary: request.permissionsBoundary != nil),
                    trace: trace ? [] : nil)
                return run.decide(request)
            }
        }
    }
}

/// The state of one evaluation: what each kind of policy said.
private struct EvaluationRun {
    let matcher: StatementMatcher
    let service: RequestService
    var trace: [TraceEntry]?
    var denies: [MatchedStatement] = []
    var allows: [MatchedStatement] = []
    var missingKeys: [String] = []
    var identityAllows = false
    var boundaryAllows = false
    var sessionAllows = false
    var resourceGrant: PrincipalGrant?

    init(matcher: StatementMatcher, trace: [TraceEntry]?) {
        self.matcher = matcher
        self.trace = trace
        service = RequestService(matcher.action)
    }

    /// Matches every statement of `policy`; returns whether an `Allow` applied (and the best resource grant).
    ///
    /// Without a trace, only the statements ``ActionIndex`` names as candidates are evaluated, in order:
    /// the others fail on their action, which changes neither the decision nor the missing keys.
    private mutating func scan(_ policy: ParsedPolicy, source: PolicySourceKind) -> (Bool, PrincipalGrant?) {
        var allowed = false
        var bestGrant: PrincipalGrant?
        let isResource = source == .resource
        policy.statements.withUnsafeBufferPointer { statements in
            guard trace == nil else {
                for statement in statements {
                    let outcome = matcher.evaluate(statement, isResourcePolicy: isResource, missingKeys: &missingKeys)
                    let entry = TraceEntry(
                        statement: matched(statement, policy, source), applied: outcome.reason == nil,
                        reason: outcome.reason)
                    trace?.append(entry)
                    record(outcome, statement, policy, source, allowed: &allowed, bestGrant: &bestGrant)
                }
                return
            }
            policy.index.withView { index in
                let (first, count) = index.entries(for: service)
                var entry = first
                for _ in 0..<count {
                    defer { entry = index.next(after: entry) }
                    guard index.actionMatches(entry: entry, matcher.action) else { continue }
                    let number = index.statement(entry: entry)
                    let resourceMatches =
                        index.resourceMatches(entry: entry, matcher.resource)
                        ?? matcher.resourceMatches(statements[number])
                    guard resourceMatches else { continue }
                    let statement = statements[number]
                    let outcome = matcher.evaluate(
                        resourceMatched: statement, isResourcePolicy: isResource, missingKeys: &missingKeys)
                    record(outcome, statement, policy, source, allowed: &allowed, bestGrant: &bestGrant)
                }
            }
        }
        return (allowed, bestGrant)
    }

    private mutating func record(
        _ outcome: StatementMatcher.Outcome, _ statement: ParsedStatement, _ policy: ParsedPolicy,
        _ source: PolicySourceKind, allowed: inout Bool, bestGrant: inout PrincipalGrant?
    ) {
        guard case .applied(let grant) = outcome else { return }
        if statement.effect == .deny {
            denies.append(matched(statement, policy, source))
        } else {
            allowed = true
            allows.append(matched(statement, policy, source))
            if let grant { bestGrant = max(bestGrant ?? grant, grant) }
        }
    }

    private func matched(
        _ statement: ParsedStatement, _ policy: ParsedPolicy, _ source: PolicySourceKind
    )
        -> MatchedStatement
    {
        MatchedStatement(
            policy: policy.name, sid: statement.sid, index: statement.index, location: statement.location,
            effect: statement.effect.rawValue, source: source)
    }

    mutating func decide(_ request: EvaluationRequest) -> EvaluationResult {
        let principal = request.principal
        // Policies are read in place, through buffers, rather than copied out of their arrays per request.
        request.identityPolicies.withUnsafeBufferPointer { policies in
            for index in policies.indices where scan(policies[index], source: .identity).0 { identityAllows = true }
        }
        if let boundary = request.permissionsBoundary {
            boundaryAllows = scan(boundary, source: .permissionsBoundary).0
        }
        // SCPs govern the member account's identities, its root user included (*SCP evaluation*).
        let scpsApply = principal.isAccountIdentity && !request.scps.isEmpty
        var firstUnsatisfiedLevel: Int?
        if scpsApply {
            for (level, policies) in request.scps.enumerated() {
                var levelAllows = false
                policies.withUnsafeBufferPointer { policies in
                    for index in policies.indices where scan(policies[index], source: .scp(level: level)).0 {
                        levelAllows = true
                    }
                }
                if !levelAllows, firstUnsatisfiedLevel == nil { firstUnsatisfiedLevel = level }
            }
        }
        if let resourcePolicy = request.resourcePolicy {
            resourceGrant = scan(resourcePolicy, source: .resource).1
        }
        request.sessionPolicies.withUnsafeBufferPointer { policies in
            for index in policies.indices where scan(policies[index], source: .session).0 { sessionAllows = true }
        }

        // Step 1: an explicit deny in any policy is final, for the root user too.
        if let first = denies.first {
            return result(.explicitDeny, denies, reason: "with an explicit deny in \(first.source.deniedPhrase)")
        }
        let action = request.action
        // Step 2: SCPs need an Allow at every level; missing one is an implicit deny.
        if firstUnsatisfiedLevel != nil {
            return result(.implicitDeny, [], reason: "no service control policy allows the \(action) action")
        }
        let crossAccount = request.resourceAccount.map { $0 != principal.accountId } ?? false
        let resourceMustAllow = crossAccount || request.resourcePolicyKind != .generic
        // Step 3 exceptions and step 8: the resource policy must allow by itself.
        if resourceMustAllow, resourceGrant == nil {
            return result(.implicitDeny, [], reason: "no resource-based policy allows the \(action) action")
        }
        // Principals outside any account's IAM have no identity policies: only the resource policy can grant.
        guard principal.isAccountIdentity else {
            if resourceGrant == nil {
                return result(.implicitDeny, [], reason: "no resource-based policy allows the \(action) action")
            }
            return result(.allowed, allows, reason: nil)
        }
        // Step 7: the root user is allowed absent an explicit deny, with SCPs satisfied.
        if case .root = principal.kind { return result(.allowed, allows, reason: nil) }
        if !crossAccount {
            switch resourceGrant {
            case .direct?:
                return result(.allowed, allows, reason: nil)
            case .role?:
                return limits(request, checkIdentity: false)
            case .account?, nil:
                break
            }
        }
        // Steps 4-6 (and the trusted side cross-account, where naming the user bypasses nothing).
        return limits(request, checkIdentity: true)
    }

    /// Identity (optionally), then boundary, then session policy: each must allow when present.
    private func limits(_ request: EvaluationRequest, checkIdentity: Bool) -> EvaluationResult {
        let action = request.action
        if checkIdentity, !identityAllows {
            return result(.implicitDeny, [], reason: "no identity-based policy allows the \(action) action")
        }
        if request.permissionsBoundary != nil, !boundaryAllows {
            return result(.implicitDeny, [], reason: "no permissions boundary allows the \(action) action")
        }
        if !request.sessionPolicies.isEmpty, !sessionAllows {
            return result(.implicitDeny, [], reason: "no session policy allows the \(action) action")
        }
        return result(.allowed, allows, reason: nil)
    }

    private func result(_ decision: Decision, _ statements: [MatchedStatement], reason: String?) -> EvaluationResult {
        EvaluationResult(
            decision: decision, matchedStatements: statements, missingContextKeys: missingKeys, trace: trace,
            denialReason: reason)
    }
}
