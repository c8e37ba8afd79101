/// What evaluation reads of a parsed policy besides its statements: the ``ActionIndex`` and the
/// ``ResourceIndex`` packed into one array of 16-bit words.
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
/// - each entry: statement (2), length in words (2), negated (1), action pattern count (1), resource mode (1),
///   resource pattern count (1); then each action pattern: whole action (1), length (2), elements; then each
///   resource pattern: kind (1), segment count (1), segments length (2), tail length (2), the segments'
///   elements (each segment ends with a colon, which a segment never contains), the tail's elements.
final class PolicyIndex: Sendable {
    let words: [UInt16]

    private static let headerSize = 6
    private static let bucketSize = 12
    private static let entryHeaderSize = 8

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
        // Offsets known only later are written as zeros and patched.
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
        func putEntries(_ bucket: ActionIndex.Bucket) -> Int {
            let start = words.count
            for entry in actions.entries[Int(bucket.start)..<Int(bucket.start + bucket.count)] {
                let statement = Int(entry.statement)
                let resource = resources.statements[statement]
                let entryStart = words.count
                put32(statement)
                put32(0)
                words.append(entry.negated ? 1 : 0)
                words.append(UInt16(entry.patternCount))
                words.append(UInt16(resource.mode.rawValue))
                words.append(resource.mode == .variable ? 0 : UInt16(resource.count))
                for pattern in actions.patterns[Int(entry.patternStart)..<Int(entry.patternStart + entry.patternCount)]
                {
                    words.append(pattern.matchesWholeAction ? 1 : 0)
                    put32(Int(pattern.count))
                    words += actions.elements[Int(pattern.start)..<Int(pattern.start + pattern.count)]
                }
                if resource.mode != .variable {
                    for pattern in resources.patterns[Int(resource.start)..<Int(resource.start + resource.count)] {
                        let segmentsLength = Int(pattern.tailStart - pattern.segmentStart)
                        words.append(UInt16(pattern.kind.rawValue))
                        words.append(UInt16(pattern.segmentCount))
                        put32(pattern.kind == .arn ? segmentsLength : 0)
                        put32(Int(pattern.tailCount))
                        if pattern.kind == .arn {
                            words += resources.elements[Int(pattern.segmentStart)..<Int(pattern.tailStart)]
                        }
                        words += resources.elements[Int(pattern.tailStart)..<Int(pattern.tailStart + pattern.tailCount)]
                    }
                }
                set32(words.count - entryStart, at: entryStart + 2)
            }
            return start
        }
        for (number, bucket) in actions.buckets.enumerated() {
            let slot = bucketTable + number * Self.bucketSize
            set32(putEntries(bucket), at: slot + 8)
            set32(Int(bucket.count), at: slot + 10)
        }
        set32(putEntries(actions.fallback), at: 2)
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
        func next(after entry: Int) -> Int { entry + int(entry + 2) }

        /// Whether the action matches the entry's statement (`Action` matches, or `NotAction` misses).
        func actionMatches(entry: Int, _ action: RequestAction) -> Bool {
            let negated = words[entry + 4] != 0
            var pattern = entry + entryHeaderSize
            for _ in 0..<Int(words[entry + 5]) {
                let text = words[pattern] != 0 ? action.whole : action.name
                let length = int(pattern + 1)
                if WildcardPattern.match(run(pattern + 3, length), text, foldCase: true) { return !negated }
                pattern += 3 + length
            }
            return negated
        }

        /// Whether the resource matches the entry's statement; `nil` when a resource pattern has a policy
        /// variable, and ``ResourcePattern`` must decide.
        func resourceMatches(entry: Int, _ resource: UnsafeBufferPointer<UInt8>) -> Bool? {
            let raw = UInt8(truncatingIfNeeded: words[entry + 6])
            guard let mode = ResourceIndex.Mode(rawValue: raw), mode != .variable else { return nil }
            if mode == .absent { return true }
            // The resource patterns follow the action patterns.
            var pattern = entry + entryHeaderSize
            for _ in 0..<Int(words[entry + 5]) { pattern += 3 + int(pattern + 1) }
            for _ in 0..<Int(words[entry + 7]) {
                if matches(resourcePattern: pattern, resource) { return mode == .listed }
                pattern += 6 + int(pattern + 2) + int(pattern + 4)
            }
            return mode != .listed
        }

        /// As ``ResourcePattern/matches(_:context:)`` for a pattern without variables.
        private func matches(resourcePattern offset: Int, _ resource: UnsafeBufferPointer<UInt8>) -> Bool {
            let segmentsStart = offset + 6
            let tail = run(segmentsStart + int(offset + 2), int(offset + 4))
            switch words[offset] {
            case UInt16(ResourceIndex.Kind.any.rawValue):
                return true
            case UInt16(ResourceIndex.Kind.text.rawValue):
                return WildcardPattern.match(tail, resource, foldCase: false)
            default:
                var start = 0
                var element = segmentsStart
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
