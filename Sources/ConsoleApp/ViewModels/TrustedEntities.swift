import IAMPolicy

/// Who may assume a role, read from its trust policy's `Principal` elements the way the IAM
/// console's Roles list shows it: `AWS service: ec2`, `Account: 999988887777`, `Identity provider: …`.
enum TrustedEntities {
    /// The trusted entities of a trust policy, in document order without repeats; `Unknown`
    /// when the document cannot be read.
    static func describe(_ document: String) -> [String] {
        guard let value = try? JSONParser.parse(document) else { return ["Unknown"] }
        let statements: [JSONValue]
        switch value["Statement"] {
        case .array(let elements): statements = elements
        case .some(let single): statements = [single]
        case .none: statements = []
        }
        var result: [String] = []
        for statement in statements where statement["Effect"] == .string("Allow") {
            for entity in entities(in: statement["Principal"]) where !result.contains(entity) {
                result.append(entity)
            }
        }
        return result
    }

    /// The Trusted entities column: the entities joined with commas, or `None`.
    static func summary(_ document: String) -> String {
        let entities = describe(document)
        return entities.isEmpty ? "None" : entities.joined(separator: ", ")
    }

    private static func entities(in principal: JSONValue?) -> [String] {
        switch principal {
        case .string("*"): return ["Anyone (*)"]
        case .object(let members):
            return members.flatMap { member in strings(member.value).map { describe(kind: member.key, value: $0) } }
        default: return []
        }
    }

    private static func strings(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .array(let elements):
            return elements.compactMap {
                if case .string(let text) = $0 { return text }
                return nil
            }
        default: return []
        }
    }

    private static func describe(kind: String, value: String) -> String {
        switch kind {
        case "Service":
            let suffix = ".amazonaws.com"
            let service = value.hasSuffix(suffix) ? String(value.dropLast(suffix.count)) : value
            return "AWS service: \(service)"
        case "AWS":
            if value == "*" { return "Anyone (*)" }
            if value.count == 12, value.allSatisfy(\.isNumber) { return "Account: \(value)" }
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 6, parts[5] == "root" { return "Account: \(parts[4])" }
            return "AWS: \(value)"
        case "Federated":
            return "Identity provider: \(value)"
        default:
            return "\(kind): \(value)"
        }
    }
}
