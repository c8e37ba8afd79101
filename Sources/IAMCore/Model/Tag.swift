/// A key–value tag on a user, role, customer managed policy, instance profile or MFA device.
public struct Tag: Codable, Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

extension Array where Element == Tag {
    /// Adds or replaces tags; keys are compared case-insensitively, as IAM does, and a replaced
    /// tag keeps its position while taking the new key spelling and value.
    mutating func merge(_ newTags: [Tag]) {
        for tag in newTags {
            if let index = firstIndex(where: { $0.key.lowercased() == tag.key.lowercased() }) {
                self[index] = tag
            } else {
                append(tag)
            }
        }
    }

    /// Removes the tags whose keys match (case-insensitively).
    mutating func remove(keys: [String]) {
        let lowered = Set(keys.map { $0.lowercased() })
        removeAll { lowered.contains($0.key.lowercased()) }
    }
}
