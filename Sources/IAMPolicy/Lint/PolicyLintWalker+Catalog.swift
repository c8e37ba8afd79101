/// The checks that look actions and condition keys up in the ``ActionCatalog``.
extension PolicyLintWalker {
    mutating func checkCatalog(_ statement: LintStatement) {
        guard let catalog else { return }
        for item in statement.action?.items ?? [] {
            checkAction(item, in: catalog)
        }
        for entry in statement.conditionEntries {
            checkConditionKey(entry.key, at: entry.keyLocation, path: entry.path, statement: statement, in: catalog)
        }
    }

    private mutating func checkAction(_ item: LintStatement.Item, in catalog: ActionCatalog) {
        let parts = item.text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return }  // "*" or a grammar error
        let prefix = String(parts[0])
        let name = String(parts[1])
        guard !prefix.contains("*"), !prefix.contains("?"), !prefix.isEmpty else { return }
        guard let service = catalog.service(prefix) else {
            add(
                .invalidServiceInAction, "The service \(prefix) specified in the action \(item.text) does not exist.",
                node: item.node, path: item.path)
            return
        }
        if service.actions(matching: name).isEmpty {
            let isPattern = name.contains("*") || name.contains("?")
            add(
                .invalidAction,
                isPattern
                    ? "The action pattern \(item.text) matches no action of \(service.name) (\(service.prefix))."
                    : "The action \(item.text) does not exist in \(service.name) (\(service.prefix)).",
                node: item.node, path: item.path)
        }
    }

    private mutating func checkConditionKey(
        _ key: String, at location: SourceLocation, path: String, statement: LintStatement, in catalog: ActionCatalog
    ) {
        guard let colon = key.firstIndex(of: ":") else { return }
        let prefix = key[..<colon].lowercased()
        if prefix == "aws" {
            if !GlobalConditionKeys.contains(key) {
                add(
                    .invalidGlobalConditionKey, "The condition key \(key) is not a global condition key.", at: location,
                    path: path)
            }
            return
        }
        if catalog.unassociatedKeyPrefixes[prefix] != nil { return }
        guard let service = catalog.service(prefix) else {
            add(
                .invalidServiceConditionKey,
                "The condition key \(key) is not valid: \(key[..<colon]) is not the prefix of an AWS service.",
                at: location, path: path)
            return
        }
        guard service.conditionKey(key) != nil else {
            add(
                .invalidServiceConditionKey,
                "The condition key \(key) does not exist in \(service.name) (\(service.prefix)).", at: location,
                path: path)
            return
        }
        guard let action = statement.action, !action.isNegated else { return }
        var unsupported: [String] = []
        for item in action.items {
            let parts = item.text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let actionService = catalog.service(String(parts[0])) else { return }
            let matches = actionService.actions(matching: String(parts[1]))
            if !matches.isEmpty, !matches.contains(where: { actionService.action($0, supports: key) }) {
                unsupported.append(item.text)
            }
        }
        guard !unsupported.isEmpty else { return }
        let listed = unsupported.prefix(5).joined(separator: ", ") + (unsupported.count > 5 ? ", ..." : "")
        add(
            .unsupportedActionForConditionKey,
            "The condition key \(key) is not supported by \(listed). Requests for "
                + (unsupported.count == 1 ? "this action" : "these actions")
                + " never carry the key, so the condition does not work as intended for them.",
            at: location, path: path)
    }
}
