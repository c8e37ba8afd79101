/// One command the palette offers.
public struct PaletteCommand: Sendable, Equatable {
    /// What the user types, such as `users`.
    public var name: String
    /// The arguments it takes, shown after the name, such as `<user-name>`.
    public var argumentHint: String
    /// What it does.
    public var description: String

    /// Creates a command.
    public init(name: String, argumentHint: String = "", description: String) {
        self.name = name
        self.argumentHint = argumentHint
        self.description = description
    }
}

/// The `:` prompt: typing filters a dropdown of commands (names that start with the text
/// first, then names that contain it), Tab completes the common prefix and then cycles
/// through the matches, ↑/↓ move the selection, Enter runs, Escape closes. ↑ on an empty
/// prompt (and while browsing) recalls earlier commands.
public struct CommandPalette: Sendable, Equatable {
    /// What a key did to the palette.
    public enum Outcome: Sendable, Equatable {
        /// Keep editing.
        case editing
        /// Run `command` with the words typed after its name.
        case run(PaletteCommand, arguments: [String])
        /// Enter on a name that is no command.
        case unknown(String)
        /// Escape, or Backspace on an empty prompt.
        case closed
    }

    /// The commands offered, in the order matches of equal rank are listed.
    public var commands: [PaletteCommand]
    /// Commands run before, oldest first.
    public private(set) var history: [String]
    /// The text typed.
    public private(set) var input: TextInput
    /// The selected match, or nil when none is selected.
    public private(set) var selection: Int?
    private var historyIndex: Int?
    private var cycling: [PaletteCommand]?
    /// The most rows the dropdown shows.
    public var maximumVisibleMatches = 8

    /// Creates an empty prompt.
    public init(commands: [PaletteCommand], history: [String] = []) {
        self.commands = commands
        self.history = history
        self.input = TextInput()
    }

    /// The name typed so far: the text before the first space.
    public var typedName: String {
        String(input.text.prefix { $0 != " " })
    }

    /// Commands matching the typed name: prefix matches first, then substring matches, each
    /// in `commands` order, ignoring case. Empty once arguments are being typed.
    public var matches: [PaletteCommand] {
        if let cycling { return cycling }
        guard !input.text.contains(" ") else { return [] }
        let query = typedName.lowercased()
        guard !query.isEmpty else { return commands }
        var prefix: [PaletteCommand] = []
        var inside: [PaletteCommand] = []
        for command in commands {
            let name = command.name.lowercased()
            if name.hasPrefix(query) {
                prefix.append(command)
            } else if name.contains(query) {
                inside.append(command)
            }
        }
        return prefix + inside
    }

    /// Applies one event.
    public mutating func handle(_ event: InputEvent) -> Outcome {
        switch event {
        case .key(.escape):
            return .closed
        case .key(.backspace) where input.text.isEmpty:
            return .closed
        case .key(.enter):
            return run()
        case .key(.tab):
            complete()
        case .key(.up):
            if input.text.isEmpty || historyIndex != nil {
                recall(older: true)
            } else {
                moveSelection(by: -1)
            }
        case .key(.down):
            if historyIndex != nil {
                recall(older: false)
            } else {
                moveSelection(by: 1)
            }
        default:
            if input.handle(event) {
                cycling = nil
                historyIndex = nil
                selection = nil
            }
        }
        return .editing
    }

    private mutating func moveSelection(by step: Int) {
        let count = matches.count
        guard count > 0 else { return }
        guard let current = selection else {
            selection = step > 0 ? 0 : count - 1
            return
        }
        selection = min(max(0, current + step), count - 1)
    }

    private mutating func recall(older: Bool) {
        guard !history.isEmpty else { return }
        let next: Int?
        if let index = historyIndex {
            next = older ? max(0, index - 1) : (index + 1 < history.count ? index + 1 : nil)
        } else {
            next = older ? history.count - 1 : nil
        }
        historyIndex = next
        input.setText(next.map { history[$0] } ?? "")
        selection = nil
    }

    private mutating func complete() {
        if let cycling, !cycling.isEmpty {
            let next = ((selection ?? -1) + 1) % cycling.count
            selection = next
            input.setText(cycling[next].name)
            return
        }
        let found = matches
        guard !found.isEmpty, !input.text.contains(" ") else { return }
        if found.count == 1 {
            input.setText(found[0].name + " ")
            selection = nil
            return
        }
        let prefixMatches = found.filter { $0.name.lowercased().hasPrefix(typedName.lowercased()) }
        let common = Self.commonPrefix(prefixMatches.map(\.name))
        if common.count > typedName.count {
            input.setText(common)
            selection = nil
            return
        }
        cycling = found
        selection = 0
        input.setText(found[0].name)
    }

    static func commonPrefix(_ names: [String]) -> String {
        guard var prefix = names.first.map(Array.init) else { return "" }
        for name in names.dropFirst() {
            let characters = Array(name)
            var length = 0
            while length < min(prefix.count, characters.count),
                prefix[length].lowercased() == characters[length].lowercased()
            {
                length += 1
            }
            prefix = Array(prefix.prefix(length))
        }
        return String(prefix)
    }

    private mutating func run() -> Outcome {
        var words = input.text.split(separator: " ").map(String.init)
        if let selection, matches.indices.contains(selection), !input.text.contains(" ") {
            words = [matches[selection].name]
        }
        guard let name = words.first else { return .closed }
        let text = input.text.trimmingSpaces
        if !text.isEmpty, history.last != text { history.append(text) }
        historyIndex = nil
        cycling = nil
        selection = nil
        input.setText("")
        guard let command = commands.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            return .unknown(name)
        }
        return .run(command, arguments: Array(words.dropFirst()))
    }

    /// Draws the prompt on the canvas's last row and the dropdown of matches just above it;
    /// returns where the cursor belongs.
    @MainActor
    @discardableResult
    public func draw(in canvas: Canvas, theme: Theme) -> Position? {
        guard canvas.height > 0, canvas.width > 1 else { return nil }
        let promptRow = canvas.height - 1
        canvas.fill(Rect(row: promptRow, column: 0, width: canvas.width, height: 1), style: theme[.prompt])
        canvas.text(":", row: promptRow, column: 0, style: theme[.prompt])
        let cursor = input.draw(
            in: canvas, row: promptRow, column: 1, width: canvas.width - 1, style: theme[.prompt])
        let found = matches
        let rows = min(found.count, maximumVisibleMatches, promptRow)
        guard rows > 0 else { return cursor }
        let first = Table.scrolledOffset(selection: selection, offset: 0, visibleRows: rows, rowCount: found.count)
        let nameWidth = min(
            canvas.width / 2, found.map { displayWidth($0.name) + 1 + displayWidth($0.argumentHint) }.max() ?? 0)
        for line in 0..<rows {
            let index = first + line
            let command = found[index]
            let row = promptRow - rows + line
            let selected = index == selection
            let style = selected ? theme[.selection] : theme[.overlay]
            canvas.fill(Rect(row: row, column: 0, width: canvas.width, height: 1), style: style)
            let name = command.argumentHint.isEmpty ? command.name : command.name + " " + command.argumentHint
            let ellipsis = canvas.glyphs.ellipsis
            canvas.text(truncate(name, toWidth: nameWidth, ellipsis: ellipsis), row: row, column: 1, style: style)
            canvas.text(
                truncate(command.description, toWidth: canvas.width - nameWidth - 4, ellipsis: ellipsis), row: row,
                column: nameWidth + 3, style: style)
        }
        return cursor
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
