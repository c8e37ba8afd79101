import Foundation
import Testing

@testable import TerminalKit

/// Where themes are found, what happens when they are not, and how broken files are reported.
@Suite("Theme loading")
struct ThemeLoadingTests {
    /// A fresh temporary folder, removed by the caller's `defer`.
    private static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("iamconsole-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private static func message(_ body: () throws(ThemeError) -> Theme) -> String {
        do {
            _ = try body()
            return "(no error)"
        } catch {
            return error.description
        }
    }

    @Test func searchOrderPutsUserThemesBeforeShippedOnes() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let package = root.appendingPathComponent("pkg")
        try Self.write("// manifest\n", to: package.appendingPathComponent("Package.swift"))
        try FileManager.default.createDirectory(
            at: package.appendingPathComponent("Themes"), withIntermediateDirectories: true)
        let executable = package.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/iamconsole")
        let environment = [
            "IAMCONSOLE_THEMES": "/env/a:/env/b", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/me",
        ]
        let directories = Theme.searchDirectories(
            explicit: nil, environment: environment, currentDirectory: "/work", executable: executable)
        let bin = package.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug").path
        #expect(
            directories == [
                "/env/a", "/env/b", "/xdg/iamconsole/themes", "/work/Themes", bin + "/Themes",
                package.appendingPathComponent(".build/x86_64-unknown-linux-gnu/share/iamconsole/Themes").path,
                package.appendingPathComponent("Themes").path,
            ])
        #expect(Theme.searchDirectories(explicit: "/only", environment: environment) == ["/only"])
    }

    @Test func userThemesDefaultToDotConfig() {
        #expect(Theme.userThemesDirectory(environment: ["HOME": "/home/me"]) == "/home/me/.config/iamconsole/themes")
        let relative = ["HOME": "/home/me", "XDG_CONFIG_HOME": "relative"]
        #expect(Theme.userThemesDirectory(environment: relative) == "/home/me/.config/iamconsole/themes")
        #expect(Theme.userThemesDirectory(environment: ["XDG_CONFIG_HOME": "/c"]) == "/c/iamconsole/themes")
    }

    @Test func installedLayoutFindsShareFolder() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let directories = Theme.searchDirectories(
            explicit: nil, environment: ["HOME": "/h"], currentDirectory: "/",
            executable: root.appendingPathComponent("bin/iamconsole"))
        #expect(directories.contains(root.appendingPathComponent("share/iamconsole/Themes").path))
        #expect(directories.last == root.appendingPathComponent("share/iamconsole/Themes").path)
    }

    @Test func userThemeOverridesShippedThemeOfTheSameName() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let user = root.appendingPathComponent("config/iamconsole/themes")
        let shipped = root.appendingPathComponent("Themes")
        try Self.write(
            #"{"name": "light", "styles": {"text": {"fg": "red"}}}"#, to: user.appendingPathComponent("light.json"))
        try Self.write(#"{"name": "mine", "styles": {}}"#, to: user.appendingPathComponent("mine.json"))
        try Self.write(#"{"name": "light", "styles": {}}"#, to: shipped.appendingPathComponent("light.json"))
        let environment = ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path]
        let directories = Theme.searchDirectories(
            explicit: nil, environment: environment, currentDirectory: root.path, executable: nil)
        #expect(try Theme.load(named: "light", searching: directories)[.text].foreground == .ansi(1))
        #expect(try Theme.load(named: "mine", searching: directories).name == "mine")
        #expect(try Theme.load(named: "mono", searching: directories) == Theme.builtin(named: "mono"))
        #expect(
            Theme.availableNames(searching: directories) == [
                "default", "high-contrast", "light", "mine", "mono", "transparent",
            ])
    }

    @Test func missingFoldersFallBackToTheBuiltInThemes() throws {
        let missing = ["/nonexistent/a", "/nonexistent/b"]
        #expect(try Theme.load(named: "default", searching: missing) == Theme.builtinDefault)
        for name in ThemeTests.shippedNames {
            #expect(try Theme.load(named: name, searching: missing) == Theme.builtin(named: name))
        }
        #expect(try Theme.load(named: "light", searching: []).name == "light")
        #expect(
            Theme.availableNames(searching: missing) == ["default", "high-contrast", "light", "mono", "transparent"])
    }

    @Test func unknownNamesListWhatExists() {
        let text = Self.message { () throws(ThemeError) in try Theme.load(named: "nope", searching: ["/x"]) }
        #expect(
            text == "theme 'nope' not found; available: default, high-contrast, light, mono, transparent (searched /x)")
        #expect(throws: ThemeError.invalidName("my theme")) { try Theme.load(named: "my theme", searching: []) }
    }

    @Test func brokenThemeFallsBackToDefaultWithTheMessage() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write(
            "{\n  \"styles\": {\n    \"header\": { \"fg\": \"blurple\" }\n  }\n}\n",
            to: root.appendingPathComponent("bad.json"))
        let (theme, problem) = Theme.loadOrDefault(named: "bad", searching: [root.path])
        #expect(theme == Theme.builtinDefault)
        let path = root.appendingPathComponent("bad.json").path
        #expect(problem?.description.hasPrefix("\(path):3:23: styles.header.fg: unknown colour 'blurple'") == true)
        #expect(problem?.summary.hasPrefix("bad.json:3:23: styles.header.fg: unknown colour 'blurple'") == true)
        let fine = Theme.loadOrDefault(named: "light", searching: [root.path])
        #expect(fine.problem == nil)
        #expect(fine.theme.name == "light")
    }

    @Test func brokenUserDefaultFallsBackToTheBuiltInDefault() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write("{", to: root.appendingPathComponent("default.json"))
        let (theme, problem) = Theme.loadOrDefault(named: "missing", searching: [root.path])
        #expect(theme == Theme.builtinDefault)
        #expect(problem?.description.hasPrefix("theme 'missing' not found") == true)
        let again = Theme.loadOrDefault(named: "default", searching: [root.path])
        #expect(again.theme == Theme.builtinDefault)
        #expect(
            again.problem?.description
                == "\(root.path)/default.json:1:2: not valid JSON: unexpected end of file, expected a key in double quotes"
        )
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let cases: [(String, String)] = [
            ("{ not json", "y.json:1:3: not valid JSON: unexpected 'n', expected a key in double quotes"),
            (
                "{\n  \"styles\": {\n    \"text\": {},\n  }\n}",
                "y.json:4:3: not valid JSON: unexpected '}', expected a key in double quotes (trailing commas are not allowed in JSON)"
            ),
            (
                "{\"name\": \"a\" \"styles\": {}}",
                "y.json:1:14: not valid JSON: unexpected '\"', expected ',' or '}' after the value of \"name\""
            ),
            (
                "// theme\n{}",
                "y.json:1:1: not valid JSON: unexpected '/' (comments are not allowed in JSON), expected a value"
            ),
            (
                "{\"name\": 'x'}",
                "y.json:1:10: not valid JSON: unexpected \"'\" (JSON strings use double quotes), expected a value"
            ),
            (
                "{\"name\": \"a\nb\"}",
                "y.json:1:10: not valid JSON: unterminated string (write a line break in a string as \\n)"
            ),
            ("{\"name\": \"é\", \"name\": \"b\"}", "y.json:1:15: not valid JSON: duplicate key \"name\""),
            ("{} {}", "y.json:1:4: not valid JSON: unexpected '{' after the end of the document"),
            ("{\"a\": 01}", "y.json:1:7: not valid JSON: numbers must not start with 0"),
            ("{\"a\": \"\\q\"}", "y.json:1:8: not valid JSON: invalid escape '\\q' in a string"),
            ("", "y.json:1:1: not valid JSON: unexpected end of file, expected a value"),
        ]
        for (text, expected) in cases {
            #expect(
                Self.message { () throws(ThemeError) in try Theme.parse(Data(text.utf8), path: "y.json") } == expected)
        }
    }

    @Test func fieldErrorsGiveThePathOfTheField() {
        let cases: [(String, String)] = [
            (#"{"styles": {"header": {"fg": "blurple"}}}"#, "b.json:1:30: styles.header.fg: unknown colour 'blurple'"),
            (#"{"styles": {"heder": {}}}"#, "b.json:1:13: styles.heder: unknown role"),
            (
                #"{"styles": {"text": {"bold": "yes"}}}"#,
                "b.json:1:30: styles.text.bold: expected true or false, got \"yes\""
            ),
            (#"{"styles": {"text": {"italic": true}}}"#, "b.json:1:22: styles.text.italic: unknown key"),
            (#"{"styles": {"text": "red"}}"#, "b.json:1:21: styles.text: expected an object such as"),
            (#"{"colors": {}}"#, "b.json:1:2: colors: unknown key (expected name, description, styles)"),
            (#"{"name": 3}"#, "b.json:1:10: name: expected a non-empty string, got 3"),
            (#"[]"#, "b.json:1:1: (top level): expected an object"),
            (#"{"styles": {"ok": {"bg": 300}}}"#, "b.json:1:26: styles.ok.bg: colour index 300 is not a whole number"),
        ]
        for (text, expected) in cases {
            let message = Self.message { () throws(ThemeError) in try Theme.parse(Data(text.utf8), path: "b.json") }
            #expect(message.hasPrefix(expected), "got: \(message)")
        }
    }

    @Test func byteOrderMarkIsSkippedAndDeepNestingIsRefused() throws {
        #expect(try Theme.parse(Data("\u{FEFF}{\"name\": \"b\"}".utf8), path: "b.json").name == "b")
        let deep = #"{"description": "# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        let message = Self.message { () throws(ThemeError) in try Theme.parse(Data(deep.utf8), path: "d.json") }
        #expect(message == "d.json:1:80: not valid JSON: nested more than 64 levels deep")
        let literal = Self.message { () throws(ThemeError) in try Theme.parse(Data("{\"a\": tru}".utf8), path: "l.json")
        }
        #expect(literal == "l.json:1:7: not valid JSON: unexpected 't', expected a value")
    }

    @Test func unicodeEscapesAndColumnsCountCharacters() throws {
        let text = #"{"name": "caf\u00e9 \ud83d\ude00", "description": "\"q\" \\ \/ \t"}"#
        #expect(try Theme.parse(Data(text.utf8), path: "u.json").name == "café 😀")
        let message = Self.message { () throws(ThemeError) in
            try Theme.parse(Data(#"{"name": "é", "x": 1}"#.utf8), path: "u.json")
        }
        #expect(message.hasPrefix("u.json:1:15: x: unknown key"))
    }
}
