/// A one-line text field, used for the `:` command prompt.
public struct LineEditor: Sendable, Equatable {
    /// What a key did to the field.
    public enum Outcome: Sendable, Equatable {
        /// The text or cursor changed (or the key was ignored); keep editing.
        case editing
        /// Enter: the text is complete.
        case submitted(String)
        /// Escape, or Backspace on an empty field: the user gave up.
        case cancelled
    }

    /// The text typed so far.
    public private(set) var text: String
    /// The cursor position, counted in characters from the start.
    public private(set) var cursor: Int

    /// Creates a field holding `text` with the cursor at its end.
    public init(text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Applies one event.
    public mutating func handle(_ event: InputEvent) -> Outcome {
        switch event {
        case .character(let character):
            insert(character)
        case .key(.enter):
            return .submitted(text)
        case .key(.escape):
            return .cancelled
        case .key(.backspace):
            if text.isEmpty { return .cancelled }
            if cursor > 0 {
                text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
                cursor -= 1
            }
        case .key(.delete):
            if cursor < text.count { text.remove(at: text.index(text.startIndex, offsetBy: cursor)) }
        case .key(.left):
            cursor = max(0, cursor - 1)
        case .key(.right):
            cursor = min(text.count, cursor + 1)
        case .key(.home), .key(.control("a")):
            cursor = 0
        case .key(.end), .key(.control("e")):
            cursor = text.count
        case .key(.control("u")):
            text.removeFirst(cursor)
            cursor = 0
        default:
            break
        }
        return .editing
    }

    private mutating func insert(_ character: Character) {
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    /// Draws `prompt` and the text on one row and returns where the cursor belongs. When the
    /// text is wider than the row, the part around the cursor is shown.
    @MainActor
    @discardableResult
    public func draw(prompt: String, row: Int, in canvas: Canvas, style: Style) -> Position {
        canvas.fill(Rect(row: row, column: 0, width: canvas.width, height: 1), style: style)
        canvas.text(prompt, row: row, column: 0, style: style)
        let start = displayWidth(prompt)
        let room = max(1, canvas.width - start - 1)
        let beforeCursor = String(text.prefix(cursor))
        var shown = text
        var cursorColumn = displayWidth(beforeCursor)
        if cursorColumn >= room {
            let dropped = truncateLeading(beforeCursor, toWidth: room - 1, ellipsis: canvas.glyphs.ellipsis)
            shown = dropped + text.dropFirst(cursor)
            cursorColumn = displayWidth(dropped)
        }
        canvas.text(
            truncate(shown, toWidth: room, ellipsis: canvas.glyphs.ellipsis), row: row, column: start, style: style)
        return Position(row: canvas.bounds.row + row, column: canvas.bounds.column + start + cursorColumn)
    }
}
