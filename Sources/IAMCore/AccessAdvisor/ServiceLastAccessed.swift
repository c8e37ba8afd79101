/// One service an entity is granted and when it was last used, in the shape of AWS's
/// `ServiceLastAccessed`.
public struct ServiceLastAccessed: Codable, Sendable, Equatable {
    /// The service's name, e.g. "Amazon S3".
    public var serviceName: String
    /// When a tracked principal last used the service; nil when not in the tracking period.
    public var lastAuthenticated: Timestamp?
    /// The namespace, e.g. `s3`.
    public var serviceNamespace: String
    /// The user or role that last used the service.
    public var lastAuthenticatedEntity: String?
    public var lastAuthenticatedRegion: String?
    /// How many of the tracked users and roles used the service in the tracking period.
    public var totalAuthenticatedEntities: Int
    /// ACTION_LEVEL jobs only, for the services AWS tracks actions of (EC2, IAM, Lambda, S3).
    public var trackedActionsLastAccessed: [TrackedActionLastAccessed]?
}

/// One action of an action-level report, in the shape of AWS's `TrackedActionLastAccessed`.
public struct TrackedActionLastAccessed: Codable, Sendable, Equatable {
    public var actionName: String
    public var lastAccessedEntity: String?
    public var lastAccessedTime: Timestamp?
    public var lastAccessedRegion: String?
}

/// Computes access advisor's report for an entity from the account's recorded activity.
public enum AccessAdvisorReport {
    /// The services AWS reports action-level detail for.
    public static let actionTrackedServices: Set<String> = ["ec2", "iam", "lambda", "s3"]

    /// The services `entity` is granted, most recently used first, then never-used ones by namespace.
    public static func services(
        for entity: AdvisedEntity, in account: Account, at now: Timestamp, actionLevel: Bool = false
    ) -> [ServiceLastAccessed] {
        let cutoff = now.adding(seconds: -Account.activityTrackingDays * 86_400)
        let principals = Set(entity.principals)
        var byService: [String: [(key: ActivityKey, time: Timestamp)]] = [:]
        for (key, time) in account.activity where time >= cutoff && principals.contains(key.principalARN) {
            byService[key.service, default: []].append((key, time))
        }
        let rows = ServiceGrants.services(in: entity.documents).map { namespace in
            let entries = byService[namespace] ?? []
            let latest = entries.max { ($0.time, $1.key) < ($1.time, $0.key) }
            var row = ServiceLastAccessed(
                serviceName: ServiceGrants.serviceName(namespace), lastAuthenticated: latest?.time,
                serviceNamespace: namespace, lastAuthenticatedEntity: latest?.key.principalARN,
                lastAuthenticatedRegion: latest?.key.region,
                totalAuthenticatedEntities: Set(entries.map(\.key.principalARN)).count)
            if actionLevel, actionTrackedServices.contains(namespace) {
                row.trackedActionsLastAccessed = trackedActions(namespace, entries, entity)
            }
            return row
        }
        return rows.sorted { lhs, rhs in
            switch (lhs.lastAuthenticated, rhs.lastAuthenticated) {
            case (let left?, let right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.serviceNamespace < rhs.serviceNamespace
            }
        }
    }

    /// Every granted action of the service, with the latest use of the used ones (used first).
    private static func trackedActions(
        _ namespace: String, _ entries: [(key: ActivityKey, time: Timestamp)], _ entity: AdvisedEntity
    ) -> [TrackedActionLastAccessed] {
        var latest: [String: (key: ActivityKey, time: Timestamp)] = [:]
        for entry in entries {
            let name = entry.key.actionName
            if let known = latest[name], known.time >= entry.time { continue }
            latest[name] = entry
        }
        let granted = ServiceGrants.actions(of: namespace, in: entity.documents)
        let used = Set(latest.keys.map { $0.lowercased() })
        var names = Array(latest.keys)
        names += granted.filter { !used.contains($0.lowercased()) }
        return names.map { name in
            let entry = latest[name]
            return TrackedActionLastAccessed(
                actionName: name, lastAccessedEntity: entry?.key.principalARN, lastAccessedTime: entry?.time,
                lastAccessedRegion: entry?.key.region)
        }.sorted { lhs, rhs in
            switch (lhs.lastAccessedTime, rhs.lastAccessedTime) {
            case (let left?, let right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.actionName < rhs.actionName
            }
        }
    }
}
