/// A terminal's size in cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size of `width` columns by `height` rows.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// True when both dimensions reach those of `minimum`.
    public func fits(_ minimum: TerminalSize) -> Bool {
        width >= minimum.width && height >= minimum.height
    }

    /// `WIDTHxHEIGHT`, as users write terminal sizes.
    public var description: String { "\(width)x\(height)" }
}

/// A cell position, zero-based from the top-left corner.
public struct Position: Sendable, Hashable {
    /// Zero-based row.
    public var row: Int
    /// Zero-based column.
    public var column: Int

    /// Creates a position.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    /// Zero-based row.
    public var row: Int
    /// Zero-based column.
    public var column: Int
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a rectangle; negative sizes are treated as empty.
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// True when the rectangle holds no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// One past the last row.
    public var bottom: Int { row + height }
    /// One past the last column.
    public var right: Int { column + width }

    /// The cells both rectangles share (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        return Rect(
            row: top, column: left, width: min(right, other.right) - left, height: min(bottom, other.bottom) - top)
    }

    /// The rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, column: column + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}
