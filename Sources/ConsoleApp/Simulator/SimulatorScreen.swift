import TerminalKit

/// Draws the Policy simulator: the inputs, one row per action and resource with its decision,
/// and the document of the policy that decided the selected row with the deciding statement
/// highlighted, as AWS's simulator does.
@MainActor
enum SimulatorScreen {
    private static let labelWidth = 12

    /// Draws the view; returns the results' first visible row and how many rows show at once.
    static func draw(_ simulator: SimulatorView, view: ViewState, in canvas: Canvas, theme: Theme) -> (Int, Int) {
        canvas.line(" Policy simulator", row: 0, style: theme[.title])
        let input = simulator.input
        var fields = [
            ("Principal", input.principal.isEmpty ? "(not chosen)" : input.principal),
            ("Actions", PolicySimulation.items(input.actions).joined(separator: ", ")),
            ("Resources", input.resources.isEmpty ? "*" : input.resources),
        ]
        if !input.context.isEmpty { fields.append(("Context", input.context)) }
        for (offset, field) in fields.enumerated() {
            canvas.text(" " + field.0, row: 1 + offset, column: 0, style: theme[.label])
            canvas.text(
                truncate(field.1, toWidth: canvas.width - labelWidth - 1, ellipsis: canvas.glyphs.ellipsis),
                row: 1 + offset, column: labelWidth, style: theme[.value])
        }
        let top = 2 + fields.count
        guard simulator.hasRun else {
            paragraph(
                "Press Enter or e to choose a user, group or role, the actions and resources to test, and the "
                    + "request context; the simulator evaluates them with the principal's policies, its groups' "
                    + "policies and its permissions boundary, as AWS's policy simulator does.",
                from: top, in: canvas, style: theme[.muted])
            return (0, 1)
        }
        if let failure = simulator.failure {
            paragraph(
                "\(failure.code ?? "Error"): \(failure.message)", from: top, in: canvas, style: theme[.error])
            return (0, 1)
        }
        let remaining = canvas.height - top
        let tableHeight = min(simulator.results.count + 1, max(4, remaining * 2 / 5))
        let visible = max(1, tableHeight - 1)
        let first = Table.scrolledOffset(
            selection: view.selection, offset: view.offset, visibleRows: visible, rowCount: simulator.results.count)
        let table = canvas.subcanvas(Rect(row: top, column: 0, width: canvas.width, height: tableHeight))
        drawResults(simulator.results, first: first, selection: view.selection, in: table, theme: theme)
        let documentTop = top + tableHeight + 1
        if simulator.results.indices.contains(view.selection), documentTop < canvas.height {
            let pane = canvas.subcanvas(
                Rect(row: documentTop, column: 0, width: canvas.width, height: canvas.height - documentTop))
            drawDecision(simulator.results[view.selection], statement: simulator.statement, in: pane, theme: theme)
        }
        return (first, visible)
    }

    /// The row (from the view's top) of the first result.
    static func firstRow(_ simulator: SimulatorView) -> Int {
        // The title, three or four input lines, a blank line, then the table's header.
        3 + (simulator.input.context.isEmpty ? 3 : 4)
    }

    /// How a decision reads in the table, in the words of AWS's simulator.
    static func decisionText(_ decision: String) -> String {
        switch decision {
        case "allowed": return "allowed"
        case "explicitDeny": return "denied"
        default: return "implicitly denied"
        }
    }

    private static func drawResults(
        _ results: [SimulatedDecision], first: Int, selection: Int, in canvas: Canvas, theme: Theme
    ) {
        let decisionWidth = 18
        let actionWidth = max(12, min(32, (canvas.width - decisionWidth) / 3))
        // Resources take what their longest needs, up to half of what is left; the statement gets the rest.
        let rest = max(20, canvas.width - 6 - actionWidth - decisionWidth)
        let longest = results.map { displayWidth($0.resource) }.max() ?? 8
        let resourceWidth = min(max(8, longest), rest / 2)
        let statementWidth = rest - resourceWidth
        let columns = [
            (2, actionWidth), (3 + actionWidth, resourceWidth), (4 + actionWidth + resourceWidth, decisionWidth),
            (5 + actionWidth + resourceWidth + decisionWidth, statementWidth),
        ]
        func cells(_ values: [String], row: Int, style: Style, decisionStyle: Style) {
            for (index, (column, width)) in columns.enumerated() {
                canvas.text(
                    fit(values[index], toWidth: width, ellipsis: canvas.glyphs.ellipsis), row: row, column: column,
                    style: index == 2 ? decisionStyle : style)
            }
        }
        canvas.fill(Rect(row: 0, column: 0, width: canvas.width, height: 1), style: theme[.tableHeader])
        cells(
            ["Action", "Resource", "Decision", "Deciding statement"], row: 0, style: theme[.tableHeader],
            decisionStyle: theme[.tableHeader])
        for (line, index) in (first..<min(results.count, first + canvas.height - 1)).enumerated() {
            let result = results[index]
            let isSelected = index == selection
            let style = isSelected ? theme[.selection] : theme[.text]
            if isSelected {
                canvas.fill(Rect(row: line + 1, column: 0, width: canvas.width, height: 1), style: style)
                canvas.text(canvas.glyphs.selectionMarker, row: line + 1, column: 0, style: style)
            }
            let decisionStyle =
                isSelected
                ? style
                : theme[result.decision == "allowed" ? .ok : result.decision == "explicitDeny" ? .danger : .warning]
            let deciding =
                result.statements.first.map {
                    $0.policy + (result.statements.count > 1 ? " +\(result.statements.count - 1)" : "")
                } ?? "none"
            cells(
                [result.action, result.resource, decisionText(result.decision), deciding], row: line + 1, style: style,
                decisionStyle: decisionStyle)
        }
        if first + canvas.height - 1 < results.count {
            canvas.text(canvas.glyphs.arrowDown, row: canvas.height - 1, column: canvas.width - 1, style: theme[.muted])
        }
    }

    /// The selected result's explanation and the deciding policy's document, scrolled to the statement.
    private static func drawDecision(_ result: SimulatedDecision, statement: Int, in canvas: Canvas, theme: Theme) {
        var notes: [String] = []
        if result.allowedByBoundary == false { notes.append("The permissions boundary does not allow this action.") }
        if !result.missingContext.isEmpty {
            notes.append("Missing context values: " + result.missingContext.joined(separator: ", "))
        }
        guard result.statements.indices.contains(statement) else {
            let reason =
                result.decision == "implicitDeny"
                ? "No statement allows \(result.action) on \(result.resource): it is implicitly denied."
                : "No statement to show."
            paragraph(([reason] + notes).joined(separator: " "), from: 0, in: canvas, style: theme[.muted])
            return
        }
        let deciding = result.statements[statement]
        let position =
            result.statements.count > 1 ? " (\(statement + 1) of \(result.statements.count); Tab for the next)" : ""
        canvas.line(
            " \(deciding.policy), \(deciding.label), lines \(deciding.firstLine + 1)-\(deciding.lastLine + 1)"
                + position, row: 0, style: theme[.title])
        var row = 1
        for note in notes where row < canvas.height {
            canvas.line(" " + note, row: row, style: theme[.warning])
            row += 1
        }
        let body = canvas.subcanvas(Rect(row: row, column: 0, width: canvas.width, height: canvas.height - row))
        drawDocument(deciding, in: body, theme: theme)
    }

    /// The document with line numbers; the statement's lines are marked and drawn in the selection style.
    private static func drawDocument(_ deciding: DecidingStatement, in canvas: Canvas, theme: Theme) {
        guard canvas.height > 0 else { return }
        let span = deciding.lastLine - deciding.firstLine + 1
        // Show the whole statement when it fits, with a line of context above it.
        var first = max(0, deciding.firstLine - 1)
        if span + 1 > canvas.height { first = deciding.firstLine }
        first = min(first, max(0, deciding.lines.count - canvas.height))
        let numberWidth = String(deciding.lines.count).count
        for (row, index) in (first..<min(deciding.lines.count, first + canvas.height)).enumerated() {
            let number = String(repeating: " ", count: numberWidth - String(index + 1).count) + String(index + 1)
            let highlighted = (deciding.firstLine...deciding.lastLine).contains(index)
            canvas.text(number, row: row, column: 1, style: theme[.muted])
            let column = numberWidth + 2
            let text = truncate(deciding.lines[index], toWidth: canvas.width - column, ellipsis: canvas.glyphs.ellipsis)
            if highlighted {
                DocumentHighlight.drawMarked(text, row: row, column: column, in: canvas, theme: theme)
            } else {
                canvas.text(text, row: row, column: column, style: theme[.text])
                let characters = Array(text)
                for span in JSONHighlighter.highlight(text) {
                    guard span.start < characters.count else { continue }
                    let piece = String(characters[span.start..<min(characters.count, span.start + span.length)])
                    let offset = displayWidth(String(characters[..<span.start]))
                    canvas.text(piece, row: row, column: column + offset, style: theme[span.role])
                }
            }
        }
    }

    private static func paragraph(_ text: String, from row: Int, in canvas: Canvas, style: Style) {
        for (offset, line) in ConsoleScreen.wrap(text, width: canvas.width - 2).enumerated() {
            canvas.text(" " + line, row: row + offset, column: 0, style: style)
        }
    }
}
