/// A policy embedded in one user, group or role (an inline policy).
public struct InlinePolicy: Codable, Sendable, Equatable {
    public var name: String
    /// The document exactly as it was submitted.
    public var document: String

    public init(name: String, document: String) {
        self.name = name
        self.document = document
    }
}

extension Array where Element == InlinePolicy {
    /// The index of the policy with this exact name (inline policy names are case-sensitive).
    func index(named name: String) -> Int? { firstIndex { $0.name == name } }

    /// Inserts or replaces a policy, keeping the list sorted by name.
    mutating func upsert(_ policy: InlinePolicy) {
        if let index = index(named: policy.name) {
            self[index] = policy
        } else {
            append(policy)
            sort { $0.name < $1.name }
        }
    }
}
