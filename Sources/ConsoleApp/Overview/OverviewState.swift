import Foundation
import TerminalKit

/// A line of feedback in the status area.
struct StatusMessage: Sendable, Equatable {
    var text: String
    var isError: Bool
}

/// Everything that changes on the overview screen; rendering is a function of this value.
struct OverviewState: Sendable, Equatable {
    enum Mode: Sendable, Equatable {
        case browsing
        case command(LineEditor)
        case help
    }

    static let quitHint = "Type :q to quit"

    /// The last overview that loaded; nil only when the very first load failed.
    var overview: AccountOverview?
    var selectedUser = 0
    /// First visible row of the users table, kept between frames so scrolling is stable.
    var userOffset = 0
    var mode = Mode.browsing
    var message: StatusMessage?

    /// Applies a successful (re)load, keeping the selection in range.
    mutating func apply(_ overview: AccountOverview) {
        self.overview = overview
        selectedUser = min(selectedUser, max(0, overview.users.count - 1))
    }

    /// Applies one key; returns an exit code when the console should end.
    mutating func handle(_ event: InputEvent, keyMap: KeyMap<OverviewAction>, pageSize: Int) -> Int32? {
        // A resize only needs the redraw that follows every event; it must not close help or the prompt.
        if event == .resize { return nil }
        switch mode {
        case .help:
            mode = .browsing
            return nil
        case .command(var editor):
            switch editor.handle(event) {
            case .editing:
                mode = .command(editor)
            case .cancelled:
                mode = .browsing
            case .submitted(let text):
                mode = .browsing
                return run(command: text)
            }
            return nil
        case .browsing:
            guard let action = keyMap.action(for: event) else { return nil }
            perform(action, pageSize: pageSize)
            return nil
        }
    }

    private mutating func perform(_ action: OverviewAction, pageSize: Int) {
        let last = max(0, (overview?.users.count ?? 0) - 1)
        let page = max(1, pageSize)
        switch action {
        case .moveUp: selectedUser = max(0, selectedUser - 1)
        case .moveDown: selectedUser = min(last, selectedUser + 1)
        case .pageUp: selectedUser = max(0, selectedUser - page)
        case .pageDown: selectedUser = min(last, selectedUser + page)
        case .first: selectedUser = 0
        case .last: selectedUser = last
        case .openCommandPrompt: mode = .command(LineEditor())
        case .showHelp: mode = .help
        case .dismiss: message = nil
        case .redraw: break
        case .quitHint: message = StatusMessage(text: Self.quitHint, isError: false)
        }
    }

    private mutating func run(command text: String) -> Int32? {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        guard let command = OverviewCommand.named(name) else {
            message = StatusMessage(text: "Unknown command :\(name) (type :q to quit, ? for help)", isError: true)
            return nil
        }
        switch command.effect {
        case .quit: return 0
        case .help: mode = .help
        }
        return nil
    }
}
