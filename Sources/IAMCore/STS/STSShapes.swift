/// AssumeRole request, with the AWS CLI's members.
public struct AssumeRoleRequest: Codable, Sendable {
    public var roleArn: String
    public var roleSessionName: String
    public var externalId: String?
    public var serialNumber: String?
    public var tokenCode: String?
    public var durationSeconds: Int?
    /// An inline session policy: the session may do only what both it and the role allow.
    public var policy: String?
    /// Session tags (`aws:PrincipalTag/…` of the session, `aws:RequestTag/…` for the trust policy).
    public var tags: [Tag]?

    public init(
        roleArn: String, roleSessionName: String, externalId: String? = nil, serialNumber: String? = nil,
        tokenCode: String? = nil, durationSeconds: Int? = nil, policy: String? = nil, tags: [Tag]? = nil
    ) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.externalId = externalId
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
        self.durationSeconds = durationSeconds
        self.policy = policy
        self.tags = tags
    }
}

/// GetSessionToken request.
public struct GetSessionTokenRequest: Codable, Sendable {
    public var durationSeconds: Int?
    public var serialNumber: String?
    public var tokenCode: String?

    public init(durationSeconds: Int? = nil, serialNumber: String? = nil, tokenCode: String? = nil) {
        self.durationSeconds = durationSeconds
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
    }
}

/// GetCallerIdentity request (it has no members).
public struct GetCallerIdentityRequest: Codable, Sendable {
    public init() {}
}

/// STS's `Credentials`: the only time the secret and the session token are shown.
public struct STSCredentialsShape: Codable, Sendable, Equatable {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String
    public var expiration: Timestamp
}

/// STS's `AssumedRoleUser`.
public struct AssumedRoleUserShape: Codable, Sendable, Equatable {
    /// `AROA…:SESSION`.
    public var assumedRoleId: String
    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
    public var arn: String
}

/// AssumeRole response.
public struct AssumeRoleResponse: Codable, Sendable, Equatable {
    public var credentials: STSCredentialsShape
    public var assumedRoleUser: AssumedRoleUserShape
    /// Percent of the allotted space the session policy and tags take; only when some were passed.
    public var packedPolicySize: Int?
}

/// GetSessionToken response.
public struct GetSessionTokenResponse: Codable, Sendable, Equatable {
    public var credentials: STSCredentialsShape
}

/// GetCallerIdentity response.
public struct GetCallerIdentityResponse: Codable, Sendable, Equatable {
    /// A user's `AIDA…` id, the account id for root, `AROA…:SESSION` for a role session.
    public var userId: String
    public var account: String
    public var arn: String
}
