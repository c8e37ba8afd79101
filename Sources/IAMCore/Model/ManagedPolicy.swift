/// A customer managed policy: a standalone policy with up to five versions, one of them the default.
public struct ManagedPolicy: Codable, Sendable, Equatable {
    public var name: String
    public var path: String
    /// The unique id, `ANPA` and 17 base32 characters.
    public var id: String
    public var description: String?
    public var createDate: Timestamp
    public var updateDate: Timestamp
    public var defaultVersionId: String
    /// Stored versions, oldest first.
    public var versions: [PolicyVersion]
    /// The number the next version will get; version numbers are never reused.
    public var nextVersionNumber: Int
    public var tags: [Tag]

    public init(name: String, path: String, id: String, description: String?, createDate: Timestamp, document: String) {
        self.name = name
        self.path = path
        self.id = id
        self.description = description
        self.createDate = createDate
        self.updateDate = createDate
        self.defaultVersionId = "v1"
        self.versions = [PolicyVersion(versionId: "v1", document: document, createDate: createDate)]
        self.nextVersionNumber = 2
        self.tags = []
    }

    /// The default version's document.
    public var defaultDocument: String {
        versions.first { $0.versionId == defaultVersionId }?.document ?? ""
    }

    enum CodingKeys: String, CodingKey {
        case name, path, id, description, createDate, updateDate, defaultVersionId, versions, nextVersionNumber, tags
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        id = try c.decode(String.self, forKey: .id)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        createDate = try c.decode(Timestamp.self, forKey: .createDate)
        updateDate = try c.decode(Timestamp.self, forKey: .updateDate)
        defaultVersionId = try c.decode(String.self, forKey: .defaultVersionId)
        versions = try c.decode([PolicyVersion].self, forKey: .versions)
        nextVersionNumber = try c.decode(Int.self, forKey: .nextVersionNumber)
        tags = try c.decodeIfPresent([Tag].self, forKey: .tags) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(path, forKey: .path)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(createDate, forKey: .createDate)
        try c.encode(updateDate, forKey: .updateDate)
        try c.encode(defaultVersionId, forKey: .defaultVersionId)
        try c.encode(versions, forKey: .versions)
        try c.encode(nextVersionNumber, forKey: .nextVersionNumber)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
    }
}

/// One stored version of a managed policy.
public struct PolicyVersion: Codable, Sendable, Equatable {
    public var versionId: String
    public var document: String
    public var createDate: Timestamp

    public init(versionId: String, document: String, createDate: Timestamp) {
        self.versionId = versionId
        self.document = document
        self.createDate = createDate
    }
}
