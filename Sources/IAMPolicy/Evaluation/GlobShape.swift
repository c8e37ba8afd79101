/// The shape of a compiled wildcard pattern, found at parse time so that most patterns match without the
/// general glob: `s3:GetObject` is a comparison, `Get*` a prefix test, `*Object` a suffix test.
///
/// Only `*` is specialised: a `?` takes a whole UTF-8 sequence, which the general glob handles. Each shape
/// matches exactly the texts ``WildcardPattern/match(_:_:foldCase:)`` does (with the text's ASCII letters
/// already lowered when the pattern folds case).
enum GlobShape: UInt16, Sendable {
    /// No wildcard: the text must equal the elements.
    case literal
    /// `P*`: the elements are `P`.
    case prefix
    /// `*S`: the elements are `S`.
    case suffix
    /// `*M*`: the elements are `M`.
    case contains
    /// Only stars: everything matches.
    case any
    /// Anything else: the elements are the whole pattern, for the general glob.
    case general

    /// The shape stored as `raw` (anything unknown is ``general``). `GlobShape(rawValue:)` was a call per
    /// pattern in the hot loop; the raw values are the cases in order.
    @inline(__always)
    static func stored(_ raw: UInt16) -> GlobShape {
        switch raw {
        case 0: .literal
        case 1: .prefix
        case 2: .suffix
        case 3: .contains
        case 4: .any
        default: .general
        }
    }

    /// The shape of `elements` and the elements to store for it.
    static func of(_ elements: ArraySlice<UInt16>) -> (GlobShape, ArraySlice<UInt16>) {
        let isWildcard = { (element: UInt16) in
            element == WildcardPattern.anyRun || element == WildcardPattern.anyOne
        }
        if !elements.contains(where: isWildcard) { return (.literal, elements) }
        if elements.allSatisfy({ $0 == WildcardPattern.anyRun }) { return (.any, elements[elements.endIndex...]) }
        guard !elements.contains(WildcardPattern.anyOne) else { return (.general, elements) }
        let first = elements.first == WildcardPattern.anyRun
        let last = elements.last == WildcardPattern.anyRun
        let inner = elements.dropFirst(first ? 1 : 0).dropLast(last ? 1 : 0)
        guard !inner.isEmpty, !inner.contains(WildcardPattern.anyRun) else { return (.general, elements) }
        switch (first, last) {
        case (false, true): return (.prefix, inner)
        case (true, false): return (.suffix, inner)
        case (true, true): return (.contains, inner)
        case (false, false): return (.general, elements)
        }
    }

    /// Whether `text` matches a pattern of this shape stored as `elements`; `text` is compared byte for
    /// byte, so a case-folding caller passes it lowered.
    @inline(__always)
    func matches(_ elements: UnsafeBufferPointer<UInt16>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .literal:
            return elements.count == text.count && Self.equal(elements, text, at: 0)
        case .prefix:
            return elements.count <= text.count && Self.equal(elements, text, at: 0)
        case .suffix:
            return elements.count <= text.count && Self.equal(elements, text, at: text.count - elements.count)
        case .contains:
            guard elements.count <= text.count else { return false }
            for start in 0...(text.count - elements.count) where Self.equal(elements, text, at: start) { return true }
            return false
        case .any:
            return true
        case .general:
            return WildcardPattern.match(elements, text, foldCase: false)
        }
    }

    @inline(__always)
    private static func equal(
        _ elements: UnsafeBufferPointer<UInt16>, _ text: UnsafeBufferPointer<UInt8>, at start: Int
    )
        -> Bool
    {
        for index in 0..<elements.count where elements[index] != UInt16(text[start + index]) { return false }
        return true
    }
}
