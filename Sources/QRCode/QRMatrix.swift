/// A QR symbol as a square grid of modules, `true` for a dark module, without the quiet zone.
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side.
    public let size: Int
    /// Row-major modules, `size * size` of them.
    public let modules: [Bool]

    /// A matrix from row-major modules; nil unless there are exactly `size * size` of them.
    public init?(size: Int, modules: [Bool]) {
        guard size > 0, modules.count == size * size else { return nil }
        self.size = size
        self.modules = modules
    }

    /// Whether the module at `row`, `column` is dark; outside the symbol (the quiet zone) is light.
    public subscript(row: Int, column: Int) -> Bool {
        guard row >= 0, column >= 0, row < size, column < size else { return false }
        return modules[row * size + column]
    }

    /// The modules as rows, the form TerminalKit's `QRBlock` draws.
    public var rows: [[Bool]] {
        (0..<size).map { row in Array(modules[(row * size)..<((row + 1) * size)]) }
    }
}
