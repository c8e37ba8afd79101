/// What access advisor keeps of one principal's use of one action in one Region: only the latest
/// time, so the account grows with the variety of what is used, not with the number of requests.
public struct ActivityKey: Sendable, Hashable, Comparable {
    /// The IAM user or role that made the request (a role session counts as its role).
    public var principalARN: String
    /// The action with its service namespace, as policies name it: `iam:CreateUser`, `s3:GetObject`.
    public var action: String
    /// The Region the request was sent to.
    public var region: String

    public init(principalARN: String, action: String, region: String) {
        self.principalARN = principalARN
        self.action = action
        self.region = region
    }

    /// The lowercased service namespace (`iam`, `s3`).
    public var service: String {
        String(action.prefix { $0 != ":" }).lowercased()
    }

    /// The action's name without its namespace (`CreateUser`).
    public var actionName: String {
        guard let colon = action.firstIndex(of: ":") else { return action }
        return String(action[action.index(after: colon)...])
    }

    public static func < (lhs: ActivityKey, rhs: ActivityKey) -> Bool {
        (lhs.principalARN, lhs.action, lhs.region) < (rhs.principalARN, rhs.action, rhs.region)
    }
}

/// One stored activity entry, as the workspace file lists them.
public struct ServiceActivity: Sendable, Equatable, Codable {
    public var principal: String
    public var action: String
    public var region: String
    public var time: Timestamp

    public init(principal: String, action: String, region: String, time: Timestamp) {
        self.principal = principal
        self.action = action
        self.region = region
        self.time = time
    }

    public var key: ActivityKey { ActivityKey(principalARN: principal, action: action, region: region) }
}

extension Account {
    /// AWS's access advisor tracking period: activity older than this is forgotten.
    public static let activityTrackingDays: Int64 = 400

    /// Records that `principalARN` used `action` (`service:Name`) in `region` at `time`, keeping
    /// only the latest time per principal, action and Region. Importers call this for activity
    /// in other services (CloudTrail records of EC2, S3, Lambda…); the service records its own.
    public mutating func recordActivity(principalARN: String, action: String, region: String, at time: Timestamp) {
        let key = ActivityKey(principalARN: principalARN, action: action, region: region)
        if let existing = activity[key], existing >= time { return }
        activity[key] = time
    }

    /// Forgets activity older than the tracking period before `now`.
    public mutating func pruneActivity(at now: Timestamp) {
        let cutoff = now.adding(seconds: -Self.activityTrackingDays * 86_400)
        guard activity.values.contains(where: { $0 < cutoff }) else { return }
        activity = activity.filter { $0.value >= cutoff }
    }

    /// The activity entries sorted by principal, action and Region, as the workspace file lists them.
    public var sortedActivity: [ServiceActivity] {
        activity.sorted { $0.key < $1.key }.map { key, time in
            ServiceActivity(principal: key.principalARN, action: key.action, region: key.region, time: time)
        }
    }

    /// Replaces the activity with `entries`, keeping the latest time of duplicates.
    public mutating func setActivity(_ entries: [ServiceActivity]) {
        activity = [:]
        for entry in entries {
            recordActivity(principalARN: entry.principal, action: entry.action, region: entry.region, at: entry.time)
        }
    }
}
