/// CreateAccountAlias / DeleteAccountAlias request.
public struct AccountAliasRequest: Codable, Sendable {
    public var accountAlias: String
    public init(accountAlias: String) { self.accountAlias = accountAlias }
}

/// ListAccountAliases request.
public struct ListAccountAliasesRequest: Codable, Sendable {
    public var marker: String?
    public var maxItems: Int?
    public init(marker: String? = nil, maxItems: Int? = nil) {
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// ListAccountAliases response.
public struct ListAccountAliasesResponse: Codable, Sendable, Equatable {
    public var accountAliases: [String]
    public var isTruncated: Bool
    public var marker: String?
}

/// GetAccountSummary response: entity counts and quotas, keyed by AWS's names.
public struct AccountSummaryResponse: Codable, Sendable, Equatable {
    public var summaryMap: [String: Int]
}

extension IAMService {
    /// Sets the account alias (an account has at most one; a new alias replaces the old).
    public mutating func createAccountAlias(
        _ request: AccountAliasRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("CreateAccountAlias", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleCreateAccountAlias(request, as: principal)
        }
    }

    private mutating func handleCreateAccountAlias(
        _ request: AccountAliasRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkAccountAlias(request.accountAlias)
        try authorize(principal, "CreateAccountAlias", "*")
        if account.alias == request.accountAlias { return EmptyResponse() }
        account.alias = request.accountAlias
        committed(principal, "CreateAccountAlias", "*")
        return EmptyResponse()
    }

    /// Removes the account alias.
    public mutating func deleteAccountAlias(
        _ request: AccountAliasRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("DeleteAccountAlias", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteAccountAlias(request, as: principal)
        }
    }

    private mutating func handleDeleteAccountAlias(
        _ request: AccountAliasRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try NameRules.checkLength(request.accountAlias, field: "accountAlias", min: 3, max: 63)
        try authorize(principal, "DeleteAccountAlias", "*")
        guard account.alias == request.accountAlias else {
            throw .noSuchEntity("The account alias \(request.accountAlias) cannot be found.")
        }
        account.alias = nil
        committed(principal, "DeleteAccountAlias", "*")
        return EmptyResponse()
    }

    /// Lists the account alias (zero or one).
    public func listAccountAliases(
        _ request: ListAccountAliasesRequest, as principal: Principal
    ) throws(IAMError)
        -> ListAccountAliasesResponse
    {
        try recorded("ListAccountAliases", request, principal) { () throws(IAMError) -> ListAccountAliasesResponse in
            try handleListAccountAliases(request, as: principal)
        }
    }

    private func handleListAccountAliases(
        _ request: ListAccountAliasesRequest, as principal: Principal
    ) throws(IAMError)
        -> ListAccountAliasesResponse
    {
        try Paging.checkMaxItems(request.maxItems)
        try authorize(principal, "ListAccountAliases", "*")
        return ListAccountAliasesResponse(
            accountAliases: account.alias.map { [$0] } ?? [], isTruncated: false, marker: nil)
    }

    /// Counts of the account's entities and the quotas that apply, as GetAccountSummary reports them.
    public func getAccountSummary(as principal: Principal) throws(IAMError) -> AccountSummaryResponse {
        try recorded("GetAccountSummary", nil, principal) { () throws(IAMError) -> AccountSummaryResponse in
            try handleGetAccountSummary(as: principal)
        }
    }

    private func handleGetAccountSummary(as principal: Principal) throws(IAMError) -> AccountSummaryResponse {
        try authorize(principal, "GetAccountSummary", "*")
        let policyVersions = account.policies.values.reduce(0) { $0 + $1.versions.count }
        let assignedDevices = account.mfaDevices.values.filter { $0.assignedTo != nil }.count
        let rootKeys = account.root.accessKeys.isEmpty ? 0 : 1
        let summary: [String: Int] = [
            "Users": account.users.count, "UsersQuota": quotas.users,
            "Groups": account.groups.count, "GroupsQuota": quotas.groups,
            "Roles": account.roles.count, "RolesQuota": quotas.roles,
            "Policies": account.policies.count, "PoliciesQuota": quotas.policies,
            "InstanceProfiles": account.instanceProfiles.count, "InstanceProfilesQuota": quotas.instanceProfiles,
            "MFADevices": account.mfaDevices.count, "MFADevicesInUse": assignedDevices,
            "AccountMFAEnabled": account.root.mfaDevices.isEmpty ? 0 : 1,
            "AccountAccessKeysPresent": rootKeys, "AccountSigningCertificatesPresent": 0,
            "AccountPasswordPresent": account.root.passwordHash.isEmpty ? 0 : 1,
            "GroupsPerUserQuota": quotas.groupsPerUser,
            "AttachedPoliciesPerUserQuota": quotas.attachedPoliciesPerUser,
            "AttachedPoliciesPerGroupQuota": quotas.attachedPoliciesPerGroup,
            "AttachedPoliciesPerRoleQuota": quotas.attachedPoliciesPerRole,
            "AccessKeysPerUserQuota": quotas.accessKeysPerUser,
            "SigningCertificatesPerUserQuota": quotas.signingCertificatesPerUser,
            "VersionsPerPolicyQuota": quotas.versionsPerPolicy,
            "PolicySizeQuota": quotas.policySize, "UserPolicySizeQuota": quotas.userPolicySize,
            "GroupPolicySizeQuota": quotas.groupPolicySize, "RolePolicySizeQuota": quotas.rolePolicySize,
            "AssumeRolePolicySizeQuota": quotas.assumeRolePolicySize,
            "PolicyVersionsInUse": policyVersions, "PolicyVersionsInUseQuota": quotas.policyVersionsInUse,
            "ServerCertificates": 0, "ServerCertificatesQuota": quotas.serverCertificates,
            "Providers": 0, "GlobalEndpointTokenVersion": 1,
        ]
        return AccountSummaryResponse(summaryMap: summary)
    }
}
