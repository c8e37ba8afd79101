import Foundation
import IAMPolicy

/// How many recent sign-in attempts the account keeps for the throttle.
///
/// The throttle only looks at an identity's attempts since its last success within its window, so
/// a bounded, per-identity record is enough; the full history is the trail beside the workspace.
public enum SignInAttemptLog {
    /// Attempts kept per identity.
    public static let attemptsPerIdentity = 16
    /// Attempts older than this many seconds are dropped (far longer than any throttle window).
    public static let retention: Int64 = 86_400

    /// `trail` with `event` added, old sign-in attempts dropped and at most `attemptsPerIdentity`
    /// kept for each identity. Other events (of workspaces written before the trail moved out of
    /// the account) are left for the workspace to migrate.
    public static func adding(_ event: AuditEvent, to trail: [AuditEvent]) -> [AuditEvent] {
        var kept: [AuditEvent] = []
        var perIdentity: [String: Int] = [:]
        for existing in (trail + [event]).reversed() {
            guard existing.action == ConsoleSignIn.auditAction else {
                kept.append(existing)
                continue
            }
            guard existing.time.seconds >= event.time.seconds - retention else { continue }
            let count = perIdentity[existing.principal, default: 0]
            guard count < attemptsPerIdentity else { continue }
            perIdentity[existing.principal] = count + 1
            kept.append(existing)
        }
        return kept.reversed()
    }
}

extension IAMService {
    /// Where a successful sign-in lands, as CloudTrail's `LoginTo` names it.
    static let signInDestination = "iamconsole://console/home"

    /// Records a checked sign-in attempt: in the account for the throttle (always, so it keeps
    /// counting when recording is off) and as a CloudTrail `ConsoleLogin` record.
    mutating func noteSignIn(_ arn: String, _ outcome: String, mfaUsed: Bool) {
        let now = clock.now()
        account.auditTrail = SignInAttemptLog.adding(
            AuditEvent(time: now, principal: arn, action: ConsoleSignIn.auditAction, resource: arn, outcome: outcome),
            to: account.auditTrail)
        guard recordsAudit else { return }
        let success = outcome == ConsoleSignIn.success
        var record = CloudTrailRecord(
            userIdentity: signInIdentity(arn), eventTime: now, eventSource: AuditEventSource.signIn,
            eventName: "ConsoleLogin", userAgent: auditRecorder.caller.userAgent,
            eventID: UUID().uuidString.lowercased(), eventType: "AwsConsoleSignIn", recipientAccountId: account.id,
            responseElements: ["ConsoleLogin": .string(success ? "Success" : "Failure")])
        record.additionalEventData = [
            "LoginTo": .string(Self.signInDestination), "MobileVersion": "No",
            "MFAUsed": .string(mfaUsed ? "Yes" : "No"),
        ]
        if !success {
            record.errorMessage =
                outcome == ConsoleSignIn.hardExpiredOutcome ? outcome : ConsoleSignIn.passwordFailure
        }
        auditRecorder.append(record)
    }

    /// The identity a sign-in attempt claimed. A user name that names no user is hidden, as
    /// CloudTrail hides it: people type passwords into the name field.
    private func signInIdentity(_ arn: String) -> CloudTrailIdentity {
        if arn == account.rootARN {
            return CloudTrailIdentity(
                type: "Root", principalId: account.id, arn: arn, accountId: account.id, userName: "root")
        }
        if let user = account.users.values.first(where: { account.arn(of: $0) == arn }) {
            return CloudTrailIdentity(
                type: "IAMUser", principalId: user.id, arn: arn, accountId: account.id, userName: user.name)
        }
        return CloudTrailIdentity(
            type: "IAMUser", principalId: nil, arn: nil, accountId: account.id, userName: AuditRedaction.hidden)
    }
}
