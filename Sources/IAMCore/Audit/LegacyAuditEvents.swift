import Foundation
import IAMPolicy

/// Workspaces written before the trail moved beside the file kept every event in the account's
/// `auditTrail`. These turn such events into trail records, so the history survives the move.
public enum LegacyAuditEvents {
    /// The account with only its sign-in attempts kept (what the throttle needs), and every old
    /// event as a trail record; nil when the account holds only sign-in attempts (nothing to move).
    public static func extract(from account: Account) -> (account: Account, records: [CloudTrailRecord])? {
        guard account.auditTrail.contains(where: { $0.action != ConsoleSignIn.auditAction }) else { return nil }
        var stripped = account
        stripped.auditTrail = account.auditTrail.filter { $0.action == ConsoleSignIn.auditAction }
        return (stripped, account.auditTrail.map { record(for: $0, accountId: account.id) })
    }

    /// An old event as a record: who, what, on which resource and how it ended are all it knew.
    public static func record(for event: AuditEvent, accountId: String) -> CloudTrailRecord {
        let parts = event.action.split(separator: ":", maxSplits: 1).map(String.init)
        let service = parts.count == 2 ? parts[0] : "iam"
        let name = parts.last ?? event.action
        let signIn = event.action == ConsoleSignIn.auditAction
        var record = CloudTrailRecord(
            userIdentity: identity(of: event.principal, accountId: accountId), eventTime: event.time,
            eventSource: service + ".amazonaws.com", eventName: name,
            userAgent: "iamconsole/\(AuditCaller.toolVersion) (moved from the workspace file)",
            eventID: UUID().uuidString.lowercased(), eventType: signIn ? "AwsConsoleSignIn" : "AwsApiCall",
            recipientAccountId: accountId)
        record.resources = [CloudTrailResource(arn: event.resource, accountId: accountId)]
        let succeeded = event.outcome == ConsoleSignIn.success
        if signIn {
            record.responseElements = ["ConsoleLogin": .string(succeeded ? "Success" : "Failure")]
            if !succeeded { record.errorMessage = event.outcome }
        } else if !succeeded {
            record.errorCode = event.outcome
        }
        return record
    }

    /// The identity an ARN names: the root user, an IAM user, or a role session.
    static func identity(of arn: String, accountId: String) -> CloudTrailIdentity {
        let resource = arn.split(separator: ":", maxSplits: 5).last.map(String.init) ?? arn
        if resource == "root" {
            return CloudTrailIdentity(type: "Root", principalId: accountId, arn: arn, accountId: accountId)
        }
        if resource.hasPrefix("assumed-role/") {
            return CloudTrailIdentity(type: "AssumedRole", principalId: nil, arn: arn, accountId: accountId)
        }
        let name = resource.split(separator: "/").last.map(String.init)
        return CloudTrailIdentity(type: "IAMUser", principalId: nil, arn: arn, accountId: accountId, userName: name)
    }
}
