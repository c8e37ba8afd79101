/// A clipped view of a terminal: a rectangle that coordinates are relative to and that
/// nothing drawn through it can leave.
///
/// Widgets draw into a canvas, never into the terminal directly, so a widget given a small
/// area cannot scribble over its neighbours or off the screen.
@MainActor
public struct Canvas {
    /// The terminal drawn into.
    public let terminal: any Terminal
    /// The area of the terminal this canvas covers, in terminal coordinates.
    public let bounds: Rect
    /// The characters used for borders and ellipses.
    public let glyphs: Glyphs

    /// A canvas covering the whole terminal.
    public init(terminal: any Terminal, glyphs: Glyphs = .unicode) {
        let size = terminal.size
        self.init(
            terminal: terminal, bounds: Rect(row: 0, column: 0, width: size.width, height: size.height), glyphs: glyphs)
    }

    private init(terminal: any Terminal, bounds: Rect, glyphs: Glyphs) {
        self.terminal = terminal
        self.bounds = bounds
        self.glyphs = glyphs
    }

    /// Width in cells.
    public var width: Int { bounds.width }
    /// Height in cells.
    public var height: Int { bounds.height }
    /// The canvas's own area in its own coordinates.
    public var area: Rect { Rect(row: 0, column: 0, width: width, height: height) }

    /// A canvas for part of this one (`rect` in this canvas's coordinates), clipped to it.
    public func subcanvas(_ rect: Rect) -> Canvas {
        let absolute = Rect(
            row: bounds.row + rect.row, column: bounds.column + rect.column, width: rect.width, height: rect.height)
        return Canvas(terminal: terminal, bounds: bounds.intersection(absolute), glyphs: glyphs)
    }

    /// Draws text at (`row`, `column`), clipped to the canvas. Text that does not fit is cut
    /// without an ellipsis; use `truncate` first when the cut should show.
    public func text(_ text: String, row: Int, column: Int, style: Style) {
        guard row >= 0, row < height,
            let run = clipRun(text, column: column, minColumn: 0, maxColumn: width)
        else { return }
        terminal.draw(run.text, row: bounds.row + row, column: bounds.column + run.column, style: style)
    }

    /// Draws `text` fitted to the whole row: truncated with the ellipsis, padded with `style`.
    public func line(_ text: String, row: Int, style: Style, alignment: TextAlignment = .left) {
        self.text(
            fit(text, toWidth: width, ellipsis: glyphs.ellipsis, alignment: alignment), row: row, column: 0,
            style: style)
    }

    /// Fills `rect` (default: the whole canvas) with spaces in `style`.
    public func fill(_ rect: Rect? = nil, style: Style) {
        let target = (rect ?? area).intersection(area)
        guard !target.isEmpty else { return }
        let blank = String(repeating: " ", count: target.width)
        for row in target.row..<target.bottom {
            text(blank, row: row, column: target.column, style: style)
        }
    }

    /// Draws a horizontal line of `length` cells.
    public func horizontalLine(row: Int, column: Int, length: Int, style: Style) {
        guard length > 0 else { return }
        text(String(repeating: glyphs.horizontal, count: length), row: row, column: column, style: style)
    }

    /// Draws a bordered box around `rect` with an optional title in the top border, and
    /// returns the canvas for its interior. A box smaller than 2x2 draws nothing.
    @discardableResult
    public func box(_ rect: Rect, title: String? = nil, border: Style, titleStyle: Style? = nil) -> Canvas {
        guard rect.width >= 2, rect.height >= 2 else {
            return subcanvas(Rect(row: rect.row, column: rect.column, width: 0, height: 0))
        }
        let inner = rect.width - 2
        text(glyphs.topLeft, row: rect.row, column: rect.column, style: border)
        horizontalLine(row: rect.row, column: rect.column + 1, length: inner, style: border)
        text(glyphs.topRight, row: rect.row, column: rect.right - 1, style: border)
        for row in (rect.row + 1)..<(rect.bottom - 1) {
            text(glyphs.vertical, row: row, column: rect.column, style: border)
            text(glyphs.vertical, row: row, column: rect.right - 1, style: border)
        }
        text(glyphs.bottomLeft, row: rect.bottom - 1, column: rect.column, style: border)
        horizontalLine(row: rect.bottom - 1, column: rect.column + 1, length: inner, style: border)
        text(glyphs.bottomRight, row: rect.bottom - 1, column: rect.right - 1, style: border)
        if let title, !title.isEmpty, inner >= 3 {
            let label = " " + truncate(title, toWidth: inner - 2, ellipsis: glyphs.ellipsis) + " "
            text(label, row: rect.row, column: rect.column + 1, style: titleStyle ?? border)
        }
        return subcanvas(rect.inset(by: 1))
    }
}
