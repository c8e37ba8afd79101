import Foundation

/// Why a theme could not be loaded; the description names the file, the place and what was wrong.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    /// No `<name>.json` in any of the searched directories and no built-in theme of that name;
    /// `available` lists the names that do exist.
    case notFound(name: String, searched: [String], available: [String])
    /// The name is not a plain theme name (letters, digits, `-`, `_`) nor a path to a file.
    case invalidName(String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not JSON; `line` and `column` (from 1) locate the first syntax error.
    case invalidJSON(path: String, line: Int, column: Int, reason: String)
    /// A key or value has the wrong shape; `key` is a dotted path such as `styles.header.fg`,
    /// and `line` and `column` locate the value (or the key, for an unknown key).
    case invalidValue(path: String, line: Int, column: Int, key: String, problem: String)

    /// A one-line message: `FILE:LINE:COLUMN: message` for problems inside a file.
    public var description: String {
        switch self {
        case .notFound(let name, let searched, let available):
            let names = available.isEmpty ? "" : "; available: \(available.joined(separator: ", "))"
            let places = searched.isEmpty ? "" : " (searched \(searched.joined(separator: ", ")))"
            return "theme '\(name)' not found\(names)\(places)"
        case .invalidName(let name):
            return "'\(name)' is not a theme name (use letters, digits, '-' and '_', or a path to a .json file)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read theme: \(reason)"
        case .invalidJSON(let path, let line, let column, let reason):
            return "\(path):\(line):\(column): not valid JSON: \(reason)"
        case .invalidValue(let path, let line, let column, let key, let problem):
            return "\(path):\(line):\(column): \(key): \(problem)"
        }
    }

    /// The description with the file's name instead of its full path, for the status line:
    /// `broken.json:3:23: styles.header.fg: unknown colour 'blurple' (…)`.
    public var summary: String {
        switch self {
        case .unreadable(let path, _), .invalidJSON(let path, _, _, _), .invalidValue(let path, _, _, _, _):
            let name = URL(fileURLWithPath: path).lastPathComponent
            return name + description.dropFirst(path.count)
        case .notFound, .invalidName:
            return description
        }
    }
}
