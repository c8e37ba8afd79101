/// Checks of the statement elements: actions, resources, principals and conditions.
extension PolicyGrammarChecker {
    private static let trustActions: Set = [
        "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity", "sts:tagsession",
        "sts:setsourceidentity", "sts:setcontext", "sts:*", "*",
    ]
    private static let partitions: Set = [
        "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
    ]
    private static let iamResourcePrefixes = [
        "user/", "federated-user/", "role/", "group/", "instance-profile/", "mfa/", "server-certificate/", "policy/",
        "sms-mfa/", "saml-provider/", "oidc-provider/", "report/", "access-report/",
    ]
    private static let principalTypes: Set = ["AWS", "Service", "Federated", "CanonicalUser"]

    private var requiresResource: Bool { kind == .identity || kind == .managed || kind == .boundary }
    private var forbidsPrincipal: Bool { requiresResource || kind == .scp }
    private var requiresPrincipal: Bool { kind == .trust || kind == .resource }

    /// One string of an element, with where it is; its JSON path is built only for a report.
    struct ElementString {
        var text: String
        var node: JSONNode
        /// The element's path, and the string's index when the element is an array.
        var elementPath: String
        var index: Int?

        var path: String { index.map { JSONPath.appending(index: $0, to: elementPath) } ?? elementPath }
    }

    /// The strings of an element that must be a string or an array of strings; `nil` after reporting otherwise.
    private mutating func strings(of node: JSONNode, path: String) -> [ElementString]? {
        switch node.kind {
        case .string(let text):
            return [ElementString(text: text, node: node, elementPath: path, index: nil)]
        case .array(let elements):
            var items: [ElementString] = []
            items.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                guard let text = element.stringValue else {
                    syntax(
                        "expected a string, found \(element.value.typeName)", at: element.location,
                        path: JSONPath.appending(index: index, to: path))
                    return nil
                }
                items.append(ElementString(text: text, node: element, elementPath: path, index: index))
            }
            return items
        default:
            syntax("expected a string or an array of strings", at: node.location, path: path)
            return nil
        }
    }

    mutating func checkActions(_ statement: JSONNode, path: String) {
        let members = ["Action", "NotAction"].compactMap { statement.member($0) }
        if members.isEmpty {
            report(PolicyGrammarMessage.missingActions, at: statement.location, path: path)
        }
        for member in members {
            let elementPath = path + "." + member.key
            guard let items = strings(of: member.value, path: elementPath) else { continue }
            if items.isEmpty {
                report(PolicyGrammarMessage.missingActions, at: member.value.location, path: elementPath)
            }
            for item in items {
                if let message = Self.actionProblem(item.text) {
                    report(message, at: item.node.location, path: item.path)
                } else if kind == .trust, member.key == "Action", !Self.trustActions.contains(item.text.lowercased()) {
                    report(
                        PolicyGrammarMessage.trustPolicyActions, at: item.node.location, path: item.path,
                        detail: "\(item.text) is not an action a trust policy can allow")
                }
            }
        }
    }

    static func actionProblem(_ action: String) -> String? {
        if action == "*" || isPlainAction(action) { return nil }
        return fullActionProblem(action)
    }

    static func fullActionProblem(_ action: String) -> String? {
        if action == "*" { return nil }
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 || parts[0].isEmpty { return PolicyGrammarMessage.actionWithoutVendor }
        if parts.count > 2 { return PolicyGrammarMessage.actionWithManyColons }
        let vendor = parts[0]
        let validVendor =
            vendor == "*"
            || vendor.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    || $0 == "."
            }
        return validVendor ? nil : PolicyGrammarMessage.invalidVendor(String(vendor))
    }

    mutating func checkResources(_ statement: JSONNode, path: String) {
        let members = ["Resource", "NotResource"].compactMap { statement.member($0) }
        if kind == .trust {
            for member in members {
                report(
                    PolicyGrammarMessage.prohibitedField(member.key), at: member.keyLocation,
                    path: path + "." + member.key)
            }
            return
        }
        if members.isEmpty, requiresResource {
            report(PolicyGrammarMessage.missingResources, at: statement.location, path: path)
        }
        for member in members {
            let elementPath = path + "." + member.key
            guard let items = strings(of: member.value, path: elementPath) else { continue }
            if items.isEmpty, requiresResource {
                report(PolicyGrammarMessage.missingResources, at: member.value.location, path: elementPath)
            }
            for item in items {
                if let message = Self.resourceProblem(item.text) {
                    report(message, at: item.node.location, path: item.path)
                }
            }
        }
    }

    /// Whether `action` is `vendor:name` with a vendor of letters, digits, `-` and `.`: the common
    /// case, told without allocating; anything else goes through the full check for its message.
    static func isPlainAction(_ action: String) -> Bool {
        var sawColon = false
        var vendorLength = 0
        for byte in action.utf8 {
            if byte == UInt8(ascii: ":") {
                if sawColon { return false }
                sawColon = true
            } else if !sawColon {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    vendorLength += 1
                default: return false
                }
            }
        }
        return sawColon && vendorLength > 0
    }

    /// Whether the full check below would accept `resource`, for the common ARN forms, told from
    /// its bytes without splitting it into strings; false sends the resource to the full check.
    static func isPlainResource(_ resource: String) -> Bool {
        let bytes = resource.utf8
        var colons: [String.Index] = []
        colons.reserveCapacity(5)
        var index = bytes.startIndex
        while index < bytes.endIndex, colons.count < 5 {
            if bytes[index] == UInt8(ascii: ":") { colons.append(index) }
            index = bytes.index(after: index)
        }
        guard colons.count == 5, resource[..<colons[0]] == "arn" else { return false }
        let partition = resource[bytes.index(after: colons[0])..<colons[1]]
        guard partition == "*" || partitions.contains(String(partition)) else { return false }
        let service = resource[bytes.index(after: colons[1])..<colons[2]]
        guard !service.isEmpty else { return false }
        let region = resource[bytes.index(after: colons[2])..<colons[3]]
        let name = resource[bytes.index(after: colons[4])...]
        if service == "iam" {
            guard region.isEmpty else { return false }
            guard name == "*" || iamResourcePrefixes.contains(where: { name.hasPrefix($0) }) else { return false }
        }
        if service == "s3", !region.isEmpty, !name.hasPrefix("accesspoint/") { return false }
        return true
    }

    static func resourceProblem(_ resource: String) -> String? {
        if resource == "*" || isPlainResource(resource) { return nil }
        return fullResourceProblem(resource)
    }

    static func fullResourceProblem(_ resource: String) -> String? {
        if resource == "*" { return nil }
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == "arn" else { return PolicyGrammarMessage.resourceNotARN(resource) }
        let partition = parts[1]
        if partition != "*", !partitions.contains(partition) {
            // AWS spells the resource out in full ARN form, filling the parts that are missing with "*".
            let rest = Array(parts.dropFirst(2))
            let service = rest.count > 1 || rest.first.map { !$0.isEmpty } == true ? rest[0] : "*"
            let region = rest.count > 1 ? rest[1] : "*"
            let account = rest.count > 2 ? rest[2] : "*"
            let name = rest.count > 3 ? rest[3...].joined(separator: ":") : "*"
            let full = "arn:\(partition):\(service):\(region):\(account):\(name)"
            return PolicyGrammarMessage.invalidPartition(partition, resource: full)
        }
        if parts.count < 3 { return PolicyGrammarMessage.resourceVendorNotQualified }
        if parts.count < 6, resource.contains("::") { return PolicyGrammarMessage.legacyParsing }
        if parts[2].isEmpty { return PolicyGrammarMessage.legacyParsing }
        if parts.count < 6 { return PolicyGrammarMessage.resourceNotARN(resource) }
        let service = parts[2]
        let region = parts[3]
        let name = parts[5...].joined(separator: ":")
        if service == "iam" {
            if !region.isEmpty { return PolicyGrammarMessage.iamResourceWithRegion(resource) }
            if name != "*", !iamResourcePrefixes.contains(where: { name.hasPrefix($0) }) {
                return PolicyGrammarMessage.iamResourcePath
            }
        }
        if service == "s3", !region.isEmpty, !name.hasPrefix("accesspoint/") {
            return PolicyGrammarMessage.s3ResourceWithRegion(resource)
        }
        return nil
    }

    mutating func checkPrincipals(_ statement: JSONNode, path: String) {
        let members = ["Principal", "NotPrincipal"].compactMap { statement.member($0) }
        if members.isEmpty, requiresPrincipal {
            report(PolicyGrammarMessage.missingPrincipal, at: statement.location, path: path)
        }
        for member in members {
            let elementPath = path + "." + member.key
            if forbidsPrincipal {
                report(PolicyGrammarMessage.principalNotAllowed, at: member.keyLocation, path: elementPath)
                continue
            }
            if member.value.stringValue == "*" { continue }
            guard let entries = member.value.members else {
                syntax("\(member.key) must be \"*\" or an object", at: member.value.location, path: elementPath)
                continue
            }
            for entry in entries {
                let entryPath = JSONPath.appending(key: entry.key, to: elementPath)
                guard Self.principalTypes.contains(entry.key) else {
                    syntax("unknown principal type \"\(entry.key)\"", at: entry.keyLocation, path: entryPath)
                    continue
                }
                if let items = strings(of: entry.value, path: entryPath), items.isEmpty {
                    syntax("a principal list must not be empty", at: entry.value.location, path: entryPath)
                }
            }
        }
    }

    mutating func checkCondition(_ statement: JSONNode, path: String) {
        guard let condition = statement["Condition"] else { return }
        let conditionPath = path + ".Condition"
        guard let blocks = condition.members else {
            syntax("Condition must be an object", at: condition.location, path: conditionPath)
            return
        }
        for block in blocks {
            let blockPath = JSONPath.appending(key: block.key, to: conditionPath)
            guard let conditionOperator = ConditionOperator(block.key) else {
                syntax("unknown condition operator \"\(block.key)\"", at: block.keyLocation, path: blockPath)
                continue
            }
            guard let entries = block.value.members else {
                syntax("a condition operator must map to an object", at: block.value.location, path: blockPath)
                continue
            }
            for entry in entries {
                checkConditionValues(
                    entry.value, operator: conditionOperator, path: JSONPath.appending(key: entry.key, to: blockPath))
            }
        }
    }

    private mutating func checkConditionValues(_ node: JSONNode, operator: ConditionOperator, path: String) {
        let values: [(node: JSONNode, path: String)]
        if let elements = node.elements {
            values = elements.enumerated().map { ($0.element, JSONPath.appending(index: $0.offset, to: path)) }
        } else {
            values = [(node, path)]
        }
        for (value, valuePath) in values {
            let text: String
            switch value.kind {
            case .string(let string): text = string
            case .number(let number): text = number
            case .bool: continue
            default:
                syntax(
                    "condition values must be strings, numbers or Booleans", at: value.location, path: valuePath)
                continue
            }
            if `operator`.family == .date, !DateConditionValue.isValid(text) {
                report(
                    PolicyGrammarMessage.legacyParsing, at: value.location, path: valuePath,
                    detail: "\(text) is not an ISO 8601 date or a number of seconds since 1970")
            }
        }
    }
}
