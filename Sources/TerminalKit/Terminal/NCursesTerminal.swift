import CNcursesw
import CTermShim

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the curses terminal could not start.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// `newterm` failed, usually because `TERM` names a terminal type terminfo does not know.
    case cannotOpen(term: String)

    /// A one-line message for the user.
    public var description: String {
        switch self {
        case .cannotOpen(let term):
            return "cannot open the terminal (TERM=\(term.isEmpty ? "unset" : term) is unknown to terminfo)"
        }
    }
}

/// The real terminal, drawn with ncursesw.
///
/// The only type in the project that calls curses. Create it only when stdin and stdout are a
/// TTY (otherwise `wget_wch` fails instantly and a loop would spin), and call `shutdown()` on
/// every exit path so the terminal leaves the alternate screen.
@MainActor
public final class NCursesTerminal: Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var isOpen = true
    private var currentTimeout = Int.min
    private var cursor: Position?
    private var pairs: [ColorPairKey: Int16] = [:]
    /// Colours in use: 0 when colour is off, otherwise 8, 16 or 256 (or more).
    public let colorCount: Int

    private struct ColorPairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    /// Takes over the terminal: signal handlers first (so ncurses leaves SIGINT and SIGTERM
    /// to us), then the locale (so UTF-8 works), then curses in cbreak/noecho/keypad mode.
    /// - Parameter useColor: false for `NO_COLOR`; attributes are still drawn.
    /// - Parameter mouse: report clicks and wheel steps (off by default: capturing the mouse
    ///   stops the terminal's own text selection and copy).
    public init(useColor: Bool, mouse: Bool = false) throws(TerminalError) {
        ts_install_signal_handlers()
        ts_setup_locale()
        guard let screen = ts_newterm(), let window = ts_stdscr() else {
            ts_restore_signal_handlers()
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw .cannotOpen(term: term)
        }
        self.screen = screen
        self.window = window
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        Self.disableFlowControl()
        if mouse { _ = ts_enable_mouse(1) }
        if useColor && has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(ts_colors())
        } else {
            colorCount = 0
        }
    }

    /// Turns off XON/XOFF so Ctrl-S (save, submit) reaches the application instead of freezing the
    /// terminal's output, and the suspend character so Ctrl-Z (undo) does too; cbreak mode leaves
    /// both on. `endwin` restores the shell's modes.
    private static func disableFlowControl() {
        var attributes = termios()
        guard tcgetattr(STDIN_FILENO, &attributes) == 0 else { return }
        attributes.c_iflag &= ~tcflag_t(IXON)
        // Ctrl-Z is the editor's undo: the terminal must pass it on instead of suspending the console.
        withUnsafeMutableBytes(of: &attributes.c_cc) { bytes in
            if Int(VSUSP) < bytes.count { bytes[Int(VSUSP)] = 0 }
        }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &attributes)
    }

    /// Restores the terminal (leaves the alternate screen, shows the cursor) and the signal
    /// dispositions. Safe to call more than once.
    public func shutdown() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
        delscreen(screen)
        ts_restore_signal_handlers()
    }

    /// The current size, already updated when `.resize` arrives.
    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func clear() {
        werase(window)
    }

    public func draw(_ text: String, row: Int, column: Int, style: Style) {
        let size = self.size
        guard isOpen, row >= 0, row < size.height,
            let run = clipRun(text, column: column, minColumn: 0, maxColumn: size.width)
        else { return }
        let characters = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        ts_wattr_set(window, attributes(of: style), Int32(pair(for: style)))
        _ = characters.withUnsafeBufferPointer { buffer in
            mvwaddwstr(window, Int32(row), Int32(run.column), buffer.baseAddress)
        }
        ts_wattr_set(window, ts_a_normal(), 0)
    }

    public func setCursor(_ position: Position?) {
        cursor = position
    }

    public func present() {
        guard isOpen else { return }
        if let cursor {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// Writes the OSC 52 sequence straight to the terminal, after curses has flushed its frame.
    public func copyToClipboard(_ text: String) {
        guard isOpen else { return }
        let bytes = Array(Self.osc52(text).utf8)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if let signal = takeSignal() { return .signal(signal) }
        guard isOpen else { return .signal(.hangup) }
        if timeoutMilliseconds != currentTimeout {
            currentTimeout = timeoutMilliseconds
            wtimeout(window, Int32(clamping: timeoutMilliseconds))
        }
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if let signal = takeSignal() { return .signal(signal) }
        switch status {
        case OK: return KeyDecoder.decode(value: value, isFunctionKey: false)
        case KEY_CODE_YES:
            if Int32(bitPattern: value) == KEY_MOUSE { return readMouse() }
            return KeyDecoder.decode(value: value, isFunctionKey: true)
        default: return nil
        }
    }

    private func readMouse() -> InputEvent? {
        var row: Int32 = 0
        var column: Int32 = 0
        switch ts_read_mouse(&row, &column) {
        case 1: return .mouse(MouseEvent(.click, row: Int(row), column: Int(column)))
        case 4: return .mouse(MouseEvent(.wheelUp, row: Int(row), column: Int(column)))
        case 5: return .mouse(MouseEvent(.wheelDown, row: Int(row), column: Int(column)))
        default: return nil
        }
    }

    private func takeSignal() -> TerminalSignal? {
        switch ts_take_pending_signal() {
        case 0: return nil
        case SIGINT: return .interrupt
        case SIGTERM: return .terminate
        default: return .hangup
        }
    }

    private func attributes(of style: Style) -> attr_t {
        var attributes = ts_a_normal()
        if style.bold { attributes |= ts_a_bold() }
        if style.reverse { attributes |= ts_a_reverse() }
        if style.underline { attributes |= ts_a_underline() }
        if style.dim { attributes |= ts_a_dim() }
        return attributes
    }

    /// The colour pair for a style's colours, created on first use; pair 0 (the terminal's
    /// defaults) once the terminal runs out of pairs.
    private func pair(for style: Style) -> Int16 {
        guard colorCount > 0 else { return 0 }
        let key = ColorPairKey(
            foreground: style.foreground.paletteIndex(colorCount: colorCount) ?? -1,
            background: style.background.paletteIndex(colorCount: colorCount) ?? -1)
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = pairs.count + 1
        guard next < Int(ts_color_pairs()), next <= Int(Int16.max) else { return 0 }
        init_pair(Int16(next), Int16(key.foreground), Int16(key.background))
        pairs[key] = Int16(next)
        return Int16(next)
    }
}
