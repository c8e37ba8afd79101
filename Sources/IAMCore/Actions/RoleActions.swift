import IAMPolicy

/// CreateRole request.
public struct CreateRoleRequest: Codable, Sendable {
    public var path: String?
    public var roleName: String
    public var assumeRolePolicyDocument: String
    public var description: String?
    public var maxSessionDuration: Int?
    public var permissionsBoundary: String?
    public var tags: [Tag]?

    public init(
        roleName: String, assumeRolePolicyDocument: String, path: String? = nil, description: String? = nil,
        maxSessionDuration: Int? = nil, permissionsBoundary: String? = nil, tags: [Tag]? = nil
    ) {
        self.path = path
        self.roleName = roleName
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
    }
}

/// A response carrying one role.
public struct RoleResponse: Codable, Sendable, Equatable { public var role: RoleShape }

/// A request that names one role.
public struct RoleNameRequest: Codable, Sendable {
    public var roleName: String
    public init(roleName: String) { self.roleName = roleName }
}

/// ListRoles request.
public typealias ListRolesRequest = PathListRequest

/// ListRoles response.
public struct ListRolesResponse: Codable, Sendable, Equatable {
    public var roles: [RoleShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// UpdateRole request.
public struct UpdateRoleRequest: Codable, Sendable {
    public var roleName: String
    public var description: String?
    public var maxSessionDuration: Int?
    public init(roleName: String, description: String? = nil, maxSessionDuration: Int? = nil) {
        self.roleName = roleName
        self.description = description
        self.maxSessionDuration = maxSessionDuration
    }
}

/// UpdateAssumeRolePolicy request.
public struct UpdateAssumeRolePolicyRequest: Codable, Sendable {
    public var roleName: String
    public var policyDocument: String
    public init(roleName: String, policyDocument: String) {
        self.roleName = roleName
        self.policyDocument = policyDocument
    }
}

extension IAMService {
    /// Creates a role with a trust policy.
    public mutating func createRole(
        _ request: CreateRoleRequest, as principal: Principal
    ) throws(IAMError)
        -> RoleResponse
    {
        try recorded("CreateRole", request, principal) { (service: inout IAMService) throws(IAMError) -> RoleResponse in
            try service.handleCreateRole(request, as: principal)
        }
    }

    private mutating func handleCreateRole(
        _ request: CreateRoleRequest, as principal: Principal
    ) throws(IAMError)
        -> RoleResponse
    {
        let path = request.path ?? "/"
        try NameRules.checkName(request.roleName, field: "roleName", max: 64)
        try NameRules.checkPath(path)
        if let description = request.description { try NameRules.checkDescription(description) }
        try checkSessionDuration(request.maxSessionDuration)
        let arn = ResourceNames.role(account.id, path: path, name: request.roleName)
        var context = RequestContextBuilder.requestTags(request.tags)
        if let boundary = request.permissionsBoundary { context["iam:PermissionsBoundary"] = [boundary] }
        try authorize(principal, "CreateRole", arn, context: context)
        try checkTrustPolicy(request.assumeRolePolicyDocument, field: "assumeRolePolicyDocument")
        if let tags = request.tags {
            try NameRules.checkTags(tags)
            if tags.count > quotas.tagsPerEntity { throw .quota("TagsPerRole", quotas.tagsPerEntity) }
        }
        if let boundary = request.permissionsBoundary { try checkBoundaryPolicy(boundary) }
        guard account.role(named: request.roleName) == nil else {
            throw IAMError(.entityAlreadyExists, "Role with name \(request.roleName) already exists.")
        }
        guard account.roles.count < quotas.roles else { throw .quota("RolesPerAccount", quotas.roles) }
        var role = Role(
            name: request.roleName, path: path, id: uniqueId(.role), createDate: clock.now(),
            assumeRolePolicyDocument: request.assumeRolePolicyDocument)
        role.description = request.description
        role.maxSessionDuration = request.maxSessionDuration ?? 3600
        role.tags = request.tags ?? []
        role.permissionsBoundary = request.permissionsBoundary
        account.roles[Account.key(role.name)] = role
        committedPolicyChange(principal, "CreateRole", arn)
        var shape = account.shape(of: role, detailed: true)
        shape.roleLastUsed = nil
        return RoleResponse(role: shape)
    }

    /// Returns a role with its trust policy, boundary, tags and last use.
    public func getRole(_ request: RoleNameRequest, as principal: Principal) throws(IAMError) -> RoleResponse {
        try recorded("GetRole", request, principal) { () throws(IAMError) -> RoleResponse in
            try handleGetRole(request, as: principal)
        }
    }

    private func handleGetRole(_ request: RoleNameRequest, as principal: Principal) throws(IAMError) -> RoleResponse {
        try NameRules.checkName(request.roleName, field: "roleName", max: 64)
        let role = try existingRole(request.roleName)
        try authorize(principal, "GetRole", account.arn(of: role))
        return RoleResponse(role: account.shape(of: role, detailed: true))
    }

    /// Lists roles whose path starts with the prefix.
    public func listRoles(_ request: ListRolesRequest, as principal: Principal) throws(IAMError) -> ListRolesResponse {
        try recorded("ListRoles", request, principal) { () throws(IAMError) -> ListRolesResponse in
            try handleListRoles(request, as: principal)
        }
    }

    private func handleListRoles(
        _ request: ListRolesRequest, as principal: Principal
    ) throws(IAMError) -> ListRolesResponse {
        if let prefix = request.pathPrefix { try NameRules.checkPathPrefix(prefix) }
        try authorize(principal, "ListRoles", "arn:aws:iam::\(account.id):role/")
        let prefix = request.pathPrefix ?? "/"
        let page = try Paging.byName(
            account.roles.values.filter { $0.path.hasPrefix(prefix) }, name: \.name, marker: request.marker,
            maxItems: request.maxItems)
        return ListRolesResponse(
            roles: page.items.map { account.shape(of: $0, detailed: false) }, isTruncated: page.isTruncated,
            marker: page.marker)
    }

    /// Changes a role's description or maximum session duration.
    public mutating func updateRole(
        _ request: UpdateRoleRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("UpdateRole", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateRole(request, as: principal)
        }
    }

    private mutating func handleUpdateRole(
        _ request: UpdateRoleRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkName(request.roleName, field: "roleName", max: 64)
        if let description = request.description { try NameRules.checkDescription(description) }
        try checkSessionDuration(request.maxSessionDuration)
        let role = try existingRole(request.roleName)
        let arn = account.arn(of: role)
        try authorize(principal, "UpdateRole", arn)
        try checkModifiable(role)
        let key = Account.key(role.name)
        if let description = request.description { account.roles[key]?.description = description }
        if let duration = request.maxSessionDuration { account.roles[key]?.maxSessionDuration = duration }
        committed(principal, "UpdateRole", arn)
        return EmptyResponse()
    }

    /// Replaces a role's trust policy.
    public mutating func updateAssumeRolePolicy(
        _ request: UpdateAssumeRolePolicyRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("UpdateAssumeRolePolicy", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateAssumeRolePolicy(request, as: principal)
        }
    }

    private mutating func handleUpdateAssumeRolePolicy(
        _ request: UpdateAssumeRolePolicyRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try NameRules.checkName(request.roleName, field: "roleName", max: 64)
        let role = try existingRole(request.roleName)
        let arn = account.arn(of: role)
        try authorize(principal, "UpdateAssumeRolePolicy", arn)
        try checkModifiable(role)
        try checkTrustPolicy(request.policyDocument, field: "policyDocument")
        account.roles[Account.key(role.name)]?.assumeRolePolicyDocument = request.policyDocument
        committedPolicyChange(principal, "UpdateAssumeRolePolicy", arn)
        return EmptyResponse()
    }

    /// Deletes a role that has no policies and belongs to no instance profile.
    public mutating func deleteRole(
        _ request: RoleNameRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("DeleteRole", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteRole(request, as: principal)
        }
    }

    private mutating func handleDeleteRole(
        _ request: RoleNameRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkName(request.roleName, field: "roleName", max: 64)
        let role = try existingRole(request.roleName)
        let arn = account.arn(of: role)
        try authorize(principal, "DeleteRole", arn)
        try checkModifiable(role)
        let key = Account.key(role.name)
        if account.instanceProfiles.values.contains(where: { $0.roles.contains { Account.key($0) == key } }) {
            throw .deleteConflict("Cannot delete entity, must remove roles from instance profile first.")
        }
        if !role.attachedPolicies.isEmpty {
            throw .deleteConflict("Cannot delete entity, must detach all policies first.")
        }
        if !role.inlinePolicies.isEmpty { throw .deleteConflict("Cannot delete entity, must delete policies first.") }
        account.roles[key] = nil
        committedPolicyChange(principal, "DeleteRole", arn)
        return EmptyResponse()
    }

    func checkModifiable(_ role: Role) throws(IAMError) {
        if role.isServiceLinked {
            throw IAMError(.unmodifiableEntity, "Cannot perform the operation on the protected role '\(role.name)'.")
        }
    }

    func checkSessionDuration(_ duration: Int?) throws(IAMError) {
        guard let duration else { return }
        if duration < 3600 {
            throw NameRules.validationError(
                String(duration), "maxSessionDuration", "Member must have value greater than or equal to 3600")
        }
        if duration > 43200 {
            throw NameRules.validationError(
                String(duration), "maxSessionDuration", "Member must have value less than or equal to 43200")
        }
    }

    func checkTrustPolicy(_ document: String, field: String) throws(IAMError) {
        try PolicyChecks.validate(document, kind: .trust, field: field)
        if PolicyChecks.size(document) > quotas.assumeRolePolicySize {
            throw .quota("ACLSizePerRole", quotas.assumeRolePolicySize)
        }
    }
}
