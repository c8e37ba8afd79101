/// Writes the words and conditions of a ``PolicySetPlanStorage`` (see its layout).
struct PolicySetPlanBuilder {
    let policies: [ParsedPolicy]
    private(set) var words: [UInt16] = []
    private(set) var conditions: [ConditionEvaluator] = []
    private(set) var tableSlots = 2
    /// Where each statement's record was first written in ``words``.
    private var records: [RecordKey: Range<Int>] = [:]

    /// A statement by its policy's slot and its number in that policy.
    private struct RecordKey: Hashable, Comparable {
        let slot: Int
        let statement: Int

        static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
            (lhs.slot, lhs.statement) < (rhs.slot, rhs.statement)
        }
    }

    /// The most words this plan may hold: ``maximumWords``, or less for a test.
    private let wordLimit: Int

    init(policies: [ParsedPolicy], wordLimit: Int = maximumWords) {
        self.policies = policies
        self.wordLimit = wordLimit
    }

    /// The most list entries a plan may hold: lists grow with actions times statements, so a pathological
    /// set of policies gets no plan (and is evaluated policy by policy) rather than a huge one.
    static let maximumListEntries = 1 << 20

    /// The most words a plan may hold (16 MiB): each list holds its records whole, so a statement is written
    /// once per action it matches, and a plan beyond this costs more memory than it saves time.
    static let maximumWords = 1 << 23

    /// Builds the plan; returns `false`, leaving it unusable, when it would be larger than the bound.
    mutating func build() -> Bool {
        let keys = Self.literalActions(policies)
        var lists: [[RecordKey]] = []
        // Where each listed statement's entry is in its policy's index; any of its entries will do, since
        // they differ only in their action patterns, which a record leaves out.
        var entries: [RecordKey: Int] = [:]
        var total = 0
        for key in keys {
            var list: [RecordKey] = []
            key.withUnsafeBufferPointer { lowered in
                // Exactly what the engine computes for a request whose lowered action is `key`.
                let action = LoweredAction(lowered: lowered)
                let service = RequestService(RequestAction(lowered))
                for (slot, policy) in policies.enumerated() {
                    policy.index.withView { view in
                        let (first, count) = view.entries(for: service)
                        var entry = first
                        for _ in 0..<count {
                            defer { entry = view.next(after: entry) }
                            guard view.actionMatches(entry: entry, action) else { continue }
                            let record = RecordKey(slot: slot, statement: view.statement(entry: entry))
                            if entries[record] == nil { entries[record] = entry }
                            list.append(record)
                        }
                    }
                }
            }
            lists.append(list)
            total += list.count
            if total > Self.maximumListEntries { return false }
        }
        var prefixes: [RecordKey: [UInt32]] = [:]
        for (record, entry) in entries {
            if let required = requiredPrefixes(record, entry: entry) { prefixes[record] = required }
        }
        let splits = lists.map { ListSplit($0, prefixes: prefixes) }
        // Cutting writes a statement once per sublist that keeps it; past the bounds, the lists stay whole.
        if splits.reduce(0, { $0 + $1.entryCount }) <= Self.maximumListEntries,
            write(keys: keys, splits: splits, entries: entries)
        {
            return true
        }
        words = []
        conditions = []
        records = [:]
        return write(keys: keys, splits: lists.map { ListSplit(whole: $0) }, entries: entries)
    }

    /// Writes the table and each key's sublists; `false` when a value does not fit or the plan passes
    /// ``wordLimit``.
    private mutating func write(keys: [[UInt8]], splits: [ListSplit], entries: [RecordKey: Int]) -> Bool {
        tableSlots = 2
        while tableSlots < keys.count * 2 { tableSlots *= 2 }
        let slotSize = PolicySetPlanStorage.tableSlotSize
        words = Array(repeating: 0, count: tableSlots * slotSize)
        for (key, split) in zip(keys, splits) {
            let keyOffset = words.count
            words.append(UInt16(key.count))
            PackedGlob.putBytes(key, into: &words)
            guard putSublists(split, entries: entries) else { return false }
            let hash = ActionIndex.hash(key)
            var slot = Int(truncatingIfNeeded: hash) & (tableSlots - 1)
            while words[slot * slotSize + 2] != 0 || words[slot * slotSize + 3] != 0 {
                slot = (slot + 1) & (tableSlots - 1)
            }
            let offset = slot * slotSize
            words[offset] = UInt16(truncatingIfNeeded: hash)
            words[offset + 1] = UInt16(truncatingIfNeeded: hash >> 16)
            set32(keyOffset, at: offset + 2)
        }
        return true
    }

    /// One action's list cut by the resource: for each number (``ResourcePrefixIDs``) of a run up to a
    /// resource's fifth colon that some of its statements require, the statements a resource with that run
    /// can match; then the statements that do not require one, for every other resource.
    private struct ListSplit {
        var prefixes: [UInt32] = []
        var sublists: [[RecordKey]] = []

        /// The list cut when cutting keeps it within eight times its size (a statement bound to no prefix is
        /// written in every sublist); otherwise whole.
        init(_ list: [RecordKey], prefixes required: [RecordKey: [UInt32]]) {
            // Looked up once per statement, not once per statement and prefix.
            let requirements = list.map { required[$0] }
            var seen = Set<UInt32>()
            for requirement in requirements {
                for prefix in requirement ?? [] where seen.insert(prefix).inserted { prefixes.append(prefix) }
            }
            for prefix in prefixes {
                sublists.append(list.indices.filter { requirements[$0]?.contains(prefix) ?? true }.map { list[$0] })
            }
            sublists.append(list.indices.filter { requirements[$0] == nil }.map { list[$0] })
            if sublists.count > 1, entryCount > 8 * list.count + 16 || prefixes.count > Int(UInt16.max) {
                self = ListSplit(whole: list)
            }
        }

        init(whole list: [RecordKey]) {
            sublists = [list]
        }

        var entryCount: Int { sublists.reduce(0) { $0 + $1.count } }
    }

    /// The numbers of the runs up to the fifth colon that statement `record` requires of a resource it
    /// matches, one per resource pattern, or `nil` when some resource without them can match it: a
    /// `NotResource`, a policy variable, no `Resource`, or a pattern with a wildcard in its first five segments.
    private func requiredPrefixes(_ record: RecordKey, entry: Int) -> [UInt32]? {
        policies[record.slot].index.withView { view in
            let source = view.words
            guard source[entry + 6] == UInt16(ResourceIndex.Mode.listed.rawValue) else { return nil }
            var pattern = entry + (Int(source[entry + 8]) | Int(source[entry + 9]) << 16)
            var required: [UInt32] = []
            for _ in 0..<Int(source[entry + 7]) {
                guard let prefix = PackedResourcePattern.requiredPrefix(source, at: pattern) else { return nil }
                required.append(prefix)
                pattern += PackedResourcePattern.length(source, at: pattern)
            }
            return required
        }
    }

    /// Appends an action's sublists after its directory: the count of prefixes (1), each prefix's number
    /// (2), then where each sublist starts, and where the last ends (2 each); each sublist is its record
    /// count (2) and its records.
    private mutating func putSublists(_ split: ListSplit, entries: [RecordKey: Int]) -> Bool {
        words.append(UInt16(split.prefixes.count))
        for prefix in split.prefixes { put32(Int(prefix)) }
        let offsets = words.count
        words += Array(repeating: 0, count: 2 * (split.sublists.count + 1))
        for (index, sublist) in split.sublists.enumerated() {
            set32(words.count, at: offsets + 2 * index)
            put32(sublist.count)
            for record in sublist {
                guard let entry = entries[record], putRecord(record, entry: entry) else { return false }
            }
            if words.count > wordLimit { return false }
        }
        set32(words.count, at: offsets + 2 * split.sublists.count)
        return true
    }

    /// Appends the statement's record (``PlanRecord``) with its resource patterns as its policy's index
    /// holds them and its conditions as a run of the plan's (one run per statement, shared by every list
    /// that holds it); `false` when a value does not fit the record. A record holds no offset outside
    /// itself, so once written, it is copied to the other lists that hold it.
    private mutating func putRecord(_ record: RecordKey, entry: Int) -> Bool {
        if let place = records[record] {
            words += Array(words[place])
            return true
        }
        return policies[record.slot].index.withView { view in
            let source = view.words
            let resources = Int(source[entry + 8]) | Int(source[entry + 9]) << 16
            let count = Int(source[entry + 7])
            var end = entry + resources
            for _ in 0..<count { end += PackedResourcePattern.length(source, at: end) }
            let range = view.conditionRange(entry: entry)
            let mode = ResourceIndex.Mode(rawValue: UInt8(truncatingIfNeeded: source[entry + 6])) ?? .variable
            var packed: [UInt16] = []
            for index in range where !PackedCondition.put(view.conditions[index], into: &packed) { return false }
            let start = words.count
            guard
                PlanRecord.put(
                    statement: record.statement, isDeny: view.isDeny(entry: entry), mode: mode, patternCount: count,
                    patterns: UnsafeBufferPointer(rebasing: source[(entry + resources)..<end]),
                    conditions: conditions.count..<conditions.count + range.count, packedConditions: packed,
                    slot: record.slot, into: &words)
            else { return false }
            records[record] = start..<words.count
            for index in range { conditions.append(view.conditions[index]) }
            return true
        }
    }

    /// The lowered `service:name` of every `Action`/`NotAction` pattern without a wildcard, each once.
    private static func literalActions(_ policies: [ParsedPolicy]) -> [[UInt8]] {
        var seen = Set<[UInt8]>()
        var keys: [[UInt8]] = []
        for policy in policies {
            for statement in policy.statements {
                for pattern in statement.actionPatterns {
                    // A key's length is one word; a longer action is simply not in the table.
                    guard let service = pattern.service, service.count + pattern.name.elements.count < 1024,
                        pattern.name.elements.allSatisfy({ $0 <= 0xFF })
                    else { continue }
                    let key = service + [UInt8(ascii: ":")] + pattern.name.elements.map { UInt8($0) }
                    if seen.insert(key).inserted { keys.append(key) }
                }
            }
        }
        return keys
    }

    private mutating func put32(_ value: Int) {
        words.append(UInt16(truncatingIfNeeded: value))
        words.append(UInt16(truncatingIfNeeded: value >> 16))
    }

    private mutating func set32(_ value: Int, at offset: Int) {
        words[offset] = UInt16(truncatingIfNeeded: value)
        words[offset + 1] = UInt16(truncatingIfNeeded: value >> 16)
    }
}
