import TerminalKit

/// What a key does on the overview screen.
enum OverviewAction: Sendable, Equatable {
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case first
    case last
    case openCommandPrompt
    case showHelp
    case dismiss
    case redraw
    case quitHint
}

/// A `:` command the overview understands.
struct OverviewCommand: Sendable {
    enum Effect: Sendable, Equatable {
        case quit
        case help
    }

    var names: [String]
    var description: String
    var effect: Effect

    /// The commands, in the order help lists them.
    static let all: [OverviewCommand] = [
        OverviewCommand(names: ["q", "quit"], description: "Quit the console", effect: .quit),
        OverviewCommand(names: ["help"], description: "Show this help", effect: .help),
    ]

    static func named(_ name: String) -> OverviewCommand? {
        all.first { $0.names.contains(name) }
    }

    static var helpEntries: [HelpEntry] {
        all.map { HelpEntry(keys: $0.names.map { ":" + $0 }.joined(separator: " "), description: $0.description) }
    }
}

/// The overview's key map; help and the status line are generated from it.
enum OverviewKeys {
    static func keyMap(glyphs: Glyphs) -> KeyMap<OverviewAction> {
        KeyMap([
            KeyBinding(
                [.key(.up), .character("k")], label: "\(glyphs.arrowUp) k", description: "Select the previous user",
                action: .moveUp),
            KeyBinding(
                [.key(.down), .character("j")], label: "\(glyphs.arrowDown) j", description: "Select the next user",
                action: .moveDown),
            KeyBinding([.key(.pageUp)], label: "PgUp", description: "Scroll up a page", action: .pageUp),
            KeyBinding([.key(.pageDown)], label: "PgDn", description: "Scroll down a page", action: .pageDown),
            KeyBinding(
                [.key(.home), .character("g")], label: "Home g", description: "Select the first user", action: .first),
            KeyBinding(
                [.key(.end), .character("G")], label: "End G", description: "Select the last user", action: .last),
            KeyBinding(
                [.character(":")], label: ":", description: "Open the command prompt", hint: "command",
                action: .openCommandPrompt),
            KeyBinding([.character("?")], label: "?", description: "Show this help", hint: "help", action: .showHelp),
            KeyBinding([.key(.escape)], label: "Esc", description: "Clear the message", action: .dismiss),
            KeyBinding([.key(.control("l"))], label: "Ctrl-L", description: "Redraw the screen", action: .redraw),
            KeyBinding(
                [.character("q")], label: "q", description: "Close the view (type :q to quit)", action: .quitHint),
        ])
    }

    /// The status line: movement first, then the key map's own hints, then how to quit.
    static func hints(glyphs: Glyphs) -> [HelpEntry] {
        [HelpEntry(keys: "\(glyphs.arrowUp)\(glyphs.arrowDown) jk", description: "move")] + keyMap(glyphs: glyphs).hints
            + [HelpEntry(keys: ":q", description: "quit"), HelpEntry(keys: "Ctrl-C", description: "exit")]
    }
}
