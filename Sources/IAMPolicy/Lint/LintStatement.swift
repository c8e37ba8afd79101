/// One statement of a policy as the lint checks see it: only well-formed parts are kept, since the
/// grammar layer already reports the rest.
struct LintStatement {
    /// A string of an `Action` or `Resource` list, with where it was written.
    struct Item {
        var text: String
        var node: JSONNode
        var path: String
    }

    /// An element that is a string or a list of strings (`Action`, `NotResource`, ...).
    struct Element {
        var key: String
        var keyLocation: SourceLocation
        var items: [Item]
        var isNegated: Bool { key.hasPrefix("Not") }
    }

    var node: JSONNode
    var path: String
    var index: Int
    var effect: String?
    var action: Element?
    var resource: Element?
    var condition: JSONNode?
    var principal: JSONNode?

    var isAllow: Bool { effect == "Allow" }

    /// The statements of `root`, each an object; anything else is left to the grammar errors.
    static func statements(of root: JSONNode) -> [LintStatement] {
        guard let statement = root["Statement"] else { return [] }
        let nodes: [(JSONNode, String)]
        switch statement.kind {
        case .object: nodes = [(statement, "$.Statement")]
        case .array(let elements): nodes = elements.enumerated().map { ($0.element, "$.Statement[\($0.offset)]") }
        default: return []
        }
        return nodes.enumerated().compactMap { index, pair in
            let (node, path) = pair
            guard node.members != nil else { return nil }
            return LintStatement(
                node: node, path: path, index: index, effect: node["Effect"]?.stringValue,
                action: element(of: node, keys: ["Action", "NotAction"], path: path),
                resource: element(of: node, keys: ["Resource", "NotResource"], path: path),
                condition: node["Condition"], principal: node["Principal"] ?? node["NotPrincipal"])
        }
    }

    private static func element(of statement: JSONNode, keys: [String], path: String) -> Element? {
        guard let member = keys.lazy.compactMap({ statement.member($0) }).first else { return nil }
        let elementPath = path + "." + member.key
        var items: [Item] = []
        switch member.value.kind {
        case .string(let text):
            items = [Item(text: text, node: member.value, path: elementPath)]
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                guard let text = element.stringValue else { return nil }
                items.append(Item(text: text, node: element, path: JSONPath.appending(index: index, to: elementPath)))
            }
        default:
            return nil
        }
        return Element(key: member.key, keyLocation: member.keyLocation, items: items)
    }

    /// The condition keys of the statement: `(operator, key, where the key is, its path, its values)`.
    var conditionEntries:
        [(operator: ConditionOperator, key: String, keyLocation: SourceLocation, path: String, values: JSONNode)]
    {
        guard let blocks = condition?.members else { return [] }
        var entries: [(ConditionOperator, String, SourceLocation, String, JSONNode)] = []
        for block in blocks {
            guard let conditionOperator = ConditionOperator(block.key), let members = block.value.members else {
                continue
            }
            let blockPath = JSONPath.appending(key: block.key, to: path + ".Condition")
            for member in members {
                entries.append(
                    (
                        conditionOperator, member.key, member.keyLocation,
                        JSONPath.appending(key: member.key, to: blockPath), member.value
                    ))
            }
        }
        return entries
    }
}
