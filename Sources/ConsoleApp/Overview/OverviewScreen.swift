import TerminalKit

/// Draws the account overview: a header, the account summary, the users table, a message or
/// command line and the key hints. A pure function of its inputs, so tests render it into a
/// `MemoryTerminal` and compare text.
@MainActor
enum OverviewScreen {
    /// What the loop keeps from a frame.
    struct Frame: Equatable {
        /// The users table's first visible row.
        var userOffset: Int
        /// Rows the users table shows at once (the page size for PgUp/PgDn).
        var visibleUserRows: Int
        /// Where the cursor belongs (the command prompt), or nil to hide it.
        var cursor: Position?
    }

    static let minimumSize = TooSmallScreen.defaultMinimum
    private static let labelWidth = 14
    private static let countCellWidth = 22

    static func render(_ state: OverviewState, in canvas: Canvas, theme: Theme) -> Frame {
        canvas.fill(style: theme[.text])
        let size = TerminalSize(width: canvas.width, height: canvas.height)
        guard size.fits(minimumSize) else {
            TooSmallScreen.draw(in: canvas, minimum: minimumSize, style: theme[.error])
            var cursor: Position?
            if case .command(let editor) = state.mode, canvas.height > 0 {
                cursor = editor.draw(prompt: ":", row: canvas.height - 1, in: canvas, style: theme[.prompt])
            }
            return Frame(userOffset: state.userOffset, visibleUserRows: 1, cursor: cursor)
        }
        drawHeader(state.overview, in: canvas, theme: theme)
        let summaryHeight = drawSummary(state.overview, in: canvas, theme: theme)
        let usersTop = 1 + summaryHeight
        let usersBox = Rect(row: usersTop, column: 0, width: canvas.width, height: canvas.height - 2 - usersTop)
        let (offset, visible) = drawUsers(state, box: usersBox, in: canvas, theme: theme)
        let cursor = drawBottomLines(state, in: canvas, theme: theme)
        if state.mode == .help {
            drawHelp(in: canvas, theme: theme)
        }
        return Frame(userOffset: offset, visibleUserRows: visible, cursor: state.mode == .help ? nil : cursor)
    }

    private static func drawHeader(_ overview: AccountOverview?, in canvas: Canvas, theme: Theme) {
        let glyphs = canvas.glyphs
        let separator = " \(glyphs.separator) "
        guard let overview else {
            canvas.line(" Account not loaded", row: 0, style: theme[.header])
            return
        }
        let alias = overview.accountAlias.map { " (\($0))" } ?? ""
        var header = " Account \(overview.accountId)\(alias)\(separator)Principal \(overview.principal)"
        let label = separator + "Workspace "
        let brand = "iamconsole "
        var room = canvas.width - displayWidth(header) - displayWidth(label)
        let showBrand = room - displayWidth(overview.workspacePath) >= displayWidth(brand) + 2
        if showBrand { room -= displayWidth(brand) + 2 }
        if room >= 8 {
            header += label + truncateLeading(overview.workspacePath, toWidth: room, ellipsis: glyphs.ellipsis)
        }
        if showBrand {
            header = pad(header, toWidth: canvas.width - displayWidth(brand)) + brand
        }
        canvas.line(header, row: 0, style: theme[.header])
    }

    /// Draws the summary box below the header and returns its height.
    private static func drawSummary(_ overview: AccountOverview?, in canvas: Canvas, theme: Theme) -> Int {
        let inner = canvas.width - 4
        let perRow = max(1, inner / countCellWidth)
        let counts = overview?.counts ?? []
        let countRows = min(3, (counts.count + perRow - 1) / perRow)
        let height = 4 + countRows
        let box = canvas.box(
            Rect(row: 1, column: 0, width: canvas.width, height: height), title: "Account",
            border: theme[.border], titleStyle: theme[.title])
        let body = box.subcanvas(Rect(row: 0, column: 1, width: box.width - 2, height: box.height))
        guard let overview else {
            body.text("No account data: the workspace could not be read.", row: 0, column: 0, style: theme[.muted])
            return height
        }
        field("Account name", overview.accountName, row: 0, in: body, theme: theme)
        field("Root email", overview.rootEmail, row: 1, in: body, theme: theme)
        for (index, count) in counts.prefix(perRow * countRows).enumerated() {
            let cell = body.subcanvas(
                Rect(
                    row: 2 + index / perRow, column: (index % perRow) * countCellWidth, width: countCellWidth - 2,
                    height: 1))
            let value = String(count.value)
            cell.text(
                truncate(count.label, toWidth: cell.width - displayWidth(value) - 1, ellipsis: canvas.glyphs.ellipsis),
                row: 0, column: 0, style: theme[.label])
            cell.text(value, row: 0, column: cell.width - displayWidth(value), style: theme[.value])
        }
        return height
    }

    private static func field(_ label: String, _ value: String, row: Int, in canvas: Canvas, theme: Theme) {
        canvas.text(label, row: row, column: 0, style: theme[.label])
        let room = canvas.width - labelWidth
        canvas.text(
            truncate(value, toWidth: room, ellipsis: canvas.glyphs.ellipsis), row: row, column: labelWidth,
            style: theme[.value])
    }

    private static func drawUsers(_ state: OverviewState, box rect: Rect, in canvas: Canvas, theme: Theme) -> (Int, Int)
    {
        let users = state.overview?.users ?? []
        let interior = canvas.box(
            rect, title: "Users (\(users.count))", border: theme[.border], titleStyle: theme[.title])
        let pathWidth = min(30, max(4, users.map { displayWidth($0.path) }.max() ?? 0))
        let createdWidth = min(25, max(7, users.map { displayWidth($0.created) }.max() ?? 0))
        let table = Table(
            columns: [
                TableColumn("User name", width: .flexible(minimum: 12)),
                TableColumn("Path", width: .fixed(pathWidth)),
                TableColumn("Created", width: .fixed(createdWidth)),
            ],
            rows: users.map { [$0.name, $0.path, $0.created] },
            selection: users.isEmpty ? nil : state.selectedUser,
            offset: state.userOffset,
            emptyMessage: state.overview == nil ? "" : "No users in this account.")
        let styles = TableStyles(
            header: theme[.tableHeader], row: theme[.text], selection: theme[.selection], empty: theme[.muted])
        let area = interior.subcanvas(Rect(row: 0, column: 0, width: interior.width - 1, height: interior.height))
        let offset = table.draw(in: area, styles: styles)
        return (offset, max(1, interior.height - 1))
    }

    private static func drawBottomLines(_ state: OverviewState, in canvas: Canvas, theme: Theme) -> Position? {
        let messageRow = canvas.height - 2
        var cursor: Position?
        if case .command(let editor) = state.mode {
            cursor = editor.draw(prompt: ":", row: messageRow, in: canvas, style: theme[.prompt])
        } else if let message = state.message {
            canvas.line(" " + message.text, row: messageRow, style: message.isError ? theme[.error] : theme[.message])
        }
        StatusLine.draw(
            hints: OverviewKeys.hints(glyphs: canvas.glyphs), row: canvas.height - 1, in: canvas,
            style: theme[.status], keyStyle: theme[.statusKey])
        return cursor
    }

    private static func drawHelp(in canvas: Canvas, theme: Theme) {
        HelpOverlay.draw(
            sections: [OverviewKeys.keyMap(glyphs: canvas.glyphs).helpEntries, OverviewCommand.helpEntries],
            title: "Help: account overview", footer: "Press any key to close", in: canvas,
            border: theme[.border], text: theme[.overlay], keyStyle: theme[.title])
    }
}
