import IAMCore
import TerminalKit

/// What a key does while browsing.
enum BrowserAction: String, Sendable, Equatable, CaseIterable {
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
    case create
    case delete
    case add
    case editPolicy
    case editProperties
    case sort
    case reverseSort
    case manageColumns
    case export
    case draftLeastPrivilege
    case archiveFinding
    case unarchiveFinding
}

/// A `:` command.
struct BrowserCommand: Sendable {
    /// What a command does.
    enum Effect: Sendable, Equatable {
        case quit
        case help
        case open(Section)
        case theme
        case createUser
        case createGroup
        case switchRole
        case switchBack
    }

    var names: [String]
    var argument = ""
    var description: String
    var effect: Effect

    init(names: [String], argument: String = "", description: String, effect: Effect) {
        self.names = names
        self.argument = argument
        self.description = description
        self.effect = effect
    }

    /// The palette's commands: every name of every command, then the other sections by name.
    static func palette(themes: [String]) -> [PaletteCommand] {
        var commands: [PaletteCommand] = []
        for command in all {
            let hint = command.effect == .theme && !themes.isEmpty ? themes.joined(separator: "|") : command.argument
            for name in command.names {
                commands.append(PaletteCommand(name: name, argumentHint: hint, description: command.description))
            }
        }
        for (name, section) in otherSections {
            commands.append(PaletteCommand(name: name, description: "Go to \(section.title)"))
        }
        return commands
    }

    /// The sidebar sections without a command of their own in `all`, by their `:` name.
    static let otherSections: [(String, Section)] = [
        ("root", .root), ("password", .passwordPolicy), ("creds", .credentialReport), ("advisor", .accessAdvisor),
        ("analyzer", .accessAnalyzer), ("simulator", .simulator), ("audit", .auditLog),
    ]

    /// `:create-user NAME`: a user with the default path and nothing attached.
    static func createUser(_ name: String) -> EditCommand {
        EditCommand(success: "Created user \(name).", target: .row(.users, name)) {
            _ = try $0.createUser(CreateUserRequest(userName: name), as: $1)
        }
    }

    /// `:create-group NAME`: a group with the default path.
    static func createGroup(_ name: String) -> EditCommand {
        EditCommand(success: "Created group \(name).", target: .row(.groups, name)) {
            _ = try $0.createGroup(CreateGroupRequest(groupName: name), as: $1)
        }
    }

    /// The commands, in the order help lists them.
    static let all: [BrowserCommand] = [
        BrowserCommand(names: ["dashboard"], description: "Go to the dashboard", effect: .open(.dashboard)),
        BrowserCommand(names: ["users"], description: "List users", effect: .open(.users)),
        BrowserCommand(names: ["groups"], description: "List user groups", effect: .open(.groups)),
        BrowserCommand(names: ["roles"], description: "List roles", effect: .open(.roles)),
        BrowserCommand(names: ["policies"], description: "List managed policies", effect: .open(.policies)),
        BrowserCommand(
            names: ["create-user"], argument: "NAME", description: "Create a user", effect: .createUser),
        BrowserCommand(
            names: ["create-group"], argument: "NAME", description: "Create a user group", effect: .createGroup),
        BrowserCommand(names: ["theme"], argument: "NAME", description: "Switch the colour theme", effect: .theme),
        BrowserCommand(
            names: ["switch-role"], argument: "ROLE [SESSION]",
            description: "Switch role: act as a role of the account for an hour", effect: .switchRole),
        BrowserCommand(names: ["switch-back"], description: "Return from a switched role", effect: .switchBack),
        BrowserCommand(names: ["q", "quit"], description: "Quit the console", effect: .quit),
        BrowserCommand(names: ["help"], description: "Show this help", effect: .help),
    ]

    /// The effect of a typed command, or nil when it is unknown.
    static func effect(of name: String) -> Effect? {
        if let command = all.first(where: { $0.names.contains(name) }) { return command.effect }
        return Section.named(name).map(Effect.open)
    }

    static var helpEntries: [HelpEntry] {
        all.map {
            HelpEntry(
                keys: $0.names.map { ":" + $0 }.joined(separator: " ") + ($0.argument.isEmpty ? "" : " " + $0.argument),
                description: $0.description)
        }
            + [
                HelpEntry(
                    keys: otherSections.map { ":" + $0.0 }.joined(separator: " "),
                    description: "Other sidebar sections, by name")
            ]
    }
}

/// The browsing key map; help and the status line are generated from it.
enum BrowserKeys {
    /// The key map with a key bindings file's overrides applied (see `KeyBindingsFile`).
    static func keyMap(glyphs: Glyphs, overrides: [String: [InputEvent]]) -> KeyMap<BrowserAction> {
        keyMap(glyphs: glyphs).remapped(overrides, glyphs: glyphs, name: \.rawValue)
    }

    /// The action names a key bindings file may use.
    static var actionNames: [String] { BrowserAction.allCases.map(\.rawValue) }

    /// The default key map.
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
                [.key(.left), .character("h")], label: KeyNotation.label(.key(.left), glyphs: glyphs) + " h",
                description: "Focus the sidebar", action: .focusSidebar),
            KeyBinding(
                [.key(.enter), .key(.right), .character("l")],
                label: "Enter " + KeyNotation.label(.key(.right), glyphs: glyphs) + " l",
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
            KeyBinding(
                [.character("n")], label: "n", description: "Create a user, group, role or policy (in its list)",
                hint: "new", action: .create),
            KeyBinding(
                [.character("d")], label: "d",
                description: "Delete the selection (type its name); on a tab, remove the selected group, policy or tag",
                hint: "delete", action: .delete),
            KeyBinding(
                [.character("a")], label: "a",
                description:
                    "Add to a group, attach or write a policy, add a tag (on a tab); set the account alias",
                action: .add),
            KeyBinding(
                [.character("e")], label: "e",
                description:
                    "Edit a document: a customer managed policy (saves a version), an inline policy, a role's trust "
                    + "policy, a finding's resource policy; run the simulator",
                hint: "edit", action: .editPolicy),
            KeyBinding(
                [.character("r")], label: "r",
                description: "Edit properties: rename or move a user or group; a role's description and session",
                action: .editProperties),
            KeyBinding(
                [.character("s")], label: "s", description: "Sort the list by the next column", action: .sort),
            KeyBinding([.character("S")], label: "S", description: "Reverse the list's sort", action: .reverseSort),
            KeyBinding(
                [.character("c")], label: "c", description: "Choose the list's columns (Manage columns)",
                action: .manageColumns),
            KeyBinding(
                [.character("x")], label: "x", description: "Export the credential report as AWS's CSV file",
                action: .export),
            KeyBinding(
                [.character("p")], label: "p",
                description: "Draft a least-privilege policy of the services used (Access Advisor tab)",
                action: .draftLeastPrivilege),
            KeyBinding(
                [.character("A")], label: "A", description: "Archive the selected Access analyzer finding",
                action: .archiveFinding),
            KeyBinding(
                [.character("U")], label: "U", description: "Make an archived Access analyzer finding active again",
                action: .unarchiveFinding),
        ])
    }

    /// The status line: movement first, then the key map's own hints, then how to quit.
    static func hints(glyphs: Glyphs, overrides: [String: [InputEvent]] = [:]) -> [HelpEntry] {
        [HelpEntry(keys: "\(glyphs.arrowUp)\(glyphs.arrowDown)", description: "move")]
            + keyMap(glyphs: glyphs, overrides: overrides).hints
            + [HelpEntry(keys: ":q", description: "quit")]
    }
}
