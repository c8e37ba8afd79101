import CNcursesw

/// Turns what `wget_wch` returned into an event; kept apart from `NCursesTerminal` so the
/// mapping can be tested without a terminal.
enum KeyDecoder {
    /// `isFunctionKey` is true when `wget_wch` returned `KEY_CODE_YES`.
    static func decode(value: UInt32, isFunctionKey: Bool) -> InputEvent? {
        isFunctionKey ? decodeKeyCode(Int32(bitPattern: value)) : decodeCharacter(value)
    }

    static func decodeCharacter(_ value: UInt32) -> InputEvent? {
        switch value {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 27: return .key(.escape)
        // Ctrl-Space sends NUL; the editor opens completion with it.
        case 0: return .key(.control(" "))
        // Under cbreak Ctrl-C raises SIGINT; this only arrives when the tty passes it through raw.
        case 3: return .signal(.interrupt)
        case 1...26:
            guard let scalar = Unicode.Scalar(value + 96) else { return nil }
            return .key(.control(Character(scalar)))
        case 0..<32:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }
}
