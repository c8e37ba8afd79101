import Foundation

/// Collects the allowed requests an `IAMService` answers, for access advisor, until they are
/// folded into the account.
///
/// A reference for the same reason as `AuditRecorder`: read-only actions (non-mutating methods)
/// are authorised too, and a copy of a service (a paginating loop) must record into the same place.
public final class ActivityRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [ServiceActivity] = []

    public init() {}

    /// Notes one allowed request.
    func note(_ entry: ServiceActivity) {
        lock.lock()
        entries.append(entry)
        lock.unlock()
    }

    /// Returns the entries noted since the last call and forgets them.
    public func take() -> [ServiceActivity] {
        lock.lock()
        defer { lock.unlock() }
        let taken = entries
        entries = []
        return taken
    }
}

extension Account {
    /// Adds activity entries, keeping the latest time of each key.
    public mutating func recordActivity(_ entries: [ServiceActivity]) {
        for entry in entries {
            recordActivity(principalARN: entry.principal, action: entry.action, region: entry.region, at: entry.time)
        }
    }
}

extension IAMService {
    /// Notes that `principal` was allowed `action` (`service:Name`), under the IAM user or role
    /// access advisor reports on (a role session counts as its role; root is not tracked).
    func noteActivity(_ principal: Principal, _ action: String) {
        let arn: String
        switch principal {
        case .root: return
        case .user(let name):
            guard let user = account.user(named: name) else { return }
            arn = account.arn(of: user)
        case .roleSession(let roleName, _):
            guard let role = account.role(named: roleName) else { return }
            arn = account.arn(of: role)
        }
        activityRecorder.note(ServiceActivity(principal: arn, action: action, region: region, time: clock.now()))
    }

    /// Folds the activity noted by read-only requests into the account, so the caller saves it
    /// (changing requests fold theirs themselves when they succeed).
    public mutating func absorbActivity() {
        let entries = activityRecorder.take()
        guard !entries.isEmpty else { return }
        account.recordActivity(entries)
        account.pruneActivity(at: clock.now())
    }
}
