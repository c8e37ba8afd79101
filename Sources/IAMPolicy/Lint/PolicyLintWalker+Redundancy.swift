/// Finds statements whose every permission another statement of the same effect already states.
extension PolicyLintWalker {
    /// Above this many statements the quadratic comparison is skipped; such a policy is far past every quota.
    static let redundancyStatementLimit = 1_000

    mutating func checkRedundantStatements(_ statements: [LintStatement]) {
        guard statements.count > 1, statements.count <= Self.redundancyStatementLimit else { return }
        var reported: Set<Int> = []
        for (index, statement) in statements.enumerated() {
            for (otherIndex, other) in statements.enumerated()
            where otherIndex != index && !reported.contains(otherIndex) {
                guard Self.covers(other, statement) else { continue }
                // Two equal statements cover each other; only the later one is redundant.
                if otherIndex > index, Self.covers(statement, other) { continue }
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

    /// Whether `wider` states every permission of `narrower`: same effect, principal and condition,
    /// and each action and resource of `narrower` within one of `wider`'s.
    static func covers(_ wider: LintStatement, _ narrower: LintStatement) -> Bool {
        guard let effect = wider.effect, effect == narrower.effect else { return false }
        guard wider.principal?.value == narrower.principal?.value else { return false }
        guard wider.condition == nil || wider.condition?.value == narrower.condition?.value else { return false }
        guard let widerActions = wider.action, let narrowerActions = narrower.action,
            !widerActions.isNegated, !narrowerActions.isNegated,
            narrowerActions.items.allSatisfy({ item in
                widerActions.items.contains { WildcardPattern.covers($0.text.lowercased(), item.text.lowercased()) }
            })
        else { return false }
        switch (wider.resource, narrower.resource) {
        case (nil, nil):
            return wider.node["Resource"] == nil && wider.node["NotResource"] == nil
                && narrower.node["Resource"] == nil && narrower.node["NotResource"] == nil
        case (let widerResources?, let narrowerResources?):
            guard !widerResources.isNegated, !narrowerResources.isNegated else { return false }
            return narrowerResources.items.allSatisfy { item in
                widerResources.items.contains { WildcardPattern.covers($0.text, item.text) }
            }
        default:
            return false
        }
    }
}
