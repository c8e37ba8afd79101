/// An external access analyzer: a zone of trust, its archive rules and the findings it keeps.
public struct Analyzer: Codable, Sendable, Equatable {
    /// `ACCOUNT` trusts the workspace account; `ORGANIZATION` also trusts the organization's accounts.
    public enum ZoneType: String, Codable, Sendable, CaseIterable {
        case account = "ACCOUNT"
        case organization = "ORGANIZATION"
    }

    public var name: String
    /// `arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME`.
    public var arn: String
    public var type: ZoneType
    public var createdAt: Timestamp
    /// The Region the analyzer was created in: it analyzes that Region's resources and IAM roles.
    public var region: String
    public var lastResourceAnalyzed: String?
    public var lastResourceAnalyzedAt: Timestamp?
    public var tags: [String: String]
    /// Archive rules by name.
    public var archiveRules: [String: ArchiveRule]
    /// Findings by id.
    public var findings: [String: Finding]

    public init(name: String, arn: String, type: ZoneType, createdAt: Timestamp, region: String) {
        self.name = name
        self.arn = arn
        self.type = type
        self.createdAt = createdAt
        self.region = region
        self.lastResourceAnalyzed = nil
        self.lastResourceAnalyzedAt = nil
        self.tags = [:]
        self.archiveRules = [:]
        self.findings = [:]
    }

    enum CodingKeys: String, CodingKey {
        case archiveRules, arn, createdAt, findings, lastResourceAnalyzed, lastResourceAnalyzedAt, name, region, tags
        case type
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        arn = try c.decode(String.self, forKey: .arn)
        type = try c.decode(ZoneType.self, forKey: .type)
        createdAt = try c.decode(Timestamp.self, forKey: .createdAt)
        region = try c.decode(String.self, forKey: .region)
        lastResourceAnalyzed = try c.decodeIfPresent(String.self, forKey: .lastResourceAnalyzed)
        lastResourceAnalyzedAt = try c.decodeIfPresent(Timestamp.self, forKey: .lastResourceAnalyzedAt)
        tags = try c.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
        let rules = try c.decodeIfPresent([ArchiveRule].self, forKey: .archiveRules) ?? []
        archiveRules = Dictionary(rules.map { ($0.ruleName, $0) }, uniquingKeysWith: { first, _ in first })
        let list = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        findings = Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(archiveRules.sorted { $0.key < $1.key }.map(\.value), forKey: .archiveRules)
        try c.encode(arn, forKey: .arn)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(sortedFindings, forKey: .findings)
        try c.encodeIfPresent(lastResourceAnalyzed, forKey: .lastResourceAnalyzed)
        try c.encodeIfPresent(lastResourceAnalyzedAt, forKey: .lastResourceAnalyzedAt)
        try c.encode(name, forKey: .name)
        try c.encode(region, forKey: .region)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        try c.encode(type, forKey: .type)
    }

    /// The findings in the order they are stored and listed: by resource, then by id.
    public var sortedFindings: [Finding] {
        findings.values.sorted { ($0.resource, $0.id) < ($1.resource, $1.id) }
    }

    /// The archive rules by name.
    public var sortedArchiveRules: [ArchiveRule] { archiveRules.sorted { $0.key < $1.key }.map(\.value) }
}

/// A rule that archives the findings its filter matches, those that exist when it is applied and
/// every new one after.
public struct ArchiveRule: Codable, Sendable, Equatable {
    public var ruleName: String
    /// Filter keys (`resourceType`, `principal.AWS`, `condition.aws:SourceVpc`, `isPublic`...) and their criteria.
    public var filter: [String: Criterion]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(ruleName: String, filter: [String: Criterion], createdAt: Timestamp, updatedAt: Timestamp) {
        self.ruleName = ruleName
        self.filter = filter
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One filter key's test, as Access Analyzer's `Criterion`: each member given must hold.
public struct Criterion: Codable, Sendable, Equatable {
    /// The value equals one of these.
    public var eq: [String]?
    /// The value equals none of these.
    public var neq: [String]?
    /// The value contains one of these.
    public var contains: [String]?
    /// The key is present (true) or absent (false).
    public var exists: Bool?

    public init(eq: [String]? = nil, neq: [String]? = nil, contains: [String]? = nil, exists: Bool? = nil) {
        self.eq = eq
        self.neq = neq
        self.contains = contains
        self.exists = exists
    }
}

/// The AWS Organizations organization the workspace account belongs to, as far as an
/// organization-wide zone of trust needs it: its id and its member accounts.
public struct Organization: Codable, Sendable, Equatable {
    /// `o-` and 10 to 32 lowercase letters or digits.
    public var id: String
    /// The management account.
    public var masterAccountId: String
    /// The member account ids, sorted, the management account included.
    public var accounts: [String]

    public init(id: String, masterAccountId: String, accounts: [String]) {
        self.id = id
        self.masterAccountId = masterAccountId
        self.accounts = accounts
    }

    /// `arn:aws:organizations::MASTER:organization/ID`.
    public var arn: String { "arn:aws:organizations::\(masterAccountId):organization/\(id)" }
}
