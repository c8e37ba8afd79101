/// Why a theme could not be loaded; the description names the file and what was wrong.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    /// No `<name>.json` in any of the searched directories.
    case notFound(name: String, searched: [String])
    /// The name is not a plain theme name (letters, digits, `-`, `_`) nor a path to a file.
    case invalidName(String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not JSON.
    case invalidJSON(path: String, reason: String)
    /// A key or value has the wrong shape; `key` is a dotted path such as `styles.header.fg`.
    case invalidValue(path: String, key: String, problem: String)

    /// A one-line message naming the file and the problem.
    public var description: String {
        switch self {
        case .notFound(let name, let searched):
            let places = searched.isEmpty ? "no theme directories" : searched.joined(separator: ", ")
            return "theme '\(name)' not found (looked for \(name).json in \(places))"
        case .invalidName(let name):
            return "'\(name)' is not a theme name (use letters, digits, '-' and '_', or a path to a .json file)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read theme: \(reason)"
        case .invalidJSON(let path, let reason):
            return "\(path): not valid JSON: \(reason)"
        case .invalidValue(let path, let key, let problem):
            return "\(path): \(key): \(problem)"
        }
    }
}
