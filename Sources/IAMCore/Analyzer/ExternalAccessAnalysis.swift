import IAMPolicy

/// The accounts (and organization) an analyzer trusts: sharing among them makes no finding.
public struct ZoneOfTrust: Sendable, Equatable {
    public var accounts: Set<String>
    /// The organization whose principals are trusted, for an `ORGANIZATION` analyzer.
    public var organizationId: String?

    public init(accounts: Set<String>, organizationId: String? = nil) {
        self.accounts = accounts
        self.organizationId = organizationId
    }
}

/// One grant a policy makes to a principal outside the zone of trust: what a finding reports.
public struct ExternalAccess: Sendable, Equatable {
    public var principal: [String: String]
    public var actions: [String]
    public var condition: [String: String]
    public var isPublic: Bool
    public var statement: StatementLocation

    public init(
        principal: [String: String], actions: [String], condition: [String: String], isPublic: Bool,
        statement: StatementLocation
    ) {
        self.principal = principal
        self.actions = actions
        self.condition = condition
        self.isPublic = isPublic
        self.statement = statement
    }
}

/// Reads a resource-based policy (or a role's trust policy) and lists who outside the zone of
/// trust it lets in, following Access Analyzer's rules:
///
/// - A principal that is an account, or a user or role ARN of an account, outside the zone is
///   cross-account access; inside the zone it is trusted and makes no finding.
/// - `"*"` or `{"AWS": "*"}` (and `NotPrincipal` in an `Allow`) is public, unless a condition pins
///   the caller down with fixed values (see `ConditionScope`): to accounts all inside the zone (no
///   finding), to the zone's organization (no finding for an organization analyzer), or to other
///   accounts, an organization, a network or an identity (a finding that is not public).
/// - Federated identities and S3 canonical users are outside any zone of trust.
/// - AWS service principals act for the account that configures them, so they make no finding.
/// - `Deny` statements grant nothing; they are not subtracted (a policy that allows and then
///   denies the same access still reports the allow, which errs on the side of showing it).
///
/// Grants to the same principal under the same conditions are merged into one, their actions joined.
public enum ExternalAccessAnalysis {
    /// The external grants of `document` for a resource owned by `owner`; a document that does not
    /// parse grants nothing (the services refuse to store one).
    public static func analyze(_ document: String, policyName: String, zone: ZoneOfTrust) -> [ExternalAccess] {
        guard let root = try? JSONParser.parseNode(document), let statement = root["Statement"] else { return [] }
        let statements = statement.elements ?? [statement]
        var grants: [ExternalAccess] = []
        for (index, node) in statements.enumerated() {
            guard node["Effect"]?.stringValue == "Allow" else { continue }
            let location = StatementLocation(
                policy: policyName, sid: node["Sid"]?.stringValue, index: index, line: node.location.line,
                column: node.location.column)
            let actions = actionList(node)
            let conditions = ConditionScope(node["Condition"])
            for principal in principals(node) {
                guard let access = grant(principal, conditions: conditions, zone: zone) else { continue }
                merge(
                    ExternalAccess(
                        principal: access.principal, actions: actions, condition: conditions.flattened,
                        isPublic: access.isPublic, statement: location), into: &grants)
            }
        }
        return grants
    }

    /// A principal entry of a statement: its type (`AWS`, `Federated`...) and value.
    struct PrincipalEntry: Equatable {
        var type: String
        var value: String
    }

    /// The principals a statement names; `NotPrincipal` in an `Allow` lets in everyone else.
    static func principals(_ statement: JSONNode) -> [PrincipalEntry] {
        if statement["NotPrincipal"] != nil { return [PrincipalEntry(type: "AWS", value: "*")] }
        guard let principal = statement["Principal"] else { return [] }
        if principal.stringValue == "*" { return [PrincipalEntry(type: "AWS", value: "*")] }
        var entries: [PrincipalEntry] = []
        for member in principal.members ?? [] {
            let values = member.value.elements?.compactMap(\.stringValue) ?? member.value.stringValue.map { [$0] } ?? []
            entries += values.map { PrincipalEntry(type: member.key, value: $0) }
        }
        return entries
    }

    /// The statement's actions, sorted and without repeats; `NotAction` allows everything else (`*`).
    static func actionList(_ statement: JSONNode) -> [String] {
        guard let action = statement["Action"] else { return ["*"] }
        let values = action.elements?.compactMap(\.stringValue) ?? action.stringValue.map { [$0] } ?? []
        return Array(Set(values)).sorted()
    }

    /// The finding's principal and whether it is public, or nil when the principal is trusted.
    private static func grant(
        _ entry: PrincipalEntry, conditions: ConditionScope, zone: ZoneOfTrust
    ) -> (principal: [String: String], isPublic: Bool)? {
        switch entry.type {
        case "Service":
            return nil
        case "Federated", "CanonicalUser":
            return ([entry.type: entry.value], false)
        default:
            if entry.value == "*" {
                switch conditions.reach(zone: zone) {
                case .insideZone: return nil
                case .limited: return (["AWS": "*"], false)
                case .anyone: return (["AWS": "*"], true)
                }
            }
            guard let account = accountId(of: entry.value) else { return ([entry.type: entry.value], false) }
            if zone.accounts.contains(account) { return nil }
            return (["AWS": entry.value], false)
        }
    }

    /// The account of `123456789012`, `arn:aws:iam::123456789012:root` or a user, role or
    /// assumed-role ARN; nil for anything else (a unique id, an ARN with a wildcard account).
    public static func accountId(of value: String) -> String? {
        if isAccountId(value) { return value }
        let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", isAccountId(parts[4]) else { return nil }
        return String(parts[4])
    }

    static func isAccountId(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func merge(_ access: ExternalAccess, into grants: inout [ExternalAccess]) {
        if let index = grants.firstIndex(where: {
            $0.principal == access.principal && $0.condition == access.condition && $0.isPublic == access.isPublic
        }) {
            grants[index].actions = Array(Set(grants[index].actions + access.actions)).sorted()
        } else {
            grants.append(access)
        }
    }
}
