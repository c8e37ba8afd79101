/// CreatePolicyVersion request.
public struct CreatePolicyVersionRequest: Codable, Sendable {
    public var policyArn: String
    public var policyDocument: String
    public var setAsDefault: Bool?
    public init(policyArn: String, policyDocument: String, setAsDefault: Bool? = nil) {
        self.policyArn = policyArn
        self.policyDocument = policyDocument
        self.setAsDefault = setAsDefault
    }
}

/// A request that names one version of a managed policy.
public struct PolicyVersionRequest: Codable, Sendable {
    public var policyArn: String
    public var versionId: String
    public init(policyArn: String, versionId: String) {
        self.policyArn = policyArn
        self.versionId = versionId
    }
}

/// A response carrying one policy version.
public struct PolicyVersionResponse: Codable, Sendable, Equatable { public var policyVersion: PolicyVersionShape }

/// ListPolicyVersions request.
public struct ListPolicyVersionsRequest: Codable, Sendable {
    public var policyArn: String
    public var marker: String?
    public var maxItems: Int?
    public init(policyArn: String, marker: String? = nil, maxItems: Int? = nil) {
        self.policyArn = policyArn
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// ListPolicyVersions response.
public struct ListPolicyVersionsResponse: Codable, Sendable, Equatable {
    public var versions: [PolicyVersionShape]
    public var isTruncated: Bool
    public var marker: String?
}

extension IAMService {
    func checkVersionId(_ versionId: String) throws(IAMError) {
        let scalars = Array(versionId.unicodeScalars)
        var ok = scalars.count >= 2 && scalars[0] == "v" && ("1"..."9").contains(scalars[1])
        var index = 2
        while ok, index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        if ok, index < scalars.count {
            ok =
                scalars[index] == "."
                && scalars[(index + 1)...].allSatisfy {
                    $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || $0 == "-"
                }
        }
        guard ok else {
            throw NameRules.validationError(
                versionId, "versionId",
                "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?")
        }
    }

    private func customerPolicyForVersions(_ arn: String) throws(IAMError) -> ManagedPolicy {
        guard let policy = account.customerPolicy(arn: arn) else {
            if AWSManagedPolicyCatalog.isAWSManagedARN(arn), AWSManagedPolicyCatalog.policy(arn: arn) != nil {
                throw IAMError(.invalidInput, "Cannot modify a policy that is managed by AWS.")
            }
            throw .policyNotFound(arn)
        }
        return policy
    }

    /// Adds a version to a customer managed policy (at most 5 kept), optionally making it the default.
    public mutating func createPolicyVersion(
        _ request: CreatePolicyVersionRequest, as principal: Principal
    )
        throws(IAMError) -> PolicyVersionResponse
    {
        try recorded("CreatePolicyVersion", request, principal) {
            (service: inout IAMService) throws(IAMError) -> PolicyVersionResponse in
            try service.handleCreatePolicyVersion(request, as: principal)
        }
    }

    private mutating func handleCreatePolicyVersion(
        _ request: CreatePolicyVersionRequest, as principal: Principal
    )
        throws(IAMError) -> PolicyVersionResponse
    {
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        try authorize(principal, "CreatePolicyVersion", request.policyArn)
        var policy = try customerPolicyForVersions(request.policyArn)
        try checkManagedDocument(request.policyDocument, field: "policyDocument")
        guard policy.versions.count < quotas.versionsPerPolicy else {
            throw IAMError(
                .limitExceeded,
                "A managed policy can have up to \(quotas.versionsPerPolicy) versions. Before you create a new version, "
                    + "you must delete an existing version.")
        }
        let now = clock.now()
        let version = PolicyVersion(
            versionId: "v\(policy.nextVersionNumber)", document: request.policyDocument, createDate: now)
        policy.versions.append(version)
        policy.nextVersionNumber += 1
        if request.setAsDefault == true {
            policy.defaultVersionId = version.versionId
            policy.updateDate = now
        }
        account.policies[Account.key(policy.name)] = policy
        committed(principal, "CreatePolicyVersion", request.policyArn)
        return PolicyVersionResponse(
            policyVersion: PolicyVersionShape(
                document: nil, versionId: version.versionId,
                isDefaultVersion: policy.defaultVersionId == version.versionId,
                createDate: now))
    }

    /// Returns one version of a managed policy, with its document.
    public func getPolicyVersion(
        _ request: PolicyVersionRequest, as principal: Principal
    ) throws(IAMError)
        -> PolicyVersionResponse
    {
        try recorded("GetPolicyVersion", request, principal) { () throws(IAMError) -> PolicyVersionResponse in
            try handleGetPolicyVersion(request, as: principal)
        }
    }

    private func handleGetPolicyVersion(
        _ request: PolicyVersionRequest, as principal: Principal
    ) throws(IAMError)
        -> PolicyVersionResponse
    {
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        try checkVersionId(request.versionId)
        try authorize(principal, "GetPolicyVersion", request.policyArn)
        switch managedPolicy(arn: request.policyArn) {
        case .customer(let policy):
            guard let version = policy.versions.first(where: { $0.versionId == request.versionId }) else {
                throw .noSuchEntity(
                    "Policy \(request.policyArn) version \(request.versionId) does not exist or is not attachable.")
            }
            return PolicyVersionResponse(
                policyVersion: PolicyVersionShape(
                    document: version.document, versionId: version.versionId,
                    isDefaultVersion: version.versionId == policy.defaultVersionId, createDate: version.createDate))
        case .aws(let policy):
            guard policy.defaultVersionId == request.versionId else {
                throw .noSuchEntity(
                    "Policy \(request.policyArn) version \(request.versionId) does not exist or is not attachable.")
            }
            return PolicyVersionResponse(
                policyVersion: PolicyVersionShape(
                    document: policy.document, versionId: policy.defaultVersionId, isDefaultVersion: true,
                    createDate: policy.updateDate))
        case nil:
            throw .policyNotFound(request.policyArn)
        }
    }

    /// Lists a managed policy's stored versions, newest first.
    public func listPolicyVersions(
        _ request: ListPolicyVersionsRequest, as principal: Principal
    ) throws(IAMError)
        -> ListPolicyVersionsResponse
    {
        try recorded("ListPolicyVersions", request, principal) { () throws(IAMError) -> ListPolicyVersionsResponse in
            try handleListPolicyVersions(request, as: principal)
        }
    }

    private func handleListPolicyVersions(
        _ request: ListPolicyVersionsRequest, as principal: Principal
    ) throws(IAMError)
        -> ListPolicyVersionsResponse
    {
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        try authorize(principal, "ListPolicyVersions", request.policyArn)
        var shapes: [(Int, PolicyVersionShape)]
        switch managedPolicy(arn: request.policyArn) {
        case .customer(let policy):
            shapes = policy.versions.map { version in
                (
                    Int(version.versionId.dropFirst().prefix { $0.isNumber }) ?? 0,
                    PolicyVersionShape(
                        document: nil, versionId: version.versionId,
                        isDefaultVersion: version.versionId == policy.defaultVersionId, createDate: version.createDate)
                )
            }
        case .aws(let policy):
            shapes = [
                (
                    1,
                    PolicyVersionShape(
                        document: nil, versionId: policy.defaultVersionId, isDefaultVersion: true,
                        createDate: policy.updateDate)
                )
            ]
        case nil:
            throw .policyNotFound(request.policyArn)
        }
        shapes.sort { $0.0 > $1.0 }
        let page = try Paging.inOrder(shapes.map(\.1), marker: request.marker, maxItems: request.maxItems)
        return ListPolicyVersionsResponse(versions: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Deletes a non-default version of a customer managed policy.
    public mutating func deletePolicyVersion(
        _ request: PolicyVersionRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("DeletePolicyVersion", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeletePolicyVersion(request, as: principal)
        }
    }

    private mutating func handleDeletePolicyVersion(
        _ request: PolicyVersionRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        try checkVersionId(request.versionId)
        try authorize(principal, "DeletePolicyVersion", request.policyArn)
        var policy = try customerPolicyForVersions(request.policyArn)
        guard let index = policy.versions.firstIndex(where: { $0.versionId == request.versionId }) else {
            throw .noSuchEntity(
                "Policy \(request.policyArn) version \(request.versionId) does not exist or is not attachable.")
        }
        if policy.defaultVersionId == request.versionId {
            throw .deleteConflict("Cannot delete the default version of a policy.")
        }
        policy.versions.remove(at: index)
        account.policies[Account.key(policy.name)] = policy
        committed(principal, "DeletePolicyVersion", request.policyArn)
        return EmptyResponse()
    }

    /// Makes an existing version the default one.
    public mutating func setDefaultPolicyVersion(
        _ request: PolicyVersionRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("SetDefaultPolicyVersion", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleSetDefaultPolicyVersion(request, as: principal)
        }
    }

    private mutating func handleSetDefaultPolicyVersion(
        _ request: PolicyVersionRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try NameRules.checkARN(request.policyArn, field: "policyArn")
        try checkVersionId(request.versionId)
        try authorize(principal, "SetDefaultPolicyVersion", request.policyArn)
        var policy = try customerPolicyForVersions(request.policyArn)
        guard policy.versions.contains(where: { $0.versionId == request.versionId }) else {
            throw .noSuchEntity(
                "Policy \(request.policyArn) version \(request.versionId) does not exist or is not attachable.")
        }
        policy.defaultVersionId = request.versionId
        policy.updateDate = clock.now()
        account.policies[Account.key(policy.name)] = policy
        committed(principal, "SetDefaultPolicyVersion", request.policyArn)
        return EmptyResponse()
    }
}
