import CPrefetch

/// The state and scanning of ``PolicyEvaluator/Engine``: one request at a time, buffers kept between requests.
///
/// Only the statements ``PolicyIndex`` names as candidates for the request's service are read, in statement
/// order, and action and resource are matched in the packed index; the statement objects themselves are read
/// only for a resource with a policy variable or a resource policy's `Principal`. A candidate that fails on its
/// action or resource changes neither the decision nor the missing keys, so the result is the full scan's.
struct EngineRun {
    private var denies: [StatementRef] = []
    private var allows: [StatementRef] = []
    /// The missing keys' conditions, in the plan or index that holds them, read only when the keys are asked
    /// for (``missingKeys``); `missingIDs` are their keys' numbers as written, which tell them apart.
    private var missingSources: [UnsafePointer<ConditionEvaluator>] = []
    private var missingIDs: [UInt32] = []

    /// The context keys the last decision found missing, each once, in the order the scan met them.
    var missingKeys: [String] { missingSources.map { $0.pointee.key } }
    private var verdicts = PolicyVerdicts()
    private(set) var decision = Decision.implicitDeny
    private var evidenceKind = PolicyVerdicts.Evidence.none
    private(set) var reason: DenialReason?
    /// Keeps the loads of ``PolicyIndex/touch()`` from being optimised away.
    private(set) var sink: UInt16 = 0

    /// The statements the last decision reports.
    var evidence: ArraySlice<StatementRef> {
        switch evidenceKind {
        case .denies: denies[...]
        case .allows: allows[...]
        case .none: []
        }
    }

    /// `request` is read in place, field by field: the hot loop of a caller keeps its requests in an array,
    /// and passing one by value makes the compiler copy it (a retain of every field) on each call.
    mutating func decide(_ request: UnsafePointer<EvaluationRequest>) -> Decision {
        // Most of them are already empty: removing nothing still calls into the array's replacement.
        if !denies.isEmpty { denies.removeAll(keepingCapacity: true) }
        if !allows.isEmpty { allows.removeAll(keepingCapacity: true) }
        if !missingSources.isEmpty { missingSources.removeAll(keepingCapacity: true) }
        if !missingIDs.isEmpty { missingIDs.removeAll(keepingCapacity: true) }
        verdicts = PolicyVerdicts()
        // Patterns are lowercased at parse time; the action is lowered once here, into a buffer on the stack
        // (appending to an array checked its uniqueness for every byte), then compared byte for byte.
        // The action (lowered when the request was prepared) and the resource are read from the prepared
        // block, which ``prefetch(_:)`` asked for: the strings' own objects are not touched.
        // Not retained (a write to the object's line): the request, which the caller keeps, holds it.
        unowned(unsafe) let prepared = request.pointee.prepared
        let lowered = prepared.loweredAction
        let resource = prepared.resource
        let scan = PolicyScan(
            action: LoweredAction(lowered: lowered, wholeHash: request.pointee.actionHash),
            service: RequestService(RequestAction(lowered)),
            resource: resource,
            matcher: StatementMatcher(
                action: RequestAction(lowered), resource: resource.bytes, context: RequestContext(prepared),
                principal: request.principal, hasBoundary: request.pointee.permissionsBoundary != nil))
        scanAll(request, scan)
        (decision, evidenceKind, reason) = verdicts.decide(request)
        return decision
    }

    /// Asks for what deciding the request reads from memory: its prepared context (``PreparedContext``) and
    /// every cache line of the list of its action in its plan (located when the plan was attached). Reads
    /// only the request's own fields; the lines do not depend on each other, so their misses overlap with one
    /// another and with the current request's work.
    func prefetch(_ request: UnsafePointer<EvaluationRequest>) {
        // The prepared context: its object holds where the block's parts are, and its block everything else
        // the engine reads of the request.
        let memory = request.pointee.preparedMemory
        iam_prefetch(memory.object)
        for line in stride(from: 0, to: memory.blockSize, by: 64) { iam_prefetch(memory.block + line) }
        guard let words = request.pointee.policySetPlan?.words, let list = request.pointee.policySetPlan?.list
        else { return }
        // 32 words are 64 bytes, one cache line.
        for line in stride(from: list.lowerBound, to: list.upperBound, by: 32) { iam_prefetch(words + line) }
        iam_prefetch(words + list.upperBound - 1)
    }

    private mutating func scanAll(_ request: UnsafePointer<EvaluationRequest>, _ scan: PolicyScan) {
        // The plan's fields are read one by one: copying the plan out of the request would retain its storage.
        var planned: (identity: Bool, boundary: Bool)?
        if let words = request.pointee.policySetPlan?.words, let count = request.pointee.policySetPlan?.count,
            let list = request.pointee.policySetPlan?.list,
            let conditions = request.pointee.policySetPlan?.conditions,
            let identityCount = request.pointee.policySetPlan?.identityCount
        {
            let all = UnsafeBufferPointer(start: words, count: count)
            planned = scanPlan(
                PolicyIndexStorage.View(words: all, conditions: conditions), list.lowerBound, identityCount, request,
                scan)
        }
        if let (identityAllows, boundaryAllows) = planned {
            verdicts.identityAllows = identityAllows
            verdicts.boundaryAllows = boundaryAllows
        } else {
            scanEach(request, scan)
        }
        // SCPs govern the member account's identities, its root user included (*SCP evaluation*).
        if request.pointee.principalTraits.isAccountIdentity {
            for (level, policies) in request.pointee.scps.enumerated() {
                var levelAllows = false
                policies.withUnsafeBufferPointer { policies in
                    for index in policies.indices
                    where self.scan(policies[index], .scp(level: level), index, scan).allowed {
                        levelAllows = true
                    }
                }
                if !levelAllows, verdicts.firstUnsatisfiedSCPLevel == nil { verdicts.firstUnsatisfiedSCPLevel = level }
            }
        }
        if let resourcePolicy = request.pointee.resourcePolicy {
            verdicts.resourceGrant = self.scan(resourcePolicy, .resource, 0, scan).grant
        }
        request.pointee.sessionPolicies.withUnsafeBufferPointer { policies in
            for index in policies.indices where self.scan(policies[index], .session, index, scan).allowed {
                verdicts.sessionAllows = true
            }
        }
    }

    /// The identity policies and the boundary one by one, when the request has no plan or its action is not
    /// in the plan's table.
    private mutating func scanEach(_ request: UnsafePointer<EvaluationRequest>, _ scan: PolicyScan) {
        // The indexes are rarely in cache: ask for all of them first, so the misses overlap.
        var touched: UInt16 = request.pointee.permissionsBoundary?.index.touch() ?? 0
        request.pointee.identityPolicies.withUnsafeBufferPointer { policies in
            for index in policies.indices { touched &+= policies[index].index.touch() }
        }
        sink &+= touched
        // Policies are read in place, through buffers, rather than copied out of their arrays per request.
        request.pointee.identityPolicies.withUnsafeBufferPointer { policies in
            for index in policies.indices where self.scan(policies[index], .identity, index, scan).allowed {
                verdicts.identityAllows = true
            }
        }
        if let boundary = request.pointee.permissionsBoundary {
            verdicts.boundaryAllows = self.scan(boundary, .permissionsBoundary, 0, scan).allowed
        }
    }

    /// The records of a ``PolicySetPlan`` list: the identity and boundary statements whose action matches, in
    /// the order ``scanEach(_:_:)`` would reach them, so statements and missing keys come out the same.
    /// Returns whether an identity policy and whether the boundary allowed.
    private mutating func scanPlan(
        _ view: PolicyIndexStorage.View, _ list: Int, _ identityCount: Int,
        _ request: UnsafePointer<EvaluationRequest>, _ scan: PolicyScan
    ) -> (identity: Bool, boundary: Bool) {
        var identityAllows = false
        var boundaryAllows = false
        let words = view.words
        let count = Int(words[list]) | Int(words[list + 1]) << 16
        var next = list + 2
        for _ in 0..<count {
            let entry = next
            next += PlanRecord.length(words, entry)
            let statement = PlanRecord.statement(words, entry)
            let slot = PlanRecord.slot(words, entry)
            guard
                PlanRecord.resourceMatches(words, entry, scan.resource)
                    ?? variableResourceMatches(request, slot, statement, scan)
            else { continue }
            let isDeny = PlanRecord.isDeny(words, entry)
            let isIdentity = slot < identityCount
            let source: PolicySourceKind = isIdentity ? .identity : .permissionsBoundary
            let decides = isDeny || verdicts.firstDeny == nil
            guard
                packedConditionsHold(
                    view, PlanRecord.conditionRange(words, entry), PlanRecord.packedConditions(words, entry), scan,
                    evaluate: decides)
            else { continue }
            let reference = StatementRef(
                source: source, position: Int32(isIdentity ? slot : 0), statement: Int32(statement))
            if isDeny {
                if verdicts.firstDeny == nil { verdicts.firstDeny = source }
                denies.append(reference)
            } else {
                if isIdentity { identityAllows = true } else { boundaryAllows = true }
                allows.append(reference)
            }
        }
        return (identityAllows, boundaryAllows)
    }

    /// Whether the resource of a plan's statement with a policy variable matches, read from the statement.
    private func variableResourceMatches(
        _ request: UnsafePointer<EvaluationRequest>, _ slot: Int, _ number: Int, _ scan: PolicyScan
    ) -> Bool {
        guard let statement = request.pointee.policySetPlan?.storage.statement(slot: slot, number: number) else {
            return false
        }
        return scan.matcher.resourceMatches(statement)
    }

    /// Matches the candidate statements of `policy`; returns whether an `Allow` applied and the best resource grant.
    private mutating func scan(
        _ policy: ParsedPolicy, _ source: PolicySourceKind, _ position: Int, _ scan: PolicyScan
    ) -> (allowed: Bool, grant: PrincipalGrant?) {
        var allowed = false
        var bestGrant: PrincipalGrant?
        let isResource = source == .resource
        policy.index.withView { index in
            let (first, count) = index.entries(for: scan.service)
            var entry = first
            for _ in 0..<count {
                defer { entry = index.next(after: entry) }
                guard index.actionMatches(entry: entry, scan.action) else { continue }
                let number = index.statement(entry: entry)
                guard
                    index.resourceMatches(entry: entry, scan.resource)
                        ?? scan.matcher.resourceMatches(policy.statements[number])
                else { continue }
                var grant: PrincipalGrant?
                if isResource {
                    guard let found = scan.matcher.principalGrant(policy.statements[number]) else { continue }
                    grant = found
                }
                let isDeny = index.isDeny(entry: entry)
                // Once a Deny has applied, an Allow cannot change the decision or the statements it reports:
                // only its missing keys are still needed.
                let decides = isDeny || verdicts.firstDeny == nil
                guard conditionsHold(index.conditions, index.conditionRange(entry: entry), scan, evaluate: decides)
                else { continue }
                let reference = StatementRef(source: source, position: Int32(position), statement: Int32(number))
                if isDeny {
                    if verdicts.firstDeny == nil { verdicts.firstDeny = source }
                    denies.append(reference)
                } else {
                    allowed = true
                    allows.append(reference)
                    if let grant { bestGrant = max(bestGrant ?? grant, grant) }
                }
            }
        }
        return (allowed, bestGrant)
    }

    /// Whether every condition holds (only when `evaluate`; otherwise `false`). Every missing key is
    /// reported, even after a condition has failed, as the full scan does.
    private mutating func conditionsHold(
        _ conditions: UnsafeBufferPointer<ConditionEvaluator>, _ range: Range<Int>, _ scan: PolicyScan,
        evaluate: Bool
    ) -> Bool {
        var holds = evaluate
        for index in range {
            let condition = conditions[index]
            let block = scan.matcher.context.block
            guard let found = block.position(id: condition.keyID) else {
                if condition.comparison != .null, let base = conditions.baseAddress {
                    noteMissing(condition.writtenKeyID, base + index)
                }
                if holds, condition.evaluate(nil, readings: nil, scan.matcher.context) != .satisfied { holds = false }
                continue
            }
            if holds, !Self.holds(condition, at: found, block.readings(at: found), scan) { holds = false }
        }
        return holds
    }

    /// Whether `condition` holds for the context value at `found`: from its bytes and readings when they are
    /// enough, otherwise from the value itself.
    private static func holds(
        _ condition: ConditionEvaluator, at found: Int, _ readings: ContextReadings, _ scan: PolicyScan
    ) -> Bool {
        let prepared = scan.matcher.context.prepared
        if let text = scan.matcher.context.block.text(of: readings),
            let outcome = condition.evaluate(single: text, readings: readings, scan.matcher.context)
        {
            return outcome == .satisfied
        }
        return condition.evaluate(prepared.value(at: found), readings: readings, scan.matcher.context) == .satisfied
    }

    /// As ``conditionsHold(_:_:_:evaluate:)`` for a plan record's conditions, read from their packed form
    /// (``PackedCondition``) starting at `packed`, with the objects of `range` for what that form leaves out.
    private mutating func packedConditionsHold(
        _ view: PolicyIndexStorage.View, _ range: Range<Int>, _ packed: Int, _ scan: PolicyScan, evaluate: Bool
    ) -> Bool {
        var holds = evaluate
        var at = packed
        let words = view.words
        let block = scan.matcher.context.block
        for index in range {
            let condition = at
            at += PackedCondition.length(words, condition)
            guard let found = block.position(id: PackedCondition.keyID(words, condition)) else {
                // The packed form says all a missing key needs: the object is not read.
                if PackedCondition.isNull(words, condition) {
                    let object = view.conditions[index]
                    if holds, object.evaluate(nil, readings: nil, scan.matcher.context) != .satisfied { holds = false }
                } else {
                    if let base = view.conditions.baseAddress {
                        noteMissing(PackedCondition.writtenKeyID(words, condition), base + index)
                    }
                    if !PackedCondition.holdsWhenMissing(words, condition) { holds = false }
                }
                continue
            }
            guard holds else { continue }
            let readings = block.readings(at: found)
            if let text = block.text(of: readings),
                let outcome = PackedCondition.holds(words, condition, text: text, readings: readings, block: block)
            {
                if !outcome { holds = false }
                continue
            }
            if !Self.holds(view.conditions[index], at: found, readings, scan) { holds = false }
        }
        return holds
    }

    private mutating func noteMissing(_ id: UInt32, _ source: UnsafePointer<ConditionEvaluator>) {
        for known in missingIDs where known == id { return }
        missingIDs.append(id)
        missingSources.append(source)
    }
}

/// What a request's scan matches against, made once per request.
private struct PolicyScan {
    let action: LoweredAction
    let service: RequestService
    /// Split once for every packed resource pattern.
    let resource: RequestResource
    let matcher: StatementMatcher
}
