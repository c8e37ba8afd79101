/// A run of characters in one line that a highlighter gives a theme role.
public struct StyledSpan: Sendable, Equatable {
    /// The first character, counted in characters from the start of the line.
    public var start: Int
    /// How many characters the span covers.
    public var length: Int
    /// The theme role the characters are drawn in.
    public var role: Theme.Role

    /// Creates a span.
    public init(start: Int, length: Int, role: Theme.Role) {
        self.start = start
        self.length = length
        self.role = role
    }
}

/// Colours one line of text; the editor calls it only for the lines it draws.
public typealias LineHighlighter = @Sendable (_ line: String) -> [StyledSpan]

/// A small line-by-line JSON colouriser, enough for tests and for hosts without a lexer:
/// object keys in `label`, strings in `message`, numbers in `value`, `true`/`false`/`null`
/// in `title`, and punctuation in `muted`.
public enum JSONHighlighter {
    /// The roles it uses, by kind of token.
    public static let keyRole = Theme.Role.label
    /// Role of string values.
    public static let stringRole = Theme.Role.message
    /// Role of numbers.
    public static let numberRole = Theme.Role.value
    /// Role of `true`, `false` and `null`.
    public static let literalRole = Theme.Role.title
    /// Role of `{ } [ ] , :`.
    public static let punctuationRole = Theme.Role.muted

    /// The spans of one line, left to right.
    public static func highlight(_ line: String) -> [StyledSpan] {
        let characters = Array(line)
        var spans: [StyledSpan] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character == "\"" {
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    index += characters[index] == "\\" ? 2 : 1
                }
                index = min(index + 1, characters.count)
                var next = index
                while next < characters.count, characters[next] == " " { next += 1 }
                let isKey = next < characters.count && characters[next] == ":"
                spans.append(StyledSpan(start: start, length: index - start, role: isKey ? keyRole : stringRole))
            } else if "{}[],:".contains(character) {
                spans.append(StyledSpan(start: start, length: 1, role: punctuationRole))
                index += 1
            } else if character == "-" || character.isASCII && character.isNumber {
                index += 1
                while index < characters.count, characters[index].isASCII,
                    characters[index].isNumber || ".eE+-".contains(characters[index])
                {
                    index += 1
                }
                spans.append(StyledSpan(start: start, length: index - start, role: numberRole))
            } else if character.isLetter {
                while index < characters.count, characters[index].isLetter { index += 1 }
                let word = String(characters[start..<index])
                if word == "true" || word == "false" || word == "null" {
                    spans.append(StyledSpan(start: start, length: index - start, role: literalRole))
                }
            } else {
                index += 1
            }
        }
        return spans
    }
}

/// A problem the host found in the editor's text, shown as a gutter mark, an underline, and
/// (on the cursor's line) a message in the editor's bottom row.
public struct EditorDiagnostic: Sendable, Equatable {
    /// How serious the problem is.
    public enum Severity: Int, Sendable, Comparable {
        case info
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One-based line.
    public var line: Int
    /// One-based column, in characters.
    public var column: Int
    /// Characters underlined from `column` (at least one).
    public var length: Int
    /// How serious it is.
    public var severity: Severity
    /// What is wrong.
    public var message: String

    /// Creates a diagnostic at a one-based line and column.
    public init(line: Int, column: Int, length: Int = 1, severity: Severity, message: String) {
        self.line = line
        self.column = column
        self.length = max(1, length)
        self.severity = severity
        self.message = message
    }
}
