/// Why a text is not JSON, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the offending character.
    public var line: Int
    /// The 1-based column of the offending character, in Unicode scalars.
    public var column: Int
    /// The UTF-8 byte offset of the offending character.
    public var offset: Int
    /// What is wrong, for example `unterminated string`.
    public var message: String

    /// Creates an error at a location.
    public init(message: String, location: SourceLocation) {
        self.line = location.line
        self.column = location.column
        self.offset = location.offset
        self.message = message
    }

    /// The error's position as a ``SourceLocation``.
    public var location: SourceLocation { SourceLocation(line: line, column: column, offset: offset) }

    /// `line L, column C: MESSAGE`.
    public var description: String { "line \(line), column \(column): \(message)" }
}
