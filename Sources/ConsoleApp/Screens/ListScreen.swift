import TerminalKit

/// Draws a list section (Users, User groups, Roles, Policies): a title with the count and the
/// filter, then the table. Only the rows on screen are handed to the table, so a 5,000-row list
/// draws as fast as a 5-row one.
@MainActor
enum ListScreen {
    /// The columns a list section shows, left to right.
    nonisolated static func columns(for section: Section) -> [TableColumn] {
        switch section {
        case .users: return UsersScreen.columns
        case .groups: return GroupsScreen.columns
        case .roles: return RolesScreen.columns
        case .policies: return PoliciesScreen.columns
        case .credentialReport: return CredentialReportRows.columns
        case .accessAdvisor: return AccessAdvisorRows.columns
        case .accessAnalyzer: return AnalyzerRows.columns
        case .auditLog: return AuditLogRows.columns
        default: return []
        }
    }

    /// The narrowest a fixed column is cut to, rather than left out, when it is the first that does not fit.
    static let minimumCutWidth = 12

    /// The columns that fit `width`, left to right. The first column that does not fit whole is
    /// cut to the room left when that is at least `minimumCutWidth`; the rest are left out
    /// rather than squeezed to a few unreadable cells. The first column always shows.
    static func fitting(_ columns: [TableColumn], width: Int) -> [TableColumn] {
        var used = 0
        var shown: [TableColumn] = []
        for column in columns {
            let needed: Int
            switch column.width {
            case .fixed(let cells): needed = cells
            case .flexible(let minimum): needed = minimum
            }
            let gap = shown.isEmpty ? 0 : Table.gap
            if !shown.isEmpty, used + gap + needed > width {
                let room = width - used - gap
                if room >= minimumCutWidth {
                    shown.append(TableColumn(column.title, width: .fixed(room), alignment: column.alignment))
                }
                break
            }
            used += gap + needed
            shown.append(column)
        }
        return shown
    }

    /// Draws the list and returns the offset used and the rows visible at once.
    static func draw(
        _ view: ViewState, section: Section, list: ListModel, filtering: Bool, hidden: Set<Int> = [],
        in canvas: Canvas, theme: Theme
    ) -> (offset: Int, visibleRows: Int) {
        let total = list.rows.count
        var title = "\(section.title) (\(total))"
        if !view.filter.isEmpty || filtering {
            title += "   filter: \(view.filter)   \(view.visible.count) of \(total)"
        }
        canvas.line(" " + title, row: 0, style: theme[.title])
        let area = canvas.subcanvas(Rect(row: 1, column: 0, width: canvas.width, height: canvas.height - 1))
        let chosen = columns(for: section).indices.filter { $0 == 0 || !hidden.contains($0) }
        let all = chosen.map { columns(for: section)[$0] }
        let gutter = displayWidth(canvas.glyphs.selectionMarker) + 1
        let shown = fitting(all, width: area.width - gutter - 1)
        let shownIndices = Array(chosen.prefix(shown.count))
        let visibleRows = max(1, area.height - 1)
        let first = Table.scrolledOffset(
            selection: view.selection, offset: view.offset, visibleRows: visibleRows, rowCount: view.visible.count)
        let window = view.visible.dropFirst(first).prefix(visibleRows).map { row in
            shownIndices.map { $0 < list.rows[row].count ? list.rows[row][$0] : "" }
        }
        let roles = list.cellRoles
        let cellStyles: [[Style?]] =
            roles.isEmpty
            ? []
            : view.visible.dropFirst(first).prefix(visibleRows).map { row in
                shownIndices.map { index in
                    row < roles.count && index < roles[row].count ? roles[row][index].map { theme[$0] } : nil
                }
            }
        var table = Table(
            columns: shown, rows: Array(window),
            selection: view.visible.isEmpty ? nil : view.selection - first, offset: 0,
            emptyMessage: view.filter.isEmpty
                ? "No \(section.title.lowercased()) in this account." : "Nothing matches \"\(view.filter)\".")
        table.cellStyles = cellStyles
        if let sort = view.sort, let position = shownIndices.firstIndex(of: sort.column) {
            table.sortColumn = position
            table.sortAscending = sort.ascending
        }
        let styles = TableStyles(
            header: theme[.tableHeader], row: theme[.text], selection: theme[.selection], empty: theme[.muted])
        let tableArea = area.subcanvas(Rect(row: 0, column: 0, width: area.width - 1, height: area.height))
        table.draw(in: tableArea, styles: styles)
        if first > 0 {
            area.text(canvas.glyphs.arrowUp, row: 0, column: area.width - 1, style: theme[.tableHeader])
        }
        if first + visibleRows < view.visible.count {
            area.text(canvas.glyphs.arrowDown, row: area.height - 1, column: area.width - 1, style: theme[.muted])
        }
        return (first, visibleRows)
    }
}

/// The Users list's columns (TUI-CONVENTIONS §3a), most important first: narrow screens drop
/// columns from the right.
enum UsersScreen {
    static let columns = [
        TableColumn("User name", width: .flexible(minimum: 10)),
        TableColumn("Path", width: .fixed(13)),
        TableColumn("Groups", width: .fixed(19)),
        TableColumn("Last activity", width: .fixed(13)),
        TableColumn("MFA", width: .fixed(12)),
        TableColumn("Password age", width: .fixed(12)),
        TableColumn("Console last sign-in", width: .fixed(20)),
        TableColumn("Access key ID", width: .fixed(29)),
        TableColumn("Access key age", width: .fixed(14)),
    ]
}

/// The User groups list's columns.
enum GroupsScreen {
    static let columns = [
        TableColumn("Group name", width: .flexible(minimum: 16)),
        TableColumn("Users", width: .fixed(5), alignment: .right),
        TableColumn("Permissions", width: .flexible(minimum: 24)),
        TableColumn("Creation time", width: .fixed(20)),
    ]
}

/// The Roles list's columns.
enum RolesScreen {
    static let columns = [
        TableColumn("Role name", width: .flexible(minimum: 16)),
        TableColumn("Trusted entities", width: .flexible(minimum: 28)),
        TableColumn("Last activity", width: .fixed(35)),
    ]
}

/// The Policies list's columns.
enum PoliciesScreen {
    static let columns = [
        TableColumn("Policy name", width: .flexible(minimum: 24)),
        TableColumn("Type", width: .fixed(26)),
        TableColumn("Used as", width: .fixed(22)),
        TableColumn("Description", width: .flexible(minimum: 20)),
    ]
}
