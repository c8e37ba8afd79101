/// The characters the console draws its chrome with: Unicode box drawing, or plain ASCII for
/// `--ascii` (terminals without UTF-8, screen readers, logs).
public struct Glyphs: Sendable, Equatable {
    /// Box corner.
    public var topLeft: String
    /// Box corner.
    public var topRight: String
    /// Box corner.
    public var bottomLeft: String
    /// Box corner.
    public var bottomRight: String
    /// Box edge.
    public var horizontal: String
    /// Box edge.
    public var vertical: String
    /// Marks cut text: `…`, or `~` in ASCII.
    public var ellipsis: String
    /// Marks the selected row of a list.
    public var selectionMarker: String
    /// Separates items in a header or status line.
    public var separator: String
    /// Shows that a list continues above.
    public var arrowUp: String
    /// Shows that a list continues below.
    public var arrowDown: String

    /// Unicode box drawing.
    public static let unicode = Glyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        ellipsis: "…", selectionMarker: "▸", separator: "│", arrowUp: "↑", arrowDown: "↓")

    /// Plain ASCII.
    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        ellipsis: "~", selectionMarker: ">", separator: "|", arrowUp: "^", arrowDown: "v")

    /// Unicode or ASCII.
    public static func forMode(ascii: Bool) -> Glyphs {
        ascii ? .ascii : .unicode
    }
}
