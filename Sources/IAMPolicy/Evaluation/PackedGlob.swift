/// A wildcard pattern stored in a packed index by its ``GlobShape``, matched exactly as
/// ``GlobShape/matches(_:_:)`` matches the same elements.
///
/// Why bytes: every shape but ``GlobShape/general`` holds no wildcard, so its elements are bytes; stored two
/// per word they take half the room and compare eight at a time, instead of one 16-bit element per step.
/// A ``GlobShape/general`` pattern keeps its 16-bit elements for ``WildcardPattern/match(_:_:foldCase:)``.
///
/// Layout (in words): the shape in bits 0-2 and the element count above (1); a count of ``longCount`` or more
/// is written as ``longCount`` there and in full in the next two words (low first). Then the bytes (two per
/// word, in memory order) or, for ``GlobShape/general``, the elements. Patterns are nearly always short, and
/// a request reads every pattern it matches from memory: one word of header instead of three.
enum PackedGlob {
    /// The count that says the real one follows the first word.
    static let longCount = 0x1FFF

    /// Appends the pattern `elements` (``WildcardPattern`` elements) to `words`.
    static func put(_ elements: ArraySlice<UInt16>, into words: inout [UInt16]) {
        let (shape, stored) = GlobShape.of(elements)
        if stored.count < longCount {
            words.append(shape.rawValue | UInt16(stored.count) << 3)
        } else {
            words.append(shape.rawValue | UInt16(longCount) << 3)
            words.append(UInt16(truncatingIfNeeded: stored.count))
            words.append(UInt16(truncatingIfNeeded: stored.count >> 16))
        }
        if shape == .general {
            words += stored
        } else {
            putBytes(stored.map { UInt8(truncatingIfNeeded: $0) }, into: &words)
        }
    }

    /// Appends `bytes` two per word, so that the words' bytes in memory are `bytes` in order, on any byte order.
    static func putBytes(_ bytes: [UInt8], into words: inout [UInt16]) {
        var pair = 0
        while pair < bytes.count {
            let high = pair + 1 < bytes.count ? UInt16(bytes[pair + 1]) : 0
            words.append((UInt16(bytes[pair]) | high << 8).littleEndian)
            pair += 2
        }
    }

    /// The pattern's shape, element count and where its elements start.
    @inline(__always)
    private static func header(
        _ words: UnsafeBufferPointer<UInt16>, at offset: Int
    ) -> (shape: GlobShape, count: Int, start: Int) {
        let head = words[offset]
        let shape = GlobShape.stored(head & 7)
        let count = Int(head >> 3)
        guard count == longCount else { return (shape, count, offset + 1) }
        return (shape, Int(words[offset + 1]) | Int(words[offset + 2]) << 16, offset + 3)
    }

    /// The words the pattern at `offset` takes, header included.
    @inline(__always)
    static func size(_ words: UnsafeBufferPointer<UInt16>, at offset: Int) -> Int {
        let (shape, count, start) = header(words, at: offset)
        return start - offset + (shape == .general ? count : (count + 1) / 2)
    }

    /// Whether `text` matches the pattern at `offset`.
    @inline(__always)
    static func matches(
        _ words: UnsafeBufferPointer<UInt16>, at offset: Int, _ text: UnsafeBufferPointer<UInt8>
    )
        -> Bool
    {
        let (shape, count, start) = header(words, at: offset)
        guard shape != .general else {
            return WildcardPattern.match(
                UnsafeBufferPointer(rebasing: words[start..<(start + count)]), text, foldCase: false)
        }
        guard shape != .any else { return true }
        guard count <= text.count else { return false }
        // An empty literal fits only an empty text; the other shapes are never empty, but would fit anything.
        guard count > 0 else { return shape != .literal || text.isEmpty }
        guard let base = words.baseAddress, let textBase = text.baseAddress else { return false }
        let stored = UnsafeRawPointer(base + start)
        let textStart = UnsafeRawPointer(textBase)
        switch shape {
        case .literal:
            return count == text.count && equalBytes(stored, textStart, count: count)
        case .prefix:
            return equalBytes(stored, textStart, count: count)
        case .suffix:
            return equalBytes(stored, textStart + (text.count - count), count: count)
        default:
            // `.contains`: the first byte is checked before the rest is compared.
            let first = stored.load(as: UInt8.self)
            for position in 0...(text.count - count)
            where textBase[position] == first && equalBytes(stored, textStart + position, count: count) {
                return true
            }
            return false
        }
    }
}

/// Whether the `count` bytes at `left` and at `right` are equal, reading nothing outside the two runs: eight
/// bytes at a time, and the last (partial) group as the run's final eight, four, two or one bytes, overlapping
/// what was already compared, instead of a loop over single bytes.
@inline(__always)
func equalBytes(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Bool {
    @inline(__always)
    func same<Word: FixedWidthInteger>(_ type: Word.Type, at offset: Int) -> Bool {
        left.loadUnaligned(fromByteOffset: offset, as: Word.self)
            == right.loadUnaligned(fromByteOffset: offset, as: Word.self)
    }
    if count >= 8 {
        var index = 0
        while index + 8 < count {
            if !same(UInt64.self, at: index) { return false }
            index += 8
        }
        return same(UInt64.self, at: count - 8)
    }
    if count >= 4 { return same(UInt32.self, at: 0) && same(UInt32.self, at: count - 4) }
    if count >= 2 { return same(UInt16.self, at: 0) && same(UInt16.self, at: count - 2) }
    return count == 0 || same(UInt8.self, at: 0)
}
