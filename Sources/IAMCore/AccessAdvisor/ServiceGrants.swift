import IAMPolicy

/// Which services a set of policy documents grants: the namespaces any Allow statement can match.
///
/// A grant here is a possibility, as in AWS's access advisor: an Allow with a condition or on a
/// narrow resource still counts, and Deny statements never remove a service (they grant nothing).
public enum ServiceGrants {
    /// The catalog the services' names and actions come from, if it loaded.
    static var catalog: ActionCatalog? { try? ActionCatalog.shared.get() }

    /// The lowercased namespaces that `documents` grant.
    public static func services(in documents: [String]) -> Set<String> {
        var result: Set<String> = []
        for statement in documents.flatMap(allowStatements) {
            if let actions = statement.actions {
                for pattern in actions { result.formUnion(services(matching: pattern)) }
            } else if let notActions = statement.notActions {
                result.formUnion(catalog?.servicePrefixes(notMatchingAll: notActions) ?? [])
            }
        }
        return result
    }

    /// The action names of `service` that `documents` grant through `Action` (NotAction statements
    /// grant too many actions to list; access advisor then lists the used ones only).
    public static func actions(of service: String, in documents: [String]) -> Set<String> {
        guard let catalog else { return [] }
        var result: Set<String> = []
        for statement in documents.flatMap(allowStatements) {
            for pattern in statement.actions ?? [] {
                result.formUnion(catalog.actionNames(of: service, matching: pattern))
            }
        }
        return result
    }

    /// The human name AWS gives a namespace (`s3` → "Amazon S3"), from the action catalog.
    public static func serviceName(_ namespace: String) -> String {
        catalog?.service(namespace)?.name ?? namespace
    }

    private static func services(matching pattern: String) -> Set<String> {
        if let catalog { return catalog.servicePrefixes(matching: pattern) }
        // Without the catalog, only literal namespaces can be told.
        guard let colon = pattern.firstIndex(of: ":") else { return [] }
        let prefix = pattern[..<colon].lowercased()
        return prefix.contains("*") || prefix.contains("?") ? [] : [prefix]
    }

    private struct AllowStatement {
        var actions: [String]?
        var notActions: [String]?
    }

    private static func allowStatements(_ document: String) -> [AllowStatement] {
        guard let root = try? JSONParser.parse(document), let statement = root["Statement"] else { return [] }
        let statements = statement.arrayValue ?? [statement]
        return statements.compactMap { item in
            guard item["Effect"]?.stringValue == "Allow" else { return nil }
            return AllowStatement(actions: strings(item["Action"]), notActions: strings(item["NotAction"]))
        }
    }

    private static func strings(_ value: JSONValue?) -> [String]? {
        guard let value else { return nil }
        if let text = value.stringValue { return [text] }
        return value.arrayValue?.compactMap(\.stringValue)
    }
}
