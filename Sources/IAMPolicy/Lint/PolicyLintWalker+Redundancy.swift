/// Finds statements whose every permission another statement of the same effect already states.
extension PolicyLintWalker {
    /// Above this many statements the quadratic comparison is skipped: a policy within AWS's size quotas
    /// (20 KB at most, for S3 bucket policies) holds far fewer.
    static let redundancyStatementLimit = 300

    /// What the comparison needs of one statement, worked out once.
    struct Permissions {
        var effect: String
        var principal: JSONValue?
        var condition: JSONValue?
        var actions: [[Unicode.Scalar]]
        /// `nil` when the statement has neither `Resource` nor `NotResource` (a trust policy).
        var resources: [[Unicode.Scalar]]?

        init?(_ statement: LintStatement) {
            guard let effect = statement.effect, let action = statement.action, !action.isNegated else { return nil }
            self.effect = effect
            principal = statement.principal?.value
            condition = statement.condition?.value
            actions = action.items.map { Array($0.text.lowercased().unicodeScalars) }
            if let resource = statement.resource {
                guard !resource.isNegated else { return nil }
                resources = resource.items.map { Array($0.text.unicodeScalars) }
            } else {
                guard statement.node["Resource"] == nil, statement.node["NotResource"] == nil else { return nil }
                resources = nil
            }
        }

        /// Whether these permissions include every permission of `narrower`: same effect and principal,
        /// no condition or the same one, and each action and resource within one of these.
        func covers(_ narrower: Permissions) -> Bool {
            guard effect == narrower.effect, principal == narrower.principal,
                condition == nil || condition == narrower.condition
            else { return false }
            guard
                narrower.actions.allSatisfy({ item in actions.contains { Glob.covers($0, item) } })
            else { return false }
            switch (resources, narrower.resources) {
            case (nil, nil): return true
            case (let wider?, let narrower?):
                return narrower.allSatisfy { item in wider.contains { Glob.covers($0, item) } }
            default: return false
            }
        }
    }

    mutating func checkRedundantStatements(_ statements: [LintStatement]) {
        guard statements.count > 1, statements.count <= Self.redundancyStatementLimit else { return }
        let permissions = statements.map(Permissions.init)
        var reported: Set<Int> = []
        for (index, statement) in statements.enumerated() {
            guard let narrower = permissions[index] else { continue }
            for (otherIndex, other) in statements.enumerated() where otherIndex != index {
                guard !reported.contains(otherIndex), let wider = permissions[otherIndex], wider.covers(narrower)
                else { continue }
                // Two equal statements cover each other; only the later one is redundant.
                if otherIndex > index, narrower.covers(wider) { continue }
                reported.insert(index)
                let name = other.node["Sid"]?.stringValue.map { "\"\($0)\"" } ?? "at index \(other.index)"
                add(
                    .redundantStatement,
                    "The statement is redundant because statement \(name) (\(other.path)) already includes all of "
                        + "its permissions. Remove it, or merge the two.",
                    node: statement.node, path: statement.path)
                break
            }
        }
    }
}
