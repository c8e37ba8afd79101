/// Which STS action issued a set of temporary credentials.
public enum TemporaryCredentialSource: String, Codable, Sendable, CaseIterable {
    /// `AssumeRole`: the credentials act as a session of a role.
    case assumeRole = "AssumeRole"
    /// `GetSessionToken`: the credentials act as the user (or root) that asked for them.
    case getSessionToken = "GetSessionToken"
}

/// Temporary security credentials issued by STS (`ASIA…`), as the workspace keeps them: the secret
/// and the session token only as SHA-256 hashes, with what a request made with them needs to know
/// (who it acts as, its MFA facts, its session policy and tags) and when it stops working.
public struct TemporaryCredential: Codable, Sendable, Equatable {
    /// `ASIA` and 16 base32 characters.
    public var accessKeyId: String
    /// SHA-256 of the secret access key, as lowercase hex.
    public var secretHash: String
    /// SHA-256 of the session token, as lowercase hex.
    public var sessionTokenHash: String
    public var source: TemporaryCredentialSource
    /// The assumed role's name (AssumeRole).
    public var roleName: String?
    /// The role session name (AssumeRole).
    public var roleSessionName: String?
    /// The user who called GetSessionToken; nil for the root user or a role session.
    public var userName: String?
    public var createDate: Timestamp
    /// The first instant at which the credentials are refused with `ExpiredToken`.
    public var expiration: Timestamp
    /// The MFA device whose code was checked when the credentials were issued, if any.
    public var mfaSerialNumber: String?
    /// When that code was checked; `aws:MultiFactorAuthAge` counts from here.
    public var mfaAuthenticatedAt: Timestamp?
    /// The inline session policy passed to AssumeRole, which every request must also satisfy.
    public var sessionPolicy: String?
    /// Session tags passed to AssumeRole: they become `aws:PrincipalTag/…` over the role's tags.
    public var tags: [Tag]

    public init(
        accessKeyId: String, secretHash: String, sessionTokenHash: String, source: TemporaryCredentialSource,
        createDate: Timestamp, expiration: Timestamp
    ) {
        self.accessKeyId = accessKeyId
        self.secretHash = secretHash
        self.sessionTokenHash = sessionTokenHash
        self.source = source
        self.roleName = nil
        self.roleSessionName = nil
        self.userName = nil
        self.createDate = createDate
        self.expiration = expiration
        self.mfaSerialNumber = nil
        self.mfaAuthenticatedAt = nil
        self.sessionPolicy = nil
        self.tags = []
    }

    /// Who requests signed with these credentials are made by.
    public var principal: Principal {
        switch source {
        case .assumeRole: return .roleSession(role: roleName ?? "", session: roleSessionName ?? "")
        case .getSessionToken: return userName.map(Principal.user) ?? .root
        }
    }

    /// Whether the credentials are refused at `now`.
    public func isExpired(at now: Timestamp) -> Bool { now >= expiration }

    /// The session a request made with these credentials runs in.
    public var session: ConsoleSession {
        var session = ConsoleSession(
            principal: principal, signedInAt: createDate, mfaSerialNumber: mfaSerialNumber,
            mfaAuthenticatedAt: mfaAuthenticatedAt)
        session.expiresAt = expiration
        session.sessionPolicy = sessionPolicy
        session.sessionTags = tags
        return session
    }
}

extension Account {
    /// Removes temporary credentials that have expired by `now` (they can never be used again).
    public mutating func pruneExpiredCredentials(at now: Timestamp) {
        guard temporaryCredentials.values.contains(where: { $0.isExpired(at: now) }) else { return }
        temporaryCredentials = temporaryCredentials.filter { !$0.value.isExpired(at: now) }
    }
}
