/// How failed sign-ins slow the next attempt for the same identity.
///
/// The count is read from the audit trail (the `signin:ConsoleLogin` events of that identity
/// since its last success, within `window` seconds), so it survives restarts and is shared by
/// every console on the workspace. IAM itself has no lockout; neither does this.
public struct SignInThrottle: Sendable, Equatable {
    /// Failures allowed before attempts have to wait.
    public var freeAttempts = 2
    /// The longest wait, in seconds.
    public var maximumDelay: Int64 = 30
    /// Failures older than this many seconds no longer count.
    public var window: Int64 = 900

    public init() {}

    /// Seconds to wait after the last of `failures` consecutive failures: 0 up to `freeAttempts`,
    /// then 1, 2, 4, ... up to `maximumDelay`.
    public func delay(afterFailures failures: Int) -> Int64 {
        guard failures > freeAttempts else { return 0 }
        let exponent = min(failures - freeAttempts - 1, 20)
        return min(maximumDelay, Int64(1) << Int64(exponent))
    }

    /// Consecutive recent failures of `identityARN` and when the last one happened.
    func failures(of identityARN: String, in trail: [AuditEvent], at now: Timestamp) -> (count: Int, last: Timestamp?) {
        var count = 0
        var last: Timestamp?
        for event in trail.reversed() {
            if event.time.seconds < now.seconds - window { break }
            guard event.action == ConsoleSignIn.auditAction, event.principal == identityARN else { continue }
            if event.outcome == ConsoleSignIn.success { break }
            count += 1
            if last == nil { last = event.time }
        }
        return (count, last)
    }

    /// When the next attempt for `identityARN` may be checked, or nil when it may be checked now.
    func retryAfter(_ identityARN: String, in trail: [AuditEvent], at now: Timestamp) -> Timestamp? {
        let (count, last) = failures(of: identityARN, in: trail, at: now)
        guard let last else { return nil }
        let allowed = last.adding(seconds: delay(afterFailures: count))
        return allowed > now ? allowed : nil
    }
}
