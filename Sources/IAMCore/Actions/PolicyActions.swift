import IAMPolicy

/// CreatePolicy request.
public struct CreatePolicyRequest: Codable, Sendable {
    public var policyName: String
    public var path: String?
    public var policyDocument: String
    public var description: String?
    public var tags: [Tag]?
    public init(
        policyName: String, policyDocument: String, path: String? = nil, description: String? = nil,
        tags: [Tag]? = nil
    ) {
        self.policyName = policyName
        self.path = path
        self.policyDocument = policyDocument
        self.description = description
        self.tags = tags
    }
}

/// A response carrying one managed policy.
public struct PolicyResponse: Codable, Sendable, Equatable { public var policy: PolicyShape }

/// A request that names one managed policy by ARN.
public struct PolicyArnRequest: Codable, Sendable {
    public var policyArn: String
    public init(policyArn: String) { self.policyArn = policyArn }
}

/// ListPolicies request.
public struct ListPoliciesRequest: Codable, Sendable {
    /// `All` (default), `AWS` or `Local`.
    public var scope: String?
    public var onlyAttached: Bool?
    public var pathPrefix: String?
    /// `PermissionsPolicy` or `PermissionsBoundary`.
    public var policyUsageFilter: String?
    public var marker: String?
    public var maxItems: Int?
    public init(
        scope: String? = nil, onlyAttached: Bool? = nil, pathPrefix: String? = nil, policyUsageFilter: String? = nil,
        marker: String? = nil, maxItems: Int? = nil
    ) {
        self.scope = scope
        self.onlyAttached = onlyAttached
        self.pathPrefix = pathPrefix
        self.policyUsageFilter = policyUsageFilter
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// ListPolicies response.
public struct ListPoliciesResponse: Codable, Sendable, Equatable {
    public var policies: [PolicyShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// A managed policy found by ARN: the account's own, or one of AWS's.
enum ManagedPolicyRef {
    case customer(ManagedPolicy)
    case aws(AWSManagedPolicy)

    var name: String {
        switch self {
        case .customer(let policy): return policy.name
        case .aws(let policy): return policy.name
        }
    }
}

extension IAMService {
    /// The managed policy with this ARN, if it exists.
    func managedPolicy(arn: String) -> ManagedPolicyRef? {
        if let policy = account.customerPolicy(arn: arn) { return .customer(policy) }
        if let policy = AWSManagedPolicyCatalog.policy(arn: arn) { return .aws(policy) }
        return nil
    }

    /// Checks that a permissions boundary names an existing managed policy.
    func checkBoundaryPolicy(_ arn: String) throws(IAMError) {
        try NameRules.checkARN(arn, field: "permissionsBoundary")
        guard managedPolicy(arn: arn) != nil else {
            throw IAMError(.noSuchEntity, "Scope ARN: \(arn) does not exist or is not attachable.")
        }
    }

    func checkManagedDocument(_ document: String, field: String) throws(IAMError) {
        try PolicyChecks.validate(document, kind: .managed, field: field)
        if PolicyChecks.size(document) > quotas.policySize { throw .quota("PolicySize", quotas.policySize) }
    }

    /// Creates a customer managed policy with its first version, v1, as the default.
    public mutating func createPolicy(
        _ request: CreatePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> PolicyResponse
    {
        try recorded("CreatePolicy", request, principal) {
            (service: inout IAMService) throws(IAMError) -> PolicyResponse in
            try service.handleCreatePolicy(request, as: principal)
        }
    }

    private mutating func handleCreatePolicy(
        _ request: CreatePolicyRequest, as principal: Principal
    ) throws(IAMError)
        -> PolicyResponse
    {
        let path = request.path ?? "/"
        try NameRules.checkName(request.policyName, field: "policyName", max: 128)
        try NameRules.checkPolicyPath(path)
        if let description = request.description { try NameRules.checkDescription(description) }
        let arn = ResourceNames.policy(account.id, path: path, name: request.policyName)
        try authorize(principal, "CreatePolicy", arn, context: RequestContextBuilder.requestTags(request.tags))
        try checkManagedDocument(request.policyDocument, field: "policyDocument")
        if let tags = request.tags {
            try NameRules.checkTags(tags)
            if tags.count > quotas.tagsPerEntity { throw .quota("TagsPerPolicy", quotas.tagsPerEntity) }
        }
        guard account.policies[Account.key(request.policyName)] == nil else {
            throw IAMError(
                .entityAlreadyExists,
                "A policy called \(request.policyName) already exists. Duplicate names are not allowed.")
        }
        guard account.policies.count < quotas.policies else { throw .quota("PoliciesPerAccount", quotas.policies) }
        var policy = ManagedPolicy(
            name: request.policyName, path: path, id: uniqueId(.managedPolicy), description: request.description,
            createDate: clock.now(), document: request.policyDocument)
        policy.tags = request.tags ?? []
        account.policies[Account.key(policy.name)] = policy
        committed(principal, "CreatePolicy", arn)
        return PolicyResponse(policy: account.shape(of: policy, includeDescription: false, includeTags: true))
    }

    /// Returns a managed policy (customer or AWS) with its usage counts.
    public func getPolicy(_ request: PolicyArnRequest, as principal: Principal) throws(IAMError) -> PolicyResponse {
        try recorded("GetPolicy", request, principal) { () throws(IAMError) -> PolicyResponse in
            try handleGetPolicy(request, as: principal)
        }
    }

    private func handleGetPolicy(
        _ request: PolicyArnRequest, as principal: Principal
    ) throws(IAMError) -> PolicyResponse {
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        try authorize(principal, "GetPolicy", request.policyArn)
        switch managedPolicy(arn: request.policyArn) {
        case .customer(let policy):
            return PolicyResponse(policy: account.shape(of: policy, includeDescription: true, includeTags: true))
        case .aws(let policy):
            return PolicyResponse(policy: account.shape(of: policy, includeDescription: true))
        case nil:
            throw .policyNotFound(request.policyArn)
        }
    }

    /// Lists managed policies: the account's, AWS's, or both, optionally only those in use.
    public func listPolicies(
        _ request: ListPoliciesRequest, as principal: Principal
    ) throws(IAMError)
        -> ListPoliciesResponse
    {
        try recorded("ListPolicies", request, principal) { () throws(IAMError) -> ListPoliciesResponse in
            try handleListPolicies(request, as: principal)
        }
    }

    private func handleListPolicies(
        _ request: ListPoliciesRequest, as principal: Principal
    ) throws(IAMError)
        -> ListPoliciesResponse
    {
        let scope = request.scope ?? "All"
        guard ["All", "AWS", "Local"].contains(scope) else {
            throw NameRules.validationError(scope, "scope", "Member must satisfy enum value set: [All, AWS, Local]")
        }
        if let filter = request.policyUsageFilter, !["PermissionsPolicy", "PermissionsBoundary"].contains(filter) {
            throw NameRules.validationError(
                filter, "policyUsageFilter",
                "Member must satisfy enum value set: [PermissionsPolicy, PermissionsBoundary]")
        }
        if let prefix = request.pathPrefix { try NameRules.checkPolicyPath(prefix, field: "pathPrefix") }
        try authorize(principal, "ListPolicies", "arn:aws:iam::\(account.id):policy/")
        var shapes: [PolicyShape] = []
        if scope != "AWS" {
            shapes += account.policies.values.map {
                account.shape(of: $0, includeDescription: false, includeTags: false)
            }
        }
        if scope != "Local" {
            shapes += AWSManagedPolicyCatalog.all.map { account.shape(of: $0, includeDescription: false) }
        }
        let prefix = request.pathPrefix ?? "/"
        shapes = shapes.filter { shape in
            guard shape.path.hasPrefix(prefix) else { return false }
            switch request.policyUsageFilter {
            case "PermissionsPolicy" where request.onlyAttached == true: return shape.attachmentCount > 0
            case "PermissionsBoundary" where request.onlyAttached == true:
                return shape.permissionsBoundaryUsageCount > 0
            case nil where request.onlyAttached == true:
                return shape.attachmentCount > 0 || shape.permissionsBoundaryUsageCount > 0
            default: return true
            }
        }
        shapes.sort { Paging.nameKey($0.policyName) < Paging.nameKey($1.policyName) }
        let page = try Paging.page(
            shapes, key: { Paging.nameKey($0.policyName) + "\u{0}" + $0.arn }, marker: request.marker,
            maxItems: request.maxItems)
        return ListPoliciesResponse(policies: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Deletes a customer managed policy that is attached nowhere and has only its default version.
    public mutating func deletePolicy(
        _ request: PolicyArnRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("DeletePolicy", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeletePolicy(request, as: principal)
        }
    }

    private mutating func handleDeletePolicy(
        _ request: PolicyArnRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        try authorize(principal, "DeletePolicy", request.policyArn)
        if AWSManagedPolicyCatalog.isAWSManagedARN(request.policyArn) {
            throw IAMError(.invalidInput, "Cannot delete a policy that is managed by AWS.")
        }
        guard let policy = account.customerPolicy(arn: request.policyArn) else {
            throw .policyNotFound(request.policyArn)
        }
        let usage = account.usage(ofPolicy: request.policyArn)
        if usage.attachments > 0 || usage.boundaries > 0 {
            throw .deleteConflict("Cannot delete a policy attached to entities.")
        }
        if policy.versions.count > 1 {
            throw .deleteConflict(
                "This policy has more than one version. Before you delete a policy, you must delete the policy's "
                    + "versions. The default version is deleted with the policy.")
        }
        account.policies[Account.key(policy.name)] = nil
        committed(principal, "DeletePolicy", request.policyArn)
        return EmptyResponse()
    }
}
