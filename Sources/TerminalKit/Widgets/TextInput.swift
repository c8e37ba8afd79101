/// The editable text of a one-line field: a cursor, an optional maximum length and
/// horizontal scrolling when drawn, shared by the form fields and the dialogs.
///
/// Text is kept as an array of characters, so typing or pasting at the cursor costs no more
/// than the field's length, and drawing looks only at the characters around the cursor.
public struct TextInput: Sendable, Equatable {
    /// Which characters typing may insert.
    public enum Accepted: Sendable, Equatable {
        /// Any printable character.
        case any
        /// Digits, and a minus sign at the start.
        case integer
    }

    /// The characters, in order.
    public private(set) var characters: [Character]
    /// The cursor, counted in characters from the start.
    public private(set) var cursor: Int
    /// The most characters the field holds; typing and pasting past it are cut.
    public var maxLength: Int?
    /// Which characters typing may insert.
    public var accepted: Accepted

    /// Creates a field holding `text` (cut to `maxLength`) with the cursor at its end.
    public init(text: String = "", maxLength: Int? = nil, accepted: Accepted = .any) {
        self.maxLength = maxLength.map { max(0, $0) }
        self.accepted = accepted
        self.characters = []
        self.cursor = 0
        insert(text)
    }

    /// The text typed so far.
    public var text: String { String(characters) }

    /// Replaces the text and puts the cursor at its end.
    public mutating func setText(_ text: String) {
        characters = []
        cursor = 0
        insert(text)
    }

    /// Inserts `string` at the cursor, as a paste does: control characters are dropped and
    /// what passes the maximum length is cut. Returns false when something was cut.
    @discardableResult
    public mutating func insert(_ string: String) -> Bool {
        var incoming = string.filter { isInsertable($0) }
        var complete = true
        if let maxLength {
            let room = max(0, maxLength - characters.count)
            if incoming.count > room {
                incoming = String(incoming.prefix(room))
                complete = false
            }
        }
        guard !incoming.isEmpty else { return complete && string.isEmpty }
        characters.insert(contentsOf: incoming, at: cursor)
        cursor += incoming.count
        return complete
    }

    /// Applies an editing or cursor key; returns false for keys a field does not handle
    /// (Enter, Escape, Tab, ↑ and ↓), which the caller then acts on.
    public mutating func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .character(let character):
            insert(String(character))
        case .key(.backspace):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .key(.delete):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .key(.left):
            cursor = max(0, cursor - 1)
        case .key(.right):
            cursor = min(characters.count, cursor + 1)
        case .key(.home), .key(.control("a")):
            cursor = 0
        case .key(.end), .key(.control("e")):
            cursor = characters.count
        case .key(.control("u")):
            characters.removeFirst(cursor)
            cursor = 0
        case .key(.control("k")):
            characters.removeLast(characters.count - cursor)
        default:
            return false
        }
        return true
    }

    private func isInsertable(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first, first.value >= 32, first.value != 127 else {
            return false
        }
        switch accepted {
        case .any: return true
        case .integer: return character.isASCII && (character.isNumber || (character == "-" && cursor == 0))
        }
    }

    /// Draws the field in `width` cells at (`row`, `column`) and returns where the cursor
    /// belongs, in terminal coordinates. When the text is wider than the field, the part
    /// around the cursor is shown with an ellipsis on the cut sides; `mask` replaces every
    /// character (passwords). The work is proportional to `width`, not to the text.
    @MainActor
    @discardableResult
    public func draw(
        in canvas: Canvas, row: Int, column: Int, width: Int, style: Style, mask: String? = nil
    ) -> Position {
        let origin = Position(row: canvas.bounds.row + row, column: canvas.bounds.column + column)
        guard width > 0 else { return origin }
        canvas.fill(Rect(row: row, column: column, width: width, height: 1), style: style)
        let ellipsis = canvas.glyphs.ellipsis
        let ellipsisWidth = displayWidth(ellipsis)
        let cellWidth: (Character) -> Int = { character in mask == nil ? displayWidth(character) : 1 }
        var start = 0
        var used = 0
        var index = 0
        while index < cursor, used <= width - 1 {
            used += cellWidth(characters[index])
            index += 1
        }
        if used > width - 1 {
            let budget = max(0, width - 1 - ellipsisWidth)
            start = cursor
            used = 0
            while start > 0, used + cellWidth(characters[start - 1]) <= budget {
                start -= 1
                used += cellWidth(characters[start])
            }
        }
        var pieces: [(text: String, width: Int)] = start > 0 ? [(ellipsis, ellipsisWidth)] : []
        var lineWidth = start > 0 ? ellipsisWidth : 0
        var cursorColumn = lineWidth
        index = start
        while index < characters.count {
            let pieceWidth = cellWidth(characters[index])
            if lineWidth + pieceWidth > width { break }
            if index == cursor { cursorColumn = lineWidth }
            pieces.append((mask ?? String(characters[index]), pieceWidth))
            lineWidth += pieceWidth
            index += 1
        }
        if index == cursor { cursorColumn = lineWidth }
        if index < characters.count {
            while let last = pieces.last, lineWidth + ellipsisWidth > width {
                pieces.removeLast()
                lineWidth -= last.width
            }
            pieces.append((ellipsis, ellipsisWidth))
        }
        canvas.text(pieces.map(\.text).joined(), row: row, column: column, style: style)
        return Position(row: origin.row, column: origin.column + min(cursorColumn, width - 1))
    }
}
