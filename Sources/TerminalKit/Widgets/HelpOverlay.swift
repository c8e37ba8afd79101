/// A centred box listing key bindings, drawn over the current screen.
public enum HelpOverlay {
    /// Draws the overlay; sections are separated by a blank line and the box shrinks to fit
    /// the canvas (lines that do not fit are dropped, long lines are cut).
    @MainActor
    public static func draw(
        sections: [[HelpEntry]], title: String, footer: String, in canvas: Canvas,
        border: Style, text: Style, keyStyle: Style
    ) {
        let entries = sections.enumerated().flatMap { index, section in
            index == 0 ? section : [HelpEntry(keys: "", description: "")] + section
        }
        let keyWidth = min(16, entries.map { displayWidth($0.keys) }.max() ?? 0)
        let contentWidth = max(
            displayWidth(footer), displayWidth(title) + 2,
            entries.map { keyWidth + 2 + displayWidth($0.description) }.max() ?? 0)
        let width = min(canvas.width, contentWidth + 4)
        let height = min(canvas.height, entries.count + 4)
        guard width >= 6, height >= 4 else { return }
        let rect = Rect(
            row: (canvas.height - height) / 2, column: (canvas.width - width) / 2, width: width, height: height)
        canvas.fill(rect, style: text)
        let inside = canvas.box(rect, title: title, border: border, titleStyle: border)
        let body = inside.subcanvas(Rect(row: 0, column: 1, width: inside.width - 2, height: inside.height))
        let ellipsis = canvas.glyphs.ellipsis
        for (row, entry) in entries.prefix(max(0, body.height - 2)).enumerated() {
            body.text(fit(entry.keys, toWidth: keyWidth, ellipsis: ellipsis), row: row, column: 0, style: keyStyle)
            let description = truncate(entry.description, toWidth: body.width - keyWidth - 2, ellipsis: ellipsis)
            body.text(description, row: row, column: keyWidth + 2, style: text)
        }
        body.text(
            truncate(footer, toWidth: body.width, ellipsis: ellipsis), row: body.height - 1, column: 0, style: text)
    }
}
