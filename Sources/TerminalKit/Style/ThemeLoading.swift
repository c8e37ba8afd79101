import Foundation

extension Theme {
    /// Loads a theme by name from the first directory holding `<name>.json`.
    ///
    /// `name` may also be a path to a `.json` file. When no `default.json` exists anywhere the
    /// built-in default is returned, so the console works without its `Themes` folder.
    public static func load(named name: String, searching directories: [String]) throws(ThemeError) -> Theme {
        if name.contains("/") || name.hasSuffix(".json") {
            return try load(path: name)
        }
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
        }
        guard !name.isEmpty, allowed else { throw .invalidName(name) }
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent("\(name).json")
            if FileManager.default.fileExists(atPath: path) {
                return try load(path: path)
            }
        }
        if name == builtinDefault.name { return builtinDefault }
        throw .notFound(name: name, searched: directories)
    }

    /// Loads and parses one theme file.
    public static func load(path: String) throws(ThemeError) -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw .unreadable(path: path, reason: reason)
        }
        return try parse(data, path: path)
    }

    /// Where themes are looked for: `explicit` alone when given; otherwise
    /// `$IAMCONSOLE_THEMES`, `./Themes`, and `Themes` next to or in `../share/iamconsole` of the executable.
    public static func searchDirectories(explicit: String?) -> [String] {
        if let explicit { return [explicit] }
        var directories: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["IAMCONSOLE_THEMES"], !fromEnvironment.isEmpty {
            directories.append(fromEnvironment)
        }
        directories.append((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("Themes"))
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let folder = executable.deletingLastPathComponent()
            directories.append(folder.appendingPathComponent("Themes").path)
            directories.append(folder.appendingPathComponent("../share/iamconsole/Themes").standardizedFileURL.path)
        }
        return directories
    }
}
