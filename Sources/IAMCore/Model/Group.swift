/// An IAM user group. Groups hold users only, never other groups; membership is stored on each user.
public struct Group: Codable, Sendable, Equatable {
    public var name: String
    public var path: String
    /// The unique id, `AGPA` and 17 base32 characters.
    public var id: String
    public var createDate: Timestamp
    public var inlinePolicies: [InlinePolicy]
    public var attachedPolicies: [String]

    public init(name: String, path: String, id: String, createDate: Timestamp) {
        self.name = name
        self.path = path
        self.id = id
        self.createDate = createDate
        self.inlinePolicies = []
        self.attachedPolicies = []
    }

    enum CodingKeys: String, CodingKey { case name, path, id, createDate, inlinePolicies, attachedPolicies }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        id = try c.decode(String.self, forKey: .id)
        createDate = try c.decode(Timestamp.self, forKey: .createDate)
        inlinePolicies = try c.decodeIfPresent([InlinePolicy].self, forKey: .inlinePolicies) ?? []
        attachedPolicies = try c.decodeIfPresent([String].self, forKey: .attachedPolicies) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(path, forKey: .path)
        try c.encode(id, forKey: .id)
        try c.encode(createDate, forKey: .createDate)
        if !inlinePolicies.isEmpty { try c.encode(inlinePolicies, forKey: .inlinePolicies) }
        if !attachedPolicies.isEmpty { try c.encode(attachedPolicies, forKey: .attachedPolicies) }
    }
}
