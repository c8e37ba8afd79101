/// How ``PolicyIndex`` stores a resource pattern without policy variables, and how it matches one against a
/// ``RequestResource``: exactly as ``ResourcePattern/matches(_:context:)`` does.
///
/// Why this form: matching resources was half of the evaluator's instructions, mostly comparing the literal
/// leading segments of each pattern (`arn:aws:ec2:us-west-2:111122223333:`) element by element and finding
/// the resource's colons again for every pattern. Those segments always end at one of the resource's first
/// five colons, so the request's resource is split and hashed there once (``RequestResource``), and a pattern
/// whose leading segments differ is rejected by comparing a length and a hash; only a pattern whose hash
/// agrees has its bytes compared, eight at a time. The leading segments are stored as bytes, two per word,
/// which also halves their size.
///
/// Layout (offsets in words; a 32-bit value is two words, low first): kind (1), leading segment count (1),
/// leading bytes' length (2), their ``RequestResource/hash(_:)`` (2), other segment count (1), the pattern's
/// whole length in words (2); then the leading bytes (two per word, in memory order), each other segment and
/// the tail as a ``PackedGlob``.
enum PackedResourcePattern {
    static let headerSize = 9

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
        put32(Int(RequestResource.hash(prefix)), into: &words)
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
        words[start + 7] = UInt16(truncatingIfNeeded: length)
        words[start + 8] = UInt16(truncatingIfNeeded: length >> 16)
    }

    private static func put32(_ value: Int, into words: inout [UInt16]) {
        words.append(UInt16(truncatingIfNeeded: value))
        words.append(UInt16(truncatingIfNeeded: value >> 16))
    }

    /// The pattern's whole length in words, to step to the next one.
    @inline(__always)
    static func length(_ words: UnsafeBufferPointer<UInt16>, at offset: Int) -> Int {
        Int(words[offset + 7]) | Int(words[offset + 8]) << 16
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
        // The leading segments end at the resource's colon number `leading`, or they differ: the length and the
        // hash of the resource up to that colon reject nearly every other pattern before any byte is read.
        let leading = Int(words[offset + 1])
        let prefixLength = Int(words[offset + 2]) | Int(words[offset + 3]) << 16
        guard leading >= 1, leading <= resource.colonCount, resource.colon(leading - 1) + 1 == prefixLength,
            resource.prefixHash(leading - 1) == UInt32(words[offset + 4]) | UInt32(words[offset + 5]) << 16,
            let base = words.baseAddress, let text = resource.bytes.baseAddress,
            equalBytes(UnsafeRawPointer(base + offset + headerSize), UnsafeRawPointer(text), count: prefixLength)
        else { return false }
        var glob = offset + headerSize + (prefixLength + 1) / 2
        var start = prefixLength
        for number in leading..<(leading + Int(words[offset + 6])) {
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
/// colons are (an ARN's segments; a pattern has at most five before its resource part) and the hash of the
/// text up to and including each of them.
///
/// The offsets and hashes are in a buffer on the caller's stack (``split(_:_:)``) and read through a pointer:
/// held inline, they were copied into every matching call's frame to be indexed.
struct RequestResource {
    let bytes: UnsafeBufferPointer<UInt8>
    /// How many of the first five colons the resource has.
    let colonCount: Int
    /// The colons' offsets, then their hashes: ``slots`` words each.
    private let table: UnsafePointer<Int>
    private static let slots = 5

    /// Calls `body` with `bytes` split.
    static func split<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (RequestResource) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * slots) { table in
            table.initialize(repeating: 0)
            var count = 0
            var hash = hashSeed
            var index = 0
            while index < bytes.count, count < slots {
                let byte = bytes[index]
                hash = step(hash, byte)
                if byte == UInt8(ascii: ":") {
                    table[count] = index
                    table[slots + count] = Int(hash)
                    count += 1
                }
                index += 1
            }
            // The buffer is fully initialised and lives until `body` returns; a non-empty buffer has an address.
            guard let base = table.baseAddress else { preconditionFailure("an allocation of ten words has an address") }
            return body(RequestResource(bytes: bytes, colonCount: count, table: UnsafePointer(base)))
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, colonCount: Int, table: UnsafePointer<Int>) {
        self.bytes = bytes
        self.colonCount = colonCount
        self.table = table
    }

    /// The offset of colon `number` (below ``colonCount``).
    @inline(__always)
    func colon(_ number: Int) -> Int { table[number] }

    /// The hash of the text up to and including colon `number` (below ``colonCount``).
    @inline(__always)
    func prefixHash(_ number: Int) -> UInt32 { UInt32(truncatingIfNeeded: table[Self.slots + number]) }

    private static let hashSeed: UInt32 = 2_166_136_261

    /// FNV-1a: only a filter, since a pattern whose hash agrees is compared byte for byte.
    @inline(__always)
    private static func step(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 16_777_619 }

    static func hash(_ bytes: [UInt8]) -> UInt32 { bytes.reduce(hashSeed, step) }
}
