import Testing

@testable import TerminalKit

@Suite("CommandPalette")
@MainActor
struct CommandPaletteTests {
    private let commands = [
        PaletteCommand(name: "users", description: "List users"),
        PaletteCommand(name: "user", argumentHint: "<name>", description: "Open a user"),
        PaletteCommand(name: "roles", description: "List roles"),
        PaletteCommand(name: "policies", description: "List policies"),
        PaletteCommand(name: "q", description: "Quit"),
    ]

    private func type(_ text: String, into palette: inout CommandPalette) {
        for character in text { _ = palette.handle(.character(character)) }
    }

    @Test func matchesPrefixFirstThenSubstring() {
        var palette = CommandPalette(commands: commands)
        type("ol", into: &palette)
        #expect(palette.matches.map(\.name) == ["roles", "policies"])
        palette = CommandPalette(commands: commands)
        type("r", into: &palette)
        #expect(palette.matches.map(\.name) == ["roles", "users", "user"])
    }

    @Test func tabCompletesTheCommonPrefixThenCycles() {
        var palette = CommandPalette(commands: commands)
        type("u", into: &palette)
        _ = palette.handle(.key(.tab))
        #expect(palette.input.text == "user")
        _ = palette.handle(.key(.tab))
        #expect(palette.input.text == "users")
        _ = palette.handle(.key(.tab))
        #expect(palette.input.text == "user")
        var single = CommandPalette(commands: commands)
        type("ro", into: &single)
        _ = single.handle(.key(.tab))
        #expect(single.input.text == "roles ")
    }

    @Test func enterRunsWithArgumentsAndRemembersHistory() {
        var palette = CommandPalette(commands: commands)
        type("user alice", into: &palette)
        #expect(palette.handle(.key(.enter)) == .run(commands[1], arguments: ["alice"]))
        type("nope", into: &palette)
        #expect(palette.handle(.key(.enter)) == .unknown("nope"))
        type("pol", into: &palette)
        _ = palette.handle(.key(.down))
        #expect(palette.handle(.key(.enter)) == .run(commands[3], arguments: []))
        _ = palette.handle(.key(.up))
        #expect(palette.input.text == "pol")
        _ = palette.handle(.key(.up))
        #expect(palette.input.text == "nope")
        _ = palette.handle(.key(.down))
        _ = palette.handle(.key(.down))
        #expect(palette.input.text == "")
        #expect(palette.handle(.key(.escape)) == .closed)
    }

    @Test func dropdownIsDrawnAboveThePrompt() {
        var palette = CommandPalette(commands: commands)
        type("us", into: &palette)
        _ = palette.handle(.key(.down))
        let terminal = MemoryTerminal(width: 40, height: 6)
        let cursor = palette.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.row(3) == " users        List users")
        #expect(terminal.row(4) == " user <name>  Open a user")
        #expect(terminal.row(5) == ":us")
        #expect(cursor == Position(row: 5, column: 3))
        #expect(terminal.style(row: 3, column: 1) == Theme.builtinDefault[.selection])
    }
}
