/// A QR code drawn in text cells: dark modules on a light background whatever the theme, with a
/// quiet zone, so phone cameras read it off a dark terminal too.
///
/// With Unicode each cell holds two modules stacked (`▀`, `▄`, `█`, or a space), which keeps
/// modules square in cells about twice as tall as wide: a symbol of N modules with a quiet zone
/// of Q takes N + 2Q columns and (N + 2Q + 1) / 2 rows. The ASCII fallback draws each module as
/// two cells (`##` dark, spaces light), one row per module, which needs far more room; when it
/// does not fit, show the secret as text instead.
///
/// TerminalKit knows nothing of QR encoding: the caller passes the matrix (rows of modules,
/// `true` dark).
public struct QRBlock: Sendable, Equatable {
    /// The standard quiet zone, in modules.
    public static let standardQuietZone = 4
    /// Black on white: exact RGB, so themes that remap the ANSI palette cannot invert or tint it.
    public static let style = Style(foreground: .rgb(0, 0, 0), background: .rgb(255, 255, 255))

    /// The symbol's modules, `true` dark, without the quiet zone.
    public let modules: [[Bool]]
    /// Light modules drawn around the symbol on every side.
    public let quietZone: Int

    /// A block for a square matrix; nil when the rows are not all as long as there are rows.
    public init?(modules: [[Bool]], quietZone: Int = standardQuietZone) {
        guard !modules.isEmpty, modules.allSatisfy({ $0.count == modules.count }) else { return nil }
        self.modules = modules
        self.quietZone = max(0, quietZone)
    }

    /// Modules per side including the quiet zone.
    public var sideModules: Int { modules.count + 2 * quietZone }

    /// Columns and rows the block takes.
    public func size(ascii: Bool) -> (width: Int, height: Int) {
        ascii ? (2 * sideModules, sideModules) : (sideModules, (sideModules + 1) / 2)
    }

    /// Whether the block fits in `width` x `height` cells.
    public func fits(width: Int, height: Int, ascii: Bool) -> Bool {
        let size = size(ascii: ascii)
        return size.width <= width && size.height <= height
    }

    /// The block as lines of text, quiet zone included.
    public func lines(ascii: Bool) -> [String] {
        let side = sideModules
        if ascii {
            return (0..<side).map { row in
                String((0..<side).flatMap { isDark(row, $0) ? ["#", "#"] : [" ", " "] as [Character] })
            }
        }
        return stride(from: 0, to: side, by: 2).map { row in
            String(
                (0..<side).map { column -> Character in
                    switch (isDark(row, column), isDark(row + 1, column)) {
                    case (true, true): return "\u{2588}"
                    case (true, false): return "\u{2580}"
                    case (false, true): return "\u{2584}"
                    case (false, false): return " "
                    }
                })
        }
    }

    /// Draws the block with its top-left corner at (`row`, `column`) of `canvas`, in `QRBlock.style`.
    /// Returns false (drawing nothing) when it does not fit: a clipped QR code cannot be read.
    @MainActor
    @discardableResult
    public func draw(in canvas: Canvas, row: Int = 0, column: Int = 0, ascii: Bool = false) -> Bool {
        guard row >= 0, column >= 0, fits(width: canvas.width - column, height: canvas.height - row, ascii: ascii)
        else { return false }
        for (offset, line) in lines(ascii: ascii).enumerated() {
            canvas.text(line, row: row + offset, column: column, style: Self.style)
        }
        return true
    }

    /// Whether the module at `row`, `column` of the block (quiet zone included) is dark.
    private func isDark(_ row: Int, _ column: Int) -> Bool {
        let symbolRow = row - quietZone
        let symbolColumn = column - quietZone
        guard modules.indices.contains(symbolRow), modules.indices.contains(symbolColumn) else { return false }
        return modules[symbolRow][symbolColumn]
    }
}
