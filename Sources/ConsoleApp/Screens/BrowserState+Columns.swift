import TerminalKit

/// `s` and `S` sort a list by a column; `c` chooses the columns it shows ("Manage columns" in
/// the IAM console). Both last for the session and apply to the section however it is reopened.
extension BrowserState {
    /// `s`: sort by the next shown column (the list's own order comes back after the last one).
    mutating func sortByNextColumn() {
        guard let index, case .section(let section) = top.route, section.isList else {
            message = StatusMessage(text: "s sorts a list", isError: false)
            return
        }
        let columns = ListScreen.columns(for: section)
        let shown = columns.indices.filter { $0 == 0 || !(hiddenColumns[section] ?? []).contains($0) }
        var view = top
        if let current = view.sort, let position = shown.firstIndex(of: current.column) {
            view.sort = position + 1 < shown.count ? ListSort(column: shown[position + 1], ascending: true) : nil
        } else {
            view.sort = ListSort(column: shown.first ?? 0, ascending: true)
        }
        applySort(&view, section: section, in: index)
    }

    /// `S`: reverse the current sort (or sort by the first column, descending).
    mutating func reverseSort() {
        guard let index, case .section(let section) = top.route, section.isList else {
            message = StatusMessage(text: "S reverses a list's sort", isError: false)
            return
        }
        var view = top
        view.sort =
            view.sort.map { ListSort(column: $0.column, ascending: !$0.ascending) }
            ?? ListSort(column: 0, ascending: false)
        applySort(&view, section: section, in: index)
    }

    private mutating func applySort(_ view: inout ViewState, section: Section, in index: AccountIndex) {
        view.sortRanks = []
        refreshList(&view, in: index)
        top = view
        if let sort = view.sort {
            let title = ListScreen.columns(for: section)[sort.column].title
            message = StatusMessage(
                text: "Sorted by \(title), \(sort.ascending ? "ascending" : "descending") (s next column, S reverse)",
                isError: false)
        } else {
            message = StatusMessage(text: "Sorted by name (the list's own order)", isError: false)
        }
    }

    /// `c`: a form with a checkbox per column; the first column (the name) always shows.
    mutating func startManageColumns() {
        guard case .section(let section) = top.route, section.isList else {
            message = StatusMessage(text: "c chooses the columns of a list", isError: false)
            return
        }
        let hidden = hiddenColumns[section] ?? []
        let fields = ListScreen.columns(for: section).enumerated().dropFirst().map { position, column in
            FormField.checkbox(id: "column:\(position)", label: column.title, isOn: !hidden.contains(position))
        }
        modal = .form(
            Form(title: "Manage columns: \(section.title)", fields: Array(fields), submitTitle: "Apply"),
            .manageColumns(section))
    }

    /// Applies the submitted column choices.
    mutating func submitColumns(_ values: [String: FormValue], section: Section) {
        var hidden: Set<Int> = []
        for position in ListScreen.columns(for: section).indices.dropFirst()
        where values["column:\(position)"] == .bool(false) {
            hidden.insert(position)
        }
        hiddenColumns[section] = hidden
        modal = nil
        let count = ListScreen.columns(for: section).count - hidden.count
        message = StatusMessage(
            text: "Showing \(count) of \(ListScreen.columns(for: section).count) columns", isError: false)
    }
}
