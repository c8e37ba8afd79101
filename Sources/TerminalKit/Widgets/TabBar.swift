/// A one-row strip of tab titles with the selected one highlighted, as in the IAM console's
/// detail pages (`Permissions │ Groups │ Tags …`).
///
/// The strip is a value: `next()` and `previous()` wrap around, and `draw` keeps the selected
/// tab visible on narrow screens by dropping tabs from the left and marking the cut.
public struct TabBar: Sendable, Equatable {
    /// Tab titles, left to right.
    public var titles: [String]
    /// The index of the selected tab (0 when there are none).
    public private(set) var selection: Int

    /// Creates a tab bar; `selection` is clamped to the titles.
    public init(titles: [String], selection: Int = 0) {
        self.titles = titles
        self.selection = 0
        select(selection)
    }

    /// The selected tab's title, or nil when there are no tabs.
    public var selectedTitle: String? { titles.indices.contains(selection) ? titles[selection] : nil }

    /// Selects a tab by index, clamped to the titles.
    public mutating func select(_ index: Int) {
        selection = min(max(0, index), max(0, titles.count - 1))
    }

    /// Selects the tab to the right, wrapping to the first.
    public mutating func next() {
        guard !titles.isEmpty else { return }
        selection = (selection + 1) % titles.count
    }

    /// Selects the tab to the left, wrapping to the last.
    public mutating func previous() {
        guard !titles.isEmpty else { return }
        selection = (selection + titles.count - 1) % titles.count
    }

    /// Draws the strip on one row of `canvas`: each title padded by a space, separated by the
    /// glyphs' separator, the selected one in `selected`. Returns the columns each visible tab
    /// occupies, for tests and mouse hit-testing later.
    @MainActor
    @discardableResult
    public func draw(row: Int, in canvas: Canvas, style: Style, selected: Style) -> [Int: Range<Int>] {
        canvas.fill(Rect(row: row, column: 0, width: canvas.width, height: 1), style: style)
        guard !titles.isEmpty else { return [:] }
        let glyphs = canvas.glyphs
        let labels = titles.map { " \($0) " }
        let separatorWidth = displayWidth(glyphs.separator)
        var first = 0
        // Drop tabs from the left until the selected one fits.
        while first < selection, width(of: labels[first...selection], separator: separatorWidth) > canvas.width - 2 {
            first += 1
        }
        var column = 0
        var placed: [Int: Range<Int>] = [:]
        if first > 0 {
            canvas.text(glyphs.ellipsis, row: row, column: 0, style: style)
            column = displayWidth(glyphs.ellipsis) + 1
        }
        for index in first..<labels.count {
            let room = canvas.width - column
            guard room > 0 else { break }
            let label = truncate(labels[index], toWidth: room, ellipsis: glyphs.ellipsis)
            canvas.text(label, row: row, column: column, style: index == selection ? selected : style)
            placed[index] = column..<(column + displayWidth(label))
            column += displayWidth(label)
            if index < labels.count - 1, column < canvas.width {
                canvas.text(glyphs.separator, row: row, column: column, style: style)
                column += separatorWidth
            }
        }
        return placed
    }

    private func width(of labels: ArraySlice<String>, separator: Int) -> Int {
        labels.reduce(0) { $0 + displayWidth($1) } + separator * max(0, labels.count - 1)
    }
}
