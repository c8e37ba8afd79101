/// The document- and statement-level checks that need no catalog.
extension PolicyLintWalker {
    /// The non-white-space character quotas AWS applies to each kind of policy.
    static func sizeQuota(for kind: PolicyKind) -> (limit: Int, issue: PolicyIssue, name: String)? {
        switch kind {
        case .identity, .managed, .boundary: (6_144, .policySizeExceedsIdentityQuota, "identity policies")
        case .trust: (2_048, .policySizeExceedsTrustQuota, "role trust policies")
        case .scp: (5_120, .policySizeExceedsSCPQuota, "service control policies")
        case .resource: nil
        }
    }

    /// The API's 131,072-character cap on any policy, and, for a document that parsed, the quota of its kind.
    mutating func checkSize(_ text: String, parsed: Bool) {
        let start = SourceLocation(line: 1, column: 1, offset: 0)
        let length = text.unicodeScalars.count
        if length > 131_072 {
            add(
                .policyTooLarge,
                "The policy is \(length) characters long; AWS accepts at most 131072 characters in a policy document.",
                at: start, path: JSONPath.root)
            return
        }
        guard parsed else { return }
        let size = PolicySize.characterCount(text)
        if let quota = Self.sizeQuota(for: kind), size > quota.limit {
            add(
                quota.issue,
                "The policy has \(size) characters, not counting white space, more than the \(quota.limit) "
                    + "characters AWS allows for \(quota.name).",
                at: start, path: JSONPath.root)
        }
    }

    mutating func checkDocument(_ root: JSONNode, text: String) {
        guard root.members != nil else { return }
        checkVersion(root, text: text)
        let statements = LintStatement.statements(of: root)
        for statement in statements {
            checkNegatedElements(statement)
            checkPassRole(statement)
            checkWildcardActions(statement)
            checkConditionValues(statement)
            checkCatalog(statement)
        }
        checkRedundantStatements(statements)
    }

    private mutating func checkVersion(_ root: JSONNode, text: String) {
        let usesVariables = text.contains("${")
        guard let version = root["Version"] else {
            guard kind != .managed else { return }  // the grammar layer reports it as an error
            var details =
                "The policy has no Version element, so it is read as version 2008-10-17. "
                + "We recommend \"Version\": \"2012-10-17\"."
            if usesVariables {
                details += " The policy uses policy variables (${...}), which are read as literal text without it."
            }
            add(.missingVersion, details, at: root.location, path: JSONPath.root)
            return
        }
        if version.stringValue == "2008-10-17", usesVariables {
            add(
                .variableUnsupportedInVersion,
                "Policy variables (${...}) are not supported in version 2008-10-17; they are read as literal text. "
                    + "Use \"Version\": \"2012-10-17\".",
                node: version, path: "$.Version")
        }
    }

    private mutating func checkNegatedElements(_ statement: LintStatement) {
        guard statement.isAllow, kind != .trust else { return }
        if let action = statement.action, action.isNegated {
            add(
                .allowWithNotAction,
                "Allow with NotAction allows every action not listed, including actions AWS adds later. "
                    + "We recommend listing the allowed actions in Action instead.",
                at: action.keyLocation, path: statement.path + ".NotAction")
        }
        if let resource = statement.resource, resource.isNegated {
            add(
                .allowWithNotResource,
                "Allow with NotResource allows access to every resource not listed, including resources created later. "
                    + "We recommend listing the allowed resources in Resource instead.",
                at: resource.keyLocation, path: statement.path + ".NotResource")
        }
    }

    private mutating func checkPassRole(_ statement: LintStatement) {
        guard statement.isAllow, kind != .trust, let action = statement.action, let resource = statement.resource
        else { return }
        let advice =
            "We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement."
        if resource.isNegated {
            let passesRole =
                action.isNegated
                ? !action.items.contains { Glob.matches($0.text.lowercased(), "iam:passrole") }
                : action.items.contains { Glob.matches($0.text.lowercased(), "iam:passrole") }
            if passesRole {
                add(
                    .passRoleWithNotResource,
                    "Using the iam:PassRole action with NotResource can be overly permissive because it allows "
                        + "iam:PassRole permissions on multiple resources. " + advice,
                    at: resource.keyLocation, path: statement.path + ".NotResource")
            }
            return
        }
        guard let star = resource.items.first(where: { $0.text == "*" }) else { return }
        if action.isNegated {
            if !action.items.contains(where: { Glob.matches($0.text.lowercased(), "iam:passrole") }) {
                add(
                    .passRoleWithNotActionAndStarInResource,
                    "Using NotAction with a wildcard (*) in the resource can be overly permissive because it allows "
                        + "iam:PassRole permissions on all resources. " + advice,
                    node: star.node, path: star.path)
            }
            return
        }
        if action.items.contains(where: { $0.text.lowercased() == "iam:passrole" }) {
            add(
                .passRoleWithStarInResource,
                "Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it "
                    + "allows iam:PassRole permissions on multiple resources. " + advice,
                node: star.node, path: star.path)
        } else if action.items.contains(where: { Glob.matches($0.text.lowercased(), "iam:passrole") }) {
            add(
                .passRoleWithStarInActionAndResource,
                "Using wildcards (*) in the action and the resource can be overly permissive because it allows "
                    + "iam:PassRole permissions on all resources. " + advice,
                node: star.node, path: star.path)
        }
    }

    private mutating func checkWildcardActions(_ statement: LintStatement) {
        guard statement.isAllow, let action = statement.action, !action.isNegated, let resource = statement.resource,
            !resource.isNegated, resource.items.contains(where: { $0.text == "*" })
        else { return }
        for item in action.items {
            if item.text == "*" || item.text == "*:*" {
                add(
                    .starActionOnStarResource,
                    "The statement allows every action on every resource (\"Action\": \"\(item.text)\", "
                        + "\"Resource\": \"*\"): full administrator access. Grant only the actions and resources needed.",
                    node: item.node, path: item.path)
            } else if item.text.hasSuffix(":*"),
                item.text.firstIndex(of: "*") == item.text.index(before: item.text.endIndex)
            {
                let service = item.text.dropLast(2)
                add(
                    .serviceWildcardOnStarResource,
                    "The statement allows every \(service) action on every resource (\"Action\": \"\(item.text)\", "
                        + "\"Resource\": \"*\"). Grant only the actions and resources needed.",
                    node: item.node, path: item.path)
            }
        }
    }

    private mutating func checkConditionValues(_ statement: LintStatement) {
        for entry in statement.conditionEntries where entry.operator.family == .ipAddress {
            let values = entry.values.elements.map { Array($0.enumerated()) } ?? [(0, entry.values)]
            let isList = entry.values.elements != nil
            for (index, value) in values {
                guard let text = value.stringValue else { continue }
                if !IPAddressValue.isValid(text) {
                    add(
                        .typeMismatchIPRange,
                        "The condition operator \(entry.operator) is used with an invalid IP address or range: \(text). "
                            + "Specify an IPv4 or IPv6 address, optionally with a /prefix length (203.0.113.0/24).",
                        node: value, path: isList ? JSONPath.appending(index: index, to: entry.path) : entry.path)
                }
            }
        }
    }
}
