import Foundation
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
    /// The colours in use; `:theme NAME` replaces it.
    private(set) var theme: Theme
    let glyphs: Glyphs
    /// Ages and "days ago" are computed against this clock (frozen in tests).
    let clock: any IAMClock
    /// Where `:theme` looks for theme files.
    let themeDirectories: [String]
    /// Where `Download .csv` writes (the current directory).
    var exportDirectory = FileManager.default.currentDirectoryPath
    /// Makes a loaded theme fit the terminal (colour depth, `NO_COLOR`).
    let adaptTheme: @MainActor (Theme) -> Theme
    private(set) var state = BrowserState()

    /// Without `principal` the console opens on the sign-in form.
    init(
        terminal: any Terminal, source: any AccountSource, theme: Theme, glyphs: Glyphs,
        clock: any IAMClock = SystemClock(), principal: Principal? = nil, keyOverrides: [String: [InputEvent]] = [:],
        themeDirectories: [String] = Theme.searchDirectories(explicit: nil),
        adaptTheme: @escaping @MainActor (Theme) -> Theme = { $0 }
    ) {
        self.terminal = terminal
        self.source = source
        self.theme = theme
        self.glyphs = glyphs
        self.clock = clock
        self.themeDirectories = themeDirectories
        self.adaptTheme = adaptTheme
        state.session = principal
        state.keyOverrides = keyOverrides
    }

    /// Loads the first account; a failure is shown in the status line, not thrown. Opens the
    /// sign-in form when nobody is signed in.
    mutating func loadInitial() {
        do {
            state.apply(AccountIndex(snapshot: try source.loadSnapshot(), now: clock.now()))
        } catch {
            state.message = StatusMessage(text: String(describing: error), isError: true)
        }
        state.themeNames = Theme.availableNames(searching: themeDirectories)
        if state.session == nil { state.modal = .signIn(SignIn.form(for: state.index?.account)) }
    }

    /// Replaces the status-line message.
    mutating func showMessage(_ message: StatusMessage) {
        state.message = message
    }

    /// Runs until the user quits or a signal arrives; returns the process exit code.
    mutating func run() -> Int32 {
        loadInitial()
        render()
        let keyMap = BrowserKeys.keyMap(glyphs: glyphs, overrides: state.keyOverrides)
        while true {
            var event = terminal.nextEvent(timeoutMilliseconds: Self.tickMilliseconds)
            var handled = 0
            while let current = event {
                // A click means the rows as drawn: draw what the keys before it in this burst changed.
                if case .mouse = current, handled > 0 { render() }
                if let code = process(current, keyMap: keyMap) { return code }
                handled += 1
                event = handled < Self.burstLimit ? terminal.nextEvent(timeoutMilliseconds: 0) : nil
            }
            state.idle()
            reloadIfChanged()
            render()
            if let arn = state.pendingCopy {
                terminal.copyToClipboard(arn)
                state.pendingCopy = nil
            }
        }
    }

    /// Handles one input event and the work it asks for; returns an exit code when the console should end.
    mutating func process(_ event: InputEvent, keyMap: KeyMap<BrowserAction>) -> Int32? {
        if case .signal(let signal) = event { return signal.exitCode }
        if let code = state.handle(event, keyMap: keyMap) { return code }
        runPendingWork()
        return nil
    }

    /// Runs what the last key asked of the loop: a sign-in step, an edit, a theme change.
    private mutating func runPendingWork() {
        if let step = state.pendingSignIn {
            state.pendingSignIn = nil
            signIn(step)
        }
        if let command = state.pendingEdit {
            state.pendingEdit = nil
            perform(command)
        }
        if let export = state.pendingExport {
            state.pendingExport = nil
            write(export)
        }
        if let name = state.pendingTheme {
            state.pendingTheme = nil
            switchTheme(to: name)
        }
    }

    /// Runs one edit as the signed-in principal through the source; AWS errors open a message
    /// dialog (over the form that asked, so it can be corrected) and leave the file as it was.
    mutating func perform(_ command: EditCommand) {
        guard let principal = state.session else { return }
        let session = state.consoleSession
        let followUp: FollowUp?
        do {
            followUp = try source.perform(as: principal) { service in
                service.session = session
                return try command.change(&service, principal)
            }
        } catch let error as IAMError {
            state.modal = .message(
                MessageDialog.error(code: error.code.rawValue, message: error.message), then: formModal)
            reload()
            return
        } catch {
            state.modal = .message(MessageDialog.error(code: "", message: String(describing: error)), then: formModal)
            return
        }
        state.modal = nil
        reload()
        state.loadState = "saved"
        switch command.target {
        case .stay: break
        case .row(let section, let key): state.select(key, in: section)
        case .detail(let section, let key, let route):
            state.select(key, in: section)
            state.push(route)
        }
        state.message = StatusMessage(text: command.success, isError: false)
        switch followUp {
        case .accessKeySecret(let dialog)?: state.modal = .accessKeySecret(dialog)
        case .mfaEnrolment(let enrolment)?: state.modal = .mfaEnrolment(enrolment)
        case .notice(let dialog)?: state.modal = .message(dialog, then: nil)
        case .export(let export)?: write(export)
        case nil: break
        }
    }

    /// Runs a sign-in step on the newest account and saves what it records (the audit event, the
    /// last sign-in, the MFA code's time step). A read-only source signs in on the loaded account
    /// without saving.
    private mutating func signIn(_ step: SignInStep) {
        func run(_ service: inout IAMService) -> SignInResult {
            switch step {
            case .password(let identity, let password, _): return service.signIn(identity, password: password)
            case .mfa(let challenge, let response, _): return service.completeSignIn(challenge, with: response)
            case .switchRole(let session, let role, let sessionName):
                do {
                    return .signedIn(try service.switchRole(from: session, role: role, sessionName: sessionName))
                } catch {
                    return .rejected("\(error.code.rawValue): \(error.message)")
                }
            case .changePassword(let session, let old, let new, _):
                do {
                    return .signedIn(try service.completePasswordChange(session, oldPassword: old, newPassword: new))
                } catch {
                    return .rejected("\(error.code.rawValue): \(error.message)")
                }
            }
        }
        let result: SignInResult
        do {
            result = try source.perform(as: .root) { service in run(&service) }
        } catch {
            guard let account = state.index?.account else { return }
            var service = IAMService(account: account, clock: clock)
            result = run(&service)
        }
        reload()
        state.applySignIn(result, step: step)
    }

    /// The open edit form, to return to after an error.
    private var formModal: Modal? {
        switch state.modal {
        case .form?, .policyEditor?, .mfaEnrolment?: return state.modal
        default: return nil
        }
    }

    /// Writes a downloaded file into `exportDirectory`, readable by the owner only, never over an
    /// existing file (`name (1).csv` then, as a browser does).
    private mutating func write(_ export: CSVExport) {
        let folder = URL(fileURLWithPath: exportDirectory)
        let base = (export.fileName as NSString).deletingPathExtension
        let ext = (export.fileName as NSString).pathExtension
        var url = folder.appendingPathComponent(export.fileName)
        var copy = 1
        while FileManager.default.fileExists(atPath: url.path) {
            url = folder.appendingPathComponent("\(base) (\(copy)).\(ext)")
            copy += 1
        }
        let created = FileManager.default.createFile(
            atPath: url.path, contents: Data(export.contents.utf8), attributes: [.posixPermissions: 0o600])
        guard created else {
            state.message = StatusMessage(text: "Could not write \(url.path)", isError: true)
            return
        }
        if case .accessKeySecret(var dialog)? = state.modal {
            dialog.savedTo = url.path
            state.modal = .accessKeySecret(dialog)
        }
        state.message = StatusMessage(text: "Saved \(url.path)", isError: false)
    }

    private mutating func switchTheme(to name: String) {
        let (loaded, problem) = Theme.loadOrDefault(named: name, searching: themeDirectories)
        if let problem {
            state.message = StatusMessage(text: problem.summary, isError: true)
            return
        }
        theme = adaptTheme(loaded)
        state.message = StatusMessage(text: "Theme \(name)", isError: false)
    }

    private mutating func reload() {
        do {
            state.apply(AccountIndex(snapshot: try source.loadSnapshot(), now: clock.now()))
        } catch {
            state.message = StatusMessage(text: String(describing: error), isError: true)
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
        state.layout = frame.layout
        if let helpOffset = frame.helpOffset { state.mode = .help(offset: helpOffset) }
        state.screenWidth = terminal.size.width
        terminal.setCursor(frame.cursor)
        terminal.present()
    }
}
