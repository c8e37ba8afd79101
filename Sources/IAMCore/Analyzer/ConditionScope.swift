import IAMPolicy

/// What a statement's `Condition` says about who may call, for deciding whether a grant to `*`
/// is public.
///
/// Following Access Analyzer (and S3's "meaning of public"), a condition limits the caller only
/// with a positive operator (`StringEquals`, `StringLike`, `ArnEquals`, `ArnLike`, `IpAddress`,
/// their `ForAnyValue:` forms; never `...IfExists` or a negated operator) on one of the keys below,
/// with fixed values (no `*` or `?`):
///
/// - the caller's or source's account: `aws:PrincipalAccount`, `aws:SourceAccount`,
///   `aws:SourceOwner`, `kms:CallerAccount`, `s3:DataAccessPointAccount`;
/// - an ARN that names an account: `aws:PrincipalArn`, `aws:SourceArn`, `s3:DataAccessPointArn`;
/// - an organization: `aws:PrincipalOrgID`, `aws:SourceOrgID`, `aws:PrincipalOrgPaths`,
///   `aws:SourceOrgPaths`;
/// - a network or an identity: `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp` (a range no
///   wider than /8, or /32 for IPv6), `aws:userid`, `aws:username`.
struct ConditionScope {
    /// How far a grant to `*` reaches under these conditions.
    enum Reach: Equatable {
        /// Only principals inside the zone of trust: no finding.
        case insideZone
        /// Limited to some accounts, an organization, a network or identity that is not all inside the zone.
        case limited
        /// Anyone: public.
        case anyone
    }

    /// Each account-limiting condition's accounts (all must hold, so the caller is in their intersection).
    private(set) var accountSets: [Set<String>] = []
    /// Each organization-limiting condition's organizations.
    private(set) var organizationSets: [Set<String>] = []
    /// A limit that does not name an account or organization (a network, an identity, an ARN without account).
    private(set) var otherLimit = false
    /// The condition keys and their values, as a finding's `condition` map shows them.
    private(set) var flattened: [String: String] = [:]

    static let accountKeys: Set<String> = [
        "aws:principalaccount", "aws:sourceaccount", "aws:sourceowner", "kms:calleraccount",
        "s3:dataaccesspointaccount",
    ]
    static let arnKeys: Set<String> = ["aws:principalarn", "aws:sourcearn", "s3:dataaccesspointarn"]
    static let organizationKeys: Set<String> = [
        "aws:principalorgid", "aws:sourceorgid", "aws:principalorgpaths", "aws:sourceorgpaths",
    ]
    static let otherKeys: Set<String> = ["aws:sourcevpc", "aws:sourcevpce", "aws:userid", "aws:username"]
    static let positiveOperators: Set<String> = [
        "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike", "IpAddress",
    ]

    init(_ condition: JSONNode?) {
        for block in condition?.members ?? [] {
            let operatorName = block.key
            for entry in block.value.members ?? [] {
                let values = entry.value.elements?.compactMap(Self.text) ?? Self.text(entry.value).map { [$0] } ?? []
                flattened[entry.key] = ((flattened[entry.key].map { [$0] } ?? []) + values).joined(separator: ",")
                if Self.limits(operatorName) { note(key: entry.key, values: values) }
            }
        }
    }

    /// Where a grant to `*` reaches for `zone`.
    func reach(zone: ZoneOfTrust) -> Reach {
        if let first = accountSets.first {
            let allowed = accountSets.dropFirst().reduce(first) { $0.intersection($1) }
            return allowed.isSubset(of: zone.accounts) ? .insideZone : .limited
        }
        if let first = organizationSets.first {
            let allowed = organizationSets.dropFirst().reduce(first) { $0.intersection($1) }
            if let organization = zone.organizationId, allowed.isSubset(of: [organization]) { return .insideZone }
            return .limited
        }
        return otherLimit ? .limited : .anyone
    }

    /// Whether an operator can only narrow who matches: positive, not `...IfExists`, and not
    /// `ForAllValues:` (which an absent key satisfies).
    static func limits(_ operatorName: String) -> Bool {
        guard let parsed = ConditionOperator(operatorName), !parsed.ifExists, parsed.setQualifier != .forAllValues
        else { return false }
        return positiveOperators.contains(parsed.baseName)
    }

    private mutating func note(key: String, values: [String]) {
        let lowered = key.lowercased()
        guard !values.isEmpty, values.allSatisfy({ !$0.contains("*") && !$0.contains("?") }) else { return }
        if Self.accountKeys.contains(lowered) {
            accountSets.append(Set(values))
        } else if Self.arnKeys.contains(lowered) {
            let accounts = values.map(Self.arnAccount)
            if accounts.allSatisfy({ $0 != nil }) {
                accountSets.append(Set(accounts.compactMap { $0 }))
            } else {
                otherLimit = true
            }
        } else if Self.organizationKeys.contains(lowered) {
            // `o-abc/r-root/ou-x/` paths start with the organization's id.
            organizationSets.append(Set(values.map { String($0.split(separator: "/").first ?? Substring($0)) }))
        } else if lowered == "aws:sourceip" {
            if values.allSatisfy(Self.isNarrowRange) { otherLimit = true }
        } else if Self.otherKeys.contains(lowered) {
            otherLimit = true
        }
    }

    /// The account an ARN names, when it names one.
    static func arnAccount(_ arn: String) -> String? {
        guard let account = ARN(arn)?.account, ExternalAccessAnalysis.isAccountId(account) else {
            return nil
        }
        return account
    }

    /// An IPv4 range of /8 or narrower, or an IPv6 range of /32 or narrower (a lone address counts).
    static func isNarrowRange(_ cidr: String) -> Bool {
        let parts = cidr.split(separator: "/", maxSplits: 1)
        let isIPv6 = cidr.contains(":")
        guard parts.count == 2 else { return true }
        guard let prefix = Int(parts[1]) else { return false }
        return prefix >= (isIPv6 ? 32 : 8)
    }

    private static func text(_ node: JSONNode) -> String? {
        switch node.kind {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }
}
