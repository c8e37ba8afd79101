/// Reads a policy's JSON node tree into ``ParsedStatement``s, with the location of every problem.
///
/// The evaluator is lenient where AWS's grammar is a matter for ``PolicyGrammar`` (unknown top-level
/// members, Sid characters) and strict where a wrong type would change the meaning.
struct PolicyReader {
    mutating func read(_ root: JSONNode) throws(PolicyParseError) -> (String?, [ParsedStatement]) {
        guard root.members != nil else { throw PolicyParseError(message: "the policy must be a JSON object", at: root) }
        var version: String?
        if let node = root["Version"] {
            guard let text = node.stringValue, PolicyGrammar.versions.contains(text) else {
                throw PolicyParseError(message: "Version must be \"2012-10-17\" or \"2008-10-17\"", at: node)
            }
            version = text
        }
        // *IAM JSON policy elements: Version*: variables are read only under 2012-10-17.
        let variables = version == "2012-10-17"
        guard let statement = root["Statement"] else {
            throw PolicyParseError(message: "the policy has no Statement", at: root)
        }
        let nodes: [JSONNode]
        switch statement.kind {
        case .object: nodes = [statement]
        case .array(let elements): nodes = elements
        default: throw PolicyParseError(message: "Statement must be an object or an array", at: statement)
        }
        var statements: [ParsedStatement] = []
        for (index, node) in nodes.enumerated() {
            statements.append(try readStatement(node, index: index, variables: variables))
        }
        return (version, statements)
    }

    private func readStatement(
        _ node: JSONNode, index: Int, variables: Bool
    ) throws(PolicyParseError)
        -> ParsedStatement
    {
        guard node.members != nil else { throw PolicyParseError(message: "a statement must be an object", at: node) }
        var sid: String?
        if let sidNode = node["Sid"] {
            guard let text = sidNode.stringValue else {
                throw PolicyParseError(message: "Sid must be a string", at: sidNode)
            }
            sid = text
        }
        guard let effectNode = node["Effect"] else { throw PolicyParseError(message: "missing Effect", at: node) }
        guard let effect = effectNode.stringValue.flatMap(StatementEffect.init(rawValue:)) else {
            throw PolicyParseError(message: "Effect must be \"Allow\" or \"Deny\"", at: effectNode)
        }
        let actions = try list(node, "Action", "NotAction")
        let resources = try list(node, "Resource", "NotResource")
        let principals = try principalList(node)
        let conditions = try readConditions(node["Condition"], variables: variables)
        return ParsedStatement(
            index: index, sid: sid, effect: effect, location: node.location, actions: actions, resources: resources,
            principals: principals, conditions: conditions, variables: variables)
    }

    private func list(
        _ node: JSONNode, _ positive: String, _ negative: String
    ) throws(PolicyParseError)
        -> ElementList<String>
    {
        if node[positive] != nil, let other = node.member(negative) {
            throw PolicyParseError(message: "a statement cannot have both \(positive) and \(negative)", at: other.value)
        }
        if let value = node[positive] { return .listed(try strings(value, element: positive)) }
        if let value = node[negative] { return .negated(try strings(value, element: negative)) }
        return .absent
    }

    private func strings(_ node: JSONNode, element: String) throws(PolicyParseError) -> [String] {
        switch node.kind {
        case .string(let text):
            return [text]
        case .array(let elements):
            var texts: [String] = []
            for element in elements {
                guard let text = element.stringValue else {
                    throw PolicyParseError(message: "\(element) entries must be strings", at: element)
                }
                texts.append(text)
            }
            return texts
        default:
            throw PolicyParseError(message: "\(element) must be a string or an array of strings", at: node)
        }
    }

    private func principalList(_ node: JSONNode) throws(PolicyParseError) -> ElementList<PrincipalEntry> {
        if node["Principal"] != nil, let other = node.member("NotPrincipal") {
            throw PolicyParseError(message: "a statement cannot have both Principal and NotPrincipal", at: other.value)
        }
        if let value = node["Principal"] { return .listed(try principals(value, element: "Principal")) }
        if let value = node["NotPrincipal"] { return .negated(try principals(value, element: "NotPrincipal")) }
        return .absent
    }

    private func principals(_ node: JSONNode, element: String) throws(PolicyParseError) -> [PrincipalEntry] {
        if node.stringValue == "*" { return [.anyone] }
        guard let members = node.members else {
            throw PolicyParseError(message: "\(element) must be \"*\" or an object", at: node)
        }
        var entries: [PrincipalEntry] = []
        for member in members {
            let values = try strings(member.value, element: "\(element).\(member.key)")
            switch member.key {
            case "AWS": entries += values.map(PrincipalEntry.init(aws:))
            case "Service": entries += values.map(PrincipalEntry.service)
            case "Federated": entries += values.map(PrincipalEntry.federated)
            case "CanonicalUser": entries += values.map(PrincipalEntry.canonicalUser)
            default:
                throw PolicyParseError(
                    message: "unknown principal type \"\(member.key)\"", location: member.keyLocation)
            }
        }
        return entries
    }

    private func readConditions(_ node: JSONNode?, variables: Bool) throws(PolicyParseError) -> [ParsedCondition] {
        guard let node else { return [] }
        guard let blocks = node.members else {
            throw PolicyParseError(message: "Condition must be an object", at: node)
        }
        var conditions: [ParsedCondition] = []
        for block in blocks {
            guard let conditionOperator = ConditionOperator(block.key) else {
                throw PolicyParseError(
                    message: "unknown condition operator \"\(block.key)\"", location: block.keyLocation)
            }
            guard let entries = block.value.members else {
                throw PolicyParseError(message: "a condition operator must map to an object", at: block.value)
            }
            for entry in entries {
                let values = try conditionValues(entry.value)
                conditions.append(
                    ParsedCondition(
                        operator: conditionOperator, key: entry.key, values: values, location: entry.keyLocation,
                        variables: variables))
            }
        }
        return conditions
    }

    private func conditionValues(_ node: JSONNode) throws(PolicyParseError) -> [String] {
        let items = node.elements ?? [node]
        var values: [String] = []
        for item in items {
            switch item.kind {
            case .string(let text), .number(let text): values.append(text)
            case .bool(let flag): values.append(flag ? "true" : "false")
            default:
                throw PolicyParseError(message: "condition values must be strings, numbers or Booleans", at: item)
            }
        }
        return values
    }
}

extension PolicyParseError {
    init(message: String, at node: JSONNode) {
        self.init(message: message, location: node.location)
    }
}
