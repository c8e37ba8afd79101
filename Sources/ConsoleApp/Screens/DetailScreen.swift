import Foundation
import TerminalKit

/// Draws an entity's detail page: the summary fields, the tab strip, and the selected tab's
/// lines with a cursor line that scrolls the tab.
@MainActor
enum DetailScreen {
    private static let labelWidth = 22

    /// Draws the page and returns the offset used and the lines visible at once.
    static func draw(_ view: ViewState, detail: EntityDetail, in canvas: Canvas, theme: Theme) -> (Int, Int) {
        canvas.line(" \(detail.kind): \(detail.name)", row: 0, style: theme[.title])
        let summaryRows = min(detail.summary.count, max(0, canvas.height - 5))
        for (row, field) in detail.summary.prefix(summaryRows).enumerated() {
            canvas.text(" " + field.label, row: row + 1, column: 0, style: theme[.label])
            canvas.text(
                truncate(field.value, toWidth: canvas.width - labelWidth, ellipsis: canvas.glyphs.ellipsis),
                row: row + 1, column: labelWidth, style: theme[.value])
        }
        let tabRow = summaryRows + 2
        let bar = TabBar(titles: detail.tabs.map(\.title), selection: view.tab)
        bar.draw(row: tabRow, in: canvas, style: theme[.tableHeader], selected: theme[.selection])
        let body = canvas.subcanvas(
            Rect(row: tabRow + 1, column: 0, width: canvas.width, height: canvas.height - tabRow - 1))
        let lines = detail.tabs.indices.contains(view.tab) ? detail.tabs[view.tab].lines : []
        let visible = max(1, body.height)
        let first = Table.scrolledOffset(
            selection: view.selection, offset: view.offset, visibleRows: visible, rowCount: lines.count)
        for (row, index) in (first..<min(lines.count, first + visible)).enumerated() {
            draw(lines[index], selected: index == view.selection, row: row, in: body, theme: theme)
        }
        if first + visible < lines.count {
            body.text(canvas.glyphs.arrowDown, row: body.height - 1, column: body.width - 1, style: theme[.muted])
        }
        if first > 0 {
            body.text(canvas.glyphs.arrowUp, row: 0, column: body.width - 1, style: theme[.muted])
        }
        return (first, visible)
    }

    private static func draw(_ line: DetailLine, selected: Bool, row: Int, in canvas: Canvas, theme: Theme) {
        let marker = selected ? canvas.glyphs.selectionMarker : " "
        // Lines are built without knowing the glyphs: access advisor's recency bars and the
        // ellipses of cut table cells become ASCII here.
        let ascii = canvas.glyphs.ellipsis != "…"
        let source =
            ascii
            ? line.text.replacingOccurrences(of: AccessAdvisorContent.block, with: "#")
                .replacingOccurrences(of: "…", with: canvas.glyphs.ellipsis) : line.text
        let text = truncate(source, toWidth: canvas.width - 3, ellipsis: canvas.glyphs.ellipsis)
        if selected {
            canvas.line(marker + " " + text, row: row, style: theme[.selection])
            return
        }
        let style: Style
        switch line.kind {
        case .text: style = theme[.text]
        case .heading: style = theme[.title]
        case .tableHeader: style = theme[.tableHeader]
        case .muted: style = theme[.muted]
        case .json:
            drawJSON(text, row: row, in: canvas, theme: theme)
            return
        case .highlighted:
            DocumentHighlight.drawMarked(text, row: row, column: 2, in: canvas, theme: theme)
            return
        }
        canvas.text("  " + text, row: row, column: 0, style: style)
    }

    /// Simple JSON colouring: a member's key in the label style, its value in the value style,
    /// brackets and commas plain.
    private static func drawJSON(_ text: String, row: Int, in canvas: Canvas, theme: Theme) {
        canvas.text("  " + text, row: row, column: 0, style: theme[.text])
        let trimmed = text.drop { $0 == " " }
        let indent = 2 + text.count - trimmed.count
        guard trimmed.first == "\"" else {
            if trimmed.first != "{" && trimmed.first != "}" && trimmed.first != "[" && trimmed.first != "]" {
                canvas.text(String(trimmed), row: row, column: indent, style: theme[.value])
            }
            return
        }
        if let colon = trimmed.range(of: "\": ") {
            let key = String(trimmed[..<colon.upperBound].dropLast(2))
            canvas.text(key, row: row, column: indent, style: theme[.label])
            let value = trimmed[colon.upperBound...]
            if let first = value.first, first != "{", first != "[" {
                canvas.text(String(value), row: row, column: indent + displayWidth(key) + 2, style: theme[.value])
            }
        } else {
            canvas.text(String(trimmed), row: row, column: indent, style: theme[.value])
        }
    }
}

/// Draws the Dashboard: account facts, resource counts and the security checklist (↑/↓ choose a
/// check, Enter opens the first entity failing it).
@MainActor
enum DashboardScreen {
    private static let countWidth = 32

    /// Draws the dashboard.
    static func draw(
        _ summary: DashboardSummary, accountId: String, selection: Int, in canvas: Canvas, theme: Theme
    ) {
        canvas.line(" Dashboard", row: 0, style: theme[.title])
        canvas.text(" Account name", row: 1, column: 0, style: theme[.label])
        canvas.text(summary.accountName, row: 1, column: 16, style: theme[.value])
        canvas.text(" Root email", row: 2, column: 0, style: theme[.label])
        canvas.text(summary.rootEmail, row: 2, column: 16, style: theme[.value])
        canvas.text(" IAM resources", row: 4, column: 0, style: theme[.tableHeader])
        let perRow = max(1, (canvas.width - 1) / countWidth)
        for (index, count) in summary.counts.enumerated() {
            let cell = canvas.subcanvas(
                Rect(
                    row: 5 + index / perRow, column: 1 + (index % perRow) * countWidth, width: countWidth - 3, height: 1
                ))
            let value = String(count.value)
            cell.text(
                truncate(count.label, toWidth: cell.width - displayWidth(value) - 1, ellipsis: canvas.glyphs.ellipsis),
                row: 0, column: 0, style: theme[.label])
            cell.text(value, row: 0, column: cell.width - displayWidth(value), style: theme[.value])
        }
        let top = checklistTop(summary, width: canvas.width)
        let passed = summary.checklist.filter(\.passed).count
        canvas.text(
            " Security checklist: \(summary.score)% (\(passed) of \(summary.checklist.count) passed)", row: top,
            column: 0, style: theme[.tableHeader])
        let ascii = canvas.glyphs.ellipsis != "…"
        for (offset, item) in summary.checklist.enumerated() where top + 1 + offset < canvas.height {
            let row = top + 1 + offset
            let isSelected = offset == selection
            let mark = item.passed ? (ascii ? "ok" : "✓ ") : (ascii ? "!!" : "! ")
            var text = item.title
            if !item.failing.isEmpty {
                let names = item.failing.map(\.label)
                text += ": " + DisplayFormat.summary(names, shown: 3)
            }
            if isSelected {
                canvas.fill(Rect(row: row, column: 0, width: canvas.width, height: 1), style: theme[.selection])
            }
            canvas.text(
                (isSelected ? canvas.glyphs.selectionMarker : " ") + mark, row: row, column: 0,
                style: isSelected ? theme[.selection] : (item.passed ? theme[.ok] : theme[.danger]))
            canvas.text(
                truncate(text, toWidth: canvas.width - 5, ellipsis: canvas.glyphs.ellipsis), row: row, column: 4,
                style: isSelected ? theme[.selection] : theme[.text])
        }
        let detailRow = top + 2 + summary.checklist.count
        if summary.checklist.indices.contains(selection), detailRow < canvas.height {
            let item = summary.checklist[selection]
            let hint = item.failing.isEmpty ? "" : " Enter opens \(item.failing[0].label)."
            canvas.text(
                truncate(" " + item.detail + hint, toWidth: canvas.width, ellipsis: canvas.glyphs.ellipsis),
                row: detailRow, column: 0, style: theme[.muted])
        }
    }

    /// The row of the checklist's heading: below the counts, which wrap to the width.
    static func checklistTop(_ summary: DashboardSummary, width: Int) -> Int {
        7 + (summary.counts.count - 1) / max(1, (width - 1) / countWidth)
    }
}
