import Foundation

/// Reading themes from `Themes/<name>.json`.
///
/// A theme file looks like this; every role is optional and every key in a style is optional:
///
/// ```json
/// { "name": "default",
///   "styles": { "header": { "fg": "black", "bg": "cyan", "bold": true },
///               "selection": { "fg": "#ffffff", "bg": 24 } } }
/// ```
///
/// Colours are written as:
/// - one of the 16 ANSI names (`black` … `white`, `brightBlack` … `brightWhite`, also written
///   `bright-black`, `bright_black` or `grey`), which follow the terminal's own palette;
/// - `default`, the terminal's own foreground or background;
/// - a 256-colour index, as a number (`214`) or a string (`"214"`, `"color214"`);
/// - `#RRGGBB`, downsampled to 256 or 16 colours when the terminal has fewer.
extension Theme {
    /// The keys a style object may hold.
    static let styleKeys = ["fg", "bg", "bold", "reverse", "underline", "dim"]

    /// Parses a theme file's contents; `path` is only used in error messages.
    ///
    /// Errors carry the line and column of the problem: the first syntax error when the file is
    /// not JSON, otherwise the offending key or value with its dotted path (`styles.header.fg`).
    public static func parse(_ data: Data, path: String) throws(ThemeError) -> Theme {
        let bytes = [UInt8](data)
        let root: JSONNode
        do {
            root = try JSONReader.read(bytes)
        } catch {
            let position = SourcePosition(offset: error.offset, in: bytes)
            throw .invalidJSON(path: path, line: position.line, column: position.column, reason: error.message)
        }
        let fail = { (offset: Int, key: String, problem: String) -> ThemeError in
            let position = SourcePosition(offset: offset, in: bytes)
            return .invalidValue(path: path, line: position.line, column: position.column, key: key, problem: problem)
        }
        guard case .object(let top) = root.value else {
            throw fail(root.offset, "(top level)", "expected an object with \"name\" and \"styles\"")
        }
        var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var styles: [Role: Style] = [:]
        for member in top {
            switch member.key {
            case "name":
                guard case .string(let given) = member.node.value, !given.isEmpty else {
                    throw fail(member.node.offset, "name", "expected a non-empty string, got \(member.node.value)")
                }
                name = given
            case "description":
                guard case .string = member.node.value else {
                    throw fail(member.node.offset, "description", "expected a string, got \(member.node.value)")
                }
            case "styles":
                guard case .object(let entries) = member.node.value else {
                    throw fail(member.node.offset, "styles", "expected an object of roles, got \(member.node.value)")
                }
                for entry in entries {
                    let key = "styles.\(entry.key)"
                    guard let role = Role(rawValue: entry.key) else {
                        let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail(entry.keyOffset, key, "unknown role (known: \(known))")
                    }
                    styles[role] = try parseStyle(entry.node, key: key, fail: fail)
                }
            default:
                throw fail(member.keyOffset, member.key, "unknown key (expected name, description, styles)")
            }
        }
        return Theme(name: name, styles: styles)
    }

    /// Parses one colour as a theme file writes it in a string; nil when it is not a colour.
    public static func parseColor(_ text: String) -> Color? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#") {
            let hex = trimmed.dropFirst()
            guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let value = UInt32(hex, radix: 16) else { return nil }
            return .rgb(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        }
        let key = trimmed.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        if key == "default" { return .default }
        if key == "grey" || key == "gray" { return .ansi(8) }
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if let index = names.firstIndex(of: key) { return .ansi(UInt8(index)) }
        if key.hasPrefix("bright"), let index = names.firstIndex(of: String(key.dropFirst("bright".count))) {
            return .ansi(UInt8(index + 8))
        }
        var digits = Substring(trimmed.lowercased())
        for prefix in ["colour", "color"] where digits.hasPrefix(prefix) {
            digits = digits.dropFirst(prefix.count)
        }
        if !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let index = UInt8(digits)
        {
            return .indexed(index)
        }
        return nil
    }

    /// The colour a theme file's `fg` or `bg` value names, or the problem with it.
    static func color(from value: JSONValue) -> Result<Color, ColorProblem> {
        switch value {
        case .string(let text):
            guard let color = parseColor(text) else { return .failure(ColorProblem(text: "unknown colour '\(text)'")) }
            return .success(color)
        case .number(let number):
            guard number == number.rounded(), (0...255).contains(number) else {
                return .failure(ColorProblem(text: "colour index \(value) is not a whole number from 0 to 255"))
            }
            return .success(.indexed(UInt8(number)))
        default:
            return .failure(ColorProblem(text: "expected a colour, got \(value)"))
        }
    }

    /// Why a value is not a colour, without the list of accepted forms.
    struct ColorProblem: Error {
        /// The problem, such as `unknown colour 'blurple'`.
        var text: String
    }

    private static func parseStyle(
        _ node: JSONNode, key: String, fail: (Int, String, String) -> ThemeError
    ) throws(ThemeError) -> Style {
        guard case .object(let fields) = node.value else {
            let example = #"{"fg": "cyan", "bold": true}"#
            throw fail(node.offset, key, "expected an object such as \(example), got \(node.value)")
        }
        var style = Style()
        for field in fields {
            let fieldKey = "\(key).\(field.key)"
            let value = field.node.value
            switch field.key {
            case "fg", "bg":
                switch color(from: value) {
                case .success(let color):
                    if field.key == "fg" { style.foreground = color } else { style.background = color }
                case .failure(let problem):
                    let forms = "an ANSI name such as cyan or brightBlack, default, an index 0-255, or #RRGGBB"
                    throw fail(field.node.offset, fieldKey, "\(problem.text) (expected \(forms))")
                }
            case "bold", "reverse", "underline", "dim":
                guard case .bool(let flag) = value else {
                    throw fail(field.node.offset, fieldKey, "expected true or false, got \(value)")
                }
                switch field.key {
                case "bold": style.bold = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.dim = flag
                }
            default:
                let expected = styleKeys.joined(separator: ", ")
                throw fail(field.keyOffset, fieldKey, "unknown key (expected \(expected))")
            }
        }
        return style
    }
}
