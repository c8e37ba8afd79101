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
}
