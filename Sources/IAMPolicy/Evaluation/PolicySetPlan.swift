/// One principal's identity policies and permissions boundary merged for evaluation, built once when
/// requests are read and shared by every request made under exactly those policies (``PolicySetPlans``).
///
/// Why: a realistic run evaluates thousands of distinct policies, so their indexes are rarely in cache, and
/// a request used to read each policy's index separately (one run of memory per policy) and match the action
/// of every candidate. The plan keeps, for each action named literally in the policies (`s3:GetObject`), the
/// list of statements whose action matches it, in evaluation order (identity policies in order, then the
/// boundary; statements in document order), and each such statement's resource patterns and conditions in
/// one buffer: a request whose action is in the table reads one small region and matches no action pattern.
///
/// The lists are exact, not heuristic: each is computed by running the engine's own candidate selection and
/// action matching (``PolicyIndexStorage/View``) on the key as a lowered request action, and a request's
/// action is looked up by its lowered bytes, which are all that matching reads. An action not in the table
/// is evaluated policy by policy, as without a plan.
///
/// Each list is also cut by resource: most statements name resources whose first five segments hold no
/// wildcard (`arn:aws:ec2:us-east-1:111122223333:instance/*`), and such a statement can match only a resource
/// with those same bytes up to its fifth colon, whose number (``ResourcePrefixIDs``) the request holds. A
/// list has a sublist per number its statements require, holding the statements that require it or none,
/// and one for every other resource, holding those that require none; the request reads only its own. A
/// statement left out of a request's sublist fails on its resource, so it changes neither the decision nor
/// the missing keys. A list whose sublists would hold more than eight times its statements stays whole, and
/// so do all lists when the cut ones would pass the plan's bounds (``PolicySetPlanBuilder``).
///
/// Layout (offsets in words, 32-bit values as two words, low first), readable with ``PolicyIndexStorage/View``:
/// - table (``PolicySetPlanStorage/tableSlotSize`` words per slot, a power of two of them): low 32 bits of
///   the hash of the lowered action (2), offset of its key (2; 0 for an empty slot);
/// - each key and its sublists: the key's length (1), its bytes (two per word, in memory order), the number
///   of prefixes (1), each prefix's number (2), where each sublist starts, in the prefixes' order then the
///   one for every other resource, and where the last ends (2 each); each sublist is its record count (2)
///   and its records (``PlanRecord``), in evaluation order.
///
/// A request's sublist is found when the plan is attached to it, or its action or resource changes
/// (``PolicySetPlan/located(for:actionHash:)``), so deciding it reads one contiguous run, which the engine can
/// ask for before it needs any of it (``PolicyEvaluator/Engine/prefetch(at:)``). A statement whose actions
/// match several keys is written in each of their lists; its conditions are in the plan's conditions once.
struct PolicySetPlan: @unchecked Sendable {
    /// Immutable once made, so its words can be shared between threads.
    let storage: PolicySetPlanStorage
    /// The plan's words, read without touching ``storage`` (which a retain would write): a request's list can
    /// be asked for while the requests before it are decided.
    let words: UnsafePointer<UInt16>
    /// The number of words, the number of identity policies (their slots come first) and the conditions, as
    /// in ``storage``, read by the engine without touching it.
    let count: Int
    let identityCount: Int
    /// Where the sublist of the request's action and resource starts and ends in ``words``, `nil` when the
    /// action is not in the table (``located(for:actionHash:)``): found when the plan is attached to a request
    /// or its action or resource changes, so that deciding it, and reading its list ahead, probes no table.
    private(set) var list: Range<Int>?
    let conditions: UnsafeBufferPointer<ConditionEvaluator>

    /// Builds the plan of `identityPolicies` and `boundary`, its words in `arena` when one is given; `nil`
    /// when it would be too large to pay (``PolicySetPlanBuilder/maximumListEntries``).
    init?(identityPolicies: [ParsedPolicy], boundary: ParsedPolicy?, arena: PlanArena? = nil) {
        guard
            let storage = PolicySetPlanStorage.make(
                identityPolicies: identityPolicies, boundary: boundary, arena: arena)
        else { return nil }
        self.storage = storage
        list = nil
        words = UnsafePointer(storage.words)
        count = storage.count
        identityCount = storage.identityCount
        conditions = UnsafeBufferPointer(storage.conditions)
    }

    /// The plan with ``list`` located for the request whose prepared context is `prepared`: the sublist of
    /// its action's list for its resource.
    func located(for prepared: PreparedContext, actionHash: UInt64) -> PolicySetPlan {
        var located = self
        let action = LoweredAction(lowered: prepared.loweredAction, wholeHash: actionHash)
        located.list = storage.listRange(for: action, resource: prepared.resource)
        return located
    }
}

/// The storage of ``PolicySetPlan``: its words (in a ``PlanArena`` when the plan has one, which it then
/// keeps) and what reading them needs. Immutable once made, so sharing it between threads is safe.
final class PolicySetPlanStorage: @unchecked Sendable {
    let words: UnsafeMutablePointer<UInt16>
    let count: Int
    /// The identity policies, then the boundary: a record's slot indexes this array.
    let policies: [ParsedPolicy]
    let identityCount: Int
    /// The table's slot count minus one (a power of two minus one).
    let tableMask: Int
    let conditions: UnsafeMutableBufferPointer<ConditionEvaluator>
    /// Holds ``words``'s memory when it is in an arena; `nil` when it was allocated for this plan alone.
    private let arena: PlanArena?

    static let tableSlotSize = 4

    private init(
        words: UnsafeMutablePointer<UInt16>, count: Int, policies: [ParsedPolicy], identityCount: Int,
        tableMask: Int, conditions: UnsafeMutableBufferPointer<ConditionEvaluator>, arena: PlanArena?
    ) {
        self.words = words
        self.count = count
        self.policies = policies
        self.identityCount = identityCount
        self.tableMask = tableMask
        self.conditions = conditions
        self.arena = arena
    }

    static func make(
        identityPolicies: [ParsedPolicy], boundary: ParsedPolicy?, arena: PlanArena?
    ) -> PolicySetPlanStorage? {
        let policies = identityPolicies + (boundary.map { [$0] } ?? [])
        // A record names its policy's slot in one word.
        guard policies.count <= Int(UInt16.max) else { return nil }
        var builder = PolicySetPlanBuilder(policies: policies)
        guard builder.build() else { return nil }
        let built = builder.words
        let inArena = arena?.allocate(words: built.count)
        let words = inArena ?? UnsafeMutablePointer<UInt16>.allocate(capacity: built.count)
        words.initialize(from: built, count: built.count)
        let conditions = UnsafeMutableBufferPointer<ConditionEvaluator>.allocate(capacity: builder.conditions.count)
        _ = conditions.initialize(from: builder.conditions)
        return PolicySetPlanStorage(
            words: words, count: built.count, policies: policies, identityCount: identityPolicies.count,
            tableMask: builder.tableSlots - 1, conditions: conditions, arena: inArena == nil ? nil : arena)
    }

    deinit {
        _ = conditions.deinitialize()
        conditions.deallocate()
        if arena == nil { words.deallocate() }
    }

    /// Statement `number` of the policy in slot `slot` (identity policies first, then the boundary).
    func statement(slot: Int, number: Int) -> ParsedStatement {
        policies[slot].statements[number]
    }

    /// Where the list of the lowered action `action` for `resource` is in ``words`` (from its record count to
    /// its end), or `nil` when the action is not in the table.
    func listRange(for action: LoweredAction, resource: RequestResource) -> Range<Int>? {
        let words = UnsafeBufferPointer(start: UnsafePointer(self.words), count: count)
        let mask = tableMask
        guard let base = words.baseAddress, let bytes = action.whole.baseAddress else { return nil }
        // Linear probing from the hash's slot: a slot names its key's low 32 hash bits and where the key is.
        let low = UInt32(truncatingIfNeeded: action.wholeHash)
        var slot = Int(truncatingIfNeeded: action.wholeHash) & mask
        while true {
            let offset = slot * Self.tableSlotSize
            let key = Int(words[offset + 2]) | Int(words[offset + 3]) << 16
            if key == 0 { return nil }
            if UInt32(words[offset]) | UInt32(words[offset + 1]) << 16 == low, Int(words[key]) == action.whole.count,
                equalBytes(UnsafeRawPointer(base + key + 1), UnsafeRawPointer(bytes), count: action.whole.count)
            {
                return Self.sublist(in: words, directory: key + 1 + (Int(words[key]) + 1) / 2, for: resource)
            }
            slot = (slot + 1) & mask
        }
    }

    /// The sublist for `resource` of the action whose directory is at `directory`: the one of its run up to
    /// the fifth colon, or the one for every other resource.
    private static func sublist(
        in words: UnsafeBufferPointer<UInt16>, directory: Int, for resource: RequestResource
    ) -> Range<Int> {
        func read32(_ offset: Int) -> Int { Int(words[offset]) | Int(words[offset + 1]) << 16 }
        let count = Int(words[directory])
        let offsets = directory + 1 + 2 * count
        var chosen = count
        if resource.colonCount == RequestResource.slots {
            let prefix = Int(resource.prefixID(RequestResource.slots - 1))
            for index in 0..<count where read32(directory + 1 + 2 * index) == prefix {
                chosen = index
                break
            }
        }
        return read32(offsets + 2 * chosen)..<read32(offsets + 2 * chosen + 2)
    }
}

/// Shares one ``PolicySetPlan`` among all the requests made under the same identity policies and permissions
/// boundary: the parsed policy objects themselves, not equal texts, so a plan is attached only to requests
/// whose policies it was built from.
///
/// ```swift
/// var plans = PolicySetPlans()
/// for index in requests.indices { plans.attach(to: &requests[index]) }
/// ```
public struct PolicySetPlans {
    /// The identities of the policies' indexes: the identity policies in order, then the boundary's, if any.
    private struct Key: Hashable {
        let identity: [ObjectIdentifier]
        let boundary: ObjectIdentifier?
    }

    /// A plan keeps its policies alive, so a key's identities cannot be reused by other objects while its
    /// plan is here; a key without a plan (too large) maps to `nil`, which at worst means no plan.
    private var plans: [Key: PolicySetPlan?] = [:]
    /// Where the plans' words are: together, in huge pages.
    private let arena = PlanArena()

    /// Creates an empty set of plans.
    public init() {}

    /// Gives `request` the plan of its identity policies and boundary, built on first use. Changing
    /// either on the request afterwards drops the plan, so a plan always matches its request's policies.
    public mutating func attach(to request: inout EvaluationRequest) {
        guard !request.identityPolicies.isEmpty else { return }
        let key = Key(
            identity: request.identityPolicies.map { $0.index.identity },
            boundary: request.permissionsBoundary?.index.identity)
        let plan: PolicySetPlan?
        if let known = plans[key] {
            plan = known
        } else {
            plan = PolicySetPlan(
                identityPolicies: request.identityPolicies, boundary: request.permissionsBoundary, arena: arena)
            plans[key] = .some(plan)
        }
        request.policySetPlan = plan?.located(for: request.prepared, actionHash: request.actionHash)
    }
}
