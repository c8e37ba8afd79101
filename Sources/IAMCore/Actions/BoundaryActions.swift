/// Put{User,Role}PermissionsBoundary request.
public struct PutPermissionsBoundaryRequest: Codable, Sendable {
    public var userName: String?
    public var roleName: String?
    public var permissionsBoundary: String
    public init(userName: String? = nil, roleName: String? = nil, permissionsBoundary: String) {
        self.userName = userName
        self.roleName = roleName
        self.permissionsBoundary = permissionsBoundary
    }
}

/// Delete{User,Role}PermissionsBoundary request.
public struct DeletePermissionsBoundaryRequest: Codable, Sendable {
    public var userName: String?
    public var roleName: String?
    public init(userName: String? = nil, roleName: String? = nil) {
        self.userName = userName
        self.roleName = roleName
    }
}

extension IAMService {
    private func boundaryTarget(_ user: String?, _ role: String?) throws(IAMError) -> (IdentityKind, String) {
        if let user { return (.user, user) }
        if let role { return (.role, role) }
        throw NameRules.validationError("null", "userName", "Member must not be null")
    }

    /// Sets (or replaces) the permissions boundary of a user or role.
    public mutating func putPermissionsBoundary(
        _ request: PutPermissionsBoundaryRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded(
            "Put" + AuditEventNames.target(user: request.userName, role: request.roleName) + "PermissionsBoundary",
            request, principal
        ) { (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handlePutPermissionsBoundary(request, as: principal)
        }
    }

    private mutating func handlePutPermissionsBoundary(
        _ request: PutPermissionsBoundaryRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        let (kind, requested) = try boundaryTarget(request.userName, request.roleName)
        let entity = try identity(kind, requested)
        let action = "Put\(kind.rawValue)PermissionsBoundary"
        try authorize(
            principal, action, entity.arn, context: ["iam:PermissionsBoundary": [request.permissionsBoundary]])
        try checkModifiable(kind, entity.name)
        try checkBoundaryPolicy(request.permissionsBoundary)
        switch kind {
        case .user: account.users[Account.key(entity.name)]?.permissionsBoundary = request.permissionsBoundary
        case .role: account.roles[Account.key(entity.name)]?.permissionsBoundary = request.permissionsBoundary
        case .group: break
        }
        committed(principal, action, entity.arn)
        return EmptyResponse()
    }

    /// Removes the permissions boundary of a user or role.
    public mutating func deletePermissionsBoundary(
        _ request: DeletePermissionsBoundaryRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded(
            "Delete" + AuditEventNames.target(user: request.userName, role: request.roleName) + "PermissionsBoundary",
            request, principal
        ) { (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeletePermissionsBoundary(request, as: principal)
        }
    }

    private mutating func handleDeletePermissionsBoundary(
        _ request: DeletePermissionsBoundaryRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        let (kind, requested) = try boundaryTarget(request.userName, request.roleName)
        let entity = try identity(kind, requested)
        let action = "Delete\(kind.rawValue)PermissionsBoundary"
        try authorize(principal, action, entity.arn, context: policyContext(kind, entity.name, nil))
        try checkModifiable(kind, entity.name)
        switch kind {
        case .user: account.users[Account.key(entity.name)]?.permissionsBoundary = nil
        case .role: account.roles[Account.key(entity.name)]?.permissionsBoundary = nil
        case .group: break
        }
        committed(principal, action, entity.arn)
        return EmptyResponse()
    }
}
