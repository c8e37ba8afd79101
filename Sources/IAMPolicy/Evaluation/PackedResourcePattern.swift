/// How ``PolicyIndex`` stores a resource pattern without policy variables, and how it matches one against a
/// ``RequestResource``: exactly as ``ResourcePattern/matches(_:context:)`` does.
///
/// Why this form: matching resources was half of the evaluator's instructions, mostly comparing the literal
/// leading segments of each pattern (`arn:aws:ec2:us-west-2:111122223333:`) element by element and finding
/// the resource's colons again for every pattern. Those segments always end at one of the resource's first
/// five colons, so the request's resource is split there once (``RequestResource``), and a pattern whose
/// leading segments end elsewhere is rejected by comparing one length; the others have their bytes compared,
/// eight at a time (a hash of each prefix, tried first, cost more than it saved). The leading segments are stored as bytes, two per word,
/// which also halves their size.
///
/// Layout (offsets in words; a 32-bit value is two words, low first): kind (1), leading segment count (1),
/// leading bytes' length (2), other segment count (1), the pattern's
/// whole length in words (2); then the leading bytes (two per word, in memory order), each other segment and
/// the tail as a ``PackedGlob``.
///
enum PackedResourcePattern {
    static let headerSize = 7

    /// Appends `pattern` of `index` to `words`.
    static func put(_ pattern: ResourceIndex.Pattern, of index: ResourceIndex, into words: inout [UInt16]) {
        let all = index.elements
        let start = words.count
        // The leading segments hold no wildcard, so every element is a byte.
        let prefix = all[Int(pattern.prefixStart)..<Int(pattern.prefixStart + pattern.prefixCount)].map {
            UInt8(truncatingIfNeeded: $0)
        }
        let leadingSegments = prefix.reduce(0) { $0 + ($1 == UInt8(ascii: ":") ? 1 : 0) }
        words.append(UInt16(pattern.kind.rawValue))
        words.append(UInt16(leadingSegments))
        put32(prefix.count, into: &words)
        words.append(UInt16(pattern.segmentCount))
        put32(0, into: &words)
        PackedGlob.putBytes(prefix, into: &words)
        // Each segment ends with a colon, which a segment never contains.
        var segmentStart = Int(pattern.segmentStart)
        for _ in 0..<Int(pattern.segmentCount) {
            var end = segmentStart
            while all[end] != WildcardPattern.colon { end += 1 }
            PackedGlob.put(all[segmentStart..<end], into: &words)
            segmentStart = end + 1
        }
        PackedGlob.put(all[Int(pattern.tailStart)..<Int(pattern.tailStart + pattern.tailCount)], into: &words)
        let length = words.count - start
        words[start + 5] = UInt16(truncatingIfNeeded: length)
        words[start + 6] = UInt16(truncatingIfNeeded: length >> 16)
    }

    private static func put32(_ value: Int, into words: inout [UInt16]) {
        words.append(UInt16(truncatingIfNeeded: value))
        words.append(UInt16(truncatingIfNeeded: value >> 16))
    }

    /// The pattern's whole length in words, to step to the next one.
    @inline(__always)
    static func length(_ words: UnsafeBufferPointer<UInt16>, at offset: Int) -> Int {
        Int(words[offset + 5]) | Int(words[offset + 6]) << 16
    }

    /// As ``ResourcePattern/matches(_:context:)`` for the pattern stored at `offset`.
    @inline(__always)
    static func matches(_ words: UnsafeBufferPointer<UInt16>, at offset: Int, _ resource: RequestResource) -> Bool {
        switch words[offset] {
        case UInt16(ResourceIndex.Kind.any.rawValue):
            return true
        case UInt16(ResourceIndex.Kind.text.rawValue):
            return PackedGlob.matches(words, at: offset + headerSize, resource.bytes)
        default:
            return matchesARN(words, at: offset, resource)
        }
    }

    @inline(__always)
    private static func matchesARN(
        _ words: UnsafeBufferPointer<UInt16>, at offset: Int, _ resource: RequestResource
    )
        -> Bool
    {
        // The leading segments end at the resource's colon number `leading`, or they differ: comparing where
        // that colon is rejects most other patterns before any byte is read.
        let leading = Int(words[offset + 1])
        let prefixLength = Int(words[offset + 2]) | Int(words[offset + 3]) << 16
        guard leading >= 1, leading <= resource.colonCount, resource.colon(leading - 1) + 1 == prefixLength else {
            return false
        }
        guard let base = words.baseAddress, let text = resource.bytes.baseAddress else { return false }
        let stored = UnsafeRawPointer(base + offset + headerSize)
        // The leading bytes' last eight first: every ARN begins `arn:aws:`, and the service, region and
        // account, at the end, are where patterns differ.
        if prefixLength >= 8,
            stored.loadUnaligned(fromByteOffset: prefixLength - 8, as: UInt64.self)
                != UnsafeRawPointer(text).loadUnaligned(fromByteOffset: prefixLength - 8, as: UInt64.self)
        {
            return false
        }
        guard equalBytes(stored, UnsafeRawPointer(text), count: prefixLength) else { return false }
        var glob = offset + headerSize + (prefixLength + 1) / 2
        var start = prefixLength
        for number in leading..<(leading + Int(words[offset + 4])) {
            // A segment is the text up to the next colon; without one the pattern cannot match.
            guard number < resource.colonCount else { return false }
            let end = resource.colon(number)
            guard PackedGlob.matches(words, at: glob, UnsafeBufferPointer(rebasing: resource.bytes[start..<end]))
            else { return false }
            start = end + 1
            glob += PackedGlob.size(words, at: glob)
        }
        return PackedGlob.matches(words, at: glob, UnsafeBufferPointer(rebasing: resource.bytes[start...]))
    }
}

/// The request's resource as ``PackedResourcePattern`` reads it, made once per request: where its first five
/// colons are (an ARN's segments; a pattern has at most five before its resource part).
///
/// The offsets are in a buffer on the caller's stack (``split(_:_:)``) and read through a pointer: held
/// inline, they were copied into every matching call's frame to be indexed.
struct RequestResource {
    let bytes: UnsafeBufferPointer<UInt8>
    /// How many of the first five colons the resource has.
    let colonCount: Int
    private let colons: UnsafePointer<Int>
    private static let slots = 5

    /// Calls `body` with `bytes` split.
    static func split<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (RequestResource) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: slots) { colons in
            colons.initialize(repeating: 0)
            var count = 0
            var index = 0
            while index < bytes.count, count < slots {
                if bytes[index] == UInt8(ascii: ":") {
                    colons[count] = index
                    count += 1
                }
                index += 1
            }
            // The buffer is fully initialised and lives until `body` returns; a non-empty buffer has an address.
            guard let base = colons.baseAddress else {
                preconditionFailure("an allocation of five words has an address")
            }
            return body(RequestResource(bytes: bytes, colonCount: count, colons: UnsafePointer(base)))
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, colonCount: Int, colons: UnsafePointer<Int>) {
        self.bytes = bytes
        self.colonCount = colonCount
        self.colons = colons
    }

    /// The offset of colon `number` (below ``colonCount``).
    @inline(__always)
    func colon(_ number: Int) -> Int { colons[number] }
}
