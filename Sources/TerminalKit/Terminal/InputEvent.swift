/// Something the user (or the system) did that the console reacts to.
public enum InputEvent: Sendable, Hashable {
    /// A printable character, already decoded from UTF-8 (`é`, `漢`).
    case character(Character)
    /// A named key.
    case key(Key)
    /// The terminal changed size; `Terminal.size` already reports the new size.
    case resize
    /// A signal asked the console to stop (Ctrl-C, `kill`, the terminal closing).
    case signal(TerminalSignal)
    /// A mouse click or wheel step, when the console was started with the mouse on.
    case mouse(MouseEvent)
}

/// A click or a wheel step at a cell (0-based row and column of the screen).
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Kind: Sendable, Hashable {
        case click
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var row: Int
    public var column: Int

    /// Creates a mouse event.
    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}

/// Keys that are not plain characters.
public enum Key: Sendable, Hashable {
    case up
    case down
    case left
    case right
    case enter
    case backspace
    case delete
    case escape
    case tab
    case backTab
    case pageUp
    case pageDown
    case home
    case end
    /// F1 to F12.
    case function(Int)
    /// Ctrl plus a letter, for letters that have no other meaning (Ctrl-L is `.control("l")`).
    case control(Character)
}

/// Signals that end the console, with the exit code a shell expects for each.
public enum TerminalSignal: Sendable, Hashable {
    /// SIGINT, usually Ctrl-C.
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP, or the input source ended.
    case hangup

    /// 128 plus the signal number, as shells report a process killed by that signal.
    public var exitCode: Int32 {
        switch self {
        case .interrupt: return 130
        case .terminate: return 143
        case .hangup: return 129
        }
    }
}
