/// Matches findings against Access Analyzer filters (archive rules, `ListFindings --filter`):
/// every key's criterion must hold.
///
/// Keys are `resource`, `resourceType`, `resourceOwnerAccount`, `isPublic`, `status`, `id`,
/// `action`, `principal.TYPE` (`principal.AWS`, `principal.Federated`) and `condition.KEY`
/// (`condition.aws:SourceVpc`). A key with several values (actions) matches `eq` and `contains`
/// when any value does and `neq` when none is listed.
public enum FindingFilter {
    /// The filter keys Access Analyzer accepts besides `principal.*` and `condition.*`.
    public static let plainKeys: Set<String> = [
        "resource", "resourceType", "resourceOwnerAccount", "isPublic", "status", "id", "action", "error",
        "findingType",
    ]

    /// Whether `key` is a filter key Access Analyzer knows.
    public static func isKnown(_ key: String) -> Bool {
        plainKeys.contains(key) || key.hasPrefix("principal.") || key.hasPrefix("condition.")
    }

    public static func matches(_ finding: Finding, _ filter: [String: Criterion]) -> Bool {
        filter.allSatisfy { key, criterion in matches(values(of: key, in: finding), criterion) }
    }

    static func matches(_ values: [String]?, _ criterion: Criterion) -> Bool {
        if let exists = criterion.exists, exists != (values != nil) { return false }
        let present = values ?? []
        if let eq = criterion.eq, !present.contains(where: eq.contains) { return false }
        if let neq = criterion.neq, present.contains(where: neq.contains) { return false }
        if let contains = criterion.contains,
            !present.contains(where: { value in contains.contains { value.contains($0) } })
        {
            return false
        }
        return true
    }

    /// The finding's values for a filter key, or nil when it has none.
    static func values(of key: String, in finding: Finding) -> [String]? {
        switch key {
        case "resource": return [finding.resource]
        case "resourceType": return [finding.resourceType.rawValue]
        case "resourceOwnerAccount": return [finding.resourceOwnerAccount]
        case "isPublic": return [finding.isPublic ? "true" : "false"]
        case "status": return [finding.status.rawValue]
        case "id": return [finding.id]
        case "action": return finding.action
        case "findingType": return [Finding.findingType]
        case "error": return nil
        default:
            if key.hasPrefix("principal.") {
                return finding.principal[String(key.dropFirst("principal.".count))].map { [$0] }
            }
            if key.hasPrefix("condition.") {
                let name = String(key.dropFirst("condition.".count)).lowercased()
                return finding.condition.first { $0.key.lowercased() == name }.map { [$0.value] }
            }
            return nil
        }
    }
}
