/// Decides whether one statement applies to a request (*Policy evaluation logic*; element pages).
struct StatementMatcher {
    let action: RequestAction
    let resource: UnsafeBufferPointer<UInt8>
    let context: RequestContext
    /// Read in place, and only for resource-based policies: a copy would retain each of its strings.
    let principal: UnsafePointer<EvaluationPrincipal>
    let hasBoundary: Bool

    enum Outcome {
        /// The statement applies; for resource policies, how it names the principal.
        case applied(PrincipalGrant?)
        case actionMismatch
        case resourceMismatch
        case principalMismatch
        case conditionFailed(ParsedCondition, ParsedCondition.Outcome)
    }

    func evaluate(_ statement: ParsedStatement, isResourcePolicy: Bool, missingKeys: inout [String]) -> Outcome {
        guard actionMatches(statement) else { return .actionMismatch }
        return evaluate(actionMatched: statement, isResourcePolicy: isResourcePolicy, missingKeys: &missingKeys)
    }

    /// The rest of ``evaluate(_:isResourcePolicy:missingKeys:)`` for a statement whose action is known to match
    /// (``ActionIndex`` decided it).
    func evaluate(
        actionMatched statement: ParsedStatement, isResourcePolicy: Bool, missingKeys: inout [String]
    )
        -> Outcome
    {
        guard resourceMatches(statement) else { return .resourceMismatch }
        return evaluate(resourceMatched: statement, isResourcePolicy: isResourcePolicy, missingKeys: &missingKeys)
    }

    /// The rest for a statement whose action and resource are known to match (``PolicyIndex`` decided both).
    func evaluate(
        resourceMatched statement: ParsedStatement, isResourcePolicy: Bool, missingKeys: inout [String]
    )
        -> Outcome
    {
        var grant: PrincipalGrant?
        if isResourcePolicy {
            guard let found = principalGrant(statement) else { return .principalMismatch }
            grant = found
        }
        // Operators and keys are ANDed (*Conditions with multiple context keys or values*); every key that
        // is missing is reported, even after a condition has failed, so each key is looked up once here.
        var failure: Outcome?
        statement.conditions.withUnsafeBufferPointer { conditions in
            // Read in place: copying a condition retains each of its fields.
            for index in conditions.indices {
                let evaluator = conditions[index].evaluator
                let value = context.value(id: evaluator.keyID)
                if value == nil, conditions[index].comparison != .null, !missingKeys.contains(conditions[index].key) {
                    missingKeys.append(conditions[index].key)
                }
                if failure != nil { continue }
                let outcome = conditions[index].evaluate(value, context)
                if outcome != .satisfied { failure = .conditionFailed(conditions[index], outcome) }
            }
        }
        if let failure { return failure }
        return .applied(grant)
    }

    /// `NotAction` applies to every action except those listed (*NotAction*).
    private func actionMatches(_ statement: ParsedStatement) -> Bool {
        switch statement.actions {
        case .absent: return false
        case .listed: return statement.actionPatterns.contains { $0.matches(action) }
        case .negated: return !statement.actionPatterns.contains { $0.matches(action) }
        }
    }

    /// A statement without `Resource` (trust and resource policies) covers the resource the policy is attached to.
    func resourceMatches(_ statement: ParsedStatement) -> Bool {
        switch statement.resources {
        case .absent: return true
        case .listed: return statement.resourcePatterns.contains { $0.matches(resource, context: context) }
        case .negated: return !statement.resourcePatterns.contains { $0.matches(resource, context: context) }
        }
    }

    /// A `Principal` must name the caller; `Allow` + `NotPrincipal` names everyone else (like `*`);
    /// `Deny` + `NotPrincipal` always covers a principal with a permissions boundary (*Permissions boundaries* quirk).
    func principalGrant(_ statement: ParsedStatement) -> PrincipalGrant? {
        switch statement.principals {
        case .absent:
            return nil
        case .listed:
            return statement.principalSet.grant(for: principal.pointee)
        case .negated:
            if statement.effect == .deny, hasBoundary { return .direct }
            return statement.principalSet.exempts(principal.pointee) ? nil : .direct
        }
    }
}

extension StatementMatcher.Outcome {
    /// The trace's wording for a statement that did not apply.
    var reason: String? {
        switch self {
        case .applied: return nil
        case .actionMismatch: return "action does not match"
        case .resourceMismatch: return "resource does not match"
        case .principalMismatch: return "principal does not match"
        case .conditionFailed(let condition, let outcome):
            let name = "condition \(condition.conditionOperator) \(condition.key)"
            switch outcome {
            case .missingKey: return name + ": key missing from the request context"
            case .multivaluedKeyWithoutSetOperator:
                return name + ": multivalued key without ForAllValues/ForAnyValue; treated as no match"
            default: return name + ": no match"
            }
        }
    }
}
