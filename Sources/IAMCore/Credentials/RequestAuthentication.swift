/// The caller of a programmatic request, once its credentials have been checked.
public struct AuthenticatedCaller: Sendable, Equatable {
    public var principal: Principal
    /// The session the request runs in, for temporary credentials (set it as `IAMService.session`).
    public var session: ConsoleSession?
    /// The access key id the request was signed with.
    public var accessKeyId: String
    /// Whether the key is a long-term access key (`AKIA…`), whose last use is recorded.
    public var isLongTermKey: Bool { session == nil }
}

extension Account {
    /// Checks the credentials of a programmatic request the way AWS does before any action runs.
    ///
    /// - A long-term key must exist, be active and belong to an existing user (or root), and must
    ///   not come with a session token; an active key with the wrong secret is `SignatureDoesNotMatch`,
    ///   anything else `InvalidClientTokenId`.
    /// - Temporary credentials (`ASIA…`) need their session token; a wrong or missing token is
    ///   `InvalidClientTokenId`, a wrong secret `SignatureDoesNotMatch`, and once they have expired
    ///   every request is `ExpiredToken`.
    /// - GetSessionToken credentials obtained without MFA cannot call IAM (`service` `iam`): AWS
    ///   answers `InvalidClientTokenId`.
    public func authenticate(
        accessKeyId: String, secret: String, sessionToken: String?, service: String, at now: Timestamp
    ) throws(IAMError) -> AuthenticatedCaller {
        let token = sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        if let credential = temporaryCredentials[accessKeyId] {
            guard let token, SecretHasher.verify(token, against: credential.sessionTokenHash) else {
                throw .invalidToken
            }
            guard SecretHasher.verify(secret, against: credential.secretHash) else { throw Self.signatureMismatch }
            if credential.isExpired(at: now) { throw .expiredToken }
            let principal = credential.principal
            switch principal {
            case .root: break
            case .user(let name): guard user(named: name) != nil else { throw .invalidToken }
            case .roleSession(let role, _): guard self.role(named: role) != nil else { throw .invalidToken }
            }
            if credential.source == .getSessionToken, credential.mfaAuthenticatedAt == nil, service == "iam" {
                throw .invalidToken
            }
            return AuthenticatedCaller(principal: principal, session: credential.session, accessKeyId: accessKeyId)
        }
        guard token == nil, let (key, principal) = longTermKey(accessKeyId), key.status == .active else {
            throw .invalidToken
        }
        guard SecretHasher.verify(secret, against: key.secretHash) else { throw Self.signatureMismatch }
        return AuthenticatedCaller(principal: principal, session: nil, accessKeyId: accessKeyId)
    }

    /// AWS's answer to a request signed with the wrong secret.
    static let signatureMismatch = IAMError(
        .signatureDoesNotMatch,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
            + "Access Key and signing method. Consult the service documentation for details.")

    /// A long-term access key and its owner.
    func longTermKey(_ id: String) -> (AccessKey, Principal)? {
        if let key = root.accessKeys.first(where: { $0.id == id }) { return (key, .root) }
        for user in users.values {
            if let key = user.accessKeys.first(where: { $0.id == id }) { return (key, .user(user.name)) }
        }
        return nil
    }

    /// Records that a long-term access key was used at `date` for `service` (`iam`, `sts`) in `region`,
    /// as GetAccessKeyLastUsed reports it. Unknown ids (temporary credentials) are ignored.
    public mutating func recordAccessKeyUse(_ id: String, service: String, region: String, at date: Timestamp) {
        let lastUsed = AccessKeyLastUsed(date: date, serviceName: service, region: region)
        if let index = root.accessKeys.firstIndex(where: { $0.id == id }) {
            root.accessKeys[index].lastUsed = lastUsed
            return
        }
        for (key, user) in users {
            if let index = user.accessKeys.firstIndex(where: { $0.id == id }) {
                users[key]?.accessKeys[index].lastUsed = lastUsed
                return
            }
        }
    }
}
