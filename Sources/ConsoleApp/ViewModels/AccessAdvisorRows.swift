import IAMCore
import TerminalKit

/// The Access advisor view's rows: every user and role, with how many of the services their
/// policies grant went unused in the tracking period (the candidates for removal) and when they
/// last used any. Enter opens the identity, whose Access Advisor tab lists the services.
enum AccessAdvisorRows {
    static let columns = [
        TableColumn("Identity", width: .flexible(minimum: 14)),
        TableColumn("Type", width: .fixed(4)),
        TableColumn("Granted", width: .fixed(9)),
        TableColumn("Unused", width: .fixed(8)),
        TableColumn("Last activity", width: .fixed(13)),
    ]

    /// The row key of a user (`user:NAME`) or role (`role:NAME`).
    static func key(_ kind: String, _ name: String) -> String { kind + ":" + name }

    /// Where Enter on a row goes.
    static func route(for key: String) -> Route? {
        if key.hasPrefix("user:") { return .user(String(key.dropFirst(5))) }
        if key.hasPrefix("role:") { return .role(String(key.dropFirst(5))) }
        return nil
    }

    /// Users first, then roles, each by name.
    static func list(for account: Account, at now: Timestamp) -> ListModel {
        var rows: [[String]] = []
        var roles: [[Theme.Role?]] = []
        var keys: [String] = []
        var arns: [String] = []
        let identities =
            Account.inNameOrder(account.users).map {
                ("user", $0.name, account.arn(of: $0))
            }
            + Account.inNameOrder(account.roles).map {
                ("role", $0.name, account.arn(of: $0))
            }
        for (kind, name, arn) in identities {
            guard let entity = AdvisedEntity(arn: arn, in: account) else { continue }
            let services = AccessAdvisorReport.services(for: entity, in: account, at: now)
            let unused = services.filter { $0.lastAuthenticated == nil }.count
            let last = services.compactMap(\.lastAuthenticated).max()
            rows.append([
                name, kind == "user" ? "User" : "Role", String(services.count), String(unused),
                last.map { AccessAdvisorContent.lastAccessed($0, now: now) } ?? "None",
            ])
            roles.append([nil, nil, nil, unused > 0 ? .warning : nil, last == nil ? .muted : nil])
            keys.append(key(kind, name))
            arns.append(arn)
        }
        return ListModel(rows: rows, keys: keys, arns: arns, cellRoles: roles)
    }
}
