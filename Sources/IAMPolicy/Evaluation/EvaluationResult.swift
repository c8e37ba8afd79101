/// The final decision, in AWS's own words from `simulate-principal-policy`.
public enum Decision: String, Sendable {
    case allowed
    case explicitDeny
    case implicitDeny
}

/// Which kind of policy a statement belongs to.
public enum PolicySourceKind: Sendable, Equatable, Hashable {
    case identity
    case permissionsBoundary
    case resource
    /// A service control policy at `level` of the organization path (0 is the root).
    case scp(level: Int)
    case session
}

/// A statement that took part in the decision.
public struct MatchedStatement: Sendable, Equatable {
    /// The policy's ``ParsedPolicy/name``.
    public var policy: String
    /// The statement's `Sid`, when it has one.
    public var sid: String?
    /// The statement's 0-based index in the policy.
    public var index: Int
    /// Where the statement starts.
    public var location: SourceLocation?
    /// `Allow` or `Deny`.
    public var effect: String
    /// Which kind of policy the statement is in.
    public var source: PolicySourceKind

    /// Creates a matched statement.
    public init(
        policy: String, sid: String?, index: Int, location: SourceLocation?, effect: String, source: PolicySourceKind
    ) {
        self.policy = policy
        self.sid = sid
        self.index = index
        self.location = location
        self.effect = effect
        self.source = source
    }
}

/// Whether one statement applied to the request, and if not, the first element that failed.
public struct TraceEntry: Sendable, Equatable {
    /// The statement.
    public var statement: MatchedStatement
    /// Whether action, resource, principal and every condition matched.
    public var applied: Bool
    /// Why it did not apply, for example `condition StringEquals aws:username: no match`.
    public var reason: String?

    /// Creates an entry.
    public init(statement: MatchedStatement, applied: Bool, reason: String?) {
        self.statement = statement
        self.applied = applied
        self.reason = reason
    }
}

/// The evaluator's answer with its explanation.
public struct EvaluationResult: Sendable {
    /// The decision.
    public var decision: Decision
    /// The statements that decided: every matching `Deny` for an explicit deny; for an allow, the
    /// `Allow` statements it relied on (identity, boundary, session, SCP and resource policy); empty for an implicit deny.
    public var matchedStatements: [MatchedStatement]
    /// Condition keys referenced by statements that could have applied but had no value in the context.
    public var missingContextKeys: [String]
    /// Every statement of every policy, in evaluation order, when a trace was requested.
    public var trace: [TraceEntry]?
    /// The end of AWS's AccessDenied message, for example `no identity-based policy allows the iam:ListUsers action`
    /// or `with an explicit deny in a service control policy`; `nil` when allowed.
    public var denialReason: String?

    /// Creates a result.
    public init(
        decision: Decision, matchedStatements: [MatchedStatement], missingContextKeys: [String], trace: [TraceEntry]?,
        denialReason: String?
    ) {
        self.decision = decision
        self.matchedStatements = matchedStatements
        self.missingContextKeys = missingContextKeys
        self.trace = trace
        self.denialReason = denialReason
    }

    /// AWS's AccessDenied message for `request`, for example
    /// `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource:
    /// arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action`.
    public func accessDeniedMessage(for request: EvaluationRequest) -> String? {
        guard let denialReason else { return nil }
        let connector = denialReason.hasPrefix("with ") ? " " : " because "
        return "User: \(request.principal.arn) is not authorized to perform: \(request.action) on resource: "
            + "\(request.resource)\(connector)\(denialReason)"
    }
}

extension PolicySourceKind {
    /// The policy type's name in AWS's AccessDenied wording.
    var deniedPhrase: String {
        switch self {
        case .identity: "an identity-based policy"
        case .permissionsBoundary: "a permissions boundary"
        case .resource: "a resource-based policy"
        case .scp: "a service control policy"
        case .session: "a session policy"
        }
    }
}
