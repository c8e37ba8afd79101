/// GetAccountAuthorizationDetails request.
public struct GetAccountAuthorizationDetailsRequest: Codable, Sendable {
    /// Any of `User`, `Role`, `Group`, `LocalManagedPolicy`, `AWSManagedPolicy`; all when empty.
    public var filter: [String]?
    public var marker: String?
    public var maxItems: Int?
    public init(filter: [String]? = nil, marker: String? = nil, maxItems: Int? = nil) {
        self.filter = filter
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// An inline policy in the authorization details.
public struct PolicyDetailShape: Codable, Sendable, Equatable {
    public var policyName: String
    public var policyDocument: String
}

/// A user with everything that grants it permissions.
public struct UserDetailShape: Codable, Sendable, Equatable {
    public var path: String
    public var userName: String
    public var userId: String
    public var arn: String
    public var createDate: Timestamp
    public var userPolicyList: [PolicyDetailShape]
    public var groupList: [String]
    public var attachedManagedPolicies: [AttachedPolicyShape]
    public var permissionsBoundary: AttachedPermissionsBoundary?
    public var tags: [Tag]
}

/// A group with its policies.
public struct GroupDetailShape: Codable, Sendable, Equatable {
    public var path: String
    public var groupName: String
    public var groupId: String
    public var arn: String
    public var createDate: Timestamp
    public var groupPolicyList: [PolicyDetailShape]
    public var attachedManagedPolicies: [AttachedPolicyShape]
}

/// A role with its trust policy, instance profiles and policies.
public struct RoleDetailShape: Codable, Sendable, Equatable {
    public var path: String
    public var roleName: String
    public var roleId: String
    public var arn: String
    public var createDate: Timestamp
    public var assumeRolePolicyDocument: String
    public var instanceProfileList: [InstanceProfileShape]
    public var rolePolicyList: [PolicyDetailShape]
    public var attachedManagedPolicies: [AttachedPolicyShape]
    public var permissionsBoundary: AttachedPermissionsBoundary?
    public var tags: [Tag]
    public var roleLastUsed: RoleLastUsedShape
}

/// A managed policy with every stored version.
public struct ManagedPolicyDetailShape: Codable, Sendable, Equatable {
    public var policyName: String
    public var policyId: String
    public var arn: String
    public var path: String
    public var defaultVersionId: String
    public var attachmentCount: Int
    public var permissionsBoundaryUsageCount: Int
    public var isAttachable: Bool
    public var description: String?
    public var createDate: Timestamp
    public var updateDate: Timestamp
    public var policyVersionList: [PolicyVersionShape]
}

/// GetAccountAuthorizationDetails response.
public struct GetAccountAuthorizationDetailsResponse: Codable, Sendable, Equatable {
    public var userDetailList: [UserDetailShape]
    public var groupDetailList: [GroupDetailShape]
    public var roleDetailList: [RoleDetailShape]
    public var policies: [ManagedPolicyDetailShape]
    public var isTruncated: Bool
    public var marker: String?
}

extension IAMService {
    /// Everything that grants permissions in the account, a page at a time: users, groups, roles and
    /// managed policies (AWS managed ones only when attached somewhere, as AWS does).
    public func getAccountAuthorizationDetails(
        _ request: GetAccountAuthorizationDetailsRequest, as principal: Principal
    ) throws(IAMError) -> GetAccountAuthorizationDetailsResponse {
        try recorded("GetAccountAuthorizationDetails", request, principal) {
            () throws(IAMError) -> GetAccountAuthorizationDetailsResponse in
            try handleGetAccountAuthorizationDetails(request, as: principal)
        }
    }

    private func handleGetAccountAuthorizationDetails(
        _ request: GetAccountAuthorizationDetailsRequest, as principal: Principal
    ) throws(IAMError) -> GetAccountAuthorizationDetailsResponse {
        let allowed = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"]
        for value in request.filter ?? [] where !allowed.contains(value) {
            throw NameRules.validationError(
                value, "filter",
                "Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]")
        }
        try authorize(principal, "GetAccountAuthorizationDetails", "*")
        let filter = Set(request.filter ?? [])
        func wants(_ kind: String) -> Bool { filter.isEmpty || filter.contains(kind) }
        enum Item {
            case user(User)
            case group(Group)
            case role(Role)
            case policy(ManagedPolicy)
            case awsPolicy(AWSManagedPolicy)
        }
        var items: [(String, Item)] = []
        if wants("User") { items += account.users.values.map { ("1" + Paging.nameKey($0.name), .user($0)) } }
        if wants("Group") { items += account.groups.values.map { ("2" + Paging.nameKey($0.name), .group($0)) } }
        if wants("Role") { items += account.roles.values.map { ("3" + Paging.nameKey($0.name), .role($0)) } }
        if wants("LocalManagedPolicy") {
            items += account.policies.values.map { ("4" + Paging.nameKey($0.name), .policy($0)) }
        }
        if wants("AWSManagedPolicy") {
            items += AWSManagedPolicyCatalog.all.filter { policy in
                let usage = account.usage(ofPolicy: policy.arn)
                return usage.attachments > 0 || usage.boundaries > 0
            }.map { ("5" + Paging.nameKey($0.name), .awsPolicy($0)) }
        }
        items.sort { $0.0 < $1.0 }
        let page = try Paging.page(items, key: { $0.0 }, marker: request.marker, maxItems: request.maxItems)
        var response = GetAccountAuthorizationDetailsResponse(
            userDetailList: [], groupDetailList: [], roleDetailList: [], policies: [], isTruncated: page.isTruncated,
            marker: page.marker)
        for (_, item) in page.items {
            switch item {
            case .user(let user): response.userDetailList.append(userDetail(user))
            case .group(let group): response.groupDetailList.append(groupDetail(group))
            case .role(let role): response.roleDetailList.append(roleDetail(role))
            case .policy(let policy): response.policies.append(policyDetail(policy))
            case .awsPolicy(let policy): response.policies.append(awsPolicyDetail(policy))
            }
        }
        return response
    }

    private func attachedShapes(_ arns: [String]) -> [AttachedPolicyShape] {
        arns.map { AttachedPolicyShape(policyName: Account.policyName(fromARN: $0), policyArn: $0) }
    }

    private func inlineShapes(_ policies: [InlinePolicy]) -> [PolicyDetailShape] {
        policies.map { PolicyDetailShape(policyName: $0.name, policyDocument: $0.document) }
    }

    private func userDetail(_ user: User) -> UserDetailShape {
        UserDetailShape(
            path: user.path, userName: user.name, userId: user.id, arn: account.arn(of: user),
            createDate: user.createDate, userPolicyList: inlineShapes(user.inlinePolicies),
            groupList: user.groups.map { account.group(named: $0)?.name ?? $0 },
            attachedManagedPolicies: attachedShapes(user.attachedPolicies),
            permissionsBoundary: user.permissionsBoundary.map(AttachedPermissionsBoundary.init(arn:)), tags: user.tags)
    }

    private func groupDetail(_ group: Group) -> GroupDetailShape {
        GroupDetailShape(
            path: group.path, groupName: group.name, groupId: group.id, arn: account.arn(of: group),
            createDate: group.createDate, groupPolicyList: inlineShapes(group.inlinePolicies),
            attachedManagedPolicies: attachedShapes(group.attachedPolicies))
    }

    private func roleDetail(_ role: Role) -> RoleDetailShape {
        let profiles = account.instanceProfiles.values.filter { profile in
            profile.roles.contains { Account.key($0) == Account.key(role.name) }
        }.sorted { Paging.nameKey($0.name) < Paging.nameKey($1.name) }
        return RoleDetailShape(
            path: role.path, roleName: role.name, roleId: role.id, arn: account.arn(of: role),
            createDate: role.createDate, assumeRolePolicyDocument: role.assumeRolePolicyDocument,
            instanceProfileList: profiles.map(account.shape(of:)), rolePolicyList: inlineShapes(role.inlinePolicies),
            attachedManagedPolicies: attachedShapes(role.attachedPolicies),
            permissionsBoundary: role.permissionsBoundary.map(AttachedPermissionsBoundary.init(arn:)), tags: role.tags,
            roleLastUsed: RoleLastUsedShape(lastUsedDate: role.lastUsed?.date, region: role.lastUsed?.region))
    }

    private func policyDetail(_ policy: ManagedPolicy) -> ManagedPolicyDetailShape {
        let arn = account.arn(of: policy)
        let usage = account.usage(ofPolicy: arn)
        return ManagedPolicyDetailShape(
            policyName: policy.name, policyId: policy.id, arn: arn, path: policy.path,
            defaultVersionId: policy.defaultVersionId, attachmentCount: usage.attachments,
            permissionsBoundaryUsageCount: usage.boundaries, isAttachable: true, description: policy.description,
            createDate: policy.createDate, updateDate: policy.updateDate,
            policyVersionList: policy.versions.map {
                PolicyVersionShape(
                    document: $0.document, versionId: $0.versionId,
                    isDefaultVersion: $0.versionId == policy.defaultVersionId, createDate: $0.createDate)
            })
    }

    private func awsPolicyDetail(_ policy: AWSManagedPolicy) -> ManagedPolicyDetailShape {
        let usage = account.usage(ofPolicy: policy.arn)
        return ManagedPolicyDetailShape(
            policyName: policy.name, policyId: policy.id, arn: policy.arn, path: policy.path,
            defaultVersionId: policy.defaultVersionId, attachmentCount: usage.attachments,
            permissionsBoundaryUsageCount: usage.boundaries, isAttachable: true, description: policy.description,
            createDate: policy.createDate, updateDate: policy.updateDate,
            policyVersionList: [
                PolicyVersionShape(
                    document: policy.document, versionId: policy.defaultVersionId, isDefaultVersion: true,
                    createDate: policy.updateDate)
            ])
    }
}
