/// A policy value that may contain `${…}` policy variables, compiled into a wildcard pattern.
///
/// *IAM policy elements: Variables and tags*: variables exist only under `"Version": "2012-10-17"`;
/// `${key, 'default'}` supplies a default; `${*}`, `${?}` and `${$}` are the literal characters. A
/// substituted value is literal text (its `*` is not a wildcard). A variable with no value and no default
/// leaves the template unresolved, so the value matches nothing: a `Resource` then matches nothing and a
/// `StringEquals` fails, while a negated operator (NOR of its values) matches, as the doc's
/// `aws:PrincipalTag/Team` example requires.
struct PolicyVariableTemplate: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case pattern([UInt16])
        /// A context key, lowercased, and its number for lookup (``ContextKeyIDs``), with an optional default.
        case variable(key: String, id: UInt32, defaultValue: String?)
    }

    /// The compiled pattern when the text has no variables: the common case, resolved without allocating.
    let fixed: WildcardPattern?
    let parts: [Part]
    let wildcards: Bool
    let foldCase: Bool

    /// Compiles `text`; `${…}` is recognised only when `variables` is true.
    init(_ text: some StringProtocol, variables: Bool, wildcards: Bool, foldCase: Bool = false) {
        self.wildcards = wildcards
        self.foldCase = foldCase
        let source = foldCase ? String(text).lowercased() : String(text)
        guard variables, source.utf8.contains(UInt8(ascii: "$")) else {
            fixed = WildcardPattern(source, wildcards: wildcards)
            parts = []
            return
        }
        var parts: [Part] = []
        var pending: [UInt16] = []
        let bytes = Array(source.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}"))
            {
                let inner = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                switch inner {
                case "*", "?", "$":
                    pending.append(UInt16(inner.utf8.first ?? 0))
                default:
                    if !pending.isEmpty { parts.append(.pattern(pending)) }
                    pending = []
                    parts.append(Self.variable(inner))
                }
                index = close + 1
                continue
            }
            pending.append(WildcardPattern.element(bytes[index], wildcards: wildcards, foldCase: false))
            index += 1
        }
        if !pending.isEmpty { parts.append(.pattern(pending)) }
        var flattened: [UInt16] = []
        var hasVariable = false
        for part in parts {
            switch part {
            case .pattern(let elements): flattened += elements
            case .variable: hasVariable = true
            }
        }
        if !hasVariable {
            fixed = WildcardPattern(elements: flattened)
            self.parts = []
        } else {
            fixed = nil
            self.parts = parts
        }
    }

    /// `key` or `key, 'default'`, with the space AWS allows around the comma.
    private static func variable(_ inner: String) -> Part {
        guard let comma = inner.firstIndex(of: ",") else {
            let key = trimmed(inner).lowercased()
            return .variable(key: key, id: ContextKeyIDs.id(key), defaultValue: nil)
        }
        let key = trimmed(inner[..<comma]).lowercased()
        var value = trimmed(inner[inner.index(after: comma)...])
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            value = String(value.dropFirst().dropLast())
        }
        return .variable(key: key, id: ContextKeyIDs.id(key), defaultValue: value)
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    var hasVariables: Bool { fixed == nil }

    /// The pattern with every variable substituted; `nil` when a variable has no value and no default.
    func resolve(_ context: RequestContext) -> WildcardPattern? {
        if let fixed { return fixed }
        return withResolved(context) { WildcardPattern(elements: Array($0)) }
    }

    /// Calls `body` with the pattern's elements, every variable substituted, in a buffer on the stack; `nil`
    /// when a variable has no value and no default. Matching a template then allocates nothing: the
    /// variables are looked up twice, once to size the buffer, which costs less than an array.
    func withResolved<Result>(
        _ context: RequestContext, _ body: (UnsafeBufferPointer<UInt16>) -> Result
    ) -> Result? {
        if let fixed { return fixed.elements.withUnsafeBufferPointer(body) }
        var count = 0
        for part in parts {
            switch part {
            case .pattern(let pattern):
                count += pattern.count
            case .variable(_, let id, let defaultValue):
                guard let value = substitution(context, id, defaultValue) else { return nil }
                count += value.utf8.count
            }
        }
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: count) { buffer in
            var position = 0
            for part in parts {
                switch part {
                case .pattern(let pattern):
                    for element in pattern {
                        buffer[position] = element
                        position += 1
                    }
                case .variable(_, let id, let defaultValue):
                    for byte in (substitution(context, id, defaultValue) ?? "").utf8 where position < count {
                        buffer[position] = UInt16(byte)
                        position += 1
                    }
                }
            }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<position]))
        }
    }

    private func substitution(
        _ context: RequestContext, _ id: UInt32, _ defaultValue: String?
    ) -> String? {
        guard let value = context.singleValue(id: id) ?? defaultValue else { return nil }
        return foldCase ? value.lowercased() : value
    }
}
