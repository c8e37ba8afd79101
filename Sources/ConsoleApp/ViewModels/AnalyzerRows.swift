import Foundation
import IAMCore
import IAMPolicy
import TerminalKit

/// The Access analyzer view's rows: one per finding of every analyzer, grouped by resource (the
/// rows of one resource follow each other, public access first), with who the resource is shared
/// with and how. Public access is drawn in the danger colour, cross-account in the warning colour;
/// archived findings are muted and resolved ones drawn as fixed.
enum AnalyzerRows {
    static let columns = [
        TableColumn("Resource", width: .flexible(minimum: 22)),
        TableColumn("Access", width: .fixed(13)),
        TableColumn("Status", width: .fixed(8)),
        TableColumn("Shared with", width: .fixed(14)),
        TableColumn("Type", width: .fixed(15)),
        TableColumn("Actions", width: .flexible(minimum: 12)),
        TableColumn("Analyzer", width: .fixed(14)),
    ]
    /// Type and Analyzer: shown with `c` (Manage columns).
    static let hiddenByDefault: Set<Int> = [4, 6]

    /// The row key of a finding: its analyzer's name and its id.
    static func key(analyzer: String, id: String) -> String { analyzer + "/" + id }

    static func route(for key: String) -> Route? {
        guard let slash = key.lastIndex(of: "/") else { return nil }
        return .finding(analyzer: String(key[..<slash]), id: String(key[key.index(after: slash)...]))
    }

    /// The resource ListFindings is authorised on for the view: the only analyzer's ARN, else every analyzer's.
    static func analyzerResource(in account: Account) -> String {
        if account.analyzers.count == 1, let only = account.analyzers.values.first { return only.arn }
        return "arn:aws:access-analyzer:*:\(account.id):analyzer/*"
    }

    static func list(for account: Account) -> ListModel {
        var rows: [[String]] = []
        var roles: [[Theme.Role?]] = []
        var keys: [String] = []
        var arns: [String] = []
        let entries = account.analyzers.values.flatMap { analyzer in
            analyzer.findings.values.map { (analyzer.name, $0) }
        }
        .sorted { lhs, rhs in
            (lhs.1.resource, lhs.1.isPublic ? 0 : 1, lhs.1.status.order, lhs.0, lhs.1.id)
                < (rhs.1.resource, rhs.1.isPublic ? 0 : 1, rhs.1.status.order, rhs.0, rhs.1.id)
        }
        for (analyzer, finding) in entries {
            rows.append([
                resourceName(finding.resource), finding.isPublic ? "Public" : "Cross-account", finding.status.word,
                sharedWith(finding), finding.resourceType.label, finding.action.joined(separator: ", "), analyzer,
            ])
            roles.append([nil, accessRole(finding), statusRole(finding.status), nil, nil, nil, nil])
            keys.append(key(analyzer: analyzer, id: finding.id))
            arns.append(finding.resource)
        }
        return ListModel(rows: rows, keys: keys, arns: arns, cellRoles: roles)
    }

    /// The part of an ARN a person recognises: `acme-public-assets`, `function:app`, `role/deploy`.
    static func resourceName(_ arn: String) -> String {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 ? String(parts[5]) : arn
    }

    /// `Everyone`, an account id, or the principal's value (a federated provider, a user ARN).
    static func sharedWith(_ finding: Finding) -> String {
        if finding.isPublic { return "Everyone" }
        let values = finding.principal.sorted { $0.key < $1.key }.map { type, value in
            if value == "*" { return "* (limited)" }
            if type == "AWS", let account = ExternalAccessAnalysis.accountId(of: value) { return account }
            return value
        }
        return values.joined(separator: ", ")
    }

    static func accessRole(_ finding: Finding) -> Theme.Role? {
        guard finding.status != .resolved else { return .muted }
        return finding.isPublic ? .danger : .warning
    }

    static func statusRole(_ status: Finding.Status) -> Theme.Role? {
        switch status {
        case .active: return .warning
        case .archived: return .muted
        case .resolved: return .ok
        }
    }

    /// A finding's page: the facts, the resource's policy with the statement highlighted, and the
    /// finding as `iamconsole analyzer get-finding` prints it.
    static func detail(analyzer name: String, id: String, in account: Account) -> EntityDetail? {
        guard let analyzer = account.analyzers[name], let finding = analyzer.findings[id] else { return nil }
        let conditions = finding.condition.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
        var summary: [(label: String, value: String)] = [
            ("Resource", finding.resource), ("Type", finding.resourceType.rawValue),
            ("Shared with", principalText(finding)),
            ("Access", finding.isPublic ? "Public: anyone can get in" : "Cross-account (not public)"),
            ("Actions", finding.action.joined(separator: ", ")),
            ("Conditions", conditions.isEmpty ? "none" : conditions.joined(separator: "; ")),
            ("Status", finding.status.word + " (A archives, U makes active)"),
            ("Analyzer", "\(analyzer.name) (zone of trust: \(analyzer.type == .account ? "account" : "organization"))"),
            ("Updated", String(finding.updatedAt.iso8601.prefix(19)) + "Z"),
        ]
        if finding.status == .resolved { summary[6].value = "Resolved: the policy no longer grants this access" }
        return EntityDetail(
            kind: "Finding", name: resourceName(finding.resource), arn: finding.resource, summary: summary,
            tabs: [
                DetailTab(title: "Policy", lines: policyLines(finding, in: account)),
                DetailTab(title: "Finding", lines: DetailLines.document(findingJSON(finding))),
            ])
    }

    static func principalText(_ finding: Finding) -> String {
        finding.principal.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    /// The resource's current policy, pretty-printed, with the finding's statement highlighted;
    /// for a resolved finding whose statement is gone, the policy as it stands.
    static func policyLines(_ finding: Finding, in account: Account) -> [DetailLine] {
        guard let document = account.analyzedPolicy(arn: finding.resource)?.document else {
            return [DetailLine("The resource no longer exists or has no policy.", kind: .muted)]
        }
        let title = "\(finding.statement.policy), \(finding.statement.label)"
        guard finding.status != .resolved,
            let located = PolicySimulation.pretty(
                document, policy: finding.statement.policy, statementIndex: finding.statement.index)
        else {
            return [DetailLine(finding.statement.policy.capitalizedFirst, kind: .heading)]
                + DetailLines.document(document)
        }
        let heading = DetailLine(
            "\(title.capitalizedFirst), lines \(located.firstLine + 1)-\(located.lastLine + 1)", kind: .heading)
        return [heading]
            + located.lines.enumerated().map { index, text in
                DetailLine(text, kind: (located.firstLine...located.lastLine).contains(index) ? .highlighted : .json)
            }
    }

    static func findingJSON(_ finding: Finding) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(FindingShape(finding)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Finding.Status {
    /// `Active`, `Archived`, `Resolved`.
    var word: String { rawValue.prefix(1) + rawValue.dropFirst().lowercased() }

    /// Active findings first, then archived, then resolved.
    var order: Int {
        switch self {
        case .active: return 0
        case .archived: return 1
        case .resolved: return 2
        }
    }
}

extension String {
    /// The text with its first letter in upper case (`bucket policy` → `Bucket policy`).
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
