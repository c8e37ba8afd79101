import IAMPolicy
import TerminalKit

extension PolicyEditorState {
    /// Key hints for the bottom row, by mode.
    public var hints: [HelpEntry] {
        switch mode {
        case .editing:
            return [
                HelpEntry(keys: "^S", description: "save"), HelpEntry(keys: "Esc", description: "cancel"),
                HelpEntry(keys: "F2", description: "findings"), HelpEntry(keys: "Tab", description: "complete"),
                HelpEntry(keys: "^Z", description: "undo"), HelpEntry(keys: "^Y", description: "redo"),
            ]
        case .findings:
            return [
                HelpEntry(keys: "↑↓", description: "select"), HelpEntry(keys: "Enter", description: "jump"),
                HelpEntry(keys: "Esc", description: "close"),
            ]
        case .diff:
            return [
                HelpEntry(keys: "Enter", description: "save"), HelpEntry(keys: "Esc", description: "back"),
                HelpEntry(keys: "↑↓ PgUp PgDn", description: "scroll"),
            ]
        case .chooseVersion:
            return [
                HelpEntry(keys: "↑↓", description: "select"), HelpEntry(keys: "Enter", description: "delete and save"),
                HelpEntry(keys: "Esc", description: "back"),
            ]
        case .confirmDiscard:
            return [
                HelpEntry(keys: "Enter", description: "choose"), HelpEntry(keys: "Esc", description: "keep editing"),
            ]
        }
    }

    /// The status row: position, modified marker and finding counts (stale counts marked `…`).
    public var statusText: String {
        let position = "Ln \(editor.cursor.line + 1), Col \(editor.cursor.column + 1)"
        let counts = diagnostics.summary + (diagnostics.isStale ? " …" : "")
        var parts = [position, isModified ? "modified" : "unmodified", counts]
        if let notice { parts.append(notice) }
        return " " + parts.joined(separator: " · ")
    }

    /// How many rows the findings panel takes in a canvas `height` rows high (0 when hidden).
    func findingsPanelHeight(canvasHeight height: Int) -> Int {
        guard showsFindings else { return 0 }
        return min(max(3, findings.count + 2), 9, max(0, height - 6))
    }

    /// Draws the editor over the whole canvas and returns where the terminal cursor belongs.
    @MainActor
    @discardableResult
    public func draw(in canvas: Canvas, theme: Theme) -> Position? {
        canvas.fill(style: theme[.text])
        guard canvas.height >= 6, canvas.width >= 20 else {
            canvas.line("Window too small for the editor", row: 0, style: theme[.error])
            return nil
        }
        let title = " " + target.title + (isModified ? " [+]" : "")
        canvas.line(title, row: 0, style: theme[.header])
        let panel = findingsPanelHeight(canvasHeight: canvas.height)
        let editorHeight = canvas.height - 3 - panel
        let editorCanvas = canvas.subcanvas(Rect(row: 1, column: 0, width: canvas.width, height: editorHeight))
        let cursor = editor.draw(in: editorCanvas, theme: theme)
        if panel > 0 {
            drawFindings(
                in: canvas.subcanvas(Rect(row: 1 + editorHeight, column: 0, width: canvas.width, height: panel)),
                theme: theme)
        }
        canvas.line(statusText, row: canvas.height - 2, style: theme[.status])
        StatusLine.draw(
            hints: hints, row: canvas.height - 1, in: canvas, style: theme[.status], keyStyle: theme[.statusKey])
        switch mode {
        case .diff:
            drawDiff(in: canvas, theme: theme)
            return nil
        case .chooseVersion:
            drawChooser(in: canvas, theme: theme)
            return nil
        case .confirmDiscard:
            discardDialog.draw(in: canvas, theme: theme)
            return nil
        case .findings:
            return nil
        case .editing:
            return cursor
        }
    }

    @MainActor
    private func drawFindings(in canvas: Canvas, theme: Theme) {
        let border = mode == .findings ? theme[.accent] : theme[.border]
        let inside = canvas.box(canvas.area, title: "Findings: \(diagnostics.summary)", border: border)
        guard inside.height > 0 else { return }
        if findings.isEmpty {
            inside.line(" No findings", row: 0, style: theme[.muted])
            return
        }
        let first = Table.scrolledOffset(
            selection: selectedFinding, offset: 0, visibleRows: inside.height, rowCount: findings.count)
        for row in 0..<min(inside.height, findings.count - first) {
            let index = first + row
            let finding = findings[index]
            let text =
                " \(pad(finding.findingType.word.uppercased(), toWidth: 16, alignment: .left)) "
                + "\(finding.location.line):\(finding.location.column)  \(finding.findingDetails) (\(finding.issueCode))"
            let selected = mode == .findings && index == selectedFinding
            inside.line(
                text, row: row,
                style: selected ? theme[.selection] : theme[PolicyLiveDiagnostics.role(finding.findingType)])
        }
    }

    @MainActor
    private func drawDiff(in canvas: Canvas, theme: Theme) {
        let rect = Rect(row: 1, column: 2, width: canvas.width - 4, height: canvas.height - 3)
        canvas.fill(rect, style: theme[.overlay])
        let inside = canvas.box(
            rect, title: "Save: diff against \(baseName) — Enter saves, Esc returns", border: theme[.accent])
        for row in 0..<max(0, min(inside.height, diffLines.count - diffScroll)) {
            let line = diffLines[diffScroll + row]
            let role: Theme.Role
            if line.hasPrefix("+++") || line.hasPrefix("---") {
                role = .title
            } else if line.hasPrefix("@@") {
                role = .accent
            } else if line.hasPrefix("+") {
                role = .ok
            } else if line.hasPrefix("-") {
                role = .danger
            } else {
                role = .overlay
            }
            inside.line(line, row: row, style: theme[role])
        }
    }

    @MainActor
    private func drawChooser(in canvas: Canvas, theme: Theme) {
        let choices = target.deletableVersions
        let width = min(canvas.width - 4, 64)
        let height = min(canvas.height - 2, choices.count + 4)
        let rect = Rect(
            row: max(0, (canvas.height - height) / 2), column: max(0, (canvas.width - width) / 2), width: width,
            height: height)
        canvas.fill(rect, style: theme[.overlay])
        let inside = canvas.box(rect, title: "Choose a version to delete", border: theme[.error])
        inside.line(
            "This policy has \(PolicyEditTarget.maximumVersions) versions, the most AWS keeps.", row: 0,
            style: theme[.overlay])
        inside.line("Delete (oldest first):", row: 1, style: theme[.overlay])
        for (index, version) in choices.enumerated() where index + 2 < inside.height {
            let text = " \(version.id)  created \(DisplayFormat.dateTime(version.createDate))"
            inside.line(
                text, row: index + 2, style: index == selectedVersion ? theme[.selection] : theme[.overlay])
        }
    }
}
