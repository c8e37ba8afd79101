/// Credentials that cannot be found or read: `FILE:LINE: message`, or the variable at fault.
public struct CredentialsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The credentials file, or nil when the problem is in the environment.
    public var file: String?
    /// The line in `file`, when the problem has one.
    public var line: Int?
    public var message: String

    /// Creates an error.
    public init(file: String?, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, `FILE: message` or the message alone.
    public var description: String {
        switch (file, line) {
        case (let file?, let line?): return "\(file):\(line): \(message)"
        case (let file?, nil): return "\(file): \(message)"
        default: return message
        }
    }
}
