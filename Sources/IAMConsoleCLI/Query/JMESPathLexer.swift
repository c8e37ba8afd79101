import IAMPolicy

/// A JMESPath token.
enum JMESToken: Equatable {
    case identifier(String)
    case quotedIdentifier(String)
    case number(Int)
    case literal(JSONValue)
    case rawString(String)
    case dot, star, flatten, filter, lbracket, rbracket, lbrace, rbrace, lparen, rparen, comma, colon, pipe, or, and,
        not, current, expref
    case comparator(String)
    case eof
}

/// An error in a `--query` expression, reported with its position as the AWS CLI does.
struct JMESPathError: Error, CustomStringConvertible {
    let message: String
    let expression: String
    let position: Int

    var description: String {
        "Bad value for --query \(expression): \(message) at position \(position)"
    }
}

/// Splits a JMESPath expression into tokens (JMESPath specification, "Grammar").
struct JMESPathLexer {
    let expression: String

    func tokens() throws -> [(JMESToken, Int)] {
        let chars = Array(expression.unicodeScalars)
        var result: [(JMESToken, Int)] = []
        var index = 0
        func fail(_ message: String) -> JMESPathError {
            JMESPathError(message: message, expression: expression, position: index)
        }
        while index < chars.count {
            let start = index
            let char = chars[index]
            switch char {
            case " ", "\t", "\n", "\r":
                index += 1
                continue
            case ".": result.append((.dot, start)); index += 1
            case "*": result.append((.star, start)); index += 1
            case ",": result.append((.comma, start)); index += 1
            case ":": result.append((.colon, start)); index += 1
            case "{": result.append((.lbrace, start)); index += 1
            case "}": result.append((.rbrace, start)); index += 1
            case "(": result.append((.lparen, start)); index += 1
            case ")": result.append((.rparen, start)); index += 1
            case "]": result.append((.rbracket, start)); index += 1
            case "@": result.append((.current, start)); index += 1
            case "&":
                if index + 1 < chars.count, chars[index + 1] == "&" {
                    result.append((.and, start))
                    index += 2
                } else {
                    result.append((.expref, start))
                    index += 1
                }
            case "|":
                if index + 1 < chars.count, chars[index + 1] == "|" {
                    result.append((.or, start))
                    index += 2
                } else {
                    result.append((.pipe, start))
                    index += 1
                }
            case "[":
                if index + 1 < chars.count, chars[index + 1] == "]" {
                    result.append((.flatten, start))
                    index += 2
                } else if index + 1 < chars.count, chars[index + 1] == "?" {
                    result.append((.filter, start))
                    index += 2
                } else {
                    result.append((.lbracket, start))
                    index += 1
                }
            case "<", ">", "=", "!":
                let next = index + 1 < chars.count ? chars[index + 1] : " "
                if next == "=" {
                    result.append((.comparator(String(char) + "="), start))
                    index += 2
                } else if char == "<" || char == ">" {
                    result.append((.comparator(String(char)), start))
                    index += 1
                } else if char == "!" {
                    result.append((.not, start))
                    index += 1
                } else {
                    throw fail("Unknown token '='")
                }
            case "'":
                index += 1
                var text = ""
                while index < chars.count, chars[index] != "'" {
                    if chars[index] == "\\", index + 1 < chars.count, chars[index + 1] == "'" {
                        text.unicodeScalars.append("'")
                        index += 2
                    } else {
                        text.unicodeScalars.append(chars[index])
                        index += 1
                    }
                }
                guard index < chars.count else { throw fail("Unterminated raw string") }
                index += 1
                result.append((.rawString(text), start))
            case "`":
                index += 1
                var text = ""
                while index < chars.count, chars[index] != "`" {
                    if chars[index] == "\\", index + 1 < chars.count, chars[index + 1] == "`" {
                        text.unicodeScalars.append("`")
                        index += 2
                    } else {
                        text.unicodeScalars.append(chars[index])
                        index += 1
                    }
                }
                guard index < chars.count else { throw fail("Unterminated JSON literal") }
                index += 1
                do {
                    result.append((.literal(try JSONParser.parse(text)), start))
                } catch {
                    throw JMESPathError(message: "Bad JSON literal", expression: expression, position: start)
                }
            case "\"":
                index += 1
                var raw = "\""
                while index < chars.count, chars[index] != "\"" {
                    if chars[index] == "\\", index + 1 < chars.count {
                        raw.unicodeScalars.append(chars[index])
                        index += 1
                    }
                    raw.unicodeScalars.append(chars[index])
                    index += 1
                }
                guard index < chars.count else { throw fail("Unterminated quoted identifier") }
                index += 1
                guard case .string(let name)? = try? JSONParser.parse(raw + "\"") else {
                    throw JMESPathError(message: "Bad quoted identifier", expression: expression, position: start)
                }
                result.append((.quotedIdentifier(name), start))
            case "-", "0"..."9":
                var text = String(char)
                index += 1
                while index < chars.count, ("0"..."9").contains(chars[index]) {
                    text.unicodeScalars.append(chars[index])
                    index += 1
                }
                guard let number = Int(text) else { throw fail("Bad number") }
                result.append((.number(number), start))
            default:
                guard Self.isIdentifierStart(char) else { throw fail("Unknown character '\(char)'") }
                var text = ""
                while index < chars.count, Self.isIdentifierStart(chars[index]) || ("0"..."9").contains(chars[index]) {
                    text.unicodeScalars.append(chars[index])
                    index += 1
                }
                result.append((.identifier(text), start))
            }
        }
        result.append((.eof, chars.count))
        return result
    }

    static func isIdentifierStart(_ char: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(char) || ("A"..."Z").contains(char) || char == "_"
    }
}
