import Foundation
import TerminalKit

extension BrowserState {
    /// Applies one event; returns an exit code when the console should end.
    mutating func handle(_ event: InputEvent, keyMap: KeyMap<BrowserAction>) -> Int32? {
        // A resize only needs the redraw that follows every event; it must not close help or a prompt.
        if event == .resize { return nil }
        if case .mouse(let mouse) = event {
            handleMouse(mouse)
            return nil
        }
        if case .signIn(let form)? = modal, event == .character(":"), mode == .browsing,
            !form.fields.indices.contains(form.focus) || form.focus == 0
        {
            // `:q` works on the sign-in screen while no text field has the focus.
            mode = .command(
                CommandPalette(commands: BrowserCommand.palette(themes: themeNames), history: commandHistory))
            return nil
        }
        if modal != nil, case .browsing = mode {
            handleModal(event)
            return nil
        }
        switch mode {
        case .help(let offset):
            // The arrows and paging keys scroll a help longer than the screen; any other key closes it.
            switch event {
            case .key(.down), .character("j"): mode = .help(offset: offset + 1)
            case .key(.up), .character("k"): mode = .help(offset: max(0, offset - 1))
            case .key(.pageDown), .character(" "): mode = .help(offset: offset + max(1, pageSize))
            case .key(.pageUp): mode = .help(offset: max(0, offset - max(1, pageSize)))
            case .key(.home), .character("g"): mode = .help(offset: 0)
            case .key(.end), .character("G"): mode = .help(offset: Int.max / 2)
            default: mode = .browsing
            }
        case .command(var palette):
            let outcome = palette.handle(event)
            commandHistory = palette.history
            switch outcome {
            case .editing: mode = .command(palette)
            case .closed: mode = .browsing
            case .unknown(let name):
                mode = .browsing
                message = StatusMessage(text: "Unknown command :\(name) (type :q to quit, ? for help)", isError: true)
            case .run(let command, let arguments):
                mode = .browsing
                return run(command: command.name, arguments: arguments)
            }
        case .filter(var editor):
            switch editor.handle(event) {
            case .editing:
                mode = .filter(editor)
                if editor.text != top.filter { setFilter(editor.text) }
            case .cancelled:
                mode = .browsing
                setFilter("")
            case .submitted:
                mode = .browsing
            }
        case .browsing:
            guard let action = keyMap.action(for: event) else { return nil }
            perform(action)
        }
        return nil
    }

    private mutating func perform(_ action: BrowserAction) {
        if focus == .sidebar, performInSidebar(action) { return }
        switch action {
        case .moveUp: moveSelection(by: -1)
        case .moveDown: moveSelection(by: 1)
        case .pageUp: moveSelection(by: -max(1, pageSize))
        case .pageDown: moveSelection(by: max(1, pageSize))
        case .first: moveSelection(by: -rowCount)
        case .last: moveSelection(by: rowCount)
        case .focusSidebar:
            sidebarPreference = true
            focus = .sidebar
            sidebarCursor = top.route.section
        case .open: openSelection()
        case .back: back()
        case .filter:
            if case .section(let section) = top.route, section.isList {
                mode = .filter(LineEditor(text: top.filter))
            } else {
                message = StatusMessage(text: "Nothing to filter here: / filters a list", isError: false)
            }
        case .nextTab: switchTab(forward: true)
        case .previousTab: switchTab(forward: false)
        case .copyARN:
            if let arn = selectedARN {
                pendingCopy = arn
                message = StatusMessage(text: "Copied \(arn)", isError: false)
            }
        case .toggleSidebar:
            let shows = !showsSidebar(width: screenWidth)
            sidebarPreference = shows
            if !shows { focus = .main }
        case .openCommandPrompt:
            mode = .command(
                CommandPalette(commands: BrowserCommand.palette(themes: themeNames), history: commandHistory))
        case .create: startCreate()
        case .delete: startDelete()
        case .add: startAdd()
        case .editPolicy: startPolicyEdit()
        case .editProperties: startEditProperties()
        case .sort: sortByNextColumn()
        case .reverseSort: reverseSort()
        case .manageColumns: startManageColumns()
        case .export: startExport()
        case .draftLeastPrivilege: startLeastPrivilegeDraft()
        case .archiveFinding: setSelectedFinding(archived: true)
        case .unarchiveFinding: setSelectedFinding(archived: false)
        case .showHelp: mode = .help(offset: 0)
        case .close:
            if !pop() { message = StatusMessage(text: Self.quitHint, isError: false) }
        case .redraw: break
        }
    }

    /// Sidebar keys: up and down move the highlight, open and right open the section, Esc
    /// returns to the main view. Returns false for keys the sidebar leaves to the main view.
    private mutating func performInSidebar(_ action: BrowserAction) -> Bool {
        let sections = Section.allCases
        switch action {
        case .moveUp:
            sidebarCursor = sections[max(0, sidebarCursor.rawValue - 1)]
        case .moveDown:
            sidebarCursor = sections[min(sections.count - 1, sidebarCursor.rawValue + 1)]
        case .first: sidebarCursor = .dashboard
        case .last: sidebarCursor = .auditLog
        case .open: open(sidebarCursor)
        case .back, .focusSidebar: focus = .main
        default: return false
        }
        return true
    }

    mutating func moveSelection(by delta: Int) {
        let count = rowCount
        guard count > 0 else { return }
        var view = top
        view.selection = min(max(0, view.selection + delta), count - 1)
        if view.selection != top.selection { simulator.statement = 0 }
        if let index, case .section(let section) = view.route, section.isList {
            view.selectedKey = index.list(for: section).keys[view.visible[view.selection]]
        }
        top = view
    }

    mutating func openSelection() {
        guard let index else { return }
        let view = top
        switch view.route {
        case .section(.simulator):
            startSimulation()
        case .section(.dashboard):
            let checklist = index.dashboard.checklist
            guard checklist.indices.contains(view.selection), let entity = checklist[view.selection].failing.first
            else { return }
            switch entity {
            case .root: open(.root)
            case .passwordPolicy: open(.passwordPolicy)
            case .user(let name): push(.user(name))
            case .group(let name): push(.group(name))
            case .role(let name): push(.role(name))
            }
        case .section(let section):
            let list = index.list(for: section)
            guard view.visible.indices.contains(view.selection),
                let route = index.route(for: section, key: list.keys[view.visible[view.selection]])
            else { return }
            push(route)
        default:
            guard let detail = view.detail, detail.tabs.indices.contains(view.tab) else { return }
            let lines = detail.tabs[view.tab].lines
            if lines.indices.contains(view.selection), let link = lines[view.selection].link { push(link) }
        }
    }

    private mutating func back() {
        if !top.filter.isEmpty {
            setFilter("")
        } else if !pop() {
            message = nil
        }
    }

    private mutating func switchTab(forward: Bool) {
        if top.route == .section(.simulator) {
            cycleSimulatorStatement(forward: forward)
            return
        }
        guard let detail = top.detail else {
            message = StatusMessage(text: "No tabs here: open an entity with Enter", isError: false)
            return
        }
        var bar = TabBar(titles: detail.tabs.map(\.title), selection: top.tab)
        if forward { bar.next() } else { bar.previous() }
        var view = top
        view.tab = bar.selection
        view.selection = 0
        view.offset = 0
        top = view
    }

    private mutating func run(command name: String, arguments: [String]) -> Int32? {
        guard let effect = BrowserCommand.effect(of: name) else {
            message = StatusMessage(text: "Unknown command :\(name) (type :q to quit, ? for help)", isError: true)
            return nil
        }
        switch effect {
        case .quit: return 0
        case .help: mode = .help(offset: 0)
        case .open(let section): open(section)
        case .theme:
            guard let theme = arguments.first else {
                message = StatusMessage(
                    text: "Themes: \(themeNames.joined(separator: ", ")) (type :theme NAME)", isError: false)
                return nil
            }
            pendingTheme = theme
        case .switchRole: startSwitchRole(arguments)
        case .switchBack: switchBack()
        case .createUser, .createGroup:
            guard let entity = arguments.first else {
                message = StatusMessage(text: "Type :\(name) NAME", isError: true)
                return nil
            }
            pendingEdit = effect == .createUser ? BrowserCommand.createUser(entity) : BrowserCommand.createGroup(entity)
        }
        return nil
    }
}
