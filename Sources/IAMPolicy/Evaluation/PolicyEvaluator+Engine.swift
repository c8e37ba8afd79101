extension PolicyEvaluator {
    /// Evaluates requests one after another without a trace, reusing its buffers: a decision allocates
    /// nothing, and the statements and keys behind it are kept as positions until ``result(for:)`` or
    /// ``record()`` asks for them.
    ///
    /// Gives exactly what ``PolicyEvaluator/evaluate(_:trace:)`` gives. Not thread-safe: use one per thread.
    ///
    /// ```swift
    /// let engine = PolicyEvaluator.Engine()
    /// for request in requests where engine.decide(request) == .allowed { … }
    /// ```
    public final class Engine {
        /// The state, behind a pointer rather than in a stored property: each access to a class's stored
        /// `var` is checked for exclusivity at run time, which cost more than some decisions.
        private let state: UnsafeMutablePointer<EngineRun>

        private var run: EngineRun {
            _read { yield state.pointee }
            _modify { yield &state.pointee }
        }

        /// Creates an engine.
        public init() {
            state = UnsafeMutablePointer<EngineRun>.allocate(capacity: 1)
            state.initialize(to: EngineRun())
        }

        deinit {
            state.deinitialize(count: 1)
            state.deallocate()
        }

        /// Evaluates `request`; the statements and keys behind the decision stay readable until the next call.
        @discardableResult
        public func decide(_ request: EvaluationRequest) -> Decision {
            withUnsafePointer(to: request) { run.decide($0) }
        }

        /// As ``decide(_:)`` for the request at `request`, read in place. For a loop over an array of
        /// requests: passed by value, each request is copied first, which retains every one of its fields.
        @discardableResult
        public func decide(at request: UnsafePointer<EvaluationRequest>) -> Decision {
            run.decide(request)
        }

        /// Starts bringing into cache what deciding `request` will read from memory: its prepared context and,
        /// when it has a shared plan (``PolicySetPlans``), the list of statements for its action. Call it with
        /// the request two places ahead of the one about to be decided, so that its misses overlap with the
        /// work of the two decisions before it. Changes no result.
        ///
        /// ```swift
        /// for index in requests.indices {
        ///     if index + 2 < requests.count { engine.prefetch(requests[index + 2]) }
        ///     engine.decide(requests[index])
        /// }
        /// ```
        public func prefetch(_ request: EvaluationRequest) {
            withUnsafePointer(to: request) { run.prefetch($0) }
        }

        /// As ``prefetch(_:)`` for the request at `request`, read in place (see ``decide(at:)``).
        public func prefetch(at request: UnsafePointer<EvaluationRequest>) {
            run.prefetch(request)
        }

        /// How many statements the last decision reports (``EvaluationResult/matchedStatements``).
        public var matchedStatementCount: Int { run.evidence.count }

        /// The last decision in full; `request` must be the one decided.
        public func result(for request: EvaluationRequest) -> EvaluationResult {
            record().result(for: request)
        }

        /// The last decision, kept compactly (positions, not names) until its result is needed.
        public func record() -> DecisionRecord {
            DecisionRecord(
                decision: run.decision, statements: Array(run.evidence), missingKeys: run.missingKeys,
                reason: run.reason)
        }
    }
}

/// One decision as ``PolicyEvaluator/Engine`` kept it: the statements as their places in the request.
public struct DecisionRecord: Sendable {
    /// The decision.
    public let decision: Decision
    let statements: [StatementRef]
    let missingKeys: [String]
    let reason: DenialReason?

    /// The full result; `request` must be the request that was decided.
    public func result(for request: EvaluationRequest) -> EvaluationResult {
        EvaluationResult(
            decision: decision, matchedStatements: statements.compactMap { $0.matched(in: request) },
            missingContextKeys: missingKeys, trace: nil, denialReason: reason?.text(action: request.action))
    }
}

/// A statement by its place in a request: which policy (by kind and position) and which statement of it.
struct StatementRef: Sendable {
    let source: PolicySourceKind
    let position: Int32
    let statement: Int32

    func matched(in request: EvaluationRequest) -> MatchedStatement? {
        let policy: ParsedPolicy?
        let position = Int(position)
        // Bounds are checked, so a record read against another request gives fewer statements, not a trap.
        func element(_ policies: [ParsedPolicy]) -> ParsedPolicy? {
            policies.indices.contains(position) ? policies[position] : nil
        }
        switch source {
        case .identity: policy = element(request.identityPolicies)
        case .permissionsBoundary: policy = request.permissionsBoundary
        case .resource: policy = request.resourcePolicy
        case .scp(let level): policy = request.scps.indices.contains(level) ? element(request.scps[level]) : nil
        case .session: policy = element(request.sessionPolicies)
        }
        guard let policy, policy.statements.indices.contains(Int(self.statement)) else { return nil }
        let statement = policy.statements[Int(self.statement)]
        return MatchedStatement(
            policy: policy.name, sid: statement.sid, index: statement.index, location: statement.location,
            effect: statement.effect.rawValue, source: source)
    }
}
