import IAMCore

// Temporary credentials read straight from bytes, mirroring `TemporaryCredential`'s synthesized
// `Codable` conformance: the non-optional members (tags included) are required.

private enum TemporaryCredentialField: Int, ObjectFields {
    case accessKeyId, createDate, expiration, mfaAuthenticatedAt, mfaSerialNumber, roleName, roleSessionName
    case secretHash, sessionPolicy, sessionTokenHash, source, tags, userName
    static let table = KeyTable(Self.self)
}

extension WorkspaceReader {
    /// The account's temporary credentials keyed by access key id; the first of two with one id wins,
    /// as in `Account.init(from:)`.
    mutating func temporaryCredentials() throws(FastPathRefused) -> [String: TemporaryCredential] {
        var result: [String: TemporaryCredential] = [:]
        for credential in try optionalArray({ reader throws(FastPathRefused) in try reader.temporaryCredential() })
        where result[credential.accessKeyId] == nil {
            result[credential.accessKeyId] = credential
        }
        return result
    }

    private mutating func temporaryCredential() throws(FastPathRefused) -> TemporaryCredential {
        var accessKeyId: String?
        var createDate: Timestamp?
        var expiration: Timestamp?
        var secretHash: String?
        var sessionTokenHash: String?
        var source: TemporaryCredentialSource?
        var tags: [Tag]?
        var optional = TemporaryCredential(
            accessKeyId: "", secretHash: "", sessionTokenHash: "", source: .assumeRole,
            createDate: Timestamp(microseconds: 0), expiration: Timestamp(microseconds: 0))
        var cursor = ObjectCursor()
        while let field = try next(TemporaryCredentialField.self, &cursor) {
            switch field {
            case .accessKeyId: accessKeyId = try string()
            case .createDate: createDate = try timestamp()
            case .expiration: expiration = try timestamp()
            case .mfaAuthenticatedAt: optional.mfaAuthenticatedAt = try optionalTimestamp()
            case .mfaSerialNumber: optional.mfaSerialNumber = try optionalString()
            case .roleName: optional.roleName = try optionalString()
            case .roleSessionName: optional.roleSessionName = try optionalString()
            case .secretHash: secretHash = try string()
            case .sessionPolicy: optional.sessionPolicy = try optionalString()
            case .sessionTokenHash: sessionTokenHash = try string()
            case .source: source = try raw(TemporaryCredentialSource.self)
            case .tags: tags = try array { reader throws(FastPathRefused) in try reader.tag() }
            case .userName: optional.userName = try optionalString()
            }
        }
        var credential = TemporaryCredential(
            accessKeyId: try required(accessKeyId), secretHash: try required(secretHash),
            sessionTokenHash: try required(sessionTokenHash), source: try required(source),
            createDate: try required(createDate), expiration: try required(expiration))
        credential.mfaAuthenticatedAt = optional.mfaAuthenticatedAt
        credential.mfaSerialNumber = optional.mfaSerialNumber
        credential.roleName = optional.roleName
        credential.roleSessionName = optional.roleSessionName
        credential.sessionPolicy = optional.sessionPolicy
        credential.userName = optional.userName
        credential.tags = try required(tags)
        return credential
    }
}
