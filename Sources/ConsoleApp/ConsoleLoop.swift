import IAMCore
import TerminalKit

/// The console's event loop, driven entirely through the `Terminal` protocol so tests run the
/// real loop against a `MemoryTerminal` with queued keys.
@MainActor
struct ConsoleLoop {
    /// How long one input wait lasts; also how often the workspace is checked for changes.
    static let tickMilliseconds = 200
    /// Events handled before a frame is drawn, so a burst (a paste, a resize storm) draws once.
    private static let burstLimit = 64

    let terminal: any Terminal
    let source: any AccountSource
    let theme: Theme
    let glyphs: Glyphs
    /// Ages and "days ago" are computed against this clock (frozen in tests).
    let clock: any IAMClock
    private(set) var state = BrowserState()

    init(
        terminal: any Terminal, source: any AccountSource, theme: Theme, glyphs: Glyphs,
        clock: any IAMClock = SystemClock()
    ) {
        self.terminal = terminal
        self.source = source
        self.theme = theme
        self.glyphs = glyphs
        self.clock = clock
    }

    /// Loads the first account; a failure is shown in the status line, not thrown.
    mutating func loadInitial() {
        do {
            state.apply(AccountIndex(snapshot: try source.loadSnapshot(), now: clock.now()))
        } catch {
            state.message = StatusMessage(text: String(describing: error), isError: true)
        }
    }

    /// Replaces the status-line message.
    mutating func showMessage(_ message: StatusMessage) {
        state.message = message
    }

    /// Runs until the user quits or a signal arrives; returns the process exit code.
    mutating func run() -> Int32 {
        loadInitial()
        render()
        let keyMap = BrowserKeys.keyMap(glyphs: glyphs)
        while true {
            var event = terminal.nextEvent(timeoutMilliseconds: Self.tickMilliseconds)
            var handled = 0
            while let current = event {
                if case .signal(let signal) = current { return signal.exitCode }
                if let code = state.handle(current, keyMap: keyMap) { return code }
                handled += 1
                event = handled < Self.burstLimit ? terminal.nextEvent(timeoutMilliseconds: 0) : nil
            }
            reloadIfChanged()
            render()
            if let arn = state.pendingCopy {
                terminal.copyToClipboard(arn)
                state.pendingCopy = nil
            }
        }
    }

    /// Reloads when the source reports a change on disk; on failure the last good account stays.
    private mutating func reloadIfChanged() {
        guard source.changedOnDisk() else { return }
        do {
            state.apply(AccountIndex(snapshot: try source.loadSnapshot(), now: clock.now()))
            state.loadState = "reloaded"
            state.message = StatusMessage(text: "Reloaded: the workspace changed on disk", isError: false)
        } catch {
            state.message = StatusMessage(text: String(describing: error), isError: true)
        }
    }

    /// Draws one frame and keeps what the next frame needs from it.
    mutating func render() {
        terminal.clear()
        let frame = ConsoleScreen.render(state, in: Canvas(terminal: terminal, glyphs: glyphs), theme: theme)
        state.top.offset = frame.offset
        state.pageSize = frame.visibleRows
        state.screenWidth = terminal.size.width
        terminal.setCursor(frame.cursor)
        terminal.present()
    }
}
