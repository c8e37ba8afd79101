import TerminalKit

/// Draws one frame of the console: the header, the frame whose top border carries the
/// breadcrumbs, the sidebar, the current view, the message or prompt line and the key hints.
/// A pure function of the state, so tests render it into a `MemoryTerminal` and compare text.
@MainActor
enum ConsoleScreen {
    /// What the loop keeps from a frame.
    struct Frame: Equatable {
        /// The top view's first visible row.
        var offset: Int
        /// Rows the main view shows at once (the page size for PgUp/PgDn).
        var visibleRows: Int
        /// Where the cursor belongs (a prompt), or nil to hide it.
        var cursor: Position?
        /// Where the rows are on screen, for mouse clicks.
        var layout: ScreenLayout?
        /// The help overlay's first line as drawn (its offset clamped to the lines there are).
        var helpOffset: Int?
    }

    static let minimumSize = TooSmallScreen.defaultMinimum
    /// Width of the sidebar including its right separator.
    static let sidebarWidth = 21

    static func render(_ state: BrowserState, in canvas: Canvas, theme: Theme) -> Frame {
        canvas.fill(style: theme[.text])
        let size = TerminalSize(width: canvas.width, height: canvas.height)
        guard size.fits(minimumSize) else {
            TooSmallScreen.draw(in: canvas, minimum: minimumSize, style: theme[.error])
            var cursor: Position?
            if case .command(let palette) = state.mode, canvas.height > 0 {
                cursor = palette.draw(in: canvas, theme: theme)
            }
            return Frame(offset: state.top.offset, visibleRows: 1, cursor: cursor)
        }
        drawHeader(state, in: canvas, theme: theme)
        switch state.modal {
        case .signIn(let form)?, .mfa(let form, _)?, .changePassword(let form, _)?:
            return drawSignIn(form, state: state, in: canvas, theme: theme)
        case .message(let dialog, .signIn(let form)?)?, .message(let dialog, .mfa(let form, _)?)?,
            .message(let dialog, .changePassword(let form, _)?)?:
            _ = drawSignIn(form, state: state, in: canvas, theme: theme)
            dialog.draw(in: canvas, theme: theme)
            return Frame(offset: state.top.offset, visibleRows: 1, cursor: nil)
        default:
            break
        }
        let interior = canvas.box(
            Rect(row: 1, column: 0, width: canvas.width, height: canvas.height - 3),
            title: breadcrumbs(state, glyphs: canvas.glyphs), border: theme[.border], titleStyle: theme[.title])
        var main = interior
        if state.showsSidebar(width: canvas.width) {
            drawSidebar(
                state,
                in: interior.subcanvas(Rect(row: 0, column: 0, width: sidebarWidth - 1, height: interior.height)),
                theme: theme)
            for row in 0..<interior.height {
                interior.text(canvas.glyphs.vertical, row: row, column: sidebarWidth - 1, style: theme[.border])
            }
            main = interior.subcanvas(
                Rect(row: 0, column: sidebarWidth, width: interior.width - sidebarWidth, height: interior.height))
        }
        let (offset, visible) = drawMain(state, in: main, theme: theme)
        let layout = ScreenLayout(
            sidebar: state.showsSidebar(width: canvas.width) ? 1..<sidebarWidth : nil, sidebarTop: 2,
            mainColumn: 1 + (state.showsSidebar(width: canvas.width) ? sidebarWidth : 0),
            rowsTop: 2 + firstRow(state, mainHeight: main.height, mainWidth: main.width), visibleRows: visible,
            offset: offset)
        let cursor = drawBottomLines(state, in: canvas, theme: theme)
        var helpOffset: Int?
        if case .help(let offset) = state.mode {
            helpOffset = drawHelp(state, offset: offset, in: canvas, theme: theme)
        }
        if let modal = state.modal {
            return Frame(
                offset: offset, visibleRows: visible, cursor: drawModal(modal, in: canvas, theme: theme), layout: layout
            )
        }
        return Frame(
            offset: offset, visibleRows: visible, cursor: helpOffset == nil ? cursor : nil, layout: layout,
            helpOffset: helpOffset)
    }

    /// The main view's row (from its top) where the first selectable row is drawn.
    private static func firstRow(_ state: BrowserState, mainHeight: Int, mainWidth: Int) -> Int {
        let view = state.top
        if view.route == .section(.dashboard), let index = state.index {
            return DashboardScreen.checklistTop(index.dashboard, width: mainWidth) + 1
        }
        if let detail = view.detail { return min(detail.summary.count, max(0, mainHeight - 5)) + 3 }
        if view.route == .section(.simulator) { return SimulatorScreen.firstRow(state.simulator) }
        return 2
    }

    /// `Users › alice › Permissions`: the stack's views, then the selected tab.
    static func breadcrumbs(_ state: BrowserState, glyphs: Glyphs) -> String {
        let separator = glyphs.ellipsis == "…" ? " › " : " > "
        var parts: [String] = []
        for view in state.stack {
            switch view.route {
            case .section(let section): parts.append(section.title)
            default:
                if parts.isEmpty { parts.append(view.route.section.title) }
                parts.append(view.detail?.name ?? "")
            }
        }
        if let detail = state.top.detail, detail.tabs.indices.contains(state.top.tab) {
            parts.append(detail.tabs[state.top.tab].title)
        }
        return parts.joined(separator: separator)
    }

    private static func drawHeader(_ state: BrowserState, in canvas: Canvas, theme: Theme) {
        let separator = " \(canvas.glyphs.separator) "
        guard let index = state.index else {
            canvas.line(" Account not loaded", row: 0, style: theme[.header])
            return
        }
        let alias = index.account.alias.map { " (\($0))" } ?? ""
        var principal = state.session.map(\.description) ?? "not signed in"
        if let original = state.originalSession {
            principal += " (from \(original.principal.description)"
            if let until = state.consoleSession?.expiresAt {
                principal += " until " + String(DisplayFormat.dateTime(until).dropFirst(11))
            }
            principal += ")"
        }
        let head = " Account \(index.account.id)\(alias)\(separator)Principal \(principal)"
        let tail = separator + state.loadState + " "
        let label = separator + "Workspace "
        let room = canvas.width - displayWidth(head) - displayWidth(tail) - displayWidth(label)
        var header = head
        if room >= 8 {
            header += label + truncateLeading(index.workspacePath, toWidth: room, ellipsis: canvas.glyphs.ellipsis)
        }
        let headRoom = canvas.width - displayWidth(tail)
        header = pad(truncate(header, toWidth: headRoom, ellipsis: canvas.glyphs.ellipsis), toWidth: headRoom) + tail
        canvas.line(header, row: 0, style: theme[.header])
    }

    private static func drawSidebar(_ state: BrowserState, in canvas: Canvas, theme: Theme) {
        let current = state.top.route.section
        for section in Section.allCases where section.rawValue < canvas.height {
            let isCursor = state.focus == .sidebar && section == state.sidebarCursor
            let marker = section == current ? canvas.glyphs.selectionMarker : " "
            let style = isCursor ? theme[.selection] : (section == current ? theme[.value] : theme[.text])
            canvas.line(marker + " " + section.title, row: section.rawValue, style: style)
        }
    }

    private static func drawMain(_ state: BrowserState, in canvas: Canvas, theme: Theme) -> (Int, Int) {
        guard let index = state.index else {
            canvas.text(" No account data: the workspace could not be read.", row: 0, column: 0, style: theme[.muted])
            return (0, 1)
        }
        let view = state.top
        if let denied = view.denied {
            drawDenied(denied, route: view.route, in: canvas, theme: theme)
            return (0, 1)
        }
        if let detail = view.detail {
            return DetailScreen.draw(view, detail: detail, in: canvas, theme: theme)
        }
        guard case .section(let section) = view.route else { return (0, 1) }
        if section.isList {
            var filtering = false
            if case .filter = state.mode { filtering = true }
            return ListScreen.draw(
                view, section: section, list: index.list(for: section), filtering: filtering,
                hidden: state.hiddenColumns[section] ?? [], in: canvas, theme: theme)
        }
        if section == .dashboard {
            DashboardScreen.draw(
                index.dashboard, accountId: index.account.id, selection: view.selection, in: canvas, theme: theme)
            return (0, max(1, index.dashboard.checklist.count))
        } else if section == .simulator {
            return SimulatorScreen.draw(state.simulator, view: view, in: canvas, theme: theme)
        }
        return (0, 1)
    }

    /// A view the principal may not read: its title and AWS's message, as the IAM console shows
    /// a refused List or Get call in place of the table.
    private static func drawDenied(_ message: String, route: Route, in canvas: Canvas, theme: Theme) {
        let title: String
        switch route {
        case .section(let section): title = section.title
        default: title = route.section.title
        }
        canvas.line(" " + title, row: 0, style: theme[.title])
        canvas.text(" You don't have permission to view this.", row: 2, column: 0, style: theme[.error])
        var row = 3
        for line in wrap(message, width: canvas.width - 2) where row < canvas.height {
            canvas.text(" " + line, row: row, column: 0, style: theme[.text])
            row += 1
        }
    }

    /// Splits `text` into lines of at most `width` cells at spaces.
    nonisolated static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, displayWidth(line) + 1 + displayWidth(String(word)) > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private static func drawBottomLines(_ state: BrowserState, in canvas: Canvas, theme: Theme) -> Position? {
        let messageRow = canvas.height - 2
        var cursor: Position?
        switch state.mode {
        case .command(let palette):
            cursor = palette.draw(
                in: canvas.subcanvas(Rect(row: 0, column: 0, width: canvas.width, height: messageRow + 1)), theme: theme
            )
        case .filter(let editor):
            cursor = editor.draw(prompt: "/", row: messageRow, in: canvas, style: theme[.prompt])
        default:
            if let message = state.message {
                canvas.line(
                    " " + message.text, row: messageRow, style: message.isError ? theme[.error] : theme[.message])
            }
        }
        StatusLine.draw(
            hints: BrowserKeys.hints(glyphs: canvas.glyphs, overrides: state.keyOverrides), row: canvas.height - 1,
            in: canvas,
            style: theme[.status], keyStyle: theme[.statusKey])
        return cursor
    }

    private static func drawHelp(_ state: BrowserState, offset: Int, in canvas: Canvas, theme: Theme) -> Int {
        HelpOverlay.draw(
            sections: [
                BrowserKeys.keyMap(glyphs: canvas.glyphs, overrides: state.keyOverrides).helpEntries,
                BrowserCommand.helpEntries,
            ],
            title: "Help: keys and commands",
            footer: "\(canvas.glyphs.arrowUp)\(canvas.glyphs.arrowDown) PgUp PgDn scroll; any other key closes",
            in: canvas,
            border: theme[.border], text: theme[.overlay], keyStyle: theme[.title], offset: offset)
    }

    /// Draws a form or dialog over the screen; returns where the cursor belongs.
    static func drawModal(_ modal: Modal, in canvas: Canvas, theme: Theme) -> Position? {
        switch modal {
        case .signIn(let form), .form(let form, _), .mfa(let form, _), .changePassword(let form, _):
            return form.drawBoxed(in: canvas, theme: theme, width: min(76, canvas.width))
        case .typeToConfirm(let dialog, _):
            return dialog.draw(in: canvas, theme: theme)
        case .confirm(let dialog, _):
            dialog.draw(in: canvas, theme: theme)
        case .message(let dialog, let then):
            if let then { _ = drawModal(then, in: canvas, theme: theme) }
            dialog.draw(in: canvas, theme: theme)
        case .policyEditor(let editor):
            return editor.draw(in: canvas, theme: theme)
        case .accessKeySecret(let dialog):
            dialog.draw(in: canvas, theme: theme)
        case .mfaEnrolment(let enrolment):
            return enrolment.draw(in: canvas, theme: theme)
        }
        return nil
    }

    /// The sign-in screen under the header: the form, the demo credentials and the key hints.
    private static func drawSignIn(_ form: Form, state: BrowserState, in canvas: Canvas, theme: Theme) -> Frame {
        let account = state.index?.account
        let title = account.map { "Sign in to account \($0.id)" + ($0.alias.map { " (\($0))" } ?? "") } ?? "Sign in"
        let body = canvas.box(
            Rect(row: 1, column: 0, width: canvas.width, height: canvas.height - 3), title: title,
            border: theme[.border], titleStyle: theme[.title])
        let cursor = SignIn.draw(form, account: account, in: body, theme: theme)
        if let message = state.message {
            canvas.line(
                " " + message.text, row: canvas.height - 2, style: message.isError ? theme[.error] : theme[.message])
        }
        StatusLine.draw(
            hints: [
                HelpEntry(keys: "Tab", description: "next field"),
                HelpEntry(
                    keys: KeyNotation.label(.key(.left), glyphs: canvas.glyphs) + "/"
                        + KeyNotation.label(.key(.right), glyphs: canvas.glyphs), description: "root/IAM user"),
                HelpEntry(keys: "Enter", description: "next / sign in"),
                HelpEntry(keys: "Ctrl-S", description: "sign in"),
                HelpEntry(keys: "Ctrl-C", description: "quit"),
            ], row: canvas.height - 1, in: canvas, style: theme[.status], keyStyle: theme[.statusKey])
        if case .command(let palette) = state.mode {
            let area = canvas.subcanvas(Rect(row: 0, column: 0, width: canvas.width, height: canvas.height - 1))
            return Frame(offset: state.top.offset, visibleRows: 1, cursor: palette.draw(in: area, theme: theme))
        }
        return Frame(offset: state.top.offset, visibleRows: 1, cursor: cursor)
    }
}
