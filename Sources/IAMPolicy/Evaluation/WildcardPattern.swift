/// A wildcard pattern compiled once into elements: literal bytes, `*` (any run) and `?` (one character).
///
/// Elements are `UInt16` so the two wildcards can never collide with a literal byte: a `*` that came
/// from `${*}` or from a substituted variable stays a literal `0x2A` (*Variables and tags*: special
/// characters). Matching works on UTF-8 bytes without allocating.
struct WildcardPattern: Sendable, Equatable {
    static let anyRun: UInt16 = 0x100
    static let anyOne: UInt16 = 0x101
    static let colon: UInt16 = 0x3A

    var elements: [UInt16]

    init(elements: [UInt16]) {
        self.elements = elements
    }

    /// Compiles `text`, treating `*` and `?` as wildcards when `wildcards` is true.
    init(_ text: some StringProtocol, wildcards: Bool = true, foldCase: Bool = false) {
        var elements: [UInt16] = []
        elements.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            elements.append(Self.element(byte, wildcards: wildcards, foldCase: foldCase))
        }
        self.elements = elements
    }

    static func element(_ byte: UInt8, wildcards: Bool, foldCase: Bool) -> UInt16 {
        if wildcards, byte == UInt8(ascii: "*") { return anyRun }
        if wildcards, byte == UInt8(ascii: "?") { return anyOne }
        return UInt16(foldCase ? lowerASCII(byte) : byte)
    }

    var isMatchAll: Bool { elements.count == 1 && elements[0] == Self.anyRun }

    func matches(_ text: UnsafeBufferPointer<UInt8>, foldCase: Bool = false) -> Bool {
        elements.withUnsafeBufferPointer { Self.match($0, text, foldCase: foldCase) }
    }

    /// Iterative glob with single-star backtracking: linear for one `*`, O(n·m) at worst, no recursion.
    static func match(
        _ pattern: UnsafeBufferPointer<UInt16>, _ text: UnsafeBufferPointer<UInt8>, foldCase: Bool
    ) -> Bool {
        var patternIndex = 0
        var textIndex = 0
        var starPattern = -1
        var starText = 0
        while textIndex < text.count {
            if patternIndex < pattern.count {
                let element = pattern[patternIndex]
                if element == anyRun {
                    starPattern = patternIndex
                    starText = textIndex
                    patternIndex += 1
                    continue
                }
                if element == anyOne {
                    // `?` is one character, so it takes a whole UTF-8 sequence.
                    patternIndex += 1
                    textIndex += 1
                    while textIndex < text.count, text[textIndex] & 0xC0 == 0x80 { textIndex += 1 }
                    continue
                }
                let byte = foldCase ? lowerASCII(text[textIndex]) : text[textIndex]
                if UInt16(byte) == element {
                    patternIndex += 1
                    textIndex += 1
                    continue
                }
            }
            guard starPattern >= 0 else { return false }
            patternIndex = starPattern + 1
            starText += 1
            textIndex = starText
        }
        while patternIndex < pattern.count, pattern[patternIndex] == anyRun { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    /// Whether two byte runs are equal, optionally folding ASCII case.
    static func equal(
        _ pattern: UnsafeBufferPointer<UInt16>, _ text: UnsafeBufferPointer<UInt8>, foldCase: Bool
    ) -> Bool {
        guard pattern.count == text.count else { return false }
        for index in 0..<text.count {
            let byte = foldCase ? lowerASCII(text[index]) : text[index]
            if UInt16(byte) != pattern[index] { return false }
        }
        return true
    }
}

@inline(__always)
func lowerASCII(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
}

/// Calls `body` with the UTF-8 bytes of `string`, without copying a native string.
@inline(__always)
func withUTF8Bytes<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    var string = string
    return string.withUTF8(body)
}

/// Matches `text` segment by segment against colon-delimited `segments` (*Resource*; *Condition operators*:
/// ARN operators). Each segment but the last matches one colon-delimited part of `text`; the last matches
/// everything that is left, which is how a trailing `*` "may match beyond `:`" and why the resource part
/// (after the fifth colon) may itself contain colons.
func matchColonSegments(
    _ segments: [WildcardPattern], tail: UnsafeBufferPointer<UInt16>, text: UnsafeBufferPointer<UInt8>
) -> Bool {
    var start = 0
    for segment in segments {
        var end = start
        while end < text.count, text[end] != UInt8(ascii: ":") { end += 1 }
        guard end < text.count else { return false }
        let part = UnsafeBufferPointer(rebasing: text[start..<end])
        let matched = segment.elements.withUnsafeBufferPointer { WildcardPattern.match($0, part, foldCase: false) }
        guard matched else { return false }
        start = end + 1
    }
    return WildcardPattern.match(tail, UnsafeBufferPointer(rebasing: text[start...]), foldCase: false)
}
