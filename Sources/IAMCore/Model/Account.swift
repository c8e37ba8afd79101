/// An AWS account's IAM state as one value: an action produces a new value, which is saved and shown.
///
/// Entities are kept in dictionaries keyed by their lowercased name (names are unique
/// case-insensitively in IAM) and encoded as arrays sorted by that key, so the workspace file
/// is deterministic and diffs stay small.
public struct Account: Sendable, Equatable {
    /// The 12-digit account id.
    public var id: String
    /// The account alias (at most one), used in the sign-in URL.
    public var alias: String?
    /// The account name shown in the console and billing.
    public var name: String
    public var createDate: Timestamp
    public var root: RootUser
    public var users: [String: User]
    public var groups: [String: Group]
    public var roles: [String: Role]
    /// Customer managed policies keyed by lowercased name.
    public var policies: [String: ManagedPolicy]
    public var instanceProfiles: [String: InstanceProfile]
    /// MFA devices keyed by serial number.
    public var mfaDevices: [String: MFADevice]
    /// The custom password policy, or nil when the IAM default applies.
    public var passwordPolicy: PasswordPolicy?
    /// Recent console sign-in attempts, kept in the account so the sign-in throttle counts them
    /// across restarts and consoles (bounded by `SignInAttemptLog`). The full record of every
    /// request is the CloudTrail-shaped trail beside the workspace file; workspaces written before
    /// it existed hold other events here too, which the next save moves to that trail.
    public var auditTrail: [AuditEvent]
    /// The last generated credential report, as GetCredentialReport returns it until it expires.
    public var credentialReport: CredentialReportSnapshot?
    /// Unexpired temporary credentials issued by STS, keyed by their `ASIA…` access key id.
    public var temporaryCredentials: [String: TemporaryCredential]
    /// Access advisor's record of use: the latest time each principal used each action in each
    /// Region, within the tracking period (see `recordActivity`).
    public var activity: [ActivityKey: Timestamp]
    /// Access advisor jobs made by GenerateServiceLastAccessedDetails, oldest first.
    public var accessAdvisorJobs: [AccessAdvisorJob]
    /// Resources of other services with resource-based policies (S3 buckets, KMS keys, SQS queues,
    /// Lambda functions and layer versions, Secrets Manager secrets), keyed by ARN.
    public var resources: [String: SharedResource]
    /// The organization the account belongs to, for organization-wide zones of trust.
    public var organization: Organization?
    /// Access Analyzer's analyzers, with their archive rules and findings, keyed by name.
    public var analyzers: [String: Analyzer]

    public init(id: String, name: String, createDate: Timestamp, root: RootUser) {
        self.id = id
        self.alias = nil
        self.name = name
        self.createDate = createDate
        self.root = root
        self.users = [:]
        self.groups = [:]
        self.roles = [:]
        self.policies = [:]
        self.instanceProfiles = [:]
        self.mfaDevices = [:]
        self.passwordPolicy = nil
        self.auditTrail = []
        self.credentialReport = nil
        self.temporaryCredentials = [:]
        self.activity = [:]
        self.accessAdvisorJobs = []
        self.resources = [:]
        self.organization = nil
        self.analyzers = [:]
    }

    /// The values of an entity dictionary in name order (case-insensitive), as lists show them.
    /// Sorting the keys compares the stored lowercased names once each, instead of lowering both
    /// names at every comparison.
    public static func inNameOrder<Value>(_ entities: [String: Value]) -> [Value] {
        entities.keys.sorted().compactMap { entities[$0] }
    }

    /// The key under which an entity with this name is stored.
    @inlinable public static func key(_ name: String) -> String { name.lowercased() }

    /// The user with this name (case-insensitive), if any.
    public func user(named name: String) -> User? { users[Self.key(name)] }
    /// The group with this name (case-insensitive), if any.
    public func group(named name: String) -> Group? { groups[Self.key(name)] }
    /// The role with this name (case-insensitive), if any.
    public func role(named name: String) -> Role? { roles[Self.key(name)] }
    /// The instance profile with this name (case-insensitive), if any.
    public func instanceProfile(named name: String) -> InstanceProfile? { instanceProfiles[Self.key(name)] }

    /// The customer managed policy with this ARN, if any.
    public func customerPolicy(arn: String) -> ManagedPolicy? {
        guard let parsed = IAMResourceName(arn), parsed.account == id, parsed.kind == "policy",
            let policy = policies[Self.key(parsed.name)], policy.path == parsed.path
        else { return nil }
        return policy
    }

    /// The users who are members of the group with this name, sorted by name.
    public func members(ofGroup name: String) -> [User] {
        let key = Self.key(name)
        return users.values.filter { user in user.groups.contains { Self.key($0) == key } }
            .sorted { Self.key($0.name) < Self.key($1.name) }
    }
}

extension Account: Codable {
    enum CodingKeys: String, CodingKey {
        case id, alias, name, createDate, root, users, groups, roles, policies, instanceProfiles, mfaDevices
        case passwordPolicy, auditTrail, credentialReport, temporaryCredentials, activity, accessAdvisorJobs
        case resources, organization, analyzers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        alias = try c.decodeIfPresent(String.self, forKey: .alias)
        name = try c.decode(String.self, forKey: .name)
        createDate = try c.decode(Timestamp.self, forKey: .createDate)
        root = try c.decode(RootUser.self, forKey: .root)
        users = try Self.keyed(c, .users, [User].self) { $0.name }
        groups = try Self.keyed(c, .groups, [Group].self) { $0.name }
        roles = try Self.keyed(c, .roles, [Role].self) { $0.name }
        policies = try Self.keyed(c, .policies, [ManagedPolicy].self) { $0.name }
        instanceProfiles = try Self.keyed(c, .instanceProfiles, [InstanceProfile].self) { $0.name }
        let devices = try c.decodeIfPresent([MFADevice].self, forKey: .mfaDevices) ?? []
        mfaDevices = Dictionary(devices.map { ($0.serialNumber, $0) }, uniquingKeysWith: { first, _ in first })
        passwordPolicy = try c.decodeIfPresent(PasswordPolicy.self, forKey: .passwordPolicy)
        auditTrail = try c.decodeIfPresent([AuditEvent].self, forKey: .auditTrail) ?? []
        credentialReport = try c.decodeIfPresent(CredentialReportSnapshot.self, forKey: .credentialReport)
        let credentials = try c.decodeIfPresent([TemporaryCredential].self, forKey: .temporaryCredentials) ?? []
        temporaryCredentials = Dictionary(
            credentials.map { ($0.accessKeyId, $0) }, uniquingKeysWith: { first, _ in first })
        activity = [:]
        accessAdvisorJobs = try c.decodeIfPresent([AccessAdvisorJob].self, forKey: .accessAdvisorJobs) ?? []
        let shared = try c.decodeIfPresent([SharedResource].self, forKey: .resources) ?? []
        resources = Dictionary(shared.map { ($0.arn, $0) }, uniquingKeysWith: { first, _ in first })
        organization = try c.decodeIfPresent(Organization.self, forKey: .organization)
        let analyzerList = try c.decodeIfPresent([Analyzer].self, forKey: .analyzers) ?? []
        analyzers = Dictionary(analyzerList.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        setActivity(try c.decodeIfPresent([ServiceActivity].self, forKey: .activity) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(alias, forKey: .alias)
        try c.encode(name, forKey: .name)
        try c.encode(createDate, forKey: .createDate)
        try c.encode(root, forKey: .root)
        try c.encode(Self.sorted(users), forKey: .users)
        try c.encode(Self.sorted(groups), forKey: .groups)
        try c.encode(Self.sorted(roles), forKey: .roles)
        try c.encode(Self.sorted(policies), forKey: .policies)
        try c.encode(Self.sorted(instanceProfiles), forKey: .instanceProfiles)
        try c.encode(Self.sorted(mfaDevices), forKey: .mfaDevices)
        try c.encodeIfPresent(passwordPolicy, forKey: .passwordPolicy)
        try c.encode(auditTrail, forKey: .auditTrail)
        try c.encodeIfPresent(credentialReport, forKey: .credentialReport)
        // Written only when there are some, so workspaces without sessions keep their bytes.
        if !temporaryCredentials.isEmpty {
            try c.encode(Self.sorted(temporaryCredentials), forKey: .temporaryCredentials)
        }
        // Likewise: workspaces that never used access advisor keep their bytes.
        if !activity.isEmpty { try c.encode(sortedActivity, forKey: .activity) }
        if !accessAdvisorJobs.isEmpty { try c.encode(accessAdvisorJobs, forKey: .accessAdvisorJobs) }
        // Likewise for resource policies and the analyzers.
        if !resources.isEmpty { try c.encode(Self.sorted(resources), forKey: .resources) }
        try c.encodeIfPresent(organization, forKey: .organization)
        if !analyzers.isEmpty { try c.encode(Self.sorted(analyzers), forKey: .analyzers) }
    }

    private static func sorted<Value>(_ dictionary: [String: Value]) -> [Value] {
        dictionary.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Decodes an array and keys it by lowercased name; a duplicate (case-insensitive) name is a
    /// corrupted workspace, reported with the index of the second occurrence.
    private static func keyed<Value: Decodable>(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _ type: [Value].Type,
        name: (Value) -> String
    ) throws -> [String: Value] {
        let values = try container.decodeIfPresent(type, forKey: key) ?? []
        var result: [String: Value] = [:]
        result.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            let lowered = Self.key(name(value))
            if result[lowered] != nil {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: container.codingPath + [key, IndexKey(index)],
                        debugDescription: "duplicate name '\(name(value))' (names are unique case-insensitively)"))
            }
            result[lowered] = value
        }
        return result
    }
}

/// An array index as a coding-path component, for error messages.
struct IndexKey: CodingKey {
    var stringValue: String { String(intValue ?? 0) }
    var intValue: Int?
    init(_ index: Int) { self.intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
