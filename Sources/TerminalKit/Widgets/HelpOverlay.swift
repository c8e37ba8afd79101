/// A centred box listing key bindings, drawn over the current screen.
public enum HelpOverlay {
    /// The lines of `sections`, separated by a blank line.
    public static func entries(_ sections: [[HelpEntry]]) -> [HelpEntry] {
        sections.enumerated().flatMap { index, section in
            index == 0 ? section : [HelpEntry(keys: "", description: "")] + section
        }
    }

    /// Draws the overlay; sections are separated by a blank line and the box shrinks to fit the
    /// canvas. Lines start at `offset` (clamped), so a long help scrolls; ↑/↓ marks show more above
    /// or below. Returns the offset used.
    @MainActor
    @discardableResult
    public static func draw(
        sections: [[HelpEntry]], title: String, footer: String, in canvas: Canvas,
        border: Style, text: Style, keyStyle: Style, offset: Int = 0
    ) -> Int {
        let entries = Self.entries(sections)
        let keyWidth = min(16, entries.map { displayWidth($0.keys) }.max() ?? 0)
        let contentWidth = max(
            displayWidth(footer), displayWidth(title) + 2,
            entries.map { keyWidth + 2 + displayWidth($0.description) }.max() ?? 0)
        let width = min(canvas.width, contentWidth + 4)
        let height = min(canvas.height, entries.count + 4)
        guard width >= 6, height >= 4 else { return 0 }
        let rect = Rect(
            row: (canvas.height - height) / 2, column: (canvas.width - width) / 2, width: width, height: height)
        canvas.fill(rect, style: text)
        let inside = canvas.box(rect, title: title, border: border, titleStyle: border)
        let body = inside.subcanvas(Rect(row: 0, column: 1, width: inside.width - 2, height: inside.height))
        let ellipsis = canvas.glyphs.ellipsis
        let visible = max(0, body.height - 2)
        let first = min(max(0, offset), max(0, entries.count - visible))
        for (row, entry) in entries.dropFirst(first).prefix(visible).enumerated() {
            body.text(fit(entry.keys, toWidth: keyWidth, ellipsis: ellipsis), row: row, column: 0, style: keyStyle)
            let description = truncate(entry.description, toWidth: body.width - keyWidth - 2, ellipsis: ellipsis)
            body.text(description, row: row, column: keyWidth + 2, style: text)
        }
        body.text(
            truncate(footer, toWidth: body.width, ellipsis: ellipsis), row: body.height - 1, column: 0, style: text)
        if first > 0 { body.text(canvas.glyphs.arrowUp, row: 0, column: body.width - 1, style: keyStyle) }
        if first + visible < entries.count {
            body.text(canvas.glyphs.arrowDown, row: max(0, visible - 1), column: body.width - 1, style: keyStyle)
        }
        return first
    }
}
