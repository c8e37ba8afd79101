import Foundation
import IAMCore

/// Everything the browsing views show, computed once per account change (never per frame):
/// the rows of every list, the dashboard, and the account itself for building detail pages.
struct AccountIndex: Sendable {
    /// The account as loaded.
    var account: Account
    /// The moment ages and "days ago" are computed against.
    var now: Timestamp
    /// The workspace file shown in the header.
    var workspacePath: String
    /// Who is signed in, as shown in the header.
    var principal: String
    var users: ListModel
    var groups: ListModel
    var roles: ListModel
    var policies: ListModel
    var dashboard: DashboardSummary
    /// The credential report's rows, built the first time the view asks (most sessions never do,
    /// and a reload must not pay for it).
    private let credentialReport = Lazy<ListModel>()
    /// The Access advisor view's rows, built the first time the view asks, for the same reason.
    private let accessAdvisor = Lazy<ListModel>()
    /// The Access analyzer view's rows, built the first time the view asks.
    private let accessAnalyzer = Lazy<ListModel>()
    /// The audit trail's records, read the first time the Audit log view asks.
    private let auditTrail = Lazy<[CloudTrailRecord]>()
    private let auditList = Lazy<ListModel>()
    /// Reads the trail (from the snapshot).
    private let readAudit: @Sendable () -> [CloudTrailRecord]

    /// Builds every list. Users, groups and roles sort by name case-insensitively; policies
    /// merge the customer managed ones with the AWS managed catalog, by name.
    init(snapshot: AccountSnapshot, now: Timestamp) {
        let account = snapshot.account
        self.account = account
        self.now = now
        workspacePath = snapshot.workspacePath
        principal = snapshot.principal
        readAudit = snapshot.auditRecords
        let sortedUsers = Account.inNameOrder(account.users)
        let userRows = sortedUsers.map { UserRow($0, in: account, now: now) }
        users = ListModel(rows: userRows.map(\.cells), keys: userRows.map(\.name), arns: userRows.map(\.arn))

        var members: [String: Int] = [:]
        for user in account.users.values {
            for group in user.groups { members[Account.key(group), default: 0] += 1 }
        }
        let groupRows = Account.inNameOrder(account.groups).map {
            GroupRow($0, memberCount: members[Account.key($0.name)] ?? 0, in: account)
        }
        groups = ListModel(rows: groupRows.map(\.cells), keys: groupRows.map(\.name), arns: groupRows.map(\.arn))

        let roleRows = Account.inNameOrder(account.roles).map {
            RoleRow($0, in: account, now: now)
        }
        roles = ListModel(rows: roleRows.map(\.cells), keys: roleRows.map(\.name), arns: roleRows.map(\.arn))

        let usage = PolicyRow.Usage(account)
        let policyRows =
            (account.policies.values.map { PolicyRow($0, usage: usage, in: account) }
            + AWSManagedPolicyCatalog.all.map { PolicyRow($0, usage: usage) })
            .sorted { ($0.name.lowercased(), $0.arn) < ($1.name.lowercased(), $1.arn) }
        policies = ListModel(rows: policyRows.map(\.cells), keys: policyRows.map(\.arn), arns: policyRows.map(\.arn))
        dashboard = DashboardSummary(account, now: now)
    }

    /// The list a list section shows.
    func list(for section: Section) -> ListModel {
        switch section {
        case .users: return users
        case .groups: return groups
        case .roles: return roles
        case .policies: return policies
        case .credentialReport:
            return credentialReport.value { CredentialReportRows.list(for: account, at: now) }
        case .accessAdvisor:
            return accessAdvisor.value { AccessAdvisorRows.list(for: account, at: now) }
        case .accessAnalyzer:
            return accessAnalyzer.value { AnalyzerRows.list(for: account) }
        case .auditLog:
            return auditList.value { AuditLogRows.list(for: auditTrail.value(readAudit)) }
        default: return .empty
        }
    }

    /// Where Enter on a row of a list section goes.
    func route(for section: Section, key: String) -> Route? {
        switch section {
        case .users: return .user(key)
        case .credentialReport: return key == CredentialReport.rootName ? .section(.root) : .user(key)
        case .accessAdvisor: return AccessAdvisorRows.route(for: key)
        case .auditLog: return Int(key).map(Route.auditRecord)
        case .accessAnalyzer: return AnalyzerRows.route(for: key)
        case .groups: return .group(key)
        case .roles: return .role(key)
        case .policies: return .policy(key)
        default: return nil
        }
    }

    /// The detail page of a route, or nil for sections and for entities that no longer exist.
    func detail(for route: Route) -> EntityDetail? {
        switch route {
        case .section(.root): return RootAccountScreen.detail(in: account, now: now)
        case .section(.passwordPolicy): return PasswordPolicyScreen.detail(in: account)
        case .section: return nil
        case .user(let name):
            return account.user(named: name).map { UserDetailScreen.detail($0, in: account, now: now) }
        case .group(let name):
            return account.group(named: name).map { GroupDetailScreen.detail($0, in: account, now: now) }
        case .role(let name):
            return account.role(named: name).map { RoleDetailScreen.detail($0, in: account, now: now) }
        case .policy(let arn): return PolicyDetailScreen.detail(arn: arn, in: account, now: now)
        case .inlinePolicy(let owner, let name): return InlinePolicyDetailScreen.detail(owner, name: name, in: account)
        case .finding(let analyzer, let id): return AnalyzerRows.detail(analyzer: analyzer, id: id, in: account)
        case .auditRecord(let position):
            let records = auditTrail.value(readAudit)
            return records.indices.contains(position) ? AuditLogRows.detail(records[position], position: position) : nil
        }
    }
}

/// A value computed on first use and kept for the life of one `AccountIndex` (a new index, made
/// on every reload, starts empty). The console reads it from the main actor only; the lock keeps
/// it correct should that change.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: Value?

    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let made = make()
        cached = made
        return made
    }
}
