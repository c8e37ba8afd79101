import IAMPolicy

/// Completion of service prefixes and action names inside the string values of `Action` and
/// `NotAction`, from `ActionCatalog.shared`.
public enum PolicyCompletion {
    /// Service prefixes and their action names, sorted case-insensitively, built once.
    struct Index: Sendable {
        var prefixes: [String] = []
        var actions: [String: [String]] = [:]
    }

    static let index: Index = {
        guard let catalog = try? ActionCatalog.shared.get() else { return Index() }
        var index = Index()
        index.prefixes = catalog.services.values.map(\.prefix).sorted { $0.lowercased() < $1.lowercased() }
        for service in catalog.services.values {
            index.actions[service.prefix.lowercased()] = service.actions.values.map(\.name).sorted {
                $0.lowercased() < $1.lowercased()
            }
        }
        return index
    }()

    /// Candidates for `word`: before a `:` the service prefixes it starts (each with `:`
    /// appended), after `service:` that service's actions whose names start with the rest,
    /// ignoring case, as `service:Action`, sorted.
    public static func candidates(for word: String) -> [String] {
        if let colon = word.firstIndex(of: ":") {
            let service = word[..<colon].lowercased()
            let prefix = word[word.index(after: colon)...].lowercased()
            guard let names = index.actions[service] else { return [] }
            let shownService = index.prefixes.first { $0.lowercased() == service } ?? service
            return names.filter { $0.lowercased().hasPrefix(prefix) }.map { "\(shownService):\($0)" }
        }
        let lowered = word.lowercased()
        return index.prefixes.filter { $0.lowercased().hasPrefix(lowered) }.map { $0 + ":" }
    }

    /// True when the cursor (zero-based `line`, `column`) is inside a string that is the value
    /// of an `Action` or `NotAction` key, directly or as an element of its array. The search
    /// back through earlier lines is bounded by `lineLimit`.
    public static func isInActionString(lines: [String], line: Int, column: Int, lineLimit: Int = 400) -> Bool {
        guard lines.indices.contains(line) else { return false }
        let prefix = String(lines[line].prefix(column))
        var tokens = PolicyLineTokenizer.tokens(prefix).map { (token: $0, text: text(of: $0, in: prefix)) }
        guard let last = tokens.popLast(), last.token.kind == .string, last.token.isUnterminated else { return false }
        var depth = 0
        var inList = false
        var previous: String?
        var currentLine = line
        while true {
            while let entry = tokens.popLast() {
                if entry.token.kind == .punctuation {
                    switch entry.text {
                    case "]", "}": depth += 1
                    case "{":
                        if depth == 0 { return false }
                        depth -= 1
                    case "[":
                        if depth == 0 {
                            previous = "["
                            continue
                        }
                        depth -= 1
                    case "," where depth == 0:
                        inList = true
                    case ":" where depth == 0 && previous == nil && inList:
                        return false
                    case ":" where depth == 0 && (previous == nil || previous == "["):
                        previous = previous == "[" ? "[:" : ":"
                        continue
                    default: break
                    }
                } else if entry.token.kind == .key, depth == 0, previous == ":" || previous == "[:" {
                    return entry.text == "\"Action\"" || entry.text == "\"NotAction\""
                }
                if depth == 0, previous != nil { return false }
            }
            currentLine -= 1
            guard currentLine >= 0, line - currentLine <= lineLimit else { return false }
            let source = lines[currentLine]
            tokens = PolicyLineTokenizer.tokens(source).map { (token: $0, text: text(of: $0, in: source)) }
        }
    }

    private static func text(of token: PolicyLineTokenizer.Token, in line: String) -> String {
        let start = line.index(line.startIndex, offsetBy: token.start)
        let end = line.index(start, offsetBy: token.length)
        return String(line[start..<end])
    }
}
