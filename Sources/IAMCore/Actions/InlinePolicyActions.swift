/// Put{User,Group,Role}Policy request; exactly one of the names is set.
public struct PutInlinePolicyRequest: Codable, Sendable {
    public var userName: String?
    public var groupName: String?
    public var roleName: String?
    public var policyName: String
    public var policyDocument: String
    public init(
        userName: String? = nil, groupName: String? = nil, roleName: String? = nil, policyName: String,
        policyDocument: String
    ) {
        self.userName = userName
        self.groupName = groupName
        self.roleName = roleName
        self.policyName = policyName
        self.policyDocument = policyDocument
    }
}

/// Get/Delete{User,Group,Role}Policy request.
public struct InlinePolicyRequest: Codable, Sendable {
    public var userName: String?
    public var groupName: String?
    public var roleName: String?
    public var policyName: String
    public init(userName: String? = nil, groupName: String? = nil, roleName: String? = nil, policyName: String) {
        self.userName = userName
        self.groupName = groupName
        self.roleName = roleName
        self.policyName = policyName
    }
}

/// Get{User,Group,Role}Policy response: the entity's name member, the policy name and document.
public struct GetInlinePolicyResponse: Codable, Sendable, Equatable {
    public var userName: String?
    public var groupName: String?
    public var roleName: String?
    public var policyName: String
    public var policyDocument: String
}

/// List{User,Group,Role}Policies request.
public struct ListInlinePoliciesRequest: Codable, Sendable {
    public var userName: String?
    public var groupName: String?
    public var roleName: String?
    public var marker: String?
    public var maxItems: Int?
    public init(
        userName: String? = nil, groupName: String? = nil, roleName: String? = nil, marker: String? = nil,
        maxItems: Int? = nil
    ) {
        self.userName = userName
        self.groupName = groupName
        self.roleName = roleName
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// List{User,Group,Role}Policies response.
public struct ListInlinePoliciesResponse: Codable, Sendable, Equatable {
    public var policyNames: [String]
    public var isTruncated: Bool
    public var marker: String?
}

private func target(_ user: String?, _ group: String?, _ role: String?) throws(IAMError) -> (IdentityKind, String) {
    try AttachPolicyRequest(userName: user, groupName: group, roleName: role, policyArn: "").target()
}

extension IAMService {
    /// Adds or replaces an inline policy; the entity's inline policies together must stay within its size quota.
    public mutating func putInlinePolicy(
        _ request: PutInlinePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded(
            "Put" + AuditEventNames.target(user: request.userName, group: request.groupName, role: request.roleName)
                + "Policy", request, principal
        ) { (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handlePutInlinePolicy(request, as: principal)
        }
    }

    private mutating func handlePutInlinePolicy(
        _ request: PutInlinePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        let (kind, requested) = try target(request.userName, request.groupName, request.roleName)
        try NameRules.checkName(request.policyName, field: "policyName", max: 128)
        let entity = try identity(kind, requested)
        let action = "Put\(kind.rawValue)Policy"
        try authorize(principal, action, entity.arn, context: policyContext(kind, entity.name, nil))
        try checkModifiable(kind, entity.name)
        try PolicyChecks.validate(request.policyDocument, kind: .identity, field: "policyDocument")
        var policies = inlinePolicies(kind, entity.name)
        policies.upsert(InlinePolicy(name: request.policyName, document: request.policyDocument))
        let total = policies.reduce(0) { $0 + PolicyChecks.size($1.document) }
        let quota = inlineSizeQuota(kind)
        guard total <= quota else {
            throw IAMError(
                .limitExceeded,
                "Maximum policy size of \(quota) bytes exceeded for \(kind.rawValue.lowercased()) \(entity.name)")
        }
        setInlinePolicies(kind, entity.name, policies)
        committed(principal, action, entity.arn)
        return EmptyResponse()
    }

    /// Returns an inline policy's document.
    public func getInlinePolicy(
        _ request: InlinePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> GetInlinePolicyResponse
    {
        try recorded(
            "Get" + AuditEventNames.target(user: request.userName, group: request.groupName, role: request.roleName)
                + "Policy", request, principal
        ) { () throws(IAMError) -> GetInlinePolicyResponse in try handleGetInlinePolicy(request, as: principal) }
    }

    private func handleGetInlinePolicy(
        _ request: InlinePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> GetInlinePolicyResponse
    {
        let (kind, requested) = try target(request.userName, request.groupName, request.roleName)
        try NameRules.checkName(request.policyName, field: "policyName", max: 128)
        let entity = try identity(kind, requested)
        try authorize(principal, "Get\(kind.rawValue)Policy", entity.arn)
        guard let policy = inlinePolicies(kind, entity.name).first(where: { $0.name == request.policyName }) else {
            throw .noSuchEntity(
                "The \(kind.rawValue.lowercased()) policy with name \(request.policyName) cannot be found.")
        }
        return GetInlinePolicyResponse(
            userName: kind == .user ? entity.name : nil, groupName: kind == .group ? entity.name : nil,
            roleName: kind == .role ? entity.name : nil, policyName: policy.name, policyDocument: policy.document)
    }

    /// Deletes an inline policy.
    public mutating func deleteInlinePolicy(
        _ request: InlinePolicyRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded(
            "Delete" + AuditEventNames.target(user: request.userName, group: request.groupName, role: request.roleName)
                + "Policy", request, principal
        ) { (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteInlinePolicy(request, as: principal)
        }
    }

    private mutating func handleDeleteInlinePolicy(
        _ request: InlinePolicyRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        let (kind, requested) = try target(request.userName, request.groupName, request.roleName)
        try NameRules.checkName(request.policyName, field: "policyName", max: 128)
        let entity = try identity(kind, requested)
        let action = "Delete\(kind.rawValue)Policy"
        try authorize(principal, action, entity.arn, context: policyContext(kind, entity.name, nil))
        try checkModifiable(kind, entity.name)
        var policies = inlinePolicies(kind, entity.name)
        guard let index = policies.index(named: request.policyName) else {
            throw .noSuchEntity(
                "The \(kind.rawValue.lowercased()) policy with name \(request.policyName) cannot be found.")
        }
        policies.remove(at: index)
        setInlinePolicies(kind, entity.name, policies)
        committed(principal, action, entity.arn)
        return EmptyResponse()
    }

    /// Lists the names of an entity's inline policies.
    public func listInlinePolicies(
        _ request: ListInlinePoliciesRequest, as principal: Principal
    ) throws(IAMError)
        -> ListInlinePoliciesResponse
    {
        try recorded(
            "List" + AuditEventNames.target(user: request.userName, group: request.groupName, role: request.roleName)
                + "Policies", request, principal
        ) { () throws(IAMError) -> ListInlinePoliciesResponse in try handleListInlinePolicies(request, as: principal) }
    }

    private func handleListInlinePolicies(
        _ request: ListInlinePoliciesRequest, as principal: Principal
    ) throws(IAMError)
        -> ListInlinePoliciesResponse
    {
        let (kind, requested) = try target(request.userName, request.groupName, request.roleName)
        let entity = try identity(kind, requested)
        try authorize(principal, "List\(kind.rawValue)Policies", entity.arn)
        let names = inlinePolicies(kind, entity.name).map(\.name).sorted()
        let page = try Paging.page(names, key: { $0 }, marker: request.marker, maxItems: request.maxItems)
        return ListInlinePoliciesResponse(policyNames: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }
}
