import TerminalKit

/// A tolerant, line-at-a-time JSON tokenizer for colouring and for finding the completion
/// context.
///
/// Why not IAMPolicy's reader: `JSONParser` is strict and whole-document (the first error stops
/// it), and its byte reader is internal to IAMPolicy, which this work may not change. Colouring
/// must survive half-typed text and cost only the lines on screen. JSON strings cannot span
/// lines (a raw line break in a string is an error), so a line can be tokenized on its own with
/// exactly the grammar `JSONParser` reads: strings with backslash escapes, numbers, `true`,
/// `false`, `null` and the six punctuation characters. Everything that reports a problem or a
/// position (the live diagnostics) still comes from `PolicyLinter` and `JSONParser`, so the
/// positions the user sees agree with the validator's (design decision 8).
public enum PolicyLineTokenizer {
    /// What a token is.
    public enum Kind: Sendable, Equatable {
        /// A string followed by `:` on the same line.
        case key
        /// Any other string (possibly unterminated at the end of the line).
        case string
        /// A number.
        case number
        /// `true`, `false` or `null`.
        case literal
        /// `{ } [ ] , :`.
        case punctuation
        /// Anything JSON does not allow here (a bare word, a stray character).
        case invalid
    }

    /// A token: kind and character range in its line.
    public struct Token: Sendable, Equatable {
        /// What it is.
        public var kind: Kind
        /// First character, counted from the start of the line.
        public var start: Int
        /// Characters covered.
        public var length: Int
        /// True for a string whose closing quote is missing on this line.
        public var isUnterminated = false
    }

    /// The tokens of one line, left to right; whitespace is skipped.
    public static func tokens(_ line: String) -> [Token] {
        let characters = Array(line)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character == "\"" {
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == "\\" {
                        index += 2
                    } else if characters[index] == "\"" {
                        index += 1
                        closed = true
                        break
                    } else {
                        index += 1
                    }
                }
                index = min(index, characters.count)
                var next = index
                while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
                let isKey = closed && next < characters.count && characters[next] == ":"
                tokens.append(
                    Token(kind: isKey ? .key : .string, start: start, length: index - start, isUnterminated: !closed))
            } else if "{}[],:".contains(character) {
                tokens.append(Token(kind: .punctuation, start: start, length: 1))
                index += 1
            } else if character == "-" || (character.isASCII && character.isNumber) {
                index += 1
                while index < characters.count, characters[index].isASCII,
                    characters[index].isNumber || ".eE+-".contains(characters[index])
                {
                    index += 1
                }
                tokens.append(Token(kind: .number, start: start, length: index - start))
            } else if character == " " || character == "\t" || character == "\r" {
                index += 1
            } else {
                while index < characters.count, characters[index].isLetter || characters[index].isNumber {
                    index += 1
                }
                if index == start { index += 1 }
                let word = String(characters[start..<index])
                let isLiteral = word == "true" || word == "false" || word == "null"
                tokens.append(Token(kind: isLiteral ? .literal : .invalid, start: start, length: index - start))
            }
        }
        return tokens
    }

    /// The theme role a token kind is drawn in; invalid characters get none.
    public static func role(of kind: Kind) -> Theme.Role? {
        switch kind {
        case .key: return .jsonKey
        case .string: return .jsonString
        case .number: return .jsonNumber
        case .literal: return .jsonLiteral
        case .punctuation: return .jsonPunctuation
        case .invalid: return nil
        }
    }

    /// A `LineHighlighter` colouring keys, strings, numbers, literals and punctuation in the
    /// theme's `json…` roles.
    public static let highlighter: LineHighlighter = { line in
        tokens(line).compactMap { token in
            role(of: token.kind).map { StyledSpan(start: token.start, length: token.length, role: $0) }
        }
    }
}
