/// A full-screen character terminal: a grid of cells to draw into and a source of input events.
///
/// Screens and widgets only ever talk to this protocol (usually through `Canvas`), so the same
/// code runs against ncurses (`NCursesTerminal`) and against the in-memory grid tests use
/// (`MemoryTerminal`). Everything runs on the main actor because curses is not thread-safe.
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: TerminalSize { get }

    /// Blanks the whole screen (takes effect on the next `present()`).
    func clear()

    /// Draws `text` starting at (`row`, `column`).
    ///
    /// Anything outside the screen is clipped: text never wraps to the next row, and a wide
    /// character that would straddle the right edge is not drawn.
    func draw(_ text: String, row: Int, column: Int, style: Style)

    /// Shows the cursor at `position`, or hides it when nil (takes effect on `present()`).
    func setCursor(_ position: Position?)

    /// Makes everything drawn since the last call visible.
    func present()

    /// Waits up to `timeoutMilliseconds` for the next event; nil when the time ran out.
    /// A timeout of 0 only returns an event that is already waiting.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?

    /// Puts `text` on the system clipboard with an OSC 52 escape sequence, which works over SSH
    /// and inside tmux (with `set-clipboard on`); terminals that do not support it ignore it.
    func copyToClipboard(_ text: String)
}

extension Terminal {
    /// The OSC 52 sequence that sets the clipboard (`c`) to `text`, base64-encoded.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;\(base64(Array(text.utf8)))\u{07}"
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - 8 * offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return output
    }
}
