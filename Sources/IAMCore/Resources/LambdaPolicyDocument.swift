import IAMPolicy

/// Lambda's resource-based policies, which Lambda writes itself from AddPermission's parameters:
/// `{"Version":"2012-10-17","Id":"default","Statement":[...]}`, one statement per permission.
enum LambdaPolicyDocument {
    /// The statements of a stored policy (none when there is no policy).
    static func statements(_ policy: String?) -> [JSONValue] {
        guard let policy, let root = try? JSONParser.parse(policy), let statement = root["Statement"] else { return [] }
        return statement.arrayValue ?? [statement]
    }

    /// The policy holding `statements`, or nil when there are none (Lambda then has no policy).
    static func document(_ statements: [JSONValue]) -> String? {
        guard !statements.isEmpty else { return nil }
        return JSONWriter.compact([
            "Version": "2012-10-17", "Id": "default", "Statement": .array(statements),
        ])
    }

    /// The `Principal` element for AddPermission's `Principal`: `*`, an account id (as its root
    /// ARN), an IAM ARN, or a service principal.
    static func principal(_ value: String) -> JSONValue {
        if value == "*" { return "*" }
        if ExternalAccessAnalysis.isAccountId(value) { return ["AWS": .string(ResourceNames.root(value))] }
        if value.hasPrefix("arn:") { return ["AWS": .string(value)] }
        return ["Service": .string(value)]
    }

    /// One statement: `Sid`, `Effect`, `Principal`, `Action`, `Resource`, and the conditions given.
    static func statement(
        sid: String, principal: JSONValue, action: String, resource: String, conditions: [(String, String, String)]
    ) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "Sid", value: .string(sid)), JSONMember(key: "Effect", value: "Allow"),
            JSONMember(key: "Principal", value: principal), JSONMember(key: "Action", value: .string(action)),
            JSONMember(key: "Resource", value: .string(resource)),
        ]
        var blocks: [JSONMember] = []
        for (operatorName, key, value) in conditions {
            if let index = blocks.firstIndex(where: { $0.key == operatorName }),
                case .object(var entries) = blocks[index].value
            {
                entries.append(JSONMember(key: key, value: .string(value)))
                blocks[index].value = .object(entries)
            } else {
                blocks.append(
                    JSONMember(key: operatorName, value: .object([JSONMember(key: key, value: .string(value))])))
            }
        }
        if !blocks.isEmpty { members.append(JSONMember(key: "Condition", value: .object(blocks))) }
        return .object(members)
    }

    /// The statement's `Sid`.
    static func sid(_ statement: JSONValue) -> String? { statement["Sid"]?.stringValue }
}
