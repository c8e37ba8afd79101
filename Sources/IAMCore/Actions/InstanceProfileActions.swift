/// CreateInstanceProfile request.
public struct CreateInstanceProfileRequest: Codable, Sendable {
    public var instanceProfileName: String
    public var path: String?
    public var tags: [Tag]?
    public init(instanceProfileName: String, path: String? = nil, tags: [Tag]? = nil) {
        self.instanceProfileName = instanceProfileName
        self.path = path
        self.tags = tags
    }
}

/// A request that names one instance profile.
public struct InstanceProfileNameRequest: Codable, Sendable {
    public var instanceProfileName: String
    public init(instanceProfileName: String) { self.instanceProfileName = instanceProfileName }
}

/// A response carrying one instance profile.
public struct InstanceProfileResponse: Codable, Sendable, Equatable { public var instanceProfile: InstanceProfileShape }

/// ListInstanceProfiles / ListInstanceProfilesForRole request.
public struct ListInstanceProfilesRequest: Codable, Sendable {
    public var roleName: String?
    public var pathPrefix: String?
    public var marker: String?
    public var maxItems: Int?
    public init(roleName: String? = nil, pathPrefix: String? = nil, marker: String? = nil, maxItems: Int? = nil) {
        self.roleName = roleName
        self.pathPrefix = pathPrefix
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// ListInstanceProfiles / ListInstanceProfilesForRole response.
public struct ListInstanceProfilesResponse: Codable, Sendable, Equatable {
    public var instanceProfiles: [InstanceProfileShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// AddRoleToInstanceProfile / RemoveRoleFromInstanceProfile request.
public struct InstanceProfileRoleRequest: Codable, Sendable {
    public var instanceProfileName: String
    public var roleName: String
    public init(instanceProfileName: String, roleName: String) {
        self.instanceProfileName = instanceProfileName
        self.roleName = roleName
    }
}

extension IAMService {
    func existingInstanceProfile(_ name: String) throws(IAMError) -> InstanceProfile {
        try NameRules.checkName(name, field: "instanceProfileName", max: 128)
        guard let profile = account.instanceProfile(named: name) else { throw .noSuchInstanceProfile(name) }
        return profile
    }

    /// Creates an empty instance profile.
    public mutating func createInstanceProfile(
        _ request: CreateInstanceProfileRequest, as principal: Principal
    )
        throws(IAMError) -> InstanceProfileResponse
    {
        try recorded("CreateInstanceProfile", request, principal) {
            (service: inout IAMService) throws(IAMError) -> InstanceProfileResponse in
            try service.handleCreateInstanceProfile(request, as: principal)
        }
    }

    private mutating func handleCreateInstanceProfile(
        _ request: CreateInstanceProfileRequest, as principal: Principal
    )
        throws(IAMError) -> InstanceProfileResponse
    {
        let path = request.path ?? "/"
        try NameRules.checkName(request.instanceProfileName, field: "instanceProfileName", max: 128)
        try NameRules.checkPath(path)
        let arn = ResourceNames.instanceProfile(account.id, path: path, name: request.instanceProfileName)
        try authorize(
            principal, "CreateInstanceProfile", arn, context: RequestContextBuilder.requestTags(request.tags))
        if let tags = request.tags {
            try NameRules.checkTags(tags)
            if tags.count > quotas.tagsPerEntity { throw .quota("TagsPerInstanceProfile", quotas.tagsPerEntity) }
        }
        guard account.instanceProfile(named: request.instanceProfileName) == nil else {
            throw IAMError(.entityAlreadyExists, "Instance Profile \(request.instanceProfileName) already exists.")
        }
        guard account.instanceProfiles.count < quotas.instanceProfiles else {
            throw .quota("InstanceProfilesPerAccount", quotas.instanceProfiles)
        }
        var profile = InstanceProfile(
            name: request.instanceProfileName, path: path, id: uniqueId(.instanceProfile), createDate: clock.now())
        profile.tags = request.tags ?? []
        account.instanceProfiles[Account.key(profile.name)] = profile
        committed(principal, "CreateInstanceProfile", arn)
        return InstanceProfileResponse(instanceProfile: account.shape(of: profile))
    }

    /// Returns an instance profile with its role.
    public func getInstanceProfile(
        _ request: InstanceProfileNameRequest, as principal: Principal
    ) throws(IAMError)
        -> InstanceProfileResponse
    {
        try recorded("GetInstanceProfile", request, principal) { () throws(IAMError) -> InstanceProfileResponse in
            try handleGetInstanceProfile(request, as: principal)
        }
    }

    private func handleGetInstanceProfile(
        _ request: InstanceProfileNameRequest, as principal: Principal
    ) throws(IAMError)
        -> InstanceProfileResponse
    {
        let profile = try existingInstanceProfile(request.instanceProfileName)
        try authorize(principal, "GetInstanceProfile", account.arn(of: profile))
        return InstanceProfileResponse(instanceProfile: account.shape(of: profile))
    }

    /// Lists instance profiles, or with `roleName` the profiles that hold that role.
    public func listInstanceProfiles(
        _ request: ListInstanceProfilesRequest, as principal: Principal
    )
        throws(IAMError) -> ListInstanceProfilesResponse
    {
        try recorded("ListInstanceProfiles", request, principal) {
            () throws(IAMError) -> ListInstanceProfilesResponse in
            try handleListInstanceProfiles(request, as: principal)
        }
    }

    private func handleListInstanceProfiles(
        _ request: ListInstanceProfilesRequest, as principal: Principal
    )
        throws(IAMError) -> ListInstanceProfilesResponse
    {
        var profiles = Array(account.instanceProfiles.values)
        if let roleName = request.roleName {
            let role = try existingRole(roleName)
            try authorize(principal, "ListInstanceProfilesForRole", account.arn(of: role))
            profiles = profiles.filter { $0.roles.contains { Account.key($0) == Account.key(role.name) } }
        } else {
            if let prefix = request.pathPrefix { try NameRules.checkPathPrefix(prefix) }
            try authorize(principal, "ListInstanceProfiles", "arn:aws:iam::\(account.id):instance-profile/")
            let prefix = request.pathPrefix ?? "/"
            profiles = profiles.filter { $0.path.hasPrefix(prefix) }
        }
        let page = try Paging.byName(profiles, name: \.name, marker: request.marker, maxItems: request.maxItems)
        return ListInstanceProfilesResponse(
            instanceProfiles: page.items.map(account.shape(of:)), isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Puts a role into an instance profile (one role per profile).
    public mutating func addRoleToInstanceProfile(
        _ request: InstanceProfileRoleRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("AddRoleToInstanceProfile", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleAddRoleToInstanceProfile(request, as: principal)
        }
    }

    private mutating func handleAddRoleToInstanceProfile(
        _ request: InstanceProfileRoleRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        let profile = try existingInstanceProfile(request.instanceProfileName)
        let arn = account.arn(of: profile)
        try authorize(principal, "AddRoleToInstanceProfile", arn)
        let role = try existingRole(request.roleName)
        if profile.roles.contains(where: { Account.key($0) == Account.key(role.name) }) {
            throw IAMError(
                .limitExceeded,
                "Cannot exceed quota for InstanceSessionsPerInstanceProfile: \(quotas.rolesPerInstanceProfile)")
        }
        guard profile.roles.count < quotas.rolesPerInstanceProfile else {
            throw .quota("InstanceSessionsPerInstanceProfile", quotas.rolesPerInstanceProfile)
        }
        account.instanceProfiles[Account.key(profile.name)]?.roles.append(role.name)
        committed(principal, "AddRoleToInstanceProfile", arn)
        return EmptyResponse()
    }

    /// Takes a role out of an instance profile.
    public mutating func removeRoleFromInstanceProfile(
        _ request: InstanceProfileRoleRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("RemoveRoleFromInstanceProfile", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleRemoveRoleFromInstanceProfile(request, as: principal)
        }
    }

    private mutating func handleRemoveRoleFromInstanceProfile(
        _ request: InstanceProfileRoleRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        let profile = try existingInstanceProfile(request.instanceProfileName)
        let arn = account.arn(of: profile)
        try authorize(principal, "RemoveRoleFromInstanceProfile", arn)
        let role = try existingRole(request.roleName)
        guard profile.roles.contains(where: { Account.key($0) == Account.key(role.name) }) else {
            throw .noSuchEntity("The role with name \(role.name) cannot be found in instance profile \(profile.name).")
        }
        account.instanceProfiles[Account.key(profile.name)]?.roles.removeAll {
            Account.key($0) == Account.key(role.name)
        }
        committed(principal, "RemoveRoleFromInstanceProfile", arn)
        return EmptyResponse()
    }

    /// Deletes an instance profile that holds no role.
    public mutating func deleteInstanceProfile(
        _ request: InstanceProfileNameRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("DeleteInstanceProfile", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteInstanceProfile(request, as: principal)
        }
    }

    private mutating func handleDeleteInstanceProfile(
        _ request: InstanceProfileNameRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        let profile = try existingInstanceProfile(request.instanceProfileName)
        let arn = account.arn(of: profile)
        try authorize(principal, "DeleteInstanceProfile", arn)
        if !profile.roles.isEmpty {
            throw .deleteConflict("Cannot delete entity, must remove roles from instance profile first.")
        }
        account.instanceProfiles[Account.key(profile.name)] = nil
        committed(principal, "DeleteInstanceProfile", arn)
        return EmptyResponse()
    }
}
