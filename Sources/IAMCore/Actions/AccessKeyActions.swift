/// CreateAccessKey / ListAccessKeys request: a user, or none for the caller (root: the root user's keys).
public struct AccessKeyUserRequest: Codable, Sendable {
    public var userName: String?
    public var marker: String?
    public var maxItems: Int?
    public init(userName: String? = nil, marker: String? = nil, maxItems: Int? = nil) {
        self.userName = userName
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// CreateAccessKey response: the only time the secret is shown.
public struct CreateAccessKeyResponse: Codable, Sendable, Equatable { public var accessKey: AccessKeyShape }

/// ListAccessKeys response.
public struct ListAccessKeysResponse: Codable, Sendable, Equatable {
    public var accessKeyMetadata: [AccessKeyShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// UpdateAccessKey request.
public struct UpdateAccessKeyRequest: Codable, Sendable {
    public var userName: String?
    public var accessKeyId: String
    public var status: String
    public init(userName: String? = nil, accessKeyId: String, status: String) {
        self.userName = userName
        self.accessKeyId = accessKeyId
        self.status = status
    }
}

/// DeleteAccessKey request.
public struct DeleteAccessKeyRequest: Codable, Sendable {
    public var userName: String?
    public var accessKeyId: String
    public init(userName: String? = nil, accessKeyId: String) {
        self.userName = userName
        self.accessKeyId = accessKeyId
    }
}

extension IAMService {
    /// Whose keys a request addresses: a named user, the calling user, or (root without a name) the root user.
    private func keyOwner(_ userName: String?, _ principal: Principal) throws(IAMError) -> (user: User?, arn: String) {
        if let name = userName ?? principal.ownUserName {
            try NameRules.checkName(name, field: "userName", max: 128)
            let user = try existingUser(name)
            return (user, account.arn(of: user))
        }
        if case .root = principal { return (nil, account.rootARN) }
        throw NameRules.validationError("null", "userName", "Member must not be null")
    }

    private func keys(of user: User?) -> [AccessKey] { user?.accessKeys ?? account.root.accessKeys }

    private mutating func setKeys(_ keys: [AccessKey], of user: User?) {
        if let user {
            account.users[Account.key(user.name)]?.accessKeys = keys
        } else {
            account.root.accessKeys = keys
        }
    }

    /// Creates an access key (two per user, inactive ones included). The secret appears only in this response.
    public mutating func createAccessKey(
        _ request: AccessKeyUserRequest, as principal: Principal
    ) throws(IAMError)
        -> CreateAccessKeyResponse
    {
        try recorded("CreateAccessKey", request, principal) {
            (service: inout IAMService) throws(IAMError) -> CreateAccessKeyResponse in
            try service.handleCreateAccessKey(request, as: principal)
        }
    }

    private mutating func handleCreateAccessKey(
        _ request: AccessKeyUserRequest, as principal: Principal
    ) throws(IAMError)
        -> CreateAccessKeyResponse
    {
        let owner = try keyOwner(request.userName, principal)
        try authorize(principal, "CreateAccessKey", owner.arn)
        var existing = keys(of: owner.user)
        guard existing.count < quotas.accessKeysPerUser else {
            throw .quota("AccessKeysPerUser", quotas.accessKeysPerUser)
        }
        var keyId = random.identifier(.accessKey)
        while accessKeyExists(keyId) { keyId = random.identifier(.accessKey) }
        let secret = random.base64Characters(40)
        let now = clock.now()
        existing.append(AccessKey(id: keyId, secretHash: SecretHasher.hash(secret), status: .active, createDate: now))
        setKeys(existing, of: owner.user)
        committed(principal, "CreateAccessKey", owner.arn)
        return CreateAccessKeyResponse(
            accessKey: AccessKeyShape(
                userName: owner.user?.name, accessKeyId: keyId, status: AccessKeyStatus.active.rawValue,
                secretAccessKey: secret, createDate: now))
    }

    /// Lists access key metadata (never the secret).
    public func listAccessKeys(
        _ request: AccessKeyUserRequest, as principal: Principal
    ) throws(IAMError)
        -> ListAccessKeysResponse
    {
        try recorded("ListAccessKeys", request, principal) { () throws(IAMError) -> ListAccessKeysResponse in
            try handleListAccessKeys(request, as: principal)
        }
    }

    private func handleListAccessKeys(
        _ request: AccessKeyUserRequest, as principal: Principal
    ) throws(IAMError)
        -> ListAccessKeysResponse
    {
        let owner = try keyOwner(request.userName, principal)
        try authorize(principal, "ListAccessKeys", owner.arn)
        let shapes = keys(of: owner.user).map {
            AccessKeyShape(
                userName: owner.user?.name, accessKeyId: $0.id, status: $0.status.rawValue, secretAccessKey: nil,
                createDate: $0.createDate)
        }.sorted { $0.accessKeyId < $1.accessKeyId }  // the marker is an id, so the list must be in id order
        let page = try Paging.page(shapes, key: { $0.accessKeyId }, marker: request.marker, maxItems: request.maxItems)
        return ListAccessKeysResponse(accessKeyMetadata: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Activates or deactivates an access key.
    public mutating func updateAccessKey(
        _ request: UpdateAccessKeyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("UpdateAccessKey", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateAccessKey(request, as: principal)
        }
    }

    private mutating func handleUpdateAccessKey(
        _ request: UpdateAccessKeyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        guard let status = AccessKeyStatus(rawValue: request.status) else {
            throw NameRules.validationError(
                request.status, "status", "Member must satisfy enum value set: [Active, Inactive]")
        }
        let owner = try keyOwner(request.userName, principal)
        try authorize(principal, "UpdateAccessKey", owner.arn)
        var existing = keys(of: owner.user)
        guard let index = existing.firstIndex(where: { $0.id == request.accessKeyId }) else {
            throw .noSuchEntity("The Access Key with id \(request.accessKeyId) cannot be found")
        }
        existing[index].status = status
        setKeys(existing, of: owner.user)
        committed(principal, "UpdateAccessKey", owner.arn)
        return EmptyResponse()
    }

    /// Deletes an access key.
    public mutating func deleteAccessKey(
        _ request: DeleteAccessKeyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("DeleteAccessKey", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteAccessKey(request, as: principal)
        }
    }

    private mutating func handleDeleteAccessKey(
        _ request: DeleteAccessKeyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        let owner = try keyOwner(request.userName, principal)
        try authorize(principal, "DeleteAccessKey", owner.arn)
        var existing = keys(of: owner.user)
        guard let index = existing.firstIndex(where: { $0.id == request.accessKeyId }) else {
            throw .noSuchEntity("The Access Key with id \(request.accessKeyId) cannot be found")
        }
        existing.remove(at: index)
        setKeys(existing, of: owner.user)
        committed(principal, "DeleteAccessKey", owner.arn)
        return EmptyResponse()
    }

    private func accessKeyExists(_ id: String) -> Bool {
        account.root.accessKeys.contains { $0.id == id }
            || account.users.values.contains { $0.accessKeys.contains { $0.id == id } }
    }
}

extension Account {
    /// The principal that owns an access key, if the id and secret match an active key.
    public func principal(forAccessKey id: String, secret: String) -> Principal? {
        if let key = root.accessKeys.first(where: { $0.id == id }) {
            return key.status == .active && SecretHasher.verify(secret, against: key.secretHash) ? .root : nil
        }
        for user in users.values {
            if let key = user.accessKeys.first(where: { $0.id == id }) {
                return key.status == .active && SecretHasher.verify(secret, against: key.secretHash)
                    ? .user(user.name) : nil
            }
        }
        return nil
    }
}
