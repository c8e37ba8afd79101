/// The characters the console draws its chrome with: Unicode box drawing, or plain ASCII for
/// `--ascii` (terminals without UTF-8, screen readers, logs).
public struct Glyphs: Sendable, Equatable {
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var horizontal: String
    public var vertical: String
    /// Marks cut text: `…`, or `~` in ASCII.
    public var ellipsis: String
    /// Marks the selected row of a list.
    public var selectionMarker: String
    /// Separates items in a header or status line.
    public var separator: String
    public var arrowUp: String
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
