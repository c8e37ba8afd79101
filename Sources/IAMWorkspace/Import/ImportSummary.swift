/// What an import did: counts of created and updated entities, what was left out and why, and
/// notes about input the importer read past (such as fields newer AWS CLI versions print).
public struct ImportSummary: Sendable, Equatable {
    /// Entities added to the workspace, by kind (`users`, `groups`, `roles`, `policies`, ...).
    public var created: [String: Int] = [:]
    /// Entities that replaced an entity of the same name, by kind.
    public var updated: [String: Int] = [:]
    /// Items not imported, each with the reason, in the order met.
    public var skipped: [String] = []
    /// Things worth knowing that did not prevent anything from being imported.
    public var notes: [String] = []

    /// Creates an empty summary.
    public init() {}

    mutating func count(_ kind: String, created isNew: Bool) {
        if isNew { created[kind, default: 0] += 1 } else { updated[kind, default: 0] += 1 }
    }

    /// `users` → `user`, `MFA devices` → `MFA device`, `policies` → `policy`.
    private func singular(_ kind: String) -> String {
        if kind.hasSuffix("ies") { return String(kind.dropLast(3)) + "y" }
        return kind.hasSuffix("s") ? String(kind.dropLast()) : kind
    }

    /// The summary as lines for people, kinds in a fixed order.
    public var lines: [String] {
        let kinds = [
            "users", "groups", "roles", "policies", "instance profiles", "login profiles", "access keys",
            "MFA devices",
        ]
        func list(_ counts: [String: Int]) -> String {
            let parts = kinds.compactMap { kind in counts[kind].map { "\($0) \($0 == 1 ? singular(kind) : kind)" } }
            return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
        }
        var lines = ["Created: \(list(created))", "Updated: \(list(updated))"]
        lines.append("Skipped: \(skipped.count)")
        lines += skipped.map { "  - \($0)" }
        if !notes.isEmpty {
            lines.append("Notes:")
            lines += notes.map { "  - \($0)" }
        }
        return lines
    }
}
