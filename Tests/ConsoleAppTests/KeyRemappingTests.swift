import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// A key bindings file moves keys: the console reacts to the new keys, help and the status line
/// show them, and a broken file leaves the default keys with the problem in the status line.
@Suite("Key remapping")
@MainActor
struct KeyRemappingTests {
    private func run(
        overrides: [String: [InputEvent]], width: Int = 120, height: Int = 40, keys: (MemoryTerminal) -> Void
    ) -> MemoryTerminal {
        let terminal = MemoryTerminal(width: width, height: height)
        keys(terminal)
        var loop = ConsoleLoop(
            terminal: terminal, source: ScriptedSource(Fixtures.account()), theme: .builtinDefault, glyphs: .unicode,
            clock: FrozenClock(), principal: .root, keyOverrides: overrides, themeDirectories: [])
        _ = loop.run()
        return terminal
    }

    @Test func movedKeysDriveTheConsoleAndTheOldOnesStop() {
        let overrides: [String: [InputEvent]] = [
            "moveDown": [.key(.down), .character("n")], "create": [.character("N")],
        ]
        let terminal = run(overrides: overrides) { $0.enqueue(keys: ":users\rnn") }
        let selected = terminal.text.split(separator: "\n").first { $0.contains("▸ ") && !$0.contains("▸ Users") }
        #expect(selected?.contains("carol") == true, "\(terminal.text)")
        #expect(!terminal.text.contains("Create user"))
        let created = run(overrides: overrides) { $0.enqueue(keys: ":users\rN") }
        #expect(created.text.contains("Create user"))
    }

    @Test func helpAndTheStatusLineShowTheNewKeys() {
        let overrides: [String: [InputEvent]] = ["create": [.key(.control("n"))], "delete": []]
        let terminal = run(overrides: overrides) { $0.enqueue(keys: "?") }
        #expect(terminal.text.contains("Ctrl-N"))
        #expect(terminal.text.contains("(unbound)"))
        let status = run(overrides: overrides) { _ in }
        #expect(status.row(39).contains("Ctrl-N new"))
        #expect(!status.row(39).contains("d delete"))
    }

    @Test func aBrokenFileIsReportedAndDefaultsStay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("keys.json")
        try Data("{\"bindings\": {\"moveDown\": [\"warp\"]}}".utf8).write(to: file)
        let screen = ConsoleRunner.renderOnce(
            source: ScriptedSource(Fixtures.account()),
            options: ConsoleOptions(principal: .root, keyBindingsPath: file.path), width: 120, height: 40)
        #expect(screen.contains("Default keys in use: keys.json:1:28: bindings.moveDown: \"warp\" is not a key"))
        #expect(screen.contains("n new"))
        let missing = ConsoleRunner.renderOnce(
            source: ScriptedSource(Fixtures.account()),
            options: ConsoleOptions(principal: .root, keyBindingsPath: folder.appendingPathComponent("none.json").path),
            width: 120, height: 40)
        #expect(missing.contains("Default keys in use: "))
        #expect(missing.contains("none.json: no such key bindings file"))
    }
}
