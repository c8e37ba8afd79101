/// Attach/Detach{User,Group,Role}Policy request; exactly one of the names is set.
public struct AttachPolicyRequest: Codable, Sendable {
    public var userName: String?
    public var groupName: String?
    public var roleName: String?
    public var policyArn: String
    public init(userName: String? = nil, groupName: String? = nil, roleName: String? = nil, policyArn: String) {
        self.userName = userName
        self.groupName = groupName
        self.roleName = roleName
        self.policyArn = policyArn
    }
}

/// ListAttached{User,Group,Role}Policies request.
public struct ListAttachedPoliciesRequest: Codable, Sendable {
    public var userName: String?
    public var groupName: String?
    public var roleName: String?
    public var pathPrefix: String?
    public var marker: String?
    public var maxItems: Int?
    public init(
        userName: String? = nil, groupName: String? = nil, roleName: String? = nil, pathPrefix: String? = nil,
        marker: String? = nil, maxItems: Int? = nil
    ) {
        self.userName = userName
        self.groupName = groupName
        self.roleName = roleName
        self.pathPrefix = pathPrefix
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// ListAttached{User,Group,Role}Policies response.
public struct ListAttachedPoliciesResponse: Codable, Sendable, Equatable {
    public var attachedPolicies: [AttachedPolicyShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// ListEntitiesForPolicy request.
public struct ListEntitiesForPolicyRequest: Codable, Sendable {
    public var policyArn: String
    /// `User`, `Role`, `Group`, `LocalManagedPolicy` or `AWSManagedPolicy`.
    public var entityFilter: String?
    public var pathPrefix: String?
    public var policyUsageFilter: String?
    public var marker: String?
    public var maxItems: Int?
    public init(
        policyArn: String, entityFilter: String? = nil, pathPrefix: String? = nil, policyUsageFilter: String? = nil,
        marker: String? = nil, maxItems: Int? = nil
    ) {
        self.policyArn = policyArn
        self.entityFilter = entityFilter
        self.pathPrefix = pathPrefix
        self.policyUsageFilter = policyUsageFilter
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// A group, user or role in ListEntitiesForPolicy.
public struct PolicyGroupShape: Codable, Sendable, Equatable {
    public var groupName: String
    public var groupId: String
}

/// A user in ListEntitiesForPolicy.
public struct PolicyUserShape: Codable, Sendable, Equatable {
    public var userName: String
    public var userId: String
}

/// A role in ListEntitiesForPolicy.
public struct PolicyRoleShape: Codable, Sendable, Equatable {
    public var roleName: String
    public var roleId: String
}

/// ListEntitiesForPolicy response.
public struct ListEntitiesForPolicyResponse: Codable, Sendable, Equatable {
    public var policyGroups: [PolicyGroupShape]
    public var policyUsers: [PolicyUserShape]
    public var policyRoles: [PolicyRoleShape]
    public var isTruncated: Bool
    public var marker: String?
}

extension AttachPolicyRequest {
    func target() throws(IAMError) -> (IdentityKind, String) {
        if let userName { return (.user, userName) }
        if let groupName { return (.group, groupName) }
        if let roleName { return (.role, roleName) }
        throw NameRules.validationError("null", "userName", "Member must not be null")
    }
}

extension ListAttachedPoliciesRequest {
    func target() throws(IAMError) -> (IdentityKind, String) {
        try AttachPolicyRequest(userName: userName, groupName: groupName, roleName: roleName, policyArn: "").target()
    }
}

extension IAMService {
    /// Attaches a managed policy to a user, group or role (10 per entity; attaching twice is a no-op).
    public mutating func attachPolicy(
        _ request: AttachPolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded(
            "Attach" + AuditEventNames.target(user: request.userName, group: request.groupName, role: request.roleName)
                + "Policy", request, principal
        ) { (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleAttachPolicy(request, as: principal)
        }
    }

    private mutating func handleAttachPolicy(
        _ request: AttachPolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        let (kind, requested) = try request.target()
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        let entity = try identity(kind, requested)
        let action = "Attach\(kind.rawValue)Policy"
        try authorize(principal, action, entity.arn, context: policyContext(kind, entity.name, request.policyArn))
        try checkModifiable(kind, entity.name)
        guard managedPolicy(arn: request.policyArn) != nil else { throw .policyNotAttachable(request.policyArn) }
        var attached = attachedPolicies(kind, entity.name)
        if attached.contains(request.policyArn) { return EmptyResponse() }
        guard attached.count < attachedQuota(kind) else {
            throw .quota("PoliciesPer\(kind.rawValue)", attachedQuota(kind))
        }
        attached.append(request.policyArn)
        setAttachedPolicies(kind, entity.name, attached)
        committed(principal, action, entity.arn)
        return EmptyResponse()
    }

    /// Detaches a managed policy from a user, group or role.
    public mutating func detachPolicy(
        _ request: AttachPolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded(
            "Detach" + AuditEventNames.target(user: request.userName, group: request.groupName, role: request.roleName)
                + "Policy", request, principal
        ) { (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDetachPolicy(request, as: principal)
        }
    }

    private mutating func handleDetachPolicy(
        _ request: AttachPolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        let (kind, requested) = try request.target()
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        let entity = try identity(kind, requested)
        let action = "Detach\(kind.rawValue)Policy"
        try authorize(principal, action, entity.arn, context: policyContext(kind, entity.name, request.policyArn))
        try checkModifiable(kind, entity.name)
        var attached = attachedPolicies(kind, entity.name)
        guard let index = attached.firstIndex(of: request.policyArn) else { throw .policyNotFound(request.policyArn) }
        attached.remove(at: index)
        setAttachedPolicies(kind, entity.name, attached)
        committed(principal, action, entity.arn)
        return EmptyResponse()
    }

    /// Lists the managed policies attached to a user, group or role.
    public func listAttachedPolicies(
        _ request: ListAttachedPoliciesRequest, as principal: Principal
    )
        throws(IAMError) -> ListAttachedPoliciesResponse
    {
        try recorded(
            "ListAttached"
                + AuditEventNames.target(user: request.userName, group: request.groupName, role: request.roleName)
                + "Policies", request, principal
        ) { () throws(IAMError) -> ListAttachedPoliciesResponse in
            try handleListAttachedPolicies(request, as: principal)
        }
    }

    private func handleListAttachedPolicies(
        _ request: ListAttachedPoliciesRequest, as principal: Principal
    )
        throws(IAMError) -> ListAttachedPoliciesResponse
    {
        let (kind, requested) = try request.target()
        if let prefix = request.pathPrefix { try NameRules.checkPolicyPath(prefix, field: "pathPrefix") }
        let entity = try identity(kind, requested)
        try authorize(principal, "ListAttached\(kind.rawValue)Policies", entity.arn)
        let prefix = request.pathPrefix ?? "/"
        let shapes = attachedPolicies(kind, entity.name).compactMap { arn -> AttachedPolicyShape? in
            guard let parsed = IAMResourceName(arn), parsed.path.hasPrefix(prefix) else { return nil }
            return AttachedPolicyShape(policyName: parsed.name, policyArn: arn)
        }
        let page = try Paging.inOrder(shapes, marker: request.marker, maxItems: request.maxItems)
        return ListAttachedPoliciesResponse(
            attachedPolicies: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Lists the users, groups and roles a managed policy is attached to (or bounds).
    public func listEntitiesForPolicy(
        _ request: ListEntitiesForPolicyRequest, as principal: Principal
    )
        throws(IAMError) -> ListEntitiesForPolicyResponse
    {
        try recorded("ListEntitiesForPolicy", request, principal) {
            () throws(IAMError) -> ListEntitiesForPolicyResponse in
            try handleListEntitiesForPolicy(request, as: principal)
        }
    }

    private func handleListEntitiesForPolicy(
        _ request: ListEntitiesForPolicyRequest, as principal: Principal
    )
        throws(IAMError) -> ListEntitiesForPolicyResponse
    {
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        let filters = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"]
        if let filter = request.entityFilter, !filters.contains(filter) {
            throw NameRules.validationError(
                filter, "entityFilter",
                "Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]")
        }
        try authorize(principal, "ListEntitiesForPolicy", request.policyArn)
        guard managedPolicy(arn: request.policyArn) != nil else { throw .policyNotFound(request.policyArn) }
        let arn = request.policyArn
        let prefix = request.pathPrefix ?? "/"
        let usage = request.policyUsageFilter
        func uses(attached: [String], boundary: String?) -> Bool {
            switch usage {
            case "PermissionsPolicy": return attached.contains(arn)
            case "PermissionsBoundary": return boundary == arn
            default: return attached.contains(arn) || boundary == arn
            }
        }
        let filter = request.entityFilter
        let wantsAll = filter == nil || filter == "LocalManagedPolicy" || filter == "AWSManagedPolicy"
        // Entities are paged together in one ordered list: groups, then users, then roles.
        enum Entity {
            case group(Group)
            case user(User)
            case role(Role)
        }
        var entities: [(String, Entity)] = []
        if wantsAll || filter == "Group" {
            entities += account.groups.values.filter {
                $0.path.hasPrefix(prefix) && uses(attached: $0.attachedPolicies, boundary: nil)
            }
            .map { ("1" + Paging.nameKey($0.name), .group($0)) }
        }
        if wantsAll || filter == "User" {
            entities += account.users.values.filter {
                $0.path.hasPrefix(prefix) && uses(attached: $0.attachedPolicies, boundary: $0.permissionsBoundary)
            }.map { ("2" + Paging.nameKey($0.name), .user($0)) }
        }
        if wantsAll || filter == "Role" {
            entities += account.roles.values.filter {
                $0.path.hasPrefix(prefix) && uses(attached: $0.attachedPolicies, boundary: $0.permissionsBoundary)
            }.map { ("3" + Paging.nameKey($0.name), .role($0)) }
        }
        entities.sort { $0.0 < $1.0 }
        let page = try Paging.page(entities, key: { $0.0 }, marker: request.marker, maxItems: request.maxItems)
        var response = ListEntitiesForPolicyResponse(
            policyGroups: [], policyUsers: [], policyRoles: [], isTruncated: page.isTruncated, marker: page.marker)
        for (_, entity) in page.items {
            switch entity {
            case .group(let group):
                response.policyGroups.append(PolicyGroupShape(groupName: group.name, groupId: group.id))
            case .user(let user): response.policyUsers.append(PolicyUserShape(userName: user.name, userId: user.id))
            case .role(let role): response.policyRoles.append(PolicyRoleShape(roleName: role.name, roleId: role.id))
            }
        }
        return response
    }
}
