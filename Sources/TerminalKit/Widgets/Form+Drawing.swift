extension Form {
    /// Rows a field takes: its own, plus one for its error or hint.
    static func height(of field: FormField) -> Int {
        field.error != nil || field.hint != nil ? 2 : 1
    }

    /// The rows the form needs: fields, a blank row and the buttons.
    public var contentHeight: Int {
        fields.map(Self.height).reduce(0, +) + 2
    }

    /// Draws the form centred in a box titled `title`, `width` cells wide at most, over
    /// whatever is on the canvas; returns where the cursor belongs.
    @MainActor
    @discardableResult
    public func drawBoxed(in canvas: Canvas, theme: Theme, width: Int = 64) -> Position? {
        let rect = DialogChrome.frame(contentWidth: width - 4, contentHeight: contentHeight, in: canvas)
        let inside = DialogChrome.drawFrame(rect, title: title, in: canvas, theme: theme)
        return draw(in: inside, theme: theme)
    }

    /// Draws the form into the whole canvas (scrolled so the focused item shows) and returns
    /// where the cursor belongs, in terminal coordinates, or nil when no text field is focused.
    @MainActor
    @discardableResult
    public func draw(in canvas: Canvas, theme: Theme) -> Position? {
        guard canvas.width > 0, canvas.height > 0 else { return nil }
        canvas.fill(style: theme[.text])
        let labelWidth = min(fields.map { displayWidth($0.label) }.max() ?? 0, max(4, canvas.width / 3))
        let controlColumn = 2 + labelWidth + 1
        var tops: [Int] = []
        var top = 0
        for field in fields {
            tops.append(top)
            top += Self.height(of: field)
        }
        let buttonRow = top + 1
        let focusTop = focus < fields.count ? tops[focus] : buttonRow
        let focusBottom = focus < fields.count ? focusTop + Self.height(of: fields[focus]) : buttonRow + 1
        let scroll = max(0, min(focusTop, focusBottom - canvas.height))
        var cursor: Position?
        for (index, field) in fields.enumerated() {
            let row = tops[index] - scroll
            let focused = index == focus
            if focused { canvas.text(canvas.glyphs.selectionMarker, row: row, column: 0, style: theme[.prompt]) }
            canvas.text(
                truncate(field.label, toWidth: labelWidth, ellipsis: canvas.glyphs.ellipsis), row: row, column: 2,
                style: focused ? theme[.prompt] : theme[.label])
            let fieldCursor = drawControl(
                field, row: row, column: controlColumn, width: canvas.width - controlColumn, focused: focused,
                in: canvas, theme: theme)
            if focused, row >= 0, row < canvas.height { cursor = fieldCursor }
            if let note = field.error ?? field.hint {
                canvas.text(
                    truncate(note, toWidth: canvas.width - controlColumn, ellipsis: canvas.glyphs.ellipsis),
                    row: row + 1, column: controlColumn, style: field.error != nil ? theme[.error] : theme[.muted])
            }
        }
        let focusedButton = focus >= fields.count ? focus - fields.count : nil
        DialogChrome.drawButtons(
            [submitTitle, cancelTitle], focused: focusedButton, row: buttonRow - scroll, in: canvas, theme: theme)
        if fields.indices.contains(focus), case .choice(let options, _, true, let highlighted) = fields[focus].control {
            drawChoiceList(
                options, highlighted: highlighted, row: tops[focus] - scroll + 1, column: controlColumn, in: canvas,
                theme: theme)
            return nil
        }
        return cursor
    }

    @MainActor
    private func drawControl(
        _ field: FormField, row: Int, column: Int, width: Int, focused: Bool, in canvas: Canvas, theme: Theme
    ) -> Position? {
        guard width > 0 else { return nil }
        var inputStyle = focused ? theme[.selection] : theme[.value]
        inputStyle.underline = true
        switch field.control {
        case .text(let input):
            return input.draw(in: canvas, row: row, column: column, width: width, style: inputStyle)
        case .password(let input, let revealed):
            let mask = revealed ? nil : canvas.glyphs.passwordMask
            return input.draw(in: canvas, row: row, column: column, width: width, style: inputStyle, mask: mask)
        case .number(let input, let range):
            let digits = max(String(range.lowerBound).count, String(range.upperBound).count)
            return input.draw(in: canvas, row: row, column: column, width: min(width, digits + 1), style: inputStyle)
        case .checkbox(let isOn):
            canvas.text(
                isOn ? "[x]" : "[ ]", row: row, column: column, style: focused ? theme[.selection] : theme[.value])
            return focused ? Position(row: canvas.bounds.row + row, column: canvas.bounds.column + column + 1) : nil
        case .choice(let options, let selected, _, _):
            let value = options.indices.contains(selected) ? options[selected] : ""
            let glyphs = canvas.glyphs
            let text = glyphs.choiceLeft + " " + value + " " + glyphs.choiceRight
            canvas.text(
                truncate(text, toWidth: width, ellipsis: glyphs.ellipsis), row: row, column: column,
                style: focused ? theme[.selection] : theme[.value])
            return nil
        }
    }

    @MainActor
    private func drawChoiceList(
        _ options: [String], highlighted: Int, row: Int, column: Int, in canvas: Canvas, theme: Theme
    ) {
        let width = min(canvas.width - column, (options.map(displayWidth).max() ?? 0) + 4)
        let height = min(options.count + 2, max(0, canvas.height - row))
        guard width >= 4, height >= 3 else { return }
        let rect = Rect(row: row, column: column, width: width, height: height)
        canvas.fill(rect, style: theme[.text])
        let inside = canvas.box(rect, border: theme[.border])
        let first = Table.scrolledOffset(
            selection: highlighted, offset: 0, visibleRows: inside.height, rowCount: options.count)
        for line in 0..<min(inside.height, options.count - first) {
            let index = first + line
            inside.line(
                " " + options[index], row: line, style: index == highlighted ? theme[.selection] : theme[.text])
        }
    }
}
