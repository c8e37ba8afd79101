/// An IAM role: an identity with a trust policy that principals assume for temporary credentials.
public struct Role: Codable, Sendable, Equatable {
    public var name: String
    public var path: String
    /// The unique id, `AROA` and 17 base32 characters.
    public var id: String
    public var createDate: Timestamp
    /// The trust policy, exactly as submitted.
    public var assumeRolePolicyDocument: String
    public var description: String?
    /// Maximum session duration in seconds, 3600–43200.
    public var maxSessionDuration: Int
    public var tags: [Tag]
    public var inlinePolicies: [InlinePolicy]
    public var attachedPolicies: [String]
    public var permissionsBoundary: String?
    public var lastUsed: RoleLastUsed?

    public init(name: String, path: String, id: String, createDate: Timestamp, assumeRolePolicyDocument: String) {
        self.name = name
        self.path = path
        self.id = id
        self.createDate = createDate
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.description = nil
        self.maxSessionDuration = 3600
        self.tags = []
        self.inlinePolicies = []
        self.attachedPolicies = []
        self.permissionsBoundary = nil
        self.lastUsed = nil
    }

    /// Service-linked roles live under `/aws-service-role/` and cannot be changed by the account.
    public var isServiceLinked: Bool { path.hasPrefix("/aws-service-role/") }

    enum CodingKeys: String, CodingKey {
        case name, path, id, createDate, assumeRolePolicyDocument, description, maxSessionDuration, tags
        case inlinePolicies, attachedPolicies, permissionsBoundary, lastUsed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        id = try c.decode(String.self, forKey: .id)
        createDate = try c.decode(Timestamp.self, forKey: .createDate)
        assumeRolePolicyDocument = try c.decode(String.self, forKey: .assumeRolePolicyDocument)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        maxSessionDuration = try c.decodeIfPresent(Int.self, forKey: .maxSessionDuration) ?? 3600
        tags = try c.decodeIfPresent([Tag].self, forKey: .tags) ?? []
        inlinePolicies = try c.decodeIfPresent([InlinePolicy].self, forKey: .inlinePolicies) ?? []
        attachedPolicies = try c.decodeIfPresent([String].self, forKey: .attachedPolicies) ?? []
        permissionsBoundary = try c.decodeIfPresent(String.self, forKey: .permissionsBoundary)
        lastUsed = try c.decodeIfPresent(RoleLastUsed.self, forKey: .lastUsed)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(path, forKey: .path)
        try c.encode(id, forKey: .id)
        try c.encode(createDate, forKey: .createDate)
        try c.encode(assumeRolePolicyDocument, forKey: .assumeRolePolicyDocument)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(maxSessionDuration, forKey: .maxSessionDuration)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        if !inlinePolicies.isEmpty { try c.encode(inlinePolicies, forKey: .inlinePolicies) }
        if !attachedPolicies.isEmpty { try c.encode(attachedPolicies, forKey: .attachedPolicies) }
        try c.encodeIfPresent(permissionsBoundary, forKey: .permissionsBoundary)
        try c.encodeIfPresent(lastUsed, forKey: .lastUsed)
    }
}

/// When a role was last used, and in which region.
public struct RoleLastUsed: Codable, Sendable, Equatable {
    public var date: Timestamp
    public var region: String?

    public init(date: Timestamp, region: String?) {
        self.date = date
        self.region = region
    }
}
