import TerminalKit

/// What a key does while browsing.
enum BrowserAction: Sendable, Equatable {
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case first
    case last
    case focusSidebar
    case open
    case back
    case filter
    case nextTab
    case previousTab
    case copyARN
    case toggleSidebar
    case openCommandPrompt
    case showHelp
    case close
    case redraw
}

/// A `:` command.
struct BrowserCommand: Sendable {
    /// What a command does.
    enum Effect: Sendable, Equatable {
        case quit
        case help
        case open(Section)
    }

    var names: [String]
    var description: String
    var effect: Effect

    /// The commands, in the order help lists them.
    static let all: [BrowserCommand] = [
        BrowserCommand(names: ["dashboard"], description: "Go to the dashboard", effect: .open(.dashboard)),
        BrowserCommand(names: ["users"], description: "List users", effect: .open(.users)),
        BrowserCommand(names: ["groups"], description: "List user groups", effect: .open(.groups)),
        BrowserCommand(names: ["roles"], description: "List roles", effect: .open(.roles)),
        BrowserCommand(names: ["policies"], description: "List managed policies", effect: .open(.policies)),
        BrowserCommand(names: ["q", "quit"], description: "Quit the console", effect: .quit),
        BrowserCommand(names: ["help"], description: "Show this help", effect: .help),
    ]

    /// The effect of a typed command, or nil when it is unknown.
    static func effect(of name: String) -> Effect? {
        if let command = all.first(where: { $0.names.contains(name) }) { return command.effect }
        return Section.named(name).map(Effect.open)
    }

    static var helpEntries: [HelpEntry] {
        all.map { HelpEntry(keys: $0.names.map { ":" + $0 }.joined(separator: " "), description: $0.description) }
            + [HelpEntry(keys: ":root :creds :audit", description: "Other sidebar sections, by name")]
    }
}

/// The browsing key map; help and the status line are generated from it.
enum BrowserKeys {
    static func keyMap(glyphs: Glyphs) -> KeyMap<BrowserAction> {
        KeyMap([
            KeyBinding(
                [.key(.up), .character("k")], label: "\(glyphs.arrowUp) k", description: "Select the previous row",
                action: .moveUp),
            KeyBinding(
                [.key(.down), .character("j")], label: "\(glyphs.arrowDown) j", description: "Select the next row",
                action: .moveDown),
            KeyBinding([.key(.pageUp)], label: "PgUp", description: "Scroll up a page", action: .pageUp),
            KeyBinding([.key(.pageDown)], label: "PgDn", description: "Scroll down a page", action: .pageDown),
            KeyBinding([.key(.home), .character("g")], label: "Home g", description: "Go to the top", action: .first),
            KeyBinding([.key(.end), .character("G")], label: "End G", description: "Go to the bottom", action: .last),
            KeyBinding(
                [.key(.left), .character("h")], label: "← h", description: "Focus the sidebar", action: .focusSidebar),
            KeyBinding(
                [.key(.enter), .key(.right), .character("l")], label: "Enter → l",
                description: "Open the selection (drill in)", hint: "open", action: .open),
            KeyBinding(
                [.key(.escape)], label: "Esc", description: "Go back; clear the filter", hint: "back", action: .back),
            KeyBinding([.character("/")], label: "/", description: "Filter the table", hint: "filter", action: .filter),
            KeyBinding(
                [.key(.tab), .character("]")], label: "Tab ]", description: "Next tab", hint: "tab", action: .nextTab),
            KeyBinding(
                [.key(.backTab), .character("[")], label: "S-Tab [", description: "Previous tab", action: .previousTab),
            KeyBinding(
                [.character("y")], label: "y", description: "Copy the selected ARN (OSC 52)", hint: "copy ARN",
                action: .copyARN),
            KeyBinding([.character("b")], label: "b", description: "Show or hide the sidebar", action: .toggleSidebar),
            KeyBinding(
                [.character(":")], label: ":", description: "Open the command prompt", hint: "command",
                action: .openCommandPrompt),
            KeyBinding([.character("?")], label: "?", description: "Show this help", hint: "help", action: .showHelp),
            KeyBinding([.character("q")], label: "q", description: "Close the view (type :q to quit)", action: .close),
            KeyBinding([.key(.control("l"))], label: "Ctrl-L", description: "Redraw the screen", action: .redraw),
        ])
    }

    /// The status line: movement first, then the key map's own hints, then how to quit.
    static func hints(glyphs: Glyphs) -> [HelpEntry] {
        [HelpEntry(keys: "\(glyphs.arrowUp)\(glyphs.arrowDown)", description: "move")] + keyMap(glyphs: glyphs).hints
            + [HelpEntry(keys: ":q", description: "quit")]
    }
}
