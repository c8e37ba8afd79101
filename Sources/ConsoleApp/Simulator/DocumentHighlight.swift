import TerminalKit

/// How a statement is shown inside its policy document, shared by the Policy simulator (the
/// deciding statement) and the Access analyzer's finding page (the statement that shares the
/// resource): a mark in the margin and the line in the selection style.
@MainActor
enum DocumentHighlight {
    /// `▌`, or `>` with ASCII glyphs.
    static func mark(for canvas: Canvas) -> String { canvas.glyphs.ellipsis == "…" ? "▌" : ">" }

    /// Draws one line of the statement: the mark at `markColumn`, the text from `column` on a
    /// band of the selection style to the right edge.
    static func drawMarked(
        _ text: String, row: Int, column: Int, markColumn: Int = 0, in canvas: Canvas, theme: Theme
    ) {
        canvas.text(mark(for: canvas), row: row, column: markColumn, style: theme[.accent])
        guard column < canvas.width else { return }
        canvas.fill(Rect(row: row, column: column, width: canvas.width - column, height: 1), style: theme[.selection])
        canvas.text(text, row: row, column: column, style: theme[.selection])
    }
}
