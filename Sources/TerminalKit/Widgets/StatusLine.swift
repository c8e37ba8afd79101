/// The bottom line of key hints: `key description` pairs, as many as fit.
public enum StatusLine {
    /// Draws hints across one row of `canvas`, filling the row with `style`. Hints that do not
    /// fit whole are left out rather than cut.
    @MainActor
    public static func draw(hints: [HelpEntry], row: Int, in canvas: Canvas, style: Style, keyStyle: Style) {
        canvas.fill(Rect(row: row, column: 0, width: canvas.width, height: 1), style: style)
        var column = 1
        for hint in hints {
            let keyWidth = displayWidth(hint.keys)
            let needed = keyWidth + 1 + displayWidth(hint.description)
            if column + needed > canvas.width - 1 { break }
            canvas.text(hint.keys, row: row, column: column, style: keyStyle)
            canvas.text(hint.description, row: row, column: column + keyWidth + 1, style: style)
            column += needed + 2
        }
    }
}
