import IAMPolicy

/// An input that cannot be imported, with where the problem is: `FILE:LINE:COLUMN: problem`.
///
/// Any such error stops the whole import: nothing is written, and an existing workspace keeps its bytes.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that was being read.
    public var file: String
    /// Where in the file, when the problem has a position.
    public var location: SourceLocation?
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an error.
    public init(file: String, location: SourceLocation?, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    /// One line: `FILE:LINE:COLUMN: message` (or `FILE: message` without a position).
    public var description: String {
        guard let location else { return "\(file): \(message)" }
        return "\(file):\(location.line):\(location.column): \(message)"
    }
}
