/// CreateGroup request.
public struct CreateGroupRequest: Codable, Sendable {
    public var groupName: String
    public var path: String?
    public init(groupName: String, path: String? = nil) {
        self.groupName = groupName
        self.path = path
    }
}

/// A response carrying one group.
public struct GroupResponse: Codable, Sendable, Equatable { public var group: GroupShape }

/// GetGroup request: the group and a page of its users.
public struct GetGroupRequest: Codable, Sendable {
    public var groupName: String
    public var marker: String?
    public var maxItems: Int?
    public init(groupName: String, marker: String? = nil, maxItems: Int? = nil) {
        self.groupName = groupName
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// GetGroup response.
public struct GetGroupResponse: Codable, Sendable, Equatable {
    public var group: GroupShape
    public var users: [UserShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// ListGroups request.
public typealias ListGroupsRequest = PathListRequest

/// ListGroups and ListGroupsForUser response.
public struct ListGroupsResponse: Codable, Sendable, Equatable {
    public var groups: [GroupShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// UpdateGroup request.
public struct UpdateGroupRequest: Codable, Sendable {
    public var groupName: String
    public var newPath: String?
    public var newGroupName: String?
    public init(groupName: String, newPath: String? = nil, newGroupName: String? = nil) {
        self.groupName = groupName
        self.newPath = newPath
        self.newGroupName = newGroupName
    }
}

/// A request that names one group.
public struct GroupNameRequest: Codable, Sendable {
    public var groupName: String
    public init(groupName: String) { self.groupName = groupName }
}

/// AddUserToGroup and RemoveUserFromGroup request.
public struct GroupMembershipRequest: Codable, Sendable {
    public var groupName: String
    public var userName: String
    public init(groupName: String, userName: String) {
        self.groupName = groupName
        self.userName = userName
    }
}

/// ListGroupsForUser request.
public struct ListGroupsForUserRequest: Codable, Sendable {
    public var userName: String
    public var marker: String?
    public var maxItems: Int?
    public init(userName: String, marker: String? = nil, maxItems: Int? = nil) {
        self.userName = userName
        self.marker = marker
        self.maxItems = maxItems
    }
}

extension IAMService {
    /// Creates a group.
    public mutating func createGroup(
        _ request: CreateGroupRequest, as principal: Principal
    ) throws(IAMError)
        -> GroupResponse
    {
        try recorded("CreateGroup", request, principal) {
            (service: inout IAMService) throws(IAMError) -> GroupResponse in
            try service.handleCreateGroup(request, as: principal)
        }
    }

    private mutating func handleCreateGroup(
        _ request: CreateGroupRequest, as principal: Principal
    ) throws(IAMError)
        -> GroupResponse
    {
        let path = request.path ?? "/"
        try NameRules.checkName(request.groupName, field: "groupName", max: 128)
        try NameRules.checkPath(path)
        let arn = ResourceNames.group(account.id, path: path, name: request.groupName)
        try authorize(principal, "CreateGroup", arn)
        guard account.group(named: request.groupName) == nil else {
            throw IAMError(.entityAlreadyExists, "Group with name \(request.groupName) already exists.")
        }
        guard account.groups.count < quotas.groups else { throw .quota("GroupsPerAccount", quotas.groups) }
        let group = Group(name: request.groupName, path: path, id: uniqueId(.group), createDate: clock.now())
        account.groups[Account.key(group.name)] = group
        committed(principal, "CreateGroup", arn)
        return GroupResponse(group: account.shape(of: group))
    }

    /// Returns a group and a page of its users.
    public func getGroup(_ request: GetGroupRequest, as principal: Principal) throws(IAMError) -> GetGroupResponse {
        try recorded("GetGroup", request, principal) { () throws(IAMError) -> GetGroupResponse in
            try handleGetGroup(request, as: principal)
        }
    }

    private func handleGetGroup(
        _ request: GetGroupRequest, as principal: Principal
    ) throws(IAMError) -> GetGroupResponse {
        try NameRules.checkName(request.groupName, field: "groupName", max: 128)
        let group = try existingGroup(request.groupName)
        try authorize(principal, "GetGroup", account.arn(of: group))
        let page = try Paging.page(
            account.members(ofGroup: group.name), key: { Paging.nameKey($0.name) }, marker: request.marker,
            maxItems: request.maxItems)
        return GetGroupResponse(
            group: account.shape(of: group), users: page.items.map { account.shape(of: $0, detailed: false) },
            isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Lists groups whose path starts with the prefix.
    public func listGroups(
        _ request: ListGroupsRequest, as principal: Principal
    ) throws(IAMError)
        -> ListGroupsResponse
    {
        try recorded("ListGroups", request, principal) { () throws(IAMError) -> ListGroupsResponse in
            try handleListGroups(request, as: principal)
        }
    }

    private func handleListGroups(
        _ request: ListGroupsRequest, as principal: Principal
    ) throws(IAMError)
        -> ListGroupsResponse
    {
        if let prefix = request.pathPrefix { try NameRules.checkPathPrefix(prefix) }
        try authorize(principal, "ListGroups", "arn:aws:iam::\(account.id):group/")
        let prefix = request.pathPrefix ?? "/"
        let page = try Paging.byName(
            account.groups.values.filter { $0.path.hasPrefix(prefix) }, name: \.name, marker: request.marker,
            maxItems: request.maxItems)
        return ListGroupsResponse(
            groups: page.items.map(account.shape(of:)), isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Renames a group or moves it; its members keep their membership.
    public mutating func updateGroup(
        _ request: UpdateGroupRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("UpdateGroup", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateGroup(request, as: principal)
        }
    }

    private mutating func handleUpdateGroup(
        _ request: UpdateGroupRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkName(request.groupName, field: "groupName", max: 128)
        if let newName = request.newGroupName { try NameRules.checkName(newName, field: "newGroupName", max: 128) }
        if let newPath = request.newPath { try NameRules.checkPath(newPath, field: "newPath") }
        var group = try existingGroup(request.groupName)
        let arn = account.arn(of: group)
        try authorize(principal, "UpdateGroup", arn)
        let newName = request.newGroupName ?? group.name
        if Account.key(newName) != Account.key(group.name), account.group(named: newName) != nil {
            throw IAMError(.entityAlreadyExists, "Group with name \(newName) already exists.")
        }
        let oldKey = Account.key(group.name)
        account.groups[oldKey] = nil
        group.name = newName
        group.path = request.newPath ?? group.path
        account.groups[Account.key(newName)] = group
        for (key, user) in account.users where user.groups.contains(where: { Account.key($0) == oldKey }) {
            account.users[key]?.groups = user.groups.map { Account.key($0) == oldKey ? newName : $0 }
        }
        committed(principal, "UpdateGroup", arn)
        return EmptyResponse()
    }

    /// Deletes a group with no members, inline policies or attached policies.
    public mutating func deleteGroup(
        _ request: GroupNameRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("DeleteGroup", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteGroup(request, as: principal)
        }
    }

    private mutating func handleDeleteGroup(
        _ request: GroupNameRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkName(request.groupName, field: "groupName", max: 128)
        let group = try existingGroup(request.groupName)
        let arn = account.arn(of: group)
        try authorize(principal, "DeleteGroup", arn)
        if !account.members(ofGroup: group.name).isEmpty {
            throw .deleteConflict("Cannot delete entity, must remove users from group first.")
        }
        if !group.inlinePolicies.isEmpty { throw .deleteConflict("Cannot delete entity, must delete policies first.") }
        if !group.attachedPolicies.isEmpty {
            throw .deleteConflict("Cannot delete entity, must detach all policies first.")
        }
        account.groups[Account.key(group.name)] = nil
        committed(principal, "DeleteGroup", arn)
        return EmptyResponse()
    }

    /// Adds a user to a group (a user belongs to at most 10 groups; adding twice is a no-op).
    public mutating func addUserToGroup(
        _ request: GroupMembershipRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("AddUserToGroup", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleAddUserToGroup(request, as: principal)
        }
    }

    private mutating func handleAddUserToGroup(
        _ request: GroupMembershipRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkName(request.groupName, field: "groupName", max: 128)
        try NameRules.checkName(request.userName, field: "userName", max: 128)
        let group = try existingGroup(request.groupName)
        let arn = account.arn(of: group)
        try authorize(principal, "AddUserToGroup", arn)
        let user = try existingUser(request.userName)
        if user.groups.contains(where: { Account.key($0) == Account.key(group.name) }) { return EmptyResponse() }
        guard user.groups.count < quotas.groupsPerUser else { throw .quota("GroupsPerUser", quotas.groupsPerUser) }
        account.users[Account.key(user.name)]?.groups.append(group.name)
        committed(principal, "AddUserToGroup", arn)
        return EmptyResponse()
    }

    /// Removes a user from a group.
    public mutating func removeUserFromGroup(
        _ request: GroupMembershipRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("RemoveUserFromGroup", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleRemoveUserFromGroup(request, as: principal)
        }
    }

    private mutating func handleRemoveUserFromGroup(
        _ request: GroupMembershipRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try NameRules.checkName(request.groupName, field: "groupName", max: 128)
        try NameRules.checkName(request.userName, field: "userName", max: 128)
        let group = try existingGroup(request.groupName)
        let arn = account.arn(of: group)
        try authorize(principal, "RemoveUserFromGroup", arn)
        let user = try existingUser(request.userName)
        guard user.groups.contains(where: { Account.key($0) == Account.key(group.name) }) else {
            throw .noSuchEntity("User \(user.name) is not in group \(group.name).")
        }
        account.users[Account.key(user.name)]?.groups.removeAll { Account.key($0) == Account.key(group.name) }
        committed(principal, "RemoveUserFromGroup", arn)
        return EmptyResponse()
    }

    /// Lists the groups a user belongs to.
    public func listGroupsForUser(
        _ request: ListGroupsForUserRequest, as principal: Principal
    ) throws(IAMError)
        -> ListGroupsResponse
    {
        try recorded("ListGroupsForUser", request, principal) { () throws(IAMError) -> ListGroupsResponse in
            try handleListGroupsForUser(request, as: principal)
        }
    }

    private func handleListGroupsForUser(
        _ request: ListGroupsForUserRequest, as principal: Principal
    ) throws(IAMError)
        -> ListGroupsResponse
    {
        try NameRules.checkName(request.userName, field: "userName", max: 128)
        let user = try existingUser(request.userName)
        try authorize(principal, "ListGroupsForUser", account.arn(of: user))
        let page = try Paging.byName(
            user.groups.compactMap { account.group(named: $0) }, name: \.name, marker: request.marker,
            maxItems: request.maxItems)
        return ListGroupsResponse(
            groups: page.items.map(account.shape(of:)), isTruncated: page.isTruncated, marker: page.marker)
    }
}
