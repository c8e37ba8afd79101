import Foundation

extension Theme {
    /// Loads a theme by name from the first directory holding `<name>.json`, else the built-in
    /// theme of that name (`default`, `light`, `high-contrast`, `mono`).
    ///
    /// `name` may also be a path to a `.json` file. A file that exists but is broken is an
    /// error, not skipped, so a mistake in a user theme is reported rather than hidden.
    public static func load(named name: String, searching directories: [String]) throws(ThemeError) -> Theme {
        if name.contains("/") || name.hasSuffix(".json") {
            return try load(path: name)
        }
        guard isValidName(name) else { throw .invalidName(name) }
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent("\(name).json")
            if FileManager.default.fileExists(atPath: path) {
                return try load(path: path)
            }
        }
        if let theme = builtin(named: name) { return theme }
        throw .notFound(name: name, searched: directories, available: availableNames(searching: directories))
    }

    /// Loads the named theme, or falls back so the console always starts: to the `default`
    /// theme of the same directories, or the built-in default if that fails too.
    ///
    /// - Returns: the theme to use, and the problem to show (in the status line) when the
    ///   requested theme could not be used.
    public static func loadOrDefault(
        named name: String, searching directories: [String]
    ) -> (theme: Theme, problem: ThemeError?) {
        do {
            return (try load(named: name, searching: directories), nil)
        } catch {
            let defaultName = builtinDefault.name
            let fallback = name == defaultName ? nil : try? load(named: defaultName, searching: directories)
            return (fallback ?? builtinDefault, error)
        }
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

    /// The names of every theme that `load(named:searching:)` can find: the `.json` files of
    /// the directories (missing ones are skipped) and the built-in themes, sorted.
    public static func availableNames(searching directories: [String]) -> [String] {
        var names = Set(builtinNames)
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".json") {
                let name = String(file.dropLast(".json".count))
                if isValidName(name) { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// Where themes are looked for, first match wins: `explicit` alone when given; otherwise
    ///
    /// 1. each directory of `$IAMCONSOLE_THEMES` (separated by `:`);
    /// 2. user themes, `$XDG_CONFIG_HOME/iamconsole/themes` (`~/.config/iamconsole/themes`);
    /// 3. `./Themes`;
    /// 4. beside the executable: `Themes`, then `../share/iamconsole/Themes` (installed);
    /// 5. `Themes` of the package root, found by walking up from the executable to a folder
    ///    with `Package.swift` (for `swift run` and `.build/debug/iamconsole`).
    ///
    /// Missing directories are harmless; the built-in themes come after all of them.
    public static func searchDirectories(
        explicit: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: URL? = Bundle.main.executableURL
    ) -> [String] {
        if let explicit { return [explicit] }
        var directories: [String] = []
        for directory in (environment["IAMCONSOLE_THEMES"] ?? "").split(separator: ":") {
            directories.append(absolute(String(directory), in: currentDirectory))
        }
        directories.append(userThemesDirectory(environment: environment))
        directories.append(absolute("Themes", in: currentDirectory))
        if let executable {
            let folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            directories.append(folder.appendingPathComponent("Themes").standardizedFileURL.path)
            directories.append(folder.appendingPathComponent("../share/iamconsole/Themes").standardizedFileURL.path)
            if let root = packageRoot(above: folder) {
                directories.append(root.appendingPathComponent("Themes").path)
            }
        }
        var seen: Set<String> = []
        return directories.filter { seen.insert($0).inserted }
    }

    /// `$XDG_CONFIG_HOME/iamconsole/themes`, or `~/.config/iamconsole/themes` when the variable
    /// is unset, empty or relative (as the XDG Base Directory specification asks).
    public static func userThemesDirectory(environment: [String: String]) -> String {
        let configHome: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            configHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            configHome = (home as NSString).appendingPathComponent(".config")
        }
        return (configHome as NSString).appendingPathComponent("iamconsole/themes")
    }

    /// True for names made of ASCII letters, digits, `-` and `_`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
            }
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// The nearest folder at or above `folder` holding both `Package.swift` and `Themes`.
    private static func packageRoot(above folder: URL) -> URL? {
        var candidate = folder.standardizedFileURL
        for _ in 0..<8 {
            let manifest = candidate.appendingPathComponent("Package.swift").path
            var isDirectory: ObjCBool = false
            let themes = candidate.appendingPathComponent("Themes").path
            if FileManager.default.fileExists(atPath: manifest),
                FileManager.default.fileExists(atPath: themes, isDirectory: &isDirectory), isDirectory.boolValue
            {
                return candidate
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
        return nil
    }
}
