/// One entry of the account's sign-in log (`Account.auditTrail`): who tried to sign in and how it
/// ended. Workspaces written before the CloudTrail-shaped trail beside the file kept every action
/// in this form; `LegacyAuditEvents` turns those into trail records.
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
