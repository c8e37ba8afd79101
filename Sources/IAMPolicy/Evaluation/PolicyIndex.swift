/// What evaluation reads of a parsed policy besides its statements: the ``ActionIndex`` and the
/// ``ResourceIndex`` packed into one array of 16-bit words, and every statement's conditions in one array.
///
/// Why one array: a realistic run touches thousands of distinct policies, so the index is rarely in cache,
/// and every separate allocation costs a cache miss per policy per request; measured, that cost was
/// larger than the matching itself. Packed, a request reads the object, then one buffer in order: each
/// entry carries its statement's patterns inline (a statement that is a candidate for several services is
/// repeated), so matching a candidate reads only what follows it. Copies of a ``ParsedPolicy`` share the object.
///
/// Layout (offsets in words; a 32-bit value is two words, low first):
/// - header: bucket count (2), fallback entries offset (2), fallback entry count (2);
/// - buckets: hash (4), service offset (2), service length (2), entries offset (2), entry count (2);
/// - service bytes, one per word;
/// - each entry (``entryHeaderSize`` words): statement (2), length in words (2), flags (1: `NotAction`, `Deny`),
///   action pattern count (1), resource mode (1), resource pattern count (1), offset of the resource patterns
///   from the entry (2), first condition in ``conditions`` (2), condition count (2); then each action pattern:
///   ``GlobShape`` plus 256 when it matches the whole action (1), length (2), hash of a literal (4), elements;
///   then each resource pattern as ``PackedResourcePattern`` lays it out.
struct PolicyIndex: @unchecked Sendable {
    /// Immutable once made, so sharing it between threads is safe; `ManagedBuffer` itself is never `Sendable`.
    private let storage: PolicyIndexStorage

    /// Builds the index of `statements`.
    static func make(_ statements: [ParsedStatement]) -> PolicyIndex {
        PolicyIndex(storage: PolicyIndexStorage.make(statements))
    }

    /// The packed index, readable only inside `body`.
    func withView<Result>(_ body: (PolicyIndexStorage.View) -> Result) -> Result { storage.withView(body) }

    /// The index object's identity, which ``PolicySetPlans`` keys plans by: copies of a ``ParsedPolicy``
    /// share it, and it is made together with the statements.
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// See ``PolicyIndexStorage/touch()``.
    func touch() -> UInt16 { storage.touch() }
}

/// The storage of ``PolicyIndex``.
final class PolicyIndexStorage: ManagedBuffer<PolicyIndexStorage.Header, UInt16> {
    /// The words follow the header in the object itself: reading a policy's index costs one cache miss, not
    /// one for the object and one for a separate array. The conditions are a separate buffer, reached only
    /// when a candidate has some.
    struct Header {
        let count: Int
        /// Every statement's conditions, in statement order; an entry names its run.
        let conditions: UnsafeMutableBufferPointer<ConditionEvaluator>
    }

    private static let headerSize = 6
    private static let bucketSize = 12
    static let entryHeaderSize = 14
    static let actionPatternHeaderSize = 7

    static func make(_ statements: [ParsedStatement]) -> PolicyIndexStorage {
        let (words, conditions) = build(statements)
        let buffer = create(minimumCapacity: words.count) { _ in
            let storage = UnsafeMutableBufferPointer<ConditionEvaluator>.allocate(capacity: conditions.count)
            _ = storage.initialize(from: conditions)
            return Header(count: words.count, conditions: storage)
        }
        buffer.withUnsafeMutablePointerToElements { elements in
            words.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { elements.initialize(from: base, count: source.count) }
            }
        }
        return unsafeDowncast(buffer, to: PolicyIndexStorage.self)
    }

    deinit {
        withUnsafeMutablePointerToHeader { header in
            _ = header.pointee.conditions.deinitialize()
            header.pointee.conditions.deallocate()
        }
    }

    private static func build(_ statements: [ParsedStatement]) -> ([UInt16], [ConditionEvaluator]) {
        let actions = ActionIndex(statements)
        let resources = ResourceIndex(statements)
        var conditionStarts: [Int] = []
        var conditions: [ConditionEvaluator] = []
        for statement in statements {
            conditionStarts.append(conditions.count)
            conditions += statement.conditions.map(\.evaluator)
        }
        var builder = PolicyIndexBuilder()
        // Offsets known only later are written as zeros and patched.
        builder.put32(actions.buckets.count)
        builder.put32(0)
        builder.put32(Int(actions.fallback.count))
        let bucketTable = builder.words.count
        for hash in actions.serviceHashes {
            for shift in stride(from: 0, to: 64, by: 16) {
                builder.words.append(UInt16(truncatingIfNeeded: hash >> shift))
            }
            for _ in 0..<8 { builder.words.append(0) }
        }
        for (number, service) in actions.services.enumerated() {
            let slot = bucketTable + number * Self.bucketSize
            builder.set32(builder.words.count, at: slot + 4)
            builder.set32(service.count, at: slot + 6)
            builder.words += service.map(UInt16.init)
        }
        func putEntries(_ bucket: ActionIndex.Bucket) -> Int {
            let start = builder.words.count
            for entry in actions.entries[Int(bucket.start)..<Int(bucket.start + bucket.count)] {
                let number = Int(entry.statement)
                builder.putEntry(
                    entry, actions: actions, resources: resources, isDeny: statements[number].effect == .deny,
                    conditions: (conditionStarts[number], statements[number].conditions.count))
            }
            return start
        }
        for (number, bucket) in actions.buckets.enumerated() {
            let slot = bucketTable + number * Self.bucketSize
            builder.set32(putEntries(bucket), at: slot + 8)
            builder.set32(Int(bucket.count), at: slot + 10)
        }
        builder.set32(putEntries(actions.fallback), at: 2)
        return (builder.words, conditions)
    }

    /// The packed index, readable only inside `body`.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        withUnsafeMutablePointers { header, elements in
            body(
                View(
                    words: UnsafeBufferPointer(start: elements, count: header.pointee.count),
                    conditions: UnsafeBufferPointer(header.pointee.conditions)))
        }
    }

    /// Reads the start of the index, so that a caller can ask for several policies' indexes at once: the
    /// loads do not depend on each other, so their cache misses overlap instead of following one another.
    func touch() -> UInt16 {
        withUnsafeMutablePointers { header, elements in
            header.pointee.count > 24 ? elements[0] &+ elements[24] : 0
        }
    }

    struct View {
        let words: UnsafeBufferPointer<UInt16>
        let conditions: UnsafeBufferPointer<ConditionEvaluator>

        @inline(__always)
        private func int(_ offset: Int) -> Int { Int(words[offset]) | Int(words[offset + 1]) << 16 }

        @inline(__always)
        private func run(_ offset: Int, _ count: Int) -> UnsafeBufferPointer<UInt16> {
            UnsafeBufferPointer(rebasing: words[offset..<offset + count])
        }

        /// The entries that can match an action of `service`: the first entry's offset and the count.
        func entries(for service: RequestService) -> (offset: Int, count: Int) {
            let bucketCount = int(0)
            var low = 0
            var high = bucketCount
            func hash(_ number: Int) -> UInt64 {
                let slot = headerSize + number * bucketSize
                return UInt64(words[slot]) | UInt64(words[slot + 1]) << 16 | UInt64(words[slot + 2]) << 32
                    | UInt64(words[slot + 3]) << 48
            }
            while low < high {
                let middle = (low + high) / 2
                if hash(middle) < service.hash { low = middle + 1 } else { high = middle }
            }
            while low < bucketCount, hash(low) == service.hash {
                let slot = headerSize + low * bucketSize
                if service.equals(run(int(slot + 4), int(slot + 6))) { return (int(slot + 8), int(slot + 10)) }
                low += 1
            }
            return (int(2), int(4))
        }

        @inline(__always)
        func statement(entry: Int) -> Int { int(entry) }

        /// The offset of the entry after the one at `entry`.
        @inline(__always)
        func next(after entry: Int) -> Int { entry + int(entry + 2) }

        @inline(__always)
        func isDeny(entry: Int) -> Bool { words[entry + 4] & 2 != 0 }

        /// The entry's run of ``conditions``.
        @inline(__always)
        func conditionRange(entry: Int) -> Range<Int> {
            let start = int(entry + 10)
            return start..<start + int(entry + 12)
        }

        /// Whether the action matches the entry's statement (`Action` matches, or `NotAction` misses).
        func actionMatches(entry: Int, _ action: LoweredAction) -> Bool {
            let negated = words[entry + 4] & 1 != 0
            var pattern = entry + entryHeaderSize
            for _ in 0..<Int(words[entry + 5]) {
                let kind = words[pattern]
                let length = int(pattern + 1)
                let whole = kind & 0x100 != 0
                let shape = GlobShape.stored(kind & 0xFF)
                let text = whole ? action.whole : action.name
                let matched: Bool
                if shape == .literal {
                    // Most patterns are literal names: the hash rejects nearly all of them without reading bytes.
                    let hash =
                        UInt64(words[pattern + 3]) | UInt64(words[pattern + 4]) << 16 | UInt64(words[pattern + 5]) << 32
                        | UInt64(words[pattern + 6]) << 48
                    matched =
                        hash == (whole ? action.wholeHash : action.nameHash)
                        && shape.matches(run(pattern + actionPatternHeaderSize, length), text)
                } else {
                    matched = shape.matches(run(pattern + actionPatternHeaderSize, length), text)
                }
                if matched { return !negated }
                pattern += actionPatternHeaderSize + length
            }
            return negated
        }

        /// Whether the resource matches the entry's statement; `nil` when a resource pattern has a policy
        /// variable, and ``ResourcePattern`` must decide.
        @inline(__always)
        func resourceMatches(entry: Int, _ resource: RequestResource) -> Bool? {
            let raw = UInt8(truncatingIfNeeded: words[entry + 6])
            guard let mode = ResourceIndex.Mode(rawValue: raw), mode != .variable else { return nil }
            if mode == .absent { return true }
            var pattern = entry + int(entry + 8)
            for _ in 0..<Int(words[entry + 7]) {
                if PackedResourcePattern.matches(words, at: pattern, resource) { return mode == .listed }
                pattern += PackedResourcePattern.length(words, at: pattern)
            }
            return mode != .listed
        }
    }
}

/// Writes ``PolicyIndex/words``.
private struct PolicyIndexBuilder {
    var words: [UInt16] = []

    mutating func put32(_ value: Int) {
        words.append(UInt16(truncatingIfNeeded: value))
        words.append(UInt16(truncatingIfNeeded: value >> 16))
    }

    mutating func set32(_ value: Int, at offset: Int) {
        words[offset] = UInt16(truncatingIfNeeded: value)
        words[offset + 1] = UInt16(truncatingIfNeeded: value >> 16)
    }

    mutating func putEntry(
        _ entry: ActionIndex.Entry, actions: ActionIndex, resources: ResourceIndex, isDeny: Bool,
        conditions: (start: Int, count: Int)
    ) {
        let resource = resources.statements[Int(entry.statement)]
        let entryStart = words.count
        put32(Int(entry.statement))
        put32(0)
        words.append((entry.negated ? 1 : 0) | (isDeny ? 2 : 0))
        words.append(UInt16(entry.patternCount))
        words.append(UInt16(resource.mode.rawValue))
        words.append(resource.mode == .variable ? 0 : UInt16(resource.count))
        put32(0)
        put32(conditions.start)
        put32(conditions.count)
        for pattern in actions.patterns[Int(entry.patternStart)..<Int(entry.patternStart + entry.patternCount)] {
            let (shape, elements) = GlobShape.of(
                actions.elements[Int(pattern.start)..<Int(pattern.start + pattern.count)])
            words.append(shape.rawValue | (pattern.matchesWholeAction ? 0x100 : 0))
            put32(elements.count)
            let hash = shape == .literal ? ActionIndex.hash(elements.lazy.map { UInt8(truncatingIfNeeded: $0) }) : 0
            for shift in stride(from: 0, to: 64, by: 16) { words.append(UInt16(truncatingIfNeeded: hash >> shift)) }
            words += elements
        }
        set32(words.count - entryStart, at: entryStart + 8)
        if resource.mode != .variable {
            for pattern in resources.patterns[Int(resource.start)..<Int(resource.start + resource.count)] {
                PackedResourcePattern.put(pattern, of: resources, into: &words)
            }
        }
        set32(words.count - entryStart, at: entryStart + 2)
    }
}

/// The request's action with its ASCII letters lowered, as action patterns are, and hashed for the literal ones.
struct LoweredAction {
    let whole: UnsafeBufferPointer<UInt8>
    let name: UnsafeBufferPointer<UInt8>
    let wholeHash: UInt64
    let nameHash: UInt64

    /// `lowered` holds the action's bytes, already lowered.
    init(lowered: UnsafeBufferPointer<UInt8>) {
        let split = RequestAction(lowered)
        whole = lowered
        name = split.name
        wholeHash = ActionIndex.hash(lowered)
        nameHash = ActionIndex.hash(split.name)
    }

    /// As ``init(lowered:)``, with the hash of the whole action already computed (``EvaluationRequest``'s).
    init(lowered: UnsafeBufferPointer<UInt8>, wholeHash: UInt64) {
        let split = RequestAction(lowered)
        whole = lowered
        name = split.name
        self.wholeHash = wholeHash
        nameHash = ActionIndex.hash(split.name)
    }
}
