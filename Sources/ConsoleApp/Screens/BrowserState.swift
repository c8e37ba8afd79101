import IAMCore
import TerminalKit

/// A line of feedback in the status area.
struct StatusMessage: Sendable, Equatable {
    var text: String
    var isError: Bool
}

/// Everything that changes while browsing; rendering is a function of this value, and keys
/// change it without a screen, so tests drive it directly.
struct BrowserState: Sendable {
    /// What keys go to.
    enum Mode: Sendable, Equatable {
        case browsing
        case command(CommandPalette)
        case filter(LineEditor)
        /// The help overlay, scrolled to this first line.
        case help(offset: Int)
    }

    /// Which pane has the focus.
    enum Focus: Sendable, Equatable {
        case sidebar
        case main
    }

    static let quitHint = "Type :q to quit"

    /// The last account that loaded; nil only when the very first load failed.
    var index: AccountIndex?
    /// The navigation stack; the last view is shown. Never empty.
    var stack = [ViewState(route: .section(.dashboard))]
    var focus = Focus.main
    /// The highlighted sidebar entry.
    var sidebarCursor = Section.dashboard
    /// nil follows the screen width; `b` sets it.
    var sidebarPreference: Bool?
    var mode = Mode.browsing
    var message: StatusMessage?
    /// `loaded`, `saved` after the console's own change, or `reloaded` after another process
    /// changed the workspace.
    var loadState = "loaded"
    /// An ARN `y` asked to copy; the loop hands it to the terminal and clears it.
    var pendingCopy: String?
    /// Rows the main view shows at once (the page size), as the last frame measured.
    var pageSize = 1
    /// Where the last frame put the sidebar and the rows, for mouse clicks.
    var layout: ScreenLayout?
    /// The screen width of the last frame, so `b` knows whether the sidebar is showing.
    var screenWidth = 0
    /// Who is signed in; nil shows the sign-in form.
    var session: Principal?
    /// The form or dialog over the screen, if any; it takes every key.
    var modal: Modal?
    /// An edit the user submitted; the loop runs it through the source and clears it.
    var pendingEdit: EditCommand?
    /// A file `Download .csv` asked for; the loop writes it and clears it.
    var pendingExport: CSVExport?
    /// A theme `:theme` asked for; the loop loads it and clears it.
    var pendingTheme: String?
    /// The signed-in console session (with its MFA facts); `session` is its principal.
    var consoleSession: ConsoleSession?
    /// The sign-in session while a switched role is in use, for `:switch-back`.
    var originalSession: ConsoleSession?
    /// A sign-in step the user submitted; the loop runs it through the source and clears it.
    var pendingSignIn: SignInStep?
    /// Commands typed at the `:` prompt before, for ↑ recall.
    var commandHistory: [String] = []
    /// The theme names `:theme` completes, set by the loop.
    var themeNames: [String] = []
    /// Keys a key bindings file moved, by action name; help and the status line show them.
    var keyOverrides: [String: [InputEvent]] = [:]
    /// Columns `c` hid, by list section (indices into the section's columns; the first never hides).
    /// The analyzer's list starts without Type and Analyzer, so the resource's name has room: the
    /// type shows in the name (`role/`, `key/`) and on the finding's page, and most accounts have
    /// one analyzer.
    var hiddenColumns: [Section: Set<Int>] = [.accessAnalyzer: AnalyzerRows.hiddenByDefault]
    /// The Policy simulator's inputs and last results.
    var simulator = SimulatorView()

    /// The view on top of the stack.
    var top: ViewState {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    /// Whether the sidebar shows at this width: by preference, else from 100 columns up.
    func showsSidebar(width: Int) -> Bool { sidebarPreference ?? (width >= 100) }

    // MARK: Loading

    /// Applies a (re)load: rebuilds each open view's rows and content, keeps selections by
    /// name, and closes detail views whose entity is gone.
    mutating func apply(_ index: AccountIndex) {
        self.index = index
        var kept: [ViewState] = []
        for var view in stack {
            view.denied = denial(for: view.route, in: index)
            if case .section(let section) = view.route {
                if section.isList { refreshList(&view, in: index) }
                if section.hasDetailPage {
                    view.detail = detail(for: view.route, in: index)
                    clampDetail(&view)
                }
            } else {
                view.detail = detail(for: view.route, in: index)
                // The entity is gone: close its view and everything opened from it.
                guard view.detail != nil else { break }
                clampDetail(&view)
            }
            kept.append(view)
        }
        stack = kept.isEmpty ? [ViewState(route: .section(.dashboard))] : kept
    }

    /// Recomputes a list view's rows and finds the selected key again; when it is gone the
    /// selection stays at its position (a reload) or goes to the top (`toTop`, a new filter).
    func refreshList(
        _ view: inout ViewState, in index: AccountIndex, toTop: Bool = false, keepRanks: Bool = false
    ) {
        guard case .section(let section) = view.route else { return }
        // A refused List call shows no rows, so nothing in them can be opened, changed or copied;
        // and the rows are not even built (the advisor's and the report's are costly).
        guard view.denied == nil else {
            view.visible = []
            view.selectedKey = nil
            return
        }
        let list = index.list(for: section)
        view.visible = list.matching(view.filter)
        if let sort = view.sort {
            if view.sortRanks.count != list.rows.count || !keepRanks { view.sortRanks = sort.ranks(of: list.rows) }
            let ranks = view.sortRanks
            view.visible.sort { ranks[$0] < ranks[$1] }
        }
        if let key = view.selectedKey, let position = view.visible.firstIndex(where: { list.keys[$0] == key }) {
            view.selection = position
        } else {
            view.selection = toTop ? 0 : min(view.selection, max(0, view.visible.count - 1))
        }
        view.selectedKey = view.visible.indices.contains(view.selection) ? list.keys[view.visible[view.selection]] : nil
    }

    private func clampDetail(_ view: inout ViewState) {
        guard let detail = view.detail else { return }
        view.tab = min(view.tab, max(0, detail.tabs.count - 1))
        let lines = detail.tabs.indices.contains(view.tab) ? detail.tabs[view.tab].lines.count : 0
        view.selection = min(view.selection, max(0, lines - 1))
    }

    /// The detail page of `route` with the tabs the signed-in principal may not read refused.
    func detail(for route: Route, in index: AccountIndex) -> EntityDetail? {
        index.detail(for: route).map { detail in
            TabAccess.authorize(
                detail, route: route, in: index.account, as: session, session: consoleSession, now: index.now)
        }
    }

    /// AWS's refusal of the view's Get or List call for the signed-in principal, if it refuses.
    func denial(for route: Route, in index: AccountIndex) -> String? {
        ViewAccess.denial(for: route, in: index.account, as: session, session: consoleSession, now: index.now)
    }

    // MARK: Navigation

    /// Opens a sidebar section as the only view on the stack.
    mutating func open(_ section: Section) {
        var view = ViewState(route: .section(section))
        if let index { view.denied = denial(for: view.route, in: index) }
        if section.hasDetailPage, let index { view.detail = detail(for: view.route, in: index) }
        if section.isList, let index { refreshList(&view, in: index) }
        stack = [view]
        sidebarCursor = section
        focus = .main
    }

    /// Opens an entity's detail view on top of the stack.
    mutating func push(_ route: Route) {
        guard let index else { return }
        if case .section(let section) = route {
            open(section)
            return
        }
        guard let detail = detail(for: route, in: index) else {
            message = StatusMessage(text: "It no longer exists", isError: true)
            return
        }
        var view = ViewState(route: route)
        view.detail = detail
        view.denied = denial(for: route, in: index)
        stack.append(view)
        focus = .main
    }

    /// Closes the top view; false when it is the only one.
    @discardableResult
    mutating func pop() -> Bool {
        guard stack.count > 1 else { return false }
        stack.removeLast()
        return true
    }

    /// Opens `section` with the row keyed `key` selected (after creating it).
    mutating func select(_ key: String, in section: Section) {
        open(section)
        guard let index else { return }
        var view = top
        view.selectedKey = key
        refreshList(&view, in: index)
        top = view
    }

    /// Sets the top list's filter and recomputes its rows.
    mutating func setFilter(_ text: String) {
        guard let index, case .section(let section) = top.route, section.isList else { return }
        var view = top
        view.filter = text
        view.offset = 0
        // The rows did not change, only the filter: the sort ranks still hold.
        refreshList(&view, in: index, toTop: true, keepRanks: true)
        top = view
    }

    /// The ARN `y` copies: the selected row's, the detail line's, or the entity's own.
    var selectedARN: String? {
        guard let index, top.denied == nil else { return nil }
        let view = top
        switch view.route {
        case .section(let section):
            if section == .root { return index.account.rootARN }
            let list = index.list(for: section)
            guard view.visible.indices.contains(view.selection) else { return nil }
            return list.arns[view.visible[view.selection]]
        default:
            guard let detail = view.detail else { return nil }
            let lines = detail.tabs.indices.contains(view.tab) ? detail.tabs[view.tab].lines : []
            return (lines.indices.contains(view.selection) ? lines[view.selection].arn : nil) ?? detail.arn
        }
    }

    /// How many rows or lines the top view has to move through.
    var rowCount: Int {
        let view = top
        if view.denied != nil { return 0 }
        if let detail = view.detail {
            return detail.tabs.indices.contains(view.tab) ? detail.tabs[view.tab].lines.count : 0
        }
        if view.route == .section(.simulator) { return simulator.results.count }
        if view.route == .section(.dashboard) { return index?.dashboard.checklist.count ?? 0 }
        return view.visible.count
    }
}
