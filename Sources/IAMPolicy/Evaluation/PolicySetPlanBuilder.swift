/// Writes the words and conditions of a ``PolicySetPlanStorage`` (see its layout).
struct PolicySetPlanBuilder {
    let policies: [ParsedPolicy]
    private(set) var words: [UInt16] = []
    private(set) var conditions: [ConditionEvaluator] = []
    private(set) var tableSlots = 2
    /// Where each distinct run of leading bytes of the records' resource patterns is in ``words``.
    private var pool: [ArraySlice<UInt16>: Int] = [:]
    /// Where each distinct resource pattern of the records, in its pooled form, is in ``words``.
    private var patternPool: [[UInt16]: Int] = [:]

    /// A statement by its policy's slot and its number in that policy.
    private struct RecordKey: Hashable, Comparable {
        let slot: Int
        let statement: Int

        static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
            (lhs.slot, lhs.statement) < (rhs.slot, rhs.statement)
        }
    }

    init(policies: [ParsedPolicy]) {
        self.policies = policies
    }

    /// The most list entries a plan may hold: lists grow with actions times statements, so a pathological
    /// set of policies gets no plan (and is evaluated policy by policy) rather than a huge one.
    static let maximumListEntries = 1 << 20

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
        while tableSlots < keys.count * 2 { tableSlots *= 2 }
        words = Array(repeating: 0, count: tableSlots * PolicySetPlanStorage.tableSlotSize)
        // Each key just before its list, so that confirming the key brings the list's start into cache.
        var keyOffsets: [Int] = []
        var listOffsets: [Int] = []
        for (key, list) in zip(keys, lists) {
            keyOffsets.append(words.count)
            words.append(UInt16(key.count))
            PackedGlob.putBytes(key, into: &words)
            listOffsets.append(words.count)
            put32(list.count)
            // Patched once the records are written.
            words += repeatElement(0, count: list.count * 2)
        }
        let sorted = entries.keys.sorted()
        for patterns in [false, true] {
            for record in sorted {
                if let entry = entries[record] { pool(record, entry: entry, patterns: patterns) }
            }
        }
        // Records in evaluation order, so that a list's records lie in increasing addresses.
        var recordOffsets: [RecordKey: Int] = [:]
        for record in sorted {
            recordOffsets[record] = words.count
            if let entry = entries[record], !putRecord(record, entry: entry) { return false }
        }
        for (number, list) in lists.enumerated() {
            for (position, record) in list.enumerated() {
                set32(recordOffsets[record] ?? 0, at: listOffsets[number] + 2 + position * 2)
            }
        }
        for (number, key) in keys.enumerated() {
            let hash = ActionIndex.hash(key)
            var slot = Int(truncatingIfNeeded: hash) & (tableSlots - 1)
            while words[slot * PolicySetPlanStorage.tableSlotSize + 2] != 0
                || words[slot * PolicySetPlanStorage.tableSlotSize + 3] != 0
            {
                slot = (slot + 1) & (tableSlots - 1)
            }
            let offset = slot * PolicySetPlanStorage.tableSlotSize
            words[offset] = UInt16(truncatingIfNeeded: hash)
            words[offset + 1] = UInt16(truncatingIfNeeded: hash >> 16)
            set32(keyOffsets[number], at: offset + 2)
        }
        return true
    }

    /// Writes the statement's record (``PlanRecord``), with its conditions renumbered into the plan's and its
    /// resource patterns as offsets of the plan's copies; `false` when a value does not fit the record.
    private mutating func putRecord(_ record: RecordKey, entry: Int) -> Bool {
        policies[record.slot].index.withView { view in
            let source = view.words
            let resources = Int(source[entry + 8]) | Int(source[entry + 9]) << 16
            let range = view.conditionRange(entry: entry)
            var patterns: [Int] = []
            var pattern = entry + resources
            for _ in 0..<Int(source[entry + 7]) {
                patterns.append(patternPool[pooledForm(source, at: pattern)] ?? 0)
                pattern += PackedResourcePattern.length(source, at: pattern)
            }
            let mode = ResourceIndex.Mode(rawValue: UInt8(truncatingIfNeeded: source[entry + 6])) ?? .variable
            let written = PlanRecord.put(
                statement: record.statement, isDeny: view.isDeny(entry: entry), mode: mode, patterns: patterns,
                conditions: conditions.count..<conditions.count + range.count, slot: record.slot, into: &words)
            if written { for index in range { conditions.append(view.conditions[index]) } }
            return written
        }
    }

    /// Writes one copy of each distinct run of leading bytes of the statement's resource patterns (`patterns`
    /// false), or of each distinct pattern, in the form that refers to those runs (`patterns` true).
    private mutating func pool(_ record: RecordKey, entry: Int, patterns: Bool) {
        policies[record.slot].index.withView { view in
            let source = view.words
            let resources = Int(source[entry + 8]) | Int(source[entry + 9]) << 16
            var pattern = entry + resources
            for _ in 0..<Int(source[entry + 7]) {
                if patterns {
                    let form = pooledForm(source, at: pattern)
                    if patternPool[form] == nil {
                        patternPool[form] = words.count
                        words += form
                    }
                } else {
                    let run = Array(source[PackedResourcePattern.leadingBytes(source, at: pattern)])[...]
                    if !run.isEmpty, pool[run] == nil {
                        pool[run] = words.count
                        words += run
                    }
                }
                pattern += PackedResourcePattern.length(source, at: pattern)
            }
        }
    }

    /// The pattern at `pattern` in an index as the plan stores it: its leading bytes replaced by their copy.
    private func pooledForm(_ source: UnsafeBufferPointer<UInt16>, at pattern: Int) -> [UInt16] {
        var form: [UInt16] = []
        let bytes = PackedResourcePattern.leadingBytes(source, at: pattern)
        if !bytes.isEmpty, let pooled = pool[Array(source[bytes])[...]] {
            PackedResourcePattern.putPooled(source, at: pattern, pooledAt: pooled, into: &form)
        } else {
            form += source[pattern..<(pattern + PackedResourcePattern.length(source, at: pattern))]
        }
        return form
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
