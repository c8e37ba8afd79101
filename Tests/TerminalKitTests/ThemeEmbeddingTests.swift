import Foundation
import Testing

@testable import TerminalKit

/// The built-in themes are copies of `Themes/*.json` compiled in (`BuiltinThemeFiles.swift`).
///
/// After editing a theme file, run this suite with `IAMCONSOLE_UPDATE_BUILTIN_THEMES=1` to
/// regenerate the Swift file, then run it again without the variable.
@Suite("Embedded themes")
struct ThemeEmbeddingTests {
    static let generatedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/TerminalKit/Style/BuiltinThemeFiles.swift")

    /// The `.json` files of `Themes/`, by name.
    static func shippedFiles() throws -> [String: String] {
        let folder = URL(fileURLWithPath: ThemeTests.themesDirectory)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            files[String(name.dropLast(".json".count))] = String(decoding: data, as: UTF8.self)
        }
        return files
    }

    /// The Swift source embedding `files` in the order of `names`.
    static func generatedSource(names: [String], files: [String: String]) -> String {
        var source = """
            // Generated from Themes/*.json by ThemeEmbeddingTests: edit the JSON files, then run
            // `IAMCONSOLE_UPDATE_BUILTIN_THEMES=1 swift test --filter ThemeEmbeddingTests` to rewrite this file.

            extension Theme {
                /// The shipped theme files compiled in, as `(name, contents)`, so `--theme light` works
                /// from an installed binary with no `Themes` folder. A test checks they equal `Themes/*.json`.
                static let embeddedFiles: [(name: String, json: String)] = [

            """
        for name in names {
            source += "        (\n            \"\(name)\",\n            #\"\"\"\n"
            for line in (files[name] ?? "").split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                source += line.isEmpty ? "\n" : "            \(line)\n"
            }
            source += "\n            \"\"\"#\n        ),\n"
        }
        return source + "    ]\n}\n"
    }

    @Test func embeddedCopiesEqualTheFiles() throws {
        let files = try Self.shippedFiles()
        let order = ThemeTests.shippedNames + files.keys.filter { !ThemeTests.shippedNames.contains($0) }.sorted()
        if ProcessInfo.processInfo.environment["IAMCONSOLE_UPDATE_BUILTIN_THEMES"] == "1" {
            try Data(Self.generatedSource(names: order, files: files).utf8).write(to: Self.generatedFile)
        }
        #expect(Theme.embeddedFiles.map(\.name) == order)
        for (name, json) in Theme.embeddedFiles {
            #expect(json == files[name], "Themes/\(name).json differs from its embedded copy; regenerate")
        }
        let current = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(current == Self.generatedSource(names: order, files: files))
    }

    @Test func everyEmbeddedThemeParses() throws {
        for (name, json) in Theme.embeddedFiles {
            let theme = try Theme.parse(Data(json.utf8), path: "\(name).json")
            #expect(theme.name == name)
            #expect(Theme.builtin(named: name) == theme)
        }
    }
}
