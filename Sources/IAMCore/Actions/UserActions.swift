/// CreateUser request.
public struct CreateUserRequest: Codable, Sendable {
    public var userName: String
    public var path: String?
    public var permissionsBoundary: String?
    public var tags: [Tag]?

    public init(userName: String, path: String? = nil, permissionsBoundary: String? = nil, tags: [Tag]? = nil) {
        self.userName = userName
        self.path = path
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
    }
}

/// A response carrying one user.
public struct UserResponse: Codable, Sendable, Equatable { public var user: UserShape }

/// ListUsers, ListGroups, ListRoles and ListInstanceProfiles request: a path prefix and a page.
public struct PathListRequest: Codable, Sendable {
    public var pathPrefix: String?
    public var marker: String?
    public var maxItems: Int?
    public init(pathPrefix: String? = nil, marker: String? = nil, maxItems: Int? = nil) {
        self.pathPrefix = pathPrefix
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// ListUsers request.
public typealias ListUsersRequest = PathListRequest

/// ListUsers response.
public struct ListUsersResponse: Codable, Sendable, Equatable {
    public var users: [UserShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// UpdateUser request: a new name, a new path, or both.
public struct UpdateUserRequest: Codable, Sendable {
    public var userName: String
    public var newPath: String?
    public var newUserName: String?
    public init(userName: String, newPath: String? = nil, newUserName: String? = nil) {
        self.userName = userName
        self.newPath = newPath
        self.newUserName = newUserName
    }
}

/// A request that names one user (GetUser, DeleteUser, ...).
public struct UserNameRequest: Codable, Sendable {
    public var userName: String?
    public init(userName: String?) { self.userName = userName }
}

/// An action that returns nothing but success.
public struct EmptyResponse: Codable, Sendable, Equatable { public init() {} }

extension IAMService {
    /// Creates an IAM user with no credentials and no permissions.
    public mutating func createUser(
        _ request: CreateUserRequest, as principal: Principal
    ) throws(IAMError)
        -> UserResponse
    {
        try recorded("CreateUser", request, principal) { (service: inout IAMService) throws(IAMError) -> UserResponse in
            try service.handleCreateUser(request, as: principal)
        }
    }

    private mutating func handleCreateUser(
        _ request: CreateUserRequest, as principal: Principal
    ) throws(IAMError)
        -> UserResponse
    {
        let path = request.path ?? "/"
        try NameRules.checkName(request.userName, field: "userName", max: 64)
        try NameRules.checkPath(path)
        let arn = ResourceNames.user(account.id, path: path, name: request.userName)
        var context = RequestContextBuilder.requestTags(request.tags)
        if let boundary = request.permissionsBoundary { context["iam:PermissionsBoundary"] = [boundary] }
        try authorize(principal, "CreateUser", arn, context: context)
        if let tags = request.tags {
            try NameRules.checkTags(tags)
            if tags.count > quotas.tagsPerEntity { throw .quota("TagsPerUser", quotas.tagsPerEntity) }
        }
        if let boundary = request.permissionsBoundary { try checkBoundaryPolicy(boundary) }
        guard account.user(named: request.userName) == nil else {
            throw IAMError(.entityAlreadyExists, "User with name \(request.userName) already exists.")
        }
        guard account.users.count < quotas.users else { throw .quota("UsersPerAccount", quotas.users) }
        var user = User(
            name: request.userName, path: path, id: uniqueId(.user), createDate: clock.now())
        user.tags = request.tags ?? []
        user.permissionsBoundary = request.permissionsBoundary
        account.users[Account.key(user.name)] = user
        committed(principal, "CreateUser", arn)
        return UserResponse(user: account.shape(of: user, detailed: true))
    }

    /// Returns a user; without a name, the calling user (or, for root, the root user).
    public func getUser(_ request: UserNameRequest, as principal: Principal) throws(IAMError) -> UserResponse {
        try recorded("GetUser", request, principal) { () throws(IAMError) -> UserResponse in
            try handleGetUser(request, as: principal)
        }
    }

    private func handleGetUser(_ request: UserNameRequest, as principal: Principal) throws(IAMError) -> UserResponse {
        guard let name = request.userName ?? principal.ownUserName else {
            if case .root = principal {
                let root = UserShape(
                    path: nil, userName: nil, userId: account.id, arn: account.rootARN,
                    createDate: account.createDate, passwordLastUsed: account.root.passwordLastUsed,
                    permissionsBoundary: nil, tags: nil)
                return UserResponse(user: root)
            }
            throw NameRules.validationError("null", "userName", "Member must not be null")
        }
        try NameRules.checkName(name, field: "userName", max: 128)
        let user = try existingUser(name)
        try authorize(principal, "GetUser", account.arn(of: user))
        return UserResponse(user: account.shape(of: user, detailed: true))
    }

    /// Lists users whose path starts with the prefix, sorted by name, a page at a time.
    public func listUsers(_ request: ListUsersRequest, as principal: Principal) throws(IAMError) -> ListUsersResponse {
        try recorded("ListUsers", request, principal) { () throws(IAMError) -> ListUsersResponse in
            try handleListUsers(request, as: principal)
        }
    }

    private func handleListUsers(
        _ request: ListUsersRequest, as principal: Principal
    ) throws(IAMError) -> ListUsersResponse {
        if let prefix = request.pathPrefix { try NameRules.checkPathPrefix(prefix) }
        try authorize(principal, "ListUsers", "arn:aws:iam::\(account.id):user/")
        let prefix = request.pathPrefix ?? "/"
        let page = try Paging.byName(
            account.users.values.filter { $0.path.hasPrefix(prefix) }, name: \.name, marker: request.marker,
            maxItems: request.maxItems)
        return ListUsersResponse(
            users: page.items.map { account.shape(of: $0, detailed: false) }, isTruncated: page.isTruncated,
            marker: page.marker)
    }

    /// Renames a user or moves it to a new path; memberships, policies and credentials follow it.
    public mutating func updateUser(
        _ request: UpdateUserRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("UpdateUser", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateUser(request, as: principal)
        }
    }

    private mutating func handleUpdateUser(
        _ request: UpdateUserRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkName(request.userName, field: "userName", max: 128)
        if let newName = request.newUserName { try NameRules.checkName(newName, field: "newUserName", max: 64) }
        if let newPath = request.newPath { try NameRules.checkPath(newPath, field: "newPath") }
        var user = try existingUser(request.userName)
        let oldARN = account.arn(of: user)
        try authorize(principal, "UpdateUser", oldARN)
        let newName = request.newUserName ?? user.name
        if Account.key(newName) != Account.key(user.name), account.user(named: newName) != nil {
            throw IAMError(.entityAlreadyExists, "User with name \(newName) already exists.")
        }
        account.users[Account.key(user.name)] = nil
        user.name = newName
        user.path = request.newPath ?? user.path
        account.users[Account.key(newName)] = user
        for (serial, device) in account.mfaDevices
        where device.assignedTo.map(Account.key) == Account.key(request.userName) {
            account.mfaDevices[serial]?.assignedTo = newName
        }
        committed(principal, "UpdateUser", oldARN)
        return EmptyResponse()
    }

    /// Deletes a user that has nothing left attached (DeleteConflict otherwise, naming what remains).
    public mutating func deleteUser(
        _ request: UserNameRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("DeleteUser", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteUser(request, as: principal)
        }
    }

    private mutating func handleDeleteUser(
        _ request: UserNameRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        let name = try requiredUserName(request.userName)
        let user = try existingUser(name)
        let arn = account.arn(of: user)
        try authorize(principal, "DeleteUser", arn)
        let conflicts: [(Bool, String)] = [
            (user.loginProfile != nil, "must delete login profile first"),
            (!user.accessKeys.isEmpty, "must delete access keys first"),
            (user.signingCertificates > 0, "must remove referenced objects first"),
            (user.sshPublicKeys > 0, "must remove referenced objects first"),
            (user.serviceSpecificCredentials > 0, "must remove referenced objects first"),
            (!user.mfaDevices.isEmpty, "must delete MFA device first"),
            (!user.inlinePolicies.isEmpty, "must delete policies first"),
            (!user.attachedPolicies.isEmpty, "must detach all policies first"),
            (!user.groups.isEmpty, "must remove user from all groups first"),
        ]
        if let conflict = conflicts.first(where: { $0.0 }) {
            throw .deleteConflict("Cannot delete entity, \(conflict.1).")
        }
        account.users[Account.key(user.name)] = nil
        committed(principal, "DeleteUser", arn)
        return EmptyResponse()
    }

    func requiredUserName(_ name: String?) throws(IAMError) -> String {
        guard let name else { throw NameRules.validationError("null", "userName", "Member must not be null") }
        try NameRules.checkName(name, field: "userName", max: 128)
        return name
    }

    /// A fresh unique id that no entity of the account already has.
    func uniqueId(_ prefix: IdentifierPrefix) -> String {
        while true {
            let candidate = random.identifier(prefix)
            let taken =
                account.users.values.contains { $0.id == candidate }
                || account.groups.values.contains { $0.id == candidate }
                || account.roles.values.contains { $0.id == candidate }
                || account.policies.values.contains { $0.id == candidate }
                || account.instanceProfiles.values.contains { $0.id == candidate }
            if !taken { return candidate }
        }
    }
}
