import IAMCore
import IAMPolicy
import TerminalKit

/// The Access Advisor tab of user, group, role and policy pages: the services the entity's
/// policies grant, most recently used first, with a bar of recency, and the least-privilege draft
/// `p` opens.
enum AccessAdvisorContent {
    /// The recency bar's full width, reached by a service used today; it shrinks over the 400 days.
    static let barWidth = 10
    /// The bar's block; the detail view draws it as `#` in ASCII mode.
    static let block = "▇"
    /// The widest a service name is shown, so the dates fit at 80 columns.
    static let nameWidth = 24
    static let notAccessed = "Not accessed in the tracking period"

    /// The tab's lines for the entity with `arn`.
    static func lines(arn: String, in account: Account, now: Timestamp) -> [DetailLine] {
        guard let entity = AdvisedEntity(arn: arn, in: account) else {
            return [DetailLine("Nothing to report: the entity no longer exists.", kind: .muted)]
        }
        let services = AccessAdvisorReport.services(for: entity, in: account, at: now)
        let unused = services.filter { $0.lastAuthenticated == nil }.count
        var lines = [
            DetailLine("Services granted (\(services.count)), \(unused) not accessed in 400 days", kind: .heading)
        ]
        let showsWho = entity.kind == .group || entity.kind == .policy
        var columns = ["Service", "Recency", "Last accessed"]
        if showsWho { columns.append("Last accessed by") }
        let rows = services.map { service in
            var cells = [
                fit(service.serviceName, toWidth: min(nameWidth, displayWidth(service.serviceName)), ellipsis: "…"),
                bar(service.lastAuthenticated, now: now), lastAccessed(service.lastAuthenticated, now: now),
            ]
            if showsWho { cells.append(service.lastAuthenticatedEntity.map(shortName) ?? "-") }
            return cells
        }
        lines += DetailLines.table(
            columns, rows, arns: services.map(\.lastAuthenticatedEntity),
            empty: "No policy grants any service.")
        lines.append(DetailLine(""))
        lines.append(
            DetailLine(
                unused == 0 || services.count == unused
                    ? "p drafts a least-privilege policy from the services used (saved only from the editor)"
                    : "p drafts a least-privilege policy without the \(unused) unused service\(unused == 1 ? "" : "s") "
                        + "(saved only from the editor)", kind: .muted))
        return lines
    }

    /// "N days ago" (AWS's words), "Today", or "Not accessed in the tracking period".
    static func lastAccessed(_ time: Timestamp?, now: Timestamp) -> String {
        guard let time else { return notAccessed }
        let days = DisplayFormat.days(from: time, to: now)
        switch days {
        case ..<1: return "Today"
        case 1: return "1 day ago"
        default: return "\(days) days ago"
        }
    }

    /// Blocks in proportion to how recent the use is: full today, one block near the end of the window.
    static func bar(_ time: Timestamp?, now: Timestamp) -> String {
        guard let time else { return "" }
        let days = min(Int(Account.activityTrackingDays), max(0, DisplayFormat.days(from: time, to: now)))
        let remaining = Int(Account.activityTrackingDays) - days
        let blocks = max(
            1,
            (remaining * barWidth + Int(Account.activityTrackingDays) - 1)
                / Int(Account.activityTrackingDays))
        return String(repeating: block, count: blocks)
    }

    /// `user/ana` from its ARN.
    static func shortName(_ arn: String) -> String {
        guard let name = IAMResourceName(arn) else { return arn }
        return "\(name.kind)/\(name.name)"
    }

    /// The least-privilege draft for the entity with `arn`: one Allow of exactly the actions its
    /// principals used in the tracking period that its own policies grant (a group member's use
    /// through other policies does not widen the group's), or nil when nothing was used.
    static func draft(arn: String, in account: Account, now: Timestamp) -> String? {
        guard let entity = AdvisedEntity(arn: arn, in: account) else { return nil }
        let granted = Set(AccessAdvisorReport.services(for: entity, in: account, at: now).map(\.serviceNamespace))
        let cutoff = now.adding(seconds: -Account.activityTrackingDays * 86_400)
        let principals = Set(entity.principals)
        var grantedActions: [String: Set<String>] = [:]
        var actions: Set<String> = []
        for (key, time) in account.activity
        where time >= cutoff && principals.contains(key.principalARN) && granted.contains(key.service) {
            let named =
                grantedActions[key.service]
                ?? Set(ServiceGrants.actions(of: key.service, in: entity.documents).map { $0.lowercased() })
            grantedActions[key.service] = named
            // An empty set means the service is granted through NotAction, which names no actions.
            guard named.isEmpty || named.contains(key.actionName.lowercased()) else { continue }
            actions.insert(key.service + ":" + key.actionName)
        }
        guard !actions.isEmpty else { return nil }
        let document: JSONValue = [
            "Version": "2012-10-17",
            "Statement": [
                [
                    "Sid": "UsedInTrackingPeriod",
                    "Effect": "Allow",
                    "Action": .array(actions.sorted().map { .string($0) }),
                    "Resource": "*",
                ]
            ],
        ]
        return JSONWriter.awsCLI(document)
    }

    /// The name of the draft policy: the entity's name and a suffix, within the 128-character limit.
    static func draftName(arn: String) -> String {
        let base = IAMResourceName(arn)?.name ?? "entity"
        return String(base.prefix(110)) + "-least-privilege"
    }
}
