import Foundation
import Testing

@testable import TerminalKit

@Suite("Key bindings file")
struct KeyBindingsFileTests {
    let actions = ["moveDown", "moveUp", "delete", "create"]

    private func parse(_ text: String) throws(KeyBindingsError) -> [String: [InputEvent]] {
        try KeyBindingsFile.parse(Data(text.utf8), path: "/home/ops/.config/iamconsole/keys.json", actions: actions)
    }

    @Test func notationReadsCharactersNamesControlAndFunctionKeys() {
        #expect(KeyNotation.parse("j") == .character("j"))
        #expect(KeyNotation.parse("G") == .character("G"))
        #expect(KeyNotation.parse("Enter") == .key(.enter))
        #expect(KeyNotation.parse("shift-tab") == .key(.backTab))
        #expect(KeyNotation.parse("ctrl-n") == .key(.control("n")))
        #expect(KeyNotation.parse("F5") == .key(.function(5)))
        #expect(KeyNotation.parse("space") == .character(" "))
        #expect(KeyNotation.parse("ctrl-") == nil)
        #expect(KeyNotation.parse("f13") == nil)
        #expect(KeyNotation.parse("") == nil)
    }

    @Test func labelsAreHowHelpWritesKeys() {
        #expect(KeyNotation.label(.key(.control("n")), glyphs: .unicode) == "Ctrl-N")
        #expect(KeyNotation.label(.key(.down), glyphs: .unicode) == "↓")
        #expect(KeyNotation.label(.key(.down), glyphs: .ascii) == "v")
        #expect(KeyNotation.label(.key(.left), glyphs: .ascii) == "Left")
    }

    @Test func bindingsReplaceTheActionsKeys() throws {
        let overrides = try parse(#"{"bindings": {"moveDown": ["n", "ctrl-n"], "create": ["N"]}}"#)
        #expect(overrides["moveDown"] == [.character("n"), .key(.control("n"))])
        #expect(overrides["create"] == [.character("N")])
        #expect(overrides["delete"] == nil)
    }

    @Test func anEmptyListUnbinds() throws {
        #expect(try parse(#"{"bindings": {"delete": []}}"#)["delete"] == [])
    }

    @Test func errorsNameFileLineColumnAndField() {
        #expect(throws: KeyBindingsError.self) { try parse("{") }
        do {
            _ = try parse("{\n  \"bindings\": {\n    \"moveDown\": [\"ctrl-\"]\n  }\n}")
            Issue.record("accepted a bad key")
        } catch {
            #expect(error.description.hasPrefix("/home/ops/.config/iamconsole/keys.json:3:18: bindings.moveDown:"))
            #expect(error.description.contains("\"ctrl-\" is not a key"))
        }
        do {
            _ = try parse("{\"bindings\": {\"fly\": [\"f\"]}}")
            Issue.record("accepted an unknown action")
        } catch {
            #expect(
                error.description.contains("bindings.fly: unknown action (known: moveDown, moveUp, delete, create)"))
        }
        do {
            _ = try parse("{\"bindings\": {\"moveDown\": [\"x\"], \"moveUp\": [\"x\"]}}")
            Issue.record("accepted a key bound twice")
        } catch {
            #expect(error.description.contains("\"x\" is already bound to moveDown"))
        }
        do {
            _ = try parse("{\"keys\": {}}")
            Issue.record("accepted an unknown top-level key")
        } catch {
            #expect(error.description.contains("keys: unknown key (expected bindings)"))
        }
    }

    @Test func aMissingDefaultFileIsNoOverrides() throws {
        #expect(try KeyBindingsFile.load(path: "/nonexistent/keys.json", actions: actions).isEmpty)
    }

    @Test func defaultPathFollowsXDGConfigHome() {
        #expect(
            KeyBindingsFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"])
                == "/cfg/iamconsole/keys.json")
        #expect(KeyBindingsFile.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.config/iamconsole/keys.json")
    }

    @Test func remappingMovesAKeyAndRelabelsHelp() {
        enum Action: String, Sendable { case down, delete }
        let map = KeyMap<Action>([
            KeyBinding([.key(.down), .character("j")], label: "↓ j", description: "Down", action: .down),
            KeyBinding([.character("d")], label: "d", description: "Delete", hint: "delete", action: .delete),
        ])
        let remapped = map.remapped(["down": [.key(.down), .character("d")]], glyphs: .unicode, name: \.rawValue)
        #expect(remapped.action(for: .character("d")) == .down)
        #expect(remapped.action(for: .character("j")) == nil)
        #expect(remapped.helpEntries.map(\.keys) == ["↓ d", "(unbound)"])
        #expect(remapped.hints.isEmpty)
    }
}
