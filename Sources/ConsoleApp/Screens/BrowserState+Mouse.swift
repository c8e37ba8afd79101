import TerminalKit

/// Where the last frame drew what the mouse can hit, in screen cells.
struct ScreenLayout: Sendable, Equatable {
    /// The sidebar's columns, when it shows.
    var sidebar: Range<Int>?
    /// The screen row of the sidebar's first entry.
    var sidebarTop: Int
    /// The first column of the main view.
    var mainColumn: Int
    /// The screen row of the first visible row or line of the main view.
    var rowsTop: Int
    var visibleRows: Int
    /// The index of the first visible row.
    var offset: Int
}

extension BrowserState {
    /// With `--mouse`: a click on a sidebar entry opens it, a click on a row selects it and a
    /// click on the selected row opens it (as Enter); the wheel moves by three rows. Forms,
    /// dialogs, the editor and prompts take keys only.
    mutating func handleMouse(_ event: MouseEvent) {
        guard modal == nil, mode == .browsing, let layout else { return }
        switch event.kind {
        case .wheelUp: moveSelection(by: -3)
        case .wheelDown: moveSelection(by: 3)
        case .click:
            if let sidebar = layout.sidebar, sidebar.contains(event.column) {
                let position = event.row - layout.sidebarTop
                if let section = Section(rawValue: position) { open(section) }
                return
            }
            guard event.column >= layout.mainColumn, event.row >= layout.rowsTop,
                event.row < layout.rowsTop + layout.visibleRows
            else { return }
            let target = layout.offset + event.row - layout.rowsTop
            guard target < rowCount else { return }
            if target == top.selection {
                openSelection()
            } else {
                focus = .main
                moveSelection(by: target - top.selection)
            }
        }
    }
}
