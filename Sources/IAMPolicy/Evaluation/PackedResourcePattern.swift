/// How ``PolicyIndex`` stores a resource pattern without policy variables, and how it matches one against a
/// ``RequestResource``: exactly as ``ResourcePattern/matches(_:context:)`` does.
///
/// Why this form: matching resources was half of the evaluator's instructions, mostly comparing the literal
/// leading segments of each pattern (`arn:aws:ec2:us-west-2:111122223333:`) element by element and finding
/// the resource's colons again for every pattern. Those segments always end at one of the resource's first
/// five colons, and both sides number them (``ResourcePrefixIDs``) when they are made: the request's
/// leading runs at each of those colons when it is prepared (``RequestResource``), the pattern's when its
/// policy is parsed. Matching them compares one number, and a pattern takes two words for them where their
/// bytes took eleven on average: a request reads its patterns from memory, so their size is its time.
///
/// Layout (in words): kind in bits 0-3, leading segment count in bits 4-7, the other segments' count in bits
/// 8-11 and, in bit 15, whether the long form follows (1); then, in the short form, the pattern's whole length
/// in words (1) and the leading segments' number (1), or in the long form, for a pattern of 64 Ki words or
/// more or a number beyond 16 bits, each in two words, low first; then each other segment and the tail as a
/// ``PackedGlob``.
enum PackedResourcePattern {
    private static let longForm: UInt16 = 0x8000

    /// Appends `pattern` of `index` to `words`.
    static func put(_ pattern: ResourceIndex.Pattern, of index: ResourceIndex, into words: inout [UInt16]) {
        let all = index.elements
        // The leading segments hold no wildcard, so every element is a byte.
        let prefix = all[Int(pattern.prefixStart)..<Int(pattern.prefixStart + pattern.prefixCount)].map {
            UInt8(truncatingIfNeeded: $0)
        }
        let leadingSegments = prefix.reduce(0) { $0 + ($1 == UInt8(ascii: ":") ? 1 : 0) }
        var globs: [UInt16] = []
        // Each segment ends with a colon, which a segment never contains.
        var segmentStart = Int(pattern.segmentStart)
        for _ in 0..<Int(pattern.segmentCount) {
            var end = segmentStart
            while all[end] != WildcardPattern.colon { end += 1 }
            PackedGlob.put(all[segmentStart..<end], into: &globs)
            segmentStart = end + 1
        }
        PackedGlob.put(all[Int(pattern.tailStart)..<Int(pattern.tailStart + pattern.tailCount)], into: &globs)
        let id = prefix.isEmpty ? 0 : Int(ResourcePrefixIDs.id(prefix))
        // An ARN has five segments before its resource part, so both counts fit their bits.
        let counts = UInt16(pattern.kind.rawValue) | UInt16(leadingSegments) << 4 | UInt16(pattern.segmentCount) << 8
        if 3 + globs.count <= Int(UInt16.max), id <= Int(UInt16.max) {
            words += [counts, UInt16(3 + globs.count), UInt16(id)]
        } else {
            let length = 5 + globs.count
            words += [counts | longForm, UInt16(truncatingIfNeeded: length), UInt16(truncatingIfNeeded: length >> 16)]
            words += [UInt16(truncatingIfNeeded: id), UInt16(truncatingIfNeeded: id >> 16)]
        }
        words += globs
    }

    /// The pattern's whole length in words, to step to the next one.
    @inline(__always)
    static func length(_ words: UnsafeBufferPointer<UInt16>, at offset: Int) -> Int {
        guard words[offset] & longForm != 0 else { return Int(words[offset + 1]) }
        return Int(words[offset + 1]) | Int(words[offset + 2]) << 16
    }

    /// The leading segments' number and where the first glob is.
    @inline(__always)
    private static func prefixAndGlobs(_ words: UnsafeBufferPointer<UInt16>, at offset: Int) -> (UInt32, Int) {
        guard words[offset] & longForm != 0 else { return (UInt32(words[offset + 2]), offset + 3) }
        return (UInt32(words[offset + 3]) | UInt32(words[offset + 4]) << 16, offset + 5)
    }

    /// The number of the run up to the resource's fifth colon that the pattern at `offset` requires, when its
    /// first five segments hold no wildcard (``RequestResource/prefixID(_:)`` of colon 4 must equal it), or
    /// `nil` when a resource without that run can match it.
    static func requiredPrefix(_ words: UnsafeBufferPointer<UInt16>, at offset: Int) -> UInt32? {
        guard words[offset] & 0xF == UInt16(ResourceIndex.Kind.arn.rawValue),
            Int(words[offset] >> 4 & 0xF) == RequestResource.slots
        else { return nil }
        return prefixAndGlobs(words, at: offset).0
    }

    /// As ``ResourcePattern/matches(_:context:)`` for the pattern stored at `offset`.
    @inline(__always)
    static func matches(_ words: UnsafeBufferPointer<UInt16>, at offset: Int, _ resource: RequestResource) -> Bool {
        switch words[offset] & 0xF {
        case UInt16(ResourceIndex.Kind.any.rawValue):
            return true
        case UInt16(ResourceIndex.Kind.text.rawValue):
            return PackedGlob.matches(words, at: prefixAndGlobs(words, at: offset).1, resource.bytes)
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
        // The leading segments end at the resource's colon number `leading`, with the same bytes: the same number.
        let leading = Int(words[offset] >> 4 & 0xF)
        let (prefix, firstGlob) = prefixAndGlobs(words, at: offset)
        var glob = firstGlob
        guard leading >= 1, leading <= resource.colonCount, resource.prefixID(leading - 1) == prefix else {
            return false
        }
        var start = resource.colon(leading - 1) + 1
        for number in leading..<(leading + Int(words[offset] >> 8 & 0xF)) {
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

/// The request's resource as ``PackedResourcePattern`` reads it, split when the request is prepared
/// (``PreparedContext``): where its first five colons are (an ARN's segments; a pattern has at most five
/// before its resource part) and the number (``ResourcePrefixIDs``) of the bytes up to and including each.
struct RequestResource {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The split: the colon count, five colon offsets, five numbers (32 bits each, unused ones 0).
    private let split: UnsafePointer<UInt32>
    static let slots = 5
    /// The split's size in 32-bit values.
    static let splitCount = 1 + 2 * slots

    /// Splits `bytes` as ``split`` holds it.
    static func split(_ bytes: [UInt8]) -> [UInt32] {
        var values = [UInt32](repeating: 0, count: splitCount)
        var count = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ":") {
            values[1 + count] = UInt32(truncatingIfNeeded: index)
            values[1 + slots + count] = ResourcePrefixIDs.id(Array(bytes[...index]))
            count += 1
            if count == slots { break }
        }
        values[0] = UInt32(count)
        return values
    }

    /// The resource `bytes`, split as ``split(_:)`` splits them into `split`.
    init(bytes: UnsafeBufferPointer<UInt8>, split: UnsafePointer<UInt32>) {
        self.bytes = bytes
        self.split = split
    }

    /// How many of the first five colons the resource has.
    @inline(__always)
    var colonCount: Int { Int(split[0]) }

    /// The offset of colon `number` (below ``colonCount``).
    @inline(__always)
    func colon(_ number: Int) -> Int { Int(split[1 + number]) }

    /// The number of the bytes up to and including colon `number` (below ``colonCount``).
    @inline(__always)
    func prefixID(_ number: Int) -> UInt32 { split[1 + Self.slots + number] }
}
