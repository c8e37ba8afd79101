import Foundation

/// Reading themes from `Themes/<name>.json`.
///
/// A theme file looks like this; every role is optional and every key in a style is optional:
///
/// ```json
/// { "name": "default",
///   "styles": { "header": { "fg": "black", "bg": "cyan", "bold": true },
///               "selection": { "fg": "#ffffff", "bg": "blue" } } }
/// ```
///
/// Colours are the 16 ANSI names (`black` … `white`, `brightBlack` … `brightWhite`, also
/// written `bright-black` or `grey`), `default` for the terminal's own colour, or `#RRGGBB`.
extension Theme {
    /// Parses a theme file's contents; `path` is only used in error messages.
    public static func parse(_ data: Data, path: String) throws(ThemeError) -> Theme {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let error as DecodingError {
            throw .invalidJSON(path: path, reason: Self.reason(error))
        } catch {
            throw .invalidJSON(path: path, reason: String(describing: error))
        }
        guard case .object(let top) = root else {
            throw .invalidValue(
                path: path, key: "(top level)", problem: "expected an object with \"name\" and \"styles\"")
        }
        for key in top.keys.sorted() where !["name", "description", "styles"].contains(key) {
            throw .invalidValue(path: path, key: key, problem: "unknown key (expected name, description, styles)")
        }
        var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if let value = top["name"] {
            guard case .string(let given) = value else {
                throw .invalidValue(path: path, key: "name", problem: "expected a string")
            }
            name = given
        }
        var styles: [Role: Style] = [:]
        if let value = top["styles"] {
            guard case .object(let entries) = value else {
                throw .invalidValue(path: path, key: "styles", problem: "expected an object of roles")
            }
            for (roleName, entry) in entries.sorted(by: { $0.key < $1.key }) {
                guard let role = Role(rawValue: roleName) else {
                    let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                    throw .invalidValue(
                        path: path, key: "styles.\(roleName)", problem: "unknown role (known: \(known))")
                }
                styles[role] = try parseStyle(entry, key: "styles.\(roleName)", path: path)
            }
        }
        return Theme(name: name, styles: styles)
    }

    /// Parses one colour name as a theme file writes it; nil when it is not a colour.
    public static func parseColor(_ text: String) -> Color? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#") {
            let hex = trimmed.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
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
        return nil
    }

    private static func parseStyle(_ value: JSONValue, key: String, path: String) throws(ThemeError) -> Style {
        guard case .object(let fields) = value else {
            throw .invalidValue(
                path: path, key: key, problem: "expected an object such as {\"fg\": \"cyan\", \"bold\": true}")
        }
        var style = Style()
        for (field, fieldValue) in fields.sorted(by: { $0.key < $1.key }) {
            let fieldKey = "\(key).\(field)"
            switch field {
            case "fg", "bg":
                guard case .string(let text) = fieldValue, let color = parseColor(text) else {
                    throw .invalidValue(
                        path: path, key: fieldKey,
                        problem: "expected an ANSI colour name, \"default\" or \"#RRGGBB\", got \(fieldValue)")
                }
                if field == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "reverse", "underline", "dim":
                guard case .bool(let flag) = fieldValue else {
                    throw .invalidValue(path: path, key: fieldKey, problem: "expected true or false, got \(fieldValue)")
                }
                switch field {
                case "bold": style.bold = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.dim = flag
                }
            default:
                throw .invalidValue(
                    path: path, key: fieldKey, problem: "unknown key (expected fg, bg, bold, reverse, underline, dim)")
            }
        }
        return style
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError {
                let nested = (underlying as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                return nested ?? context.debugDescription
            }
            return context.debugDescription
        default:
            return String(describing: error)
        }
    }
}
