/// The screen shown instead of the console when the terminal is below its minimum size.
public enum TooSmallScreen {
    /// The smallest size the console lays out for.
    public static let defaultMinimum = TerminalSize(width: 80, height: 24)

    /// The lines of the message, most important first.
    public static func lines(size: TerminalSize, minimum: TerminalSize) -> [String] {
        [
            "Terminal too small",
            "\(size) - needs at least \(minimum)",
            "Enlarge the window, or type :q to quit",
        ]
    }

    /// Blanks the canvas and centres the message in it. Every line is cut to the width, and
    /// lines that do not fit vertically are dropped from the end.
    @MainActor
    public static func draw(in canvas: Canvas, minimum: TerminalSize = defaultMinimum, style: Style) {
        canvas.fill(style: .plain)
        let size = TerminalSize(width: canvas.width, height: canvas.height)
        let shown = Array(lines(size: size, minimum: minimum).prefix(canvas.height))
        let top = max(0, (canvas.height - shown.count) / 2)
        for (offset, message) in shown.enumerated() {
            canvas.line(message, row: top + offset, style: offset == 0 ? style : .plain, alignment: .center)
        }
    }
}
