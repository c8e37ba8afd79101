import Foundation

/// Why a key bindings file could not be used; the description names the file, the place and
/// what was wrong, as theme errors do.
public enum KeyBindingsError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// Not JSON: `line` and `column` (from 1) locate the first syntax error.
    case invalidJSON(path: String, line: Int, column: Int, reason: String)
    /// A key or value has the wrong shape; `key` is a dotted path such as `bindings.moveDown`.
    case invalidValue(path: String, line: Int, column: Int, key: String, problem: String)

    /// `FILE:LINE:COLUMN: message`.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read key bindings: \(reason)"
        case .invalidJSON(let path, let line, let column, let reason):
            return "\(path):\(line):\(column): not valid JSON: \(reason)"
        case .invalidValue(let path, let line, let column, let key, let problem):
            return "\(path):\(line):\(column): \(key): \(problem)"
        }
    }

    /// The description with the file's name instead of its full path, for the status line.
    public var summary: String {
        switch self {
        case .unreadable(let path, _), .invalidJSON(let path, _, _, _), .invalidValue(let path, _, _, _, _):
            return URL(fileURLWithPath: path).lastPathComponent + description.dropFirst(path.count)
        }
    }
}

/// A key bindings file: `{"bindings": {"ACTION": ["KEY", ...], ...}}`, where ACTION is one of the
/// screen's action names and KEY is in `KeyNotation`. Listed actions get exactly those keys
/// (an empty list unbinds one); others keep their defaults.
public enum KeyBindingsFile {
    /// `$XDG_CONFIG_HOME/iamconsole/keys.json`, or `~/.config/iamconsole/keys.json`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return config + "/iamconsole/keys.json"
    }

    /// Reads `path`; a missing file is no overrides, not an error.
    public static func load(path: String, actions: [String]) throws(KeyBindingsError) -> [String: [InputEvent]] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(data, path: path, actions: actions)
    }

    /// Parses a file's contents against the screen's action names; `path` is used in messages only.
    public static func parse(
        _ data: Data, path: String, actions: [String]
    ) throws(KeyBindingsError) -> [String: [InputEvent]] {
        let bytes = [UInt8](data)
        let root: JSONNode
        do {
            root = try JSONReader.read(bytes)
        } catch {
            let position = SourcePosition(offset: error.offset, in: bytes)
            throw .invalidJSON(path: path, line: position.line, column: position.column, reason: error.message)
        }
        let fail = { (offset: Int, key: String, problem: String) -> KeyBindingsError in
            let position = SourcePosition(offset: offset, in: bytes)
            return .invalidValue(path: path, line: position.line, column: position.column, key: key, problem: problem)
        }
        guard case .object(let top) = root.value else {
            throw fail(root.offset, "(top level)", "expected an object with \"bindings\"")
        }
        var overrides: [String: [InputEvent]] = [:]
        var owner: [InputEvent: String] = [:]
        for member in top {
            guard member.key == "bindings" else {
                throw fail(member.keyOffset, member.key, "unknown key (expected bindings)")
            }
            guard case .object(let entries) = member.node.value else {
                throw fail(member.node.offset, "bindings", "expected an object of actions, got \(member.node.value)")
            }
            for entry in entries {
                let key = "bindings.\(entry.key)"
                guard actions.contains(entry.key) else {
                    throw fail(entry.keyOffset, key, "unknown action (known: \(actions.joined(separator: ", ")))")
                }
                guard case .array(let items) = entry.node.value else {
                    throw fail(entry.node.offset, key, "expected a list of keys, got \(entry.node.value)")
                }
                var events: [InputEvent] = []
                for item in items {
                    guard case .string(let text) = item.value, let event = KeyNotation.parse(text) else {
                        throw fail(item.offset, key, "\(item.value) is not a key (\(KeyNotation.namesForHelp))")
                    }
                    if let other = owner[event], other != entry.key {
                        throw fail(item.offset, key, "\(item.value) is already bound to \(other)")
                    }
                    owner[event] = entry.key
                    events.append(event)
                }
                overrides[entry.key] = events
            }
        }
        return overrides
    }
}
