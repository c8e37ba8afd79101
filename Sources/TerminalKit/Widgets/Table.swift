/// One column of a `Table`.
public struct TableColumn: Sendable, Equatable {
    /// How wide a column is.
    public enum Width: Sendable, Equatable {
        /// Exactly this many cells (less only when the table is too narrow).
        case fixed(Int)
        /// At least this many cells, sharing the leftover space with the other flexible columns.
        case flexible(minimum: Int)
    }

    /// The header text.
    public var title: String
    /// How the width is chosen.
    public var width: Width
    /// How values sit in the column.
    public var alignment: TextAlignment

    /// Creates a column.
    public init(_ title: String, width: Width, alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Styles a table draws with.
public struct TableStyles: Sendable, Equatable {
    /// The header row.
    public var header: Style
    /// Ordinary rows.
    public var row: Style
    /// The selected row, across its full width.
    public var selection: Style
    /// The message shown when there are no rows.
    public var empty: Style

    /// Creates table styles.
    public init(header: Style, row: Style, selection: Style, empty: Style) {
        self.header = header
        self.row = row
        self.selection = selection
        self.empty = empty
    }
}

/// A table with a header row, a highlighted selected row and vertical scrolling. Only the
/// visible rows are drawn, so large lists cost no more than small ones.
public struct Table: Sendable, Equatable {
    /// Columns, left to right.
    public var columns: [TableColumn]
    /// Cell values, one array per row in column order.
    public var rows: [[String]]
    /// The highlighted row, or nil for none.
    public var selection: Int?
    /// The first row shown.
    public var offset: Int
    /// Shown in place of rows when there are none.
    public var emptyMessage: String
    /// The column the rows are sorted by (shown with ▲/▼, or ^/v in ASCII), or nil.
    public var sortColumn: Int?
    /// True when `sortColumn` sorts ascending.
    public var sortAscending = true
    /// Per-cell styles for rows that are not selected (nil keeps the row style); one array per
    /// row in `rows`, or empty. The selected row is drawn in the selection style whole.
    public var cellStyles: [[Style?]] = []

    /// Cells between columns.
    public static let gap = 2

    /// Creates a table.
    public init(columns: [TableColumn], rows: [[String]], selection: Int?, offset: Int = 0, emptyMessage: String = "") {
        self.columns = columns
        self.rows = rows
        self.selection = selection
        self.offset = offset
        self.emptyMessage = emptyMessage
    }

    /// Column widths for a table `totalWidth` cells wide (excluding the selection gutter):
    /// fixed columns first, then the rest shared among flexible ones; when space runs short,
    /// the rightmost columns shrink first.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let available = max(0, totalWidth - gap * (columns.count - 1))
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flexible(let minimum): return max(0, minimum)
            }
        }
        let flexible = columns.indices.filter {
            if case .flexible = columns[$0].width { return true }
            return false
        }
        var spare = available - widths.reduce(0, +)
        if spare > 0, !flexible.isEmpty {
            for (position, index) in flexible.enumerated() {
                let share = spare / (flexible.count - position)
                widths[index] += share
                spare -= share
            }
        }
        var excess = widths.reduce(0, +) - available
        for index in widths.indices.reversed() where excess > 0 {
            let cut = min(excess, widths[index])
            widths[index] -= cut
            excess -= cut
        }
        return widths
    }

    /// The first visible row after scrolling the least needed to keep `selection` visible.
    public static func scrolledOffset(selection: Int?, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var first = min(max(0, offset), max(0, rowCount - visibleRows))
        if let selection {
            if selection < first { first = selection }
            if selection >= first + visibleRows { first = selection - visibleRows + 1 }
        }
        return max(0, first)
    }

    /// Draws the header on the canvas's first row and the rows below it; returns the offset
    /// actually used, for the caller to keep as the next frame's starting point.
    @MainActor
    @discardableResult
    public func draw(in canvas: Canvas, styles: TableStyles) -> Int {
        guard canvas.height > 0, canvas.width > 2 else { return offset }
        let glyphs = canvas.glyphs
        let gutter = displayWidth(glyphs.selectionMarker) + 1
        let widths = Self.columnWidths(columns, totalWidth: canvas.width - gutter)
        drawRow(
            headerTitles(widths: widths, glyphs: glyphs), widths: widths, gutter: gutter, row: 0, in: canvas,
            style: styles.header, marker: "")
        let visible = canvas.height - 1
        guard !rows.isEmpty else {
            canvas.text(
                truncate(emptyMessage, toWidth: canvas.width - gutter, ellipsis: glyphs.ellipsis), row: 1,
                column: gutter, style: styles.empty)
            return 0
        }
        let first = Self.scrolledOffset(
            selection: selection, offset: offset, visibleRows: visible, rowCount: rows.count)
        for (line, index) in (first..<min(rows.count, first + visible)).enumerated() {
            let isSelected = index == selection
            drawRow(
                rows[index], widths: widths, gutter: gutter, row: line + 1, in: canvas,
                style: isSelected ? styles.selection : styles.row, marker: isSelected ? glyphs.selectionMarker : "",
                cellStyles: isSelected || index >= cellStyles.count ? [] : cellStyles[index])
        }
        if first > 0 {
            canvas.text(glyphs.arrowUp, row: 0, column: canvas.width - 1, style: styles.header)
        }
        if first + visible < rows.count {
            canvas.text(glyphs.arrowDown, row: canvas.height - 1, column: canvas.width - 1, style: styles.row)
        }
        return first
    }

    private func headerTitles(widths: [Int], glyphs: Glyphs) -> [String] {
        columns.enumerated().map { index, column in
            guard index == sortColumn, index < widths.count, widths[index] >= 3 else { return column.title }
            let marker = sortAscending ? glyphs.sortAscending : glyphs.sortDescending
            let room = widths[index] - 1 - displayWidth(marker)
            return truncate(column.title, toWidth: room, ellipsis: glyphs.ellipsis) + " " + marker
        }
    }

    @MainActor
    private func drawRow(
        _ values: [String], widths: [Int], gutter: Int, row: Int, in canvas: Canvas, style: Style, marker: String,
        cellStyles: [Style?] = []
    ) {
        canvas.fill(Rect(row: row, column: 0, width: canvas.width, height: 1), style: style)
        canvas.text(marker, row: row, column: 0, style: style)
        var column = gutter
        for (index, width) in widths.enumerated() where width > 0 {
            let value = index < values.count ? values[index] : ""
            let cell = fit(value, toWidth: width, ellipsis: canvas.glyphs.ellipsis, alignment: columns[index].alignment)
            let cellStyle = index < cellStyles.count ? cellStyles[index] ?? style : style
            canvas.text(cell, row: row, column: column, style: cellStyle)
            column += width + Self.gap
        }
    }
}
