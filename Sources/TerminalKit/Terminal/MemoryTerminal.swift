/// A terminal that draws into an in-memory grid and reads input from a queue, for tests and
/// for rendering a single frame as text (`--dump-screen`).
///
/// When the input queue runs dry, a waiting `nextEvent` (timeout above 0) returns
/// `.signal(.hangup)`, as a real terminal does when its input goes away, so a console loop
/// driven by it always ends; a poll (timeout 0) returns nil first, so the loop still draws
/// the frame for the last key.
@MainActor
public final class MemoryTerminal: Terminal {
    /// One cell of the grid.
    public struct Cell: Sendable, Equatable {
        /// The grapheme cluster drawn here; empty in the second cell of a wide character.
        public var text: String
        /// How the cell is drawn.
        public var style: Style
        /// True for the cells a wide character covers after its first one.
        public var isContinuation: Bool

        /// A blank cell.
        public static let blank = Cell(text: " ", style: .plain, isContinuation: false)
    }

    private enum QueuedInput {
        case event(InputEvent)
        case tick
        case resize(TerminalSize)
    }

    /// The grid size; changes only through a queued resize.
    public private(set) var size: TerminalSize
    /// The grid, `size.height` rows of `size.width` cells.
    public private(set) var cells: [[Cell]]
    /// Where the cursor is shown, or nil when hidden.
    public private(set) var cursor: Position?
    /// The text of every presented frame, oldest first.
    public private(set) var frames: [String] = []
    /// The OSC 52 sequences `copyToClipboard` would have written, oldest first.
    public private(set) var clipboardWrites: [String] = []
    private var queue: [QueuedInput] = []

    /// Creates a blank terminal of the given size.
    public init(width: Int, height: Int) {
        size = TerminalSize(width: max(0, width), height: max(0, height))
        cells = Self.blankGrid(size)
    }

    /// The grid as text: rows joined by "\n", each row with its trailing spaces trimmed.
    public var text: String {
        cells.indices.map { row($0) }.joined(separator: "\n")
    }

    /// One row as text with trailing spaces trimmed.
    public func row(_ index: Int) -> String {
        guard cells.indices.contains(index) else { return "" }
        var line = cells[index].map { $0.isContinuation ? "" : $0.text }.joined()
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// The style of one cell, or nil outside the grid.
    public func style(row: Int, column: Int) -> Style? {
        guard cells.indices.contains(row), cells[row].indices.contains(column) else { return nil }
        return cells[row][column].style
    }

    /// Queues an event for `nextEvent`.
    public func enqueue(_ event: InputEvent) {
        queue.append(.event(event))
    }

    /// Queues each character of `keys` as a `.character` event, except "\r" and "\n" (Enter),
    /// "\t" (Tab) and "\u{1B}" (Escape).
    public func enqueue(keys: String) {
        for character in keys {
            switch character {
            case "\r", "\n", "\r\n": enqueue(.key(.enter))
            case "\t": enqueue(.key(.tab))
            case "\u{1B}": enqueue(.key(.escape))
            default: enqueue(.character(character))
            }
        }
    }

    /// Queues one timeout: the next `nextEvent` call returns nil, as a real idle terminal would.
    public func enqueueTick() {
        queue.append(.tick)
    }

    /// Queues a resize: when it is read, the grid takes the new size and `.resize` is returned.
    public func enqueueResize(width: Int, height: Int) {
        queue.append(.resize(TerminalSize(width: max(0, width), height: max(0, height))))
    }

    /// True while queued input remains.
    public var hasPendingInput: Bool { !queue.isEmpty }

    public func clear() {
        cells = Self.blankGrid(size)
    }

    public func draw(_ text: String, row: Int, column: Int, style: Style) {
        guard cells.indices.contains(row),
            let run = clipRun(text, column: column, minColumn: 0, maxColumn: size.width)
        else { return }
        var position = run.column
        for cluster in run.clusters {
            place(cluster, row: row, column: position, style: style)
            position += cluster.width
        }
    }

    public func setCursor(_ position: Position?) {
        cursor = position
    }

    public func present() {
        frames.append(text)
    }

    /// Records the OSC 52 sequence instead of writing it anywhere.
    public func copyToClipboard(_ text: String) {
        clipboardWrites.append(Self.osc52(text))
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !queue.isEmpty else { return timeoutMilliseconds > 0 ? .signal(.hangup) : nil }
        switch queue.removeFirst() {
        case .event(let event):
            return event
        case .tick:
            return nil
        case .resize(let newSize):
            resize(to: newSize)
            return .resize
        }
    }

    private func resize(to newSize: TerminalSize) {
        size = newSize
        cells = Self.blankGrid(newSize)
    }

    /// Writes one cluster, repairing any wide character it partly overwrites so the grid
    /// never holds half a character.
    private func place(_ cluster: DisplayCluster, row: Int, column: Int, style: Style) {
        let end = column + cluster.width
        if cells[row][column].isContinuation {
            var lead = column - 1
            while lead > 0 && cells[row][lead].isContinuation { lead -= 1 }
            for index in lead..<column {
                cells[row][index] = Cell(text: " ", style: cells[row][index].style, isContinuation: false)
            }
        }
        var tail = end
        while tail < size.width && cells[row][tail].isContinuation {
            cells[row][tail] = Cell(text: " ", style: cells[row][tail].style, isContinuation: false)
            tail += 1
        }
        cells[row][column] = Cell(text: cluster.text, style: style, isContinuation: false)
        for index in (column + 1)..<max(column + 1, end) {
            cells[row][index] = Cell(text: "", style: style, isContinuation: true)
        }
    }

    private static func blankGrid(_ size: TerminalSize) -> [[Cell]] {
        Array(repeating: Array(repeating: Cell.blank, count: size.width), count: size.height)
    }
}
