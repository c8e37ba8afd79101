/// What evaluation reads of a parsed policy besides its statements: the ``ActionIndex`` and the
/// ``ResourceIndex`` packed into one array of 16-bit words.
///
/// Why one array: a realistic run touches thousands of distinct policies, so the index is rarely in cache,
/// and every separate allocation costs a cache miss per policy per request; measured, that cost was
/// larger than the matching itself. Packed, a request reads the object, then one buffer mostly in order.
/// Copies of a ``ParsedPolicy`` share the object.
///
/// Layout (offsets in words; a 32-bit value is two words, low first):
/// - header: bucket count (2), fallback entries offset (2), fallback entry count (2);
/// - buckets: hash (4), service offset (2), service length (2), entries offset (2), entry count (2);
/// - each entry: statement (2), negated (1), pattern count (1), resource mode (1), resource pattern count (1),
///   resource patterns offset (2), then per action pattern: elements offset (2), length (2), whole action (1);
/// - resource patterns: kind (1), segment count (1), segments offset (2), tail offset (2), tail length (2);
/// - service bytes and pattern elements.
final class PolicyIndex: Sendable {
    let words: [UInt16]

    private static let headerSize = 6
    private static let bucketSize = 12
    private static let entryHeaderSize = 8
    private static let actionPatternSize = 5
    private static let resourcePatternSize = 8

    init(_ statements: [ParsedStatement]) {
        let actions = ActionIndex(statements)
        let resources = ResourceIndex(statements)
        var words: [UInt16] = []
        func put32(_ value: Int) {
            words.append(UInt16(truncatingIfNeeded: value))
            words.append(UInt16(truncatingIfNeeded: value >> 16))
        }
        func set32(_ value: Int, at offset: Int) {
            words[offset] = UInt16(truncatingIfNeeded: value)
            words[offset + 1] = UInt16(truncatingIfNeeded: value >> 16)
        }
        // Regions whose offsets are known only later are written as zeros and patched.
        put32(actions.buckets.count)
        put32(0)
        put32(Int(actions.fallback.count))
        let bucketTable = words.count
        for hash in actions.serviceHashes {
            for shift in stride(from: 0, to: 64, by: 16) { words.append(UInt16(truncatingIfNeeded: hash >> shift)) }
            for _ in 0..<8 { words.append(0) }
        }
        for (number, service) in actions.services.enumerated() {
            let slot = bucketTable + number * Self.bucketSize
            set32(words.count, at: slot + 4)
            set32(service.count, at: slot + 6)
            words += service.map(UInt16.init)
        }
        // Resource patterns, once per statement.
        var resourceOffsets: [Int] = []
        for info in resources.statements {
            resourceOffsets.append(words.count)
            guard info.mode != .variable else { continue }
            for pattern in resources.patterns[Int(info.start)..<Int(info.start + info.count)] {
                words.append(UInt16(pattern.kind.rawValue))
                words.append(UInt16(pattern.segmentCount))
                put32(0)
                put32(0)
                put32(Int(pattern.tailCount))
            }
        }
        // Entries, bucket by bucket, then the fallback.
        var patchesToActionElements: [(offset: Int, start: Int)] = []
        func putEntries(_ bucket: ActionIndex.Bucket) -> Int {
            let start = words.count
            for entry in actions.entries[Int(bucket.start)..<Int(bucket.start + bucket.count)] {
                let statement = Int(entry.statement)
                let resource = resources.statements[statement]
                put32(statement)
                words.append(entry.negated ? 1 : 0)
                words.append(UInt16(entry.patternCount))
                words.append(UInt16(resource.mode.rawValue))
                words.append(UInt16(resource.count))
                put32(resourceOffsets[statement])
                for pattern in actions.patterns[Int(entry.patternStart)..<Int(entry.patternStart + entry.patternCount)]
                {
                    patchesToActionElements.append((words.count, Int(pattern.start)))
                    put32(0)
                    put32(Int(pattern.count))
                    words.append(pattern.matchesWholeAction ? 1 : 0)
                }
            }
            return start
        }
        for (number, bucket) in actions.buckets.enumerated() {
            let slot = bucketTable + number * Self.bucketSize
            set32(putEntries(bucket), at: slot + 8)
            set32(Int(bucket.count), at: slot + 10)
        }
        set32(putEntries(actions.fallback), at: 2)
        // Elements, then the offsets that point into them.
        let actionElements = words.count
        words += actions.elements
        for patch in patchesToActionElements { set32(actionElements + patch.start, at: patch.offset) }
        let resourceElements = words.count
        words += resources.elements
        for (statement, info) in resources.statements.enumerated() where info.mode != .variable {
            var offset = resourceOffsets[statement]
            for pattern in resources.patterns[Int(info.start)..<Int(info.start + info.count)] {
                set32(resourceElements + Int(pattern.segmentStart), at: offset + 2)
                set32(resourceElements + Int(pattern.tailStart), at: offset + 4)
                offset += Self.resourcePatternSize
            }
        }
        self.words = words
    }

    /// The packed index, readable only inside `body`.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        words.withUnsafeBufferPointer { body(View(words: $0)) }
    }

    struct View {
        let words: UnsafeBufferPointer<UInt16>

        @inline(__always)
        private func int(_ offset: Int) -> Int { Int(words[offset]) | Int(words[offset + 1]) << 16 }

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

        func statement(entry: Int) -> Int { int(entry) }

        /// The offset of the entry after the one at `entry`.
        func next(after entry: Int) -> Int { entry + entryHeaderSize + Int(words[entry + 3]) * actionPatternSize }

        /// Whether the action matches the entry's statement (`Action` matches, or `NotAction` misses).
        func actionMatches(entry: Int, _ action: RequestAction) -> Bool {
            let negated = words[entry + 2] != 0
            var pattern = entry + entryHeaderSize
            for _ in 0..<Int(words[entry + 3]) {
                let text = words[pattern + 4] != 0 ? action.whole : action.name
                if WildcardPattern.match(run(int(pattern), int(pattern + 2)), text, foldCase: true) { return !negated }
                pattern += actionPatternSize
            }
            return negated
        }

        /// Whether the resource matches the entry's statement; `nil` when a resource pattern has a policy
        /// variable, and ``ResourcePattern`` must decide.
        func resourceMatches(entry: Int, _ resource: UnsafeBufferPointer<UInt8>) -> Bool? {
            guard let mode = ResourceIndex.Mode(rawValue: UInt8(truncatingIfNeeded: words[entry + 4])) else {
                return nil
            }
            switch mode {
            case .absent: return true
            case .variable: return nil
            case .listed, .negated:
                var pattern = int(entry + 6)
                for _ in 0..<Int(words[entry + 5]) {
                    if matches(resourcePattern: pattern, resource) { return mode == .listed }
                    pattern += resourcePatternSize
                }
                return mode != .listed
            }
        }

        /// As ``ResourcePattern/matches(_:context:)`` for a pattern without variables.
        private func matches(resourcePattern offset: Int, _ resource: UnsafeBufferPointer<UInt8>) -> Bool {
            let tail = run(int(offset + 4), int(offset + 6))
            switch words[offset] {
            case UInt16(ResourceIndex.Kind.any.rawValue):
                return true
            case UInt16(ResourceIndex.Kind.text.rawValue):
                return WildcardPattern.match(tail, resource, foldCase: false)
            default:
                var start = 0
                var element = int(offset + 2)
                for _ in 0..<Int(words[offset + 1]) {
                    var end = start
                    while end < resource.count, resource[end] != UInt8(ascii: ":") { end += 1 }
                    guard end < resource.count else { return false }
                    var segmentEnd = element
                    while words[segmentEnd] != WildcardPattern.colon { segmentEnd += 1 }
                    let part = UnsafeBufferPointer(rebasing: resource[start..<end])
                    guard WildcardPattern.match(run(element, segmentEnd - element), part, foldCase: false) else {
                        return false
                    }
                    start = end + 1
                    element = segmentEnd + 1
                }
                return WildcardPattern.match(tail, UnsafeBufferPointer(rebasing: resource[start...]), foldCase: false)
            }
        }
    }
}
