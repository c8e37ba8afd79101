extension TextEditor {
    /// Draws the editor: gutter and text in all rows but the last, and in the last row the
    /// message of the most serious diagnostic on the cursor's line (or the cursor position).
    /// Returns where the cursor belongs. Only the lines on screen are highlighted and drawn.
    @MainActor
    @discardableResult
    public func draw(in canvas: Canvas, theme: Theme) -> Position? {
        guard canvas.height > 1, canvas.width > gutterWidth else { return nil }
        canvas.fill(style: theme[.text])
        let height = canvas.height - 1
        let textWidth = canvas.width - gutterWidth
        let top = Table.scrolledOffset(
            selection: cursor.line, offset: scrollTop, visibleRows: height, rowCount: lines.count)
        let cursorColumn = displayColumn(line: cursor.line, column: cursor.column)
        var left = max(0, scrollLeft)
        if cursorColumn < left { left = cursorColumn }
        if cursorColumn >= left + textWidth { left = cursorColumn - textWidth + 1 }
        let brackets = matchingBrackets()
        let textArea = canvas.subcanvas(Rect(row: 0, column: gutterWidth, width: textWidth, height: height))
        for row in 0..<min(height, lines.count - top) {
            let index = top + row
            drawGutter(line: index, row: row, in: canvas, theme: theme)
            var marks: [Int] = []
            if let brackets {
                if brackets.0.line == index { marks.append(brackets.0.column) }
                if brackets.1.line == index { marks.append(brackets.1.column) }
            }
            drawLine(index, row: row, left: left, bracketColumns: marks, in: textArea, theme: theme)
        }
        drawBottomRow(row: height, in: canvas, theme: theme)
        let position = Position(
            row: canvas.bounds.row + cursor.line - top,
            column: canvas.bounds.column + gutterWidth + cursorColumn - left)
        if let completion {
            drawCompletion(completion, cursor: position, in: canvas, theme: theme)
        }
        return position
    }

    @MainActor
    private func drawGutter(line: Int, row: Int, in canvas: Canvas, theme: Theme) {
        let glyphs = canvas.glyphs
        let digits = gutterWidth - 2
        let number = pad(String(line + 1), toWidth: digits, alignment: .right)
        canvas.text(number, row: row, column: 1, style: line == cursor.line ? theme[.label] : theme[.muted])
        guard let worst = diagnostics(onLine: line).first else { return }
        let mark: String
        switch worst.severity {
        case .error: mark = glyphs.diagnosticError
        case .warning: mark = glyphs.diagnosticWarning
        case .info: mark = glyphs.diagnosticInfo
        }
        canvas.text(mark, row: row, column: 0, style: worst.severity == .error ? theme[.error] : theme[.title])
    }

    @MainActor
    private func drawLine(
        _ index: Int, row: Int, left: Int, bracketColumns: [Int], in canvas: Canvas, theme: Theme
    ) {
        let characters = Array(lines[index])
        guard !characters.isEmpty else { return }
        var styles = Array(repeating: theme[.text], count: characters.count)
        if let highlighter {
            for span in highlighter(lines[index]) {
                let start = max(0, span.start)
                let end = min(characters.count, span.start + span.length)
                guard start < end else { continue }
                let style = theme[span.role]
                for offset in start..<end { styles[offset] = style }
            }
        }
        for diagnostic in diagnostics where diagnostic.line - 1 == index {
            let start = max(0, diagnostic.column - 1)
            let end = min(characters.count, start + diagnostic.length)
            guard start < end else { continue }
            for offset in start..<end {
                styles[offset].underline = true
                if diagnostic.severity == .error { styles[offset].foreground = theme[.error].foreground }
            }
        }
        for column in bracketColumns where characters.indices.contains(column) {
            styles[column] = theme[.selection]
        }
        var column = 0
        var start = 0
        while start < characters.count {
            var end = start + 1
            while end < characters.count, styles[end] == styles[start] { end += 1 }
            let run = String(characters[start..<end])
            let width = displayWidth(run)
            if column + width > left {
                canvas.text(run, row: row, column: column - left, style: styles[start])
            }
            column += width
            if column - left >= canvas.width { break }
            start = end
        }
    }

    @MainActor
    private func drawBottomRow(row: Int, in canvas: Canvas, theme: Theme) {
        let position = "Ln \(cursor.line + 1), Col \(cursor.column + 1)"
        if let diagnostic = diagnostics(onLine: cursor.line).first {
            let text = "\(diagnostic.line):\(diagnostic.column) \(diagnostic.message)"
            canvas.line(text, row: row, style: diagnostic.severity == .error ? theme[.error] : theme[.message])
        } else {
            canvas.line(position, row: row, style: theme[.muted], alignment: .right)
        }
    }

    @MainActor
    private func drawCompletion(_ popup: Completion, cursor: Position, in canvas: Canvas, theme: Theme) {
        let row = cursor.row - canvas.bounds.row
        let rows = min(popup.candidates.count, 8)
        let width = min(canvas.width, (popup.candidates.map(displayWidth).max() ?? 0) + 4)
        let below = canvas.height - 1 - (row + 1)
        let top = below >= rows + 2 ? row + 1 : max(0, row - rows - 2)
        let column = max(0, min(cursor.column - canvas.bounds.column, canvas.width - width))
        let rect = Rect(row: top, column: column, width: width, height: min(rows + 2, canvas.height))
        canvas.fill(rect, style: theme[.overlay])
        let inside = canvas.box(rect, border: theme[.border])
        let first = Table.scrolledOffset(
            selection: popup.selected, offset: 0, visibleRows: inside.height, rowCount: popup.candidates.count)
        for line in 0..<min(inside.height, popup.candidates.count - first) {
            let index = first + line
            inside.line(
                " " + popup.candidates[index], row: line,
                style: index == popup.selected ? theme[.selection] : theme[.overlay])
        }
    }
}
