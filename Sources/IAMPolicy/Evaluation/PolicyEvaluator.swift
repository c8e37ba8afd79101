/// Decides whether a request is allowed, following *Policy evaluation logic* step by step
/// (POLICY-EVALUATION §1.1).
///
/// Every statement that can apply is matched once; the decision then follows the documented order
/// (``PolicyVerdicts``): an explicit deny anywhere; SCPs (an `Allow` needed at every level, otherwise an
/// implicit deny); the resource-based policy, whose grant depends on how it names the principal; identity
/// policies; the permissions boundary; session policies. Cross-account, both the trusted and trusting sides
/// must allow.
///
/// Choices where the documentation is silent: SCPs apply only to identities of an account (not to
/// services, providers or anonymous callers); `"*"` and `{"AWS":"*"}` both name every principal; a
/// KMS key policy or trust policy must allow even the root user.
public enum PolicyEvaluator {
    /// Evaluates `request`; with `trace`, the result lists every statement and why it did or did not apply.
    ///
    /// Without a trace this is ``Engine``'s evaluation; to decide many requests, keep one ``Engine``.
    public static func evaluate(_ request: EvaluationRequest, trace: Bool = false) -> EvaluationResult {
        guard trace else {
            let engine = Engine()
            engine.decide(request)
            return engine.result(for: request)
        }
        return withUTF8Bytes(request.action) { action in
            withUTF8Bytes(request.resource) { resource in
                withUnsafePointer(to: request.principal) { principal in
                    var run = TracedRun(
                        matcher: StatementMatcher(
                            action: RequestAction(action), resource: resource,
                            context: RequestContext(request.prepared), principal: principal,
                            hasBoundary: request.permissionsBoundary != nil))
                    return run.decide(request)
                }
            }
        }
    }
}

/// An evaluation that matches every statement of every policy and records in the trace why each did or
/// did not apply. It is also the plain scan the faster ``PolicyEvaluator/Engine`` is tested against.
private struct TracedRun {
    let matcher: StatementMatcher
    var trace: [TraceEntry] = []
    var denies: [MatchedStatement] = []
    var allows: [MatchedStatement] = []
    var missingKeys: [String] = []
    var verdicts = PolicyVerdicts()

    init(matcher: StatementMatcher) {
        self.matcher = matcher
    }

    /// Matches every statement of `policy`; returns whether an `Allow` applied (and the best resource grant).
    private mutating func scan(_ policy: ParsedPolicy, source: PolicySourceKind) -> (Bool, PrincipalGrant?) {
        var allowed = false
        var bestGrant: PrincipalGrant?
        for statement in policy.statements {
            let outcome = matcher.evaluate(statement, isResourcePolicy: source == .resource, missingKeys: &missingKeys)
            let entry = matched(statement, policy, source)
            trace.append(TraceEntry(statement: entry, applied: outcome.reason == nil, reason: outcome.reason))
            guard case .applied(let grant) = outcome else { continue }
            if statement.effect == .deny {
                if verdicts.firstDeny == nil { verdicts.firstDeny = source }
                denies.append(entry)
            } else {
                allowed = true
                allows.append(entry)
                if let grant { bestGrant = max(bestGrant ?? grant, grant) }
            }
        }
        return (allowed, bestGrant)
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
        for policy in request.identityPolicies where scan(policy, source: .identity).0 {
            verdicts.identityAllows = true
        }
        if let boundary = request.permissionsBoundary {
            verdicts.boundaryAllows = scan(boundary, source: .permissionsBoundary).0
        }
        // SCPs govern the member account's identities, its root user included (*SCP evaluation*).
        if request.principal.isAccountIdentity {
            for (level, policies) in request.scps.enumerated() {
                var levelAllows = false
                for policy in policies where scan(policy, source: .scp(level: level)).0 { levelAllows = true }
                if !levelAllows, verdicts.firstUnsatisfiedSCPLevel == nil { verdicts.firstUnsatisfiedSCPLevel = level }
            }
        }
        if let resourcePolicy = request.resourcePolicy {
            verdicts.resourceGrant = scan(resourcePolicy, source: .resource).1
        }
        for policy in request.sessionPolicies where scan(policy, source: .session).0 { verdicts.sessionAllows = true }
        let (decision, evidence, reason) = withUnsafePointer(to: request) { verdicts.decide($0) }
        let statements: [MatchedStatement]
        switch evidence {
        case .denies: statements = denies
        case .allows: statements = allows
        case .none: statements = []
        }
        return EvaluationResult(
            decision: decision, matchedStatements: statements, missingContextKeys: missingKeys, trace: trace,
            denialReason: reason?.text(action: request.action))
    }
}
