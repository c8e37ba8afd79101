/// An external access finding: one principal outside the zone of trust that a resource's policy
/// lets in, with the actions and conditions of the grant, as Access Analyzer reports it.
public struct Finding: Codable, Sendable, Equatable {
    /// `ACTIVE` until archived (by hand or by a rule); `RESOLVED` once the policy no longer grants it.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case active = "ACTIVE"
        case archived = "ARCHIVED"
        case resolved = "RESOLVED"
    }

    /// Stable for the same resource, principal, actions and conditions (see `FindingIdentity`).
    public var id: String
    /// The resource's ARN.
    public var resource: String
    public var resourceType: AnalyzedResourceType
    public var resourceOwnerAccount: String
    /// `{"AWS": "111122223333"}`, `{"AWS": "*"}`, `{"Federated": "..."}`.
    public var principal: [String: String]
    /// The actions the statement allows, sorted.
    public var action: [String]
    /// The statement's condition keys and their values (several joined by commas).
    public var condition: [String: String]
    /// True when anyone at all is let in.
    public var isPublic: Bool
    public var status: Status
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var analyzedAt: Timestamp
    /// Where the statement that grants the access is in the resource's policy.
    public var statement: StatementLocation

    public init(
        id: String, resource: String, resourceType: AnalyzedResourceType, resourceOwnerAccount: String,
        access: ExternalAccess, status: Status, at time: Timestamp
    ) {
        self.id = id
        self.resource = resource
        self.resourceType = resourceType
        self.resourceOwnerAccount = resourceOwnerAccount
        self.principal = access.principal
        self.action = access.actions
        self.condition = access.condition
        self.isPublic = access.isPublic
        self.status = status
        self.createdAt = time
        self.updatedAt = time
        self.analyzedAt = time
        self.statement = access.statement
    }

    /// Access Analyzer's `findingType` for these findings.
    public static let findingType = "ExternalAccess"
}

/// Where a statement is in a policy document: which policy, the statement's `Sid` or position,
/// and the line and column its `{` is written at.
public struct StatementLocation: Codable, Sendable, Equatable, Hashable {
    /// `bucket policy`, `key policy`, `trust policy`...
    public var policy: String
    public var sid: String?
    /// The statement's position in `Statement` (0 for a single statement object).
    public var index: Int
    public var line: Int
    public var column: Int

    public init(policy: String, sid: String?, index: Int, line: Int, column: Int) {
        self.policy = policy
        self.sid = sid
        self.index = index
        self.line = line
        self.column = column
    }

    /// `Sid PublicRead` or `statement #2` (1-based), as the console and CLI name it.
    public var label: String { sid.map { "Sid \($0)" } ?? "statement #\(index + 1)" }
}
