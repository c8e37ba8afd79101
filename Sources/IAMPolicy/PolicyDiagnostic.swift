/// One reason a policy document is malformed, pointing at the offending value.
public struct PolicyDiagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// AWS's `MalformedPolicyDocument` message, for example `Policy statement must contain resources.`.
    public var message: String
    /// Where the offending value (or the object missing a member) starts; `nil` when there is no such place.
    public var location: SourceLocation?
    /// The JSON path of the offending value, for example `$.Statement[1].Effect`.
    public var path: String
    /// What exactly is wrong, when AWS's message is too general to act on (it says only
    /// `Syntax errors in policy.` for most structural mistakes).
    public var detail: String?

    /// Creates a diagnostic.
    public init(message: String, location: SourceLocation?, path: String, detail: String? = nil) {
        self.message = message
        self.location = location
        self.path = path
        self.detail = detail
    }

    /// `line L, column C: MESSAGE (DETAIL)`, or just the message when there is no location.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        let suffix = detail.map { " (\($0))" } ?? ""
        return prefix + message + suffix
    }
}
