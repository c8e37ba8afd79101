/// The `Resource`/`NotResource` patterns of a policy's statements in flat arrays of trivial values, built once
/// when the policy is parsed and then packed into ``PolicyIndex``, so the hot loop matches resources without
/// copying a statement or touching a reference count. Matching is that of ``ResourcePattern``; a statement with a policy variable in a
/// resource keeps using ``ResourcePattern`` (``Mode/variable``), since its pattern depends on the request.
struct ResourceIndex: Sendable {
    enum Mode: UInt8, Sendable {
        case absent, listed, negated, variable
    }

    /// One statement's patterns: a run of ``patterns``.
    struct StatementResources: Sendable {
        var mode: Mode
        var start: Int32
        var count: Int32
    }

    enum Kind: UInt8, Sendable {
        case any, text, arn
    }

    /// For `.text`, the glob is `tail`. For `.arn`, `prefix` is the leading segments without a wildcard, each
    /// followed by its colon (`arn:aws:s3:::`), compared as one run; the other segments are a run of
    /// ``elements`` in which each ends with a colon (segments never contain one); `tail` is the rest.
    struct Pattern: Sendable {
        var kind: Kind
        var prefixStart: Int32
        var prefixCount: Int32
        var segmentCount: Int32
        var segmentStart: Int32
        var tailStart: Int32
        var tailCount: Int32
    }

    private(set) var statements: [StatementResources] = []
    private(set) var patterns: [Pattern] = []
    private(set) var elements: [UInt16] = []

    init(_ parsed: [ParsedStatement]) {
        statements.reserveCapacity(parsed.count)
        for statement in parsed {
            let start = Int32(patterns.count)
            var mode: Mode
            switch statement.resources {
            case .absent: mode = .absent
            case .listed: mode = .listed
            case .negated: mode = .negated
            }
            for pattern in statement.resourcePatterns {
                guard let compiled = add(pattern) else {
                    mode = .variable
                    break
                }
                patterns.append(compiled)
            }
            if mode == .variable { patterns.removeSubrange(Int(start)...) }
            statements.append(StatementResources(mode: mode, start: start, count: Int32(patterns.count) - start))
        }
    }

    /// Compiles one pattern, or returns `nil` when its resource part has a policy variable.
    private mutating func add(_ pattern: ResourcePattern) -> Pattern? {
        switch pattern.form {
        case .any:
            return Pattern(
                kind: .any, prefixStart: 0, prefixCount: 0, segmentCount: 0, segmentStart: 0, tailStart: 0,
                tailCount: 0)
        case .text(let glob):
            let tailStart = Int32(elements.count)
            elements += glob.elements
            return Pattern(
                kind: .text, prefixStart: 0, prefixCount: 0, segmentCount: 0, segmentStart: 0, tailStart: tailStart,
                tailCount: Int32(glob.elements.count))
        case .arn(let segments, let tail):
            guard let fixed = tail.fixed else { return nil }
            let literal = segments.prefix {
                !$0.elements.contains(WildcardPattern.anyRun) && !$0.elements.contains(WildcardPattern.anyOne)
            }
            let prefixStart = Int32(elements.count)
            for segment in literal {
                elements += segment.elements
                elements.append(WildcardPattern.colon)
            }
            let segmentStart = Int32(elements.count)
            for segment in segments.dropFirst(literal.count) {
                elements += segment.elements
                elements.append(WildcardPattern.colon)
            }
            let tailStart = Int32(elements.count)
            elements += fixed.elements
            return Pattern(
                kind: .arn, prefixStart: prefixStart, prefixCount: segmentStart - prefixStart,
                segmentCount: Int32(segments.count - literal.count), segmentStart: segmentStart, tailStart: tailStart,
                tailCount: Int32(fixed.elements.count))
        }
    }
}
