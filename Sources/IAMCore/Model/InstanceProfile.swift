/// An instance profile: the container that passes one role to an EC2 instance.
public struct InstanceProfile: Codable, Sendable, Equatable {
    public var name: String
    public var path: String
    /// The unique id, `AIPA` and 17 base32 characters.
    public var id: String
    public var createDate: Timestamp
    /// Names of the roles in the profile (at most one).
    public var roles: [String]
    public var tags: [Tag]

    public init(name: String, path: String, id: String, createDate: Timestamp) {
        self.name = name
        self.path = path
        self.id = id
        self.createDate = createDate
        self.roles = []
        self.tags = []
    }
}
