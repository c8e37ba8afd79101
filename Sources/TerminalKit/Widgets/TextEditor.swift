/// A position in a `TextEditor`: zero-based line and column (in characters).
public struct TextPosition: Sendable, Hashable, Comparable {
    /// Zero-based line.
    public var line: Int
    /// Zero-based column, in characters.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A multi-line editor for policy documents.
///
/// It moves with the arrows, Home/End (Ctrl-A/Ctrl-E), PgUp/PgDn; Enter keeps the previous
/// line's indentation (one level more after `{` or `[`), and typing `}` or `]` at the start
/// of a line removes a level. Ctrl-Z / Ctrl-Y undo and redo, with consecutive typing undone
/// as one step. The bracket at the cursor and its partner are highlighted; a pluggable
/// highlighter colours the lines drawn; diagnostics from the host mark the gutter, underline
/// their text and show their message in the bottom row. Tab (or Ctrl-Space, delivered as
/// `.control(" ")`) asks `completionSource` for candidates for the word at the cursor.
///
/// Every key costs work proportional to the current line (and a snapshot of the line list
/// when a new undo step starts), never to the whole document; drawing touches only the lines
/// on screen.
public struct TextEditor: Sendable {
    /// What a key did.
    public enum Outcome: Sendable, Equatable {
        /// The text changed.
        case changed
        /// Only the cursor, scroll or popup changed.
        case moved
        /// The editor does not use the key (Escape, Ctrl-S, function keys...); the host may.
        case unhandled
    }

    /// The open completion popup.
    public struct Completion: Sendable, Equatable {
        /// Candidates, in the order the host gave them.
        public var candidates: [String]
        /// The highlighted candidate.
        public var selected: Int
        /// Where the word being completed starts (it ends at the cursor).
        public var wordStart: TextPosition
    }

    enum EditKind: Equatable {
        case typing
        case deleting
        case other
    }

    struct Snapshot: Sendable {
        var lines: [String]
        var cursor: TextPosition
    }

    /// The text, one string per line, without line breaks.
    public internal(set) var lines: [String]
    /// The cursor.
    public internal(set) var cursor: TextPosition
    /// The first line shown.
    public internal(set) var scrollTop = 0
    /// The first display column shown.
    public internal(set) var scrollLeft = 0
    /// The size of the text area (without gutter and bottom row), for PgUp/PgDn and
    /// scrolling; the host sets it when the layout changes (`draw` also copes without).
    public var viewport = TerminalSize(width: 80, height: 20)
    /// One level of indentation.
    public var indentUnit = "    "
    /// Colours the lines drawn; nil draws plain text.
    public var highlighter: LineHighlighter?
    /// Problems to mark.
    public var diagnostics: [EditorDiagnostic] = []
    /// Returns completion candidates for the word before the cursor; nil disables completion.
    public var completionSource: (@Sendable (_ word: String) -> [String])?
    /// The open completion popup, if any.
    public internal(set) var completion: Completion?
    /// True once the text has been edited.
    public internal(set) var isModified = false

    var preferredColumn: Int?
    var undoStack: [Snapshot] = []
    var redoStack: [Snapshot] = []
    var lastEdit: EditKind?
    var lastEditEnd: TextPosition?
    /// The most undo steps kept.
    public var undoLimit = 200

    /// Creates an editor holding `text` with the cursor at the start.
    public init(text: String = "") {
        lines = Self.split(text)
        cursor = TextPosition(line: 0, column: 0)
    }

    /// The whole text, lines joined with "\n".
    public var text: String { lines.joined(separator: "\n") }

    /// Replaces the whole text (clearing undo history) and puts the cursor at the start.
    public mutating func setText(_ text: String) {
        lines = Self.split(text)
        cursor = TextPosition(line: 0, column: 0)
        undoStack = []
        redoStack = []
        lastEdit = nil
        completion = nil
        scrollTop = 0
        scrollLeft = 0
        isModified = false
    }

    static func split(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        return lines.isEmpty ? [""] : lines
    }

    /// The diagnostics on a zero-based line, most serious first.
    public func diagnostics(onLine line: Int) -> [EditorDiagnostic] {
        diagnostics.filter { $0.line - 1 == line }.sorted { $0.severity > $1.severity }
    }

    /// The characters of the current line.
    var currentLine: String { lines[cursor.line] }

    /// The display column of a character column in a line.
    func displayColumn(line: Int, column: Int) -> Int {
        displayWidth(String(lines[line].prefix(column)))
    }

    /// Keeps the cursor inside `viewport` by scrolling as little as possible.
    mutating func scrollToCursor() {
        let height = max(1, viewport.height)
        if cursor.line < scrollTop { scrollTop = cursor.line }
        if cursor.line >= scrollTop + height { scrollTop = cursor.line - height + 1 }
        let width = max(1, viewport.width - gutterWidth)
        let column = displayColumn(line: cursor.line, column: cursor.column)
        if column < scrollLeft { scrollLeft = column }
        if column >= scrollLeft + width { scrollLeft = column - width + 1 }
    }

    /// Cells taken by the gutter: a diagnostic mark, the line number and a space.
    public var gutterWidth: Int { String(lines.count).count + 2 }
}
