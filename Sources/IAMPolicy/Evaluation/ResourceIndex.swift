/// The `Resource`/`NotResource` patterns of a policy's statements in flat arrays of trivial values, built once
/// when the policy is parsed, so the hot loop matches resources without copying a statement or touching a
/// reference count. Matching is that of ``ResourcePattern``; a statement with a policy variable in a
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

    /// For `.text`, the glob is `tail`; for `.arn`, the segments are a run of ``elements`` in which each
    /// segment ends with a colon (segments never contain one), and `tail` is the resource part.
    struct Pattern: Sendable {
        var kind: Kind
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
            return Pattern(kind: .any, segmentCount: 0, segmentStart: 0, tailStart: 0, tailCount: 0)
        case .text(let glob):
            let tailStart = Int32(elements.count)
            elements += glob.elements
            return Pattern(
                kind: .text, segmentCount: 0, segmentStart: 0, tailStart: tailStart,
                tailCount: Int32(glob.elements.count))
        case .arn(let segments, let tail):
            guard let fixed = tail.fixed else { return nil }
            let segmentStart = Int32(elements.count)
            for segment in segments {
                elements += segment.elements
                elements.append(WildcardPattern.colon)
            }
            let tailStart = Int32(elements.count)
            elements += fixed.elements
            return Pattern(
                kind: .arn, segmentCount: Int32(segments.count), segmentStart: segmentStart, tailStart: tailStart,
                tailCount: Int32(fixed.elements.count))
        }
    }

    /// Whether one compiled pattern matches `resource` (as ``ResourcePattern/matches(_:context:)``).
    static func matches(
        _ pattern: Pattern, _ resource: UnsafeBufferPointer<UInt8>, elements: UnsafeBufferPointer<UInt16>
    ) -> Bool {
        let tail = UnsafeBufferPointer(
            rebasing: elements[Int(pattern.tailStart)..<Int(pattern.tailStart + pattern.tailCount)])
        switch pattern.kind {
        case .any:
            return true
        case .text:
            return WildcardPattern.match(tail, resource, foldCase: false)
        case .arn:
            var start = 0
            var element = Int(pattern.segmentStart)
            for _ in 0..<pattern.segmentCount {
                var end = start
                while end < resource.count, resource[end] != UInt8(ascii: ":") { end += 1 }
                guard end < resource.count else { return false }
                var segmentEnd = element
                while elements[segmentEnd] != WildcardPattern.colon { segmentEnd += 1 }
                let segment = UnsafeBufferPointer(rebasing: elements[element..<segmentEnd])
                let part = UnsafeBufferPointer(rebasing: resource[start..<end])
                guard WildcardPattern.match(segment, part, foldCase: false) else { return false }
                start = end + 1
                element = segmentEnd + 1
            }
            return WildcardPattern.match(tail, UnsafeBufferPointer(rebasing: resource[start...]), foldCase: false)
        }
    }
}

/// What evaluation reads of a parsed policy besides its statements, shared by every copy of the policy so
/// that copying a ``ParsedPolicy`` retains one object.
final class PolicyIndex: Sendable {
    let actions: ActionIndex
    let resources: ResourceIndex

    init(_ statements: [ParsedStatement]) {
        actions = ActionIndex(statements)
        resources = ResourceIndex(statements)
    }

    /// Every array of the index at once, as buffers valid only inside `body`.
    struct Buffers {
        let entries: UnsafeBufferPointer<ActionIndex.Entry>
        let actionPatterns: UnsafeBufferPointer<ActionIndex.PatternRef>
        let actionElements: UnsafeBufferPointer<UInt16>
        let resourceStatements: UnsafeBufferPointer<ResourceIndex.StatementResources>
        let resourcePatterns: UnsafeBufferPointer<ResourceIndex.Pattern>
        let resourceElements: UnsafeBufferPointer<UInt16>

        /// Whether the resource matches statement `index`; `nil` when it has a policy variable and must be
        /// matched through ``ResourcePattern``.
        func resourceMatches(statement index: Int, _ resource: UnsafeBufferPointer<UInt8>) -> Bool? {
            let info = resourceStatements[index]
            let matched: Bool
            switch info.mode {
            case .absent: return true
            case .variable: return nil
            case .listed, .negated:
                var any = false
                for position in Int(info.start)..<Int(info.start + info.count)
                where ResourceIndex.matches(resourcePatterns[position], resource, elements: resourceElements) {
                    any = true
                    break
                }
                matched = any
            }
            return info.mode == .listed ? matched : !matched
        }
    }

    func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
        actions.entries.withUnsafeBufferPointer { entries in
            actions.patterns.withUnsafeBufferPointer { actionPatterns in
                actions.elements.withUnsafeBufferPointer { actionElements in
                    resources.statements.withUnsafeBufferPointer { resourceStatements in
                        resources.patterns.withUnsafeBufferPointer { resourcePatterns in
                            resources.elements.withUnsafeBufferPointer { resourceElements in
                                body(
                                    Buffers(
                                        entries: entries, actionPatterns: actionPatterns,
                                        actionElements: actionElements, resourceStatements: resourceStatements,
                                        resourcePatterns: resourcePatterns, resourceElements: resourceElements))
                            }
                        }
                    }
                }
            }
        }
    }
}
