/// One entry of the audit trail: who did what to which resource, and how it ended.
public struct AuditEvent: Codable, Sendable, Equatable {
    public var time: Timestamp
    /// The ARN of the principal that made the request.
    public var principal: String
    /// The action, e.g. `iam:CreateUser`.
    public var action: String
    /// The ARN of the resource acted on.
    public var resource: String
    /// `Success`, or the AWS error code.
    public var outcome: String

    public init(time: Timestamp, principal: String, action: String, resource: String, outcome: String) {
        self.time = time
        self.principal = principal
        self.action = action
        self.resource = resource
        self.outcome = outcome
    }
}
