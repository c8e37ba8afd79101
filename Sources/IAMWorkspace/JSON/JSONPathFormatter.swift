import Foundation

/// Turns a `DecodingError` from `JSONDecoder` into the place and the problem, in words a user can act on.
///
/// ```swift
/// do { _ = try JSONDecoder().decode(Workspace.self, from: data) } catch let error as DecodingError {
///     let (path, message) = JSONPathFormatter.describe(error)
///     print("\(file): \(path): \(message)")   // ws.json: $.account.users[3].userName: missing field 'userName'
/// }
/// ```
///
/// Syntax errors carry no position in `DecodingError`; locate them with a parser that reports line:column.
public enum JSONPathFormatter {
    /// The JSON path of the failing value (`$` is the document, `.name` an object member, `[3]` an array element,
    /// `["odd key"]` a member whose name is not a plain identifier) and a one-line message.
    ///
    /// For a missing field the path ends with the field's name.
    public static func describe(_ error: DecodingError) -> (path: String, message: String) {
        switch error {
        case .typeMismatch(let expected, let context):
            let found = foundKind(in: context.debugDescription)
            let message = "expected \(describe(type: expected))" + (found.map { ", found \($0)" } ?? "")
            return (path(context.codingPath), message)
        case .valueNotFound(let expected, let context):
            return (path(context.codingPath), "expected \(describe(type: expected)), found null")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "missing field '\(key.stringValue)'")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty, context.debugDescription.contains("not valid JSON") {
                return ("$", "the file is not valid JSON")
            }
            return (path(context.codingPath), "invalid value: \(oneLine(context.debugDescription))")
        @unknown default:
            return ("$", oneLine(String(describing: error)))
        }
    }

    /// `describe(_:)` as one string: `"$.account.users[3].userName: missing field 'userName'"`.
    public static func message(for error: DecodingError) -> String {
        let (path, message) = describe(error)
        return "\(path): \(message)"
    }

    /// The JSON path of a coding path, in the form `$.account.users[3].userName`.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        var result = "$"
        for key in codingPath {
            if let index = arrayIndex(key) {
                result += "[\(index)]"
            } else if isIdentifier(key.stringValue) {
                result += "." + key.stringValue
            } else {
                result += "[" + quoted(key.stringValue) + "]"
            }
        }
        return result
    }

    /// Array elements come as keys whose integer value is the index and whose string is "Index N" (JSONDecoder)
    /// or just the number (custom decoders); a dictionary key that merely looks numeric has no integer value.
    private static func arrayIndex(_ key: any CodingKey) -> Int? {
        guard let index = key.intValue else { return nil }
        let text = key.stringValue
        return text == "Index \(index)" || text == "\(index)" ? index : nil
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The kind of value JSONDecoder found, which it only states in its debug text ("but found a string instead").
    private static func foundKind(in text: String) -> String? {
        guard let range = text.range(of: "but found ") else { return nil }
        var word = text[range.upperBound...].prefix { $0.isLetter || $0 == " " }
        for article in ["a ", "an "] where word.hasPrefix(article) {
            word = word.dropFirst(article.count)
        }
        switch word.split(separator: " ").first.map(String.init) {
        case "string": return "a string"
        case "number": return "a number"
        case "bool", "boolean": return "true or false"
        case "array": return "an array"
        case "dictionary", "object": return "an object"
        case "null": return "null"
        case let other?: return other
        case nil: return nil
        }
    }

    private static func describe(type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type, is Character.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int8.Type, is Int16.Type, is Int32.Type, is Int64.Type,
            is UInt.Type, is UInt8.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type:
            return "an integer"
        case is Double.Type, is Float.Type, is Decimal.Type: return "a number"
        case is Date.Type: return "a date"
        case is URL.Type: return "a URL"
        case is Data.Type: return "base64 data"
        default: break
        }
        let name = String(describing: type)
        if name.hasPrefix("Array<") || name.hasPrefix("[") && !name.contains(":") { return "an array" }
        if name.hasPrefix("Dictionary<") || name.hasPrefix("[") { return "an object" }
        return "a value of type \(name)"
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
