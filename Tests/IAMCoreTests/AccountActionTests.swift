import Testing

@testable import IAMCore

@Suite struct AccountActionTests {
    @Test func accountAliasLifecycle() throws {
        var service = TestAccount.make()
        #expect(try service.listAccountAliases(ListAccountAliasesRequest(), as: .root).accountAliases.isEmpty)
        _ = try service.createAccountAlias(AccountAliasRequest(accountAlias: "acme-prod"), as: .root)
        let list = try service.listAccountAliases(ListAccountAliasesRequest(), as: .root)
        #expect(list == ListAccountAliasesResponse(accountAliases: ["acme-prod"], isTruncated: false, marker: nil))
        // An account has one alias: a new one replaces the old.
        _ = try service.createAccountAlias(AccountAliasRequest(accountAlias: "acme-2"), as: .root)
        #expect(service.account.alias == "acme-2")
        expectFailure(IAMError(.noSuchEntity, "The account alias acme-prod cannot be found."), in: &service) {
            _ = try $0.deleteAccountAlias(AccountAliasRequest(accountAlias: "acme-prod"), as: .root)
        }
        _ = try service.deleteAccountAlias(AccountAliasRequest(accountAlias: "acme-2"), as: .root)
        #expect(service.account.alias == nil)
    }

    @Test(arguments: ["-acme", "acme-", "ac--me", "Acme", "acme_prod", "a.b"])
    func invalidAliases(alias: String) throws {
        var service = TestAccount.make()
        let pattern = "Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$"
        expectFailure(validationError(alias, "accountAlias", pattern), in: &service) {
            _ = try $0.createAccountAlias(AccountAliasRequest(accountAlias: alias), as: .root)
        }
    }

    @Test func aliasLengthAndNumbers() throws {
        var service = TestAccount.make()
        expectFailure(
            validationError("ab", "accountAlias", "Member must have length greater than or equal to 3"), in: &service
        ) { _ = try $0.createAccountAlias(AccountAliasRequest(accountAlias: "ab"), as: .root) }
        let long = String(repeating: "a", count: 64)
        expectFailure(
            validationError(long, "accountAlias", "Member must have length less than or equal to 63"), in: &service
        ) { _ = try $0.createAccountAlias(AccountAliasRequest(accountAlias: long), as: .root) }
        expectFailure(IAMError(.invalidInput, "The account alias cannot be a 12-digit number."), in: &service) {
            _ = try $0.createAccountAlias(AccountAliasRequest(accountAlias: "123456789012"), as: .root)
        }
        _ = try service.createAccountAlias(AccountAliasRequest(accountAlias: "1234567890123"), as: .root)
        _ = try service.createAccountAlias(
            AccountAliasRequest(accountAlias: String(repeating: "a", count: 63)), as: .root)
    }

    @Test func accountSummaryCountsAndQuotas() throws {
        var service = TestAccount.make()
        try service.user("u")
        try service.group("g")
        try service.role("r")
        let arn = try service.policy("p")
        _ = try service.createPolicyVersion(
            CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root)
        let map = try service.getAccountSummary(as: .root).summaryMap
        let expected: [String: Int] = [
            "Users": 1, "UsersQuota": 5000, "Groups": 1, "GroupsQuota": 300, "Roles": 1, "RolesQuota": 1000,
            "Policies": 1, "PoliciesQuota": 1500, "GroupsPerUserQuota": 10, "AttachedPoliciesPerUserQuota": 10,
            "AttachedPoliciesPerGroupQuota": 10, "AttachedPoliciesPerRoleQuota": 10, "AccessKeysPerUserQuota": 2,
            "VersionsPerPolicyQuota": 5, "PolicySizeQuota": 6144, "UserPolicySizeQuota": 2048,
            "GroupPolicySizeQuota": 5120, "RolePolicySizeQuota": 10240, "AssumeRolePolicySizeQuota": 2048,
            "PolicyVersionsInUse": 2, "InstanceProfiles": 0, "InstanceProfilesQuota": 1000,
            "AccountMFAEnabled": 0, "AccountAccessKeysPresent": 0, "AccountPasswordPresent": 0,
        ]
        for (key, value) in expected {
            #expect(map[key] == value, "\(key)")
        }
    }

    @Test func summaryFollowsTheConfiguredQuotas() throws {
        var quotas = Quotas.standard
        quotas.users = 7
        let service = TestAccount.make(quotas: quotas)
        #expect(try service.getAccountSummary(as: .root).summaryMap["UsersQuota"] == 7)
    }

    @Test func authorizationDetailsListEverything() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        try service.user("u")
        try service.group("g")
        try service.join("u", "g")
        try service.role("r")
        try service.attach(user: "u", arn)
        try service.attach(role: "r", TestAccount.awsPolicy("ReadOnlyAccess"))
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(groupName: "g", policyName: "inline", policyDocument: Docs.s3Read), as: .root)
        _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "ip"), as: .root)
        _ = try service.addRoleToInstanceProfile(
            InstanceProfileRoleRequest(instanceProfileName: "ip", roleName: "r"), as: .root)
        let details = try service.getAccountAuthorizationDetails(GetAccountAuthorizationDetailsRequest(), as: .root)
        let user = try #require(details.userDetailList.first)
        #expect(details.userDetailList.count == 1)
        #expect(user.groupList == ["g"])
        #expect(user.attachedManagedPolicies == [AttachedPolicyShape(policyName: "p", policyArn: arn)])
        #expect(
            details.groupDetailList.first?.groupPolicyList == [
                PolicyDetailShape(policyName: "inline", policyDocument: Docs.s3Read)
            ])
        #expect(details.roleDetailList.first?.instanceProfileList.map(\.instanceProfileName) == ["ip"])
        // AWS managed policies appear only when something uses them.
        #expect(details.policies.map(\.policyName) == ["p", "ReadOnlyAccess"])
        #expect(details.policies.first?.policyVersionList.map(\.versionId) == ["v1"])
        let roles = try service.getAccountAuthorizationDetails(
            GetAccountAuthorizationDetailsRequest(filter: ["Role"]), as: .root)
        #expect(roles.roleDetailList.map(\.roleName) == ["r"])
        #expect(roles.userDetailList.isEmpty && roles.groupDetailList.isEmpty && roles.policies.isEmpty)
        let filterError = validationError(
            "Users", "filter",
            "Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]")
        expectFailure(filterError, in: &service) {
            _ = try $0.getAccountAuthorizationDetails(
                GetAccountAuthorizationDetailsRequest(filter: ["Users"]), as: .root)
        }
    }

    @Test func rootOnlyActionsWorkForRoot() throws {
        var service = TestAccount.make()
        _ = try service.updateAccountName(UpdateAccountNameRequest(accountName: "Renamed"), as: .root)
        #expect(service.account.name == "Renamed")
        _ = try service.updateRootEmail(UpdateRootEmailRequest(emailAddress: "ops@example.org"), as: .root)
        #expect(service.account.root.email == "ops@example.org")
        expectFailure(IAMError(.invalidInput, "The email address not-an-email is not valid."), in: &service) {
            _ = try $0.updateRootEmail(UpdateRootEmailRequest(emailAddress: "not-an-email"), as: .root)
        }
        expectFailure(
            validationError("", "accountName", "Member must have length greater than or equal to 1"), in: &service
        ) { _ = try $0.updateAccountName(UpdateAccountNameRequest(accountName: ""), as: .root) }
    }

    @Test func changeRootPassword() throws {
        var service = TestAccount.make()
        service.account.root.passwordHash = PasswordHasher.hash(
            "Old-Passw0rd", random: service.random, iterations: 1000)
        expectFailure(IAMError(.invalidInput, "The old password is incorrect."), in: &service) {
            _ = try $0.changeRootPassword(
                ChangeRootPasswordRequest(oldPassword: "wrong", newPassword: "New-Passw0rd"), as: .root)
        }
        let weak =
            "Password must be 8 to 128 characters long and include at least three of: uppercase letters, "
            + "lowercase letters, numbers, and symbols."
        expectFailure(IAMError(.passwordPolicyViolation, weak), in: &service) {
            _ = try $0.changeRootPassword(
                ChangeRootPasswordRequest(oldPassword: "Old-Passw0rd", newPassword: "password"), as: .root)
        }
        _ = try service.changeRootPassword(
            ChangeRootPasswordRequest(oldPassword: "Old-Passw0rd", newPassword: "New-Passw0rd"), as: .root)
        #expect(PasswordHasher.verify("New-Passw0rd", against: service.account.root.passwordHash))
        #expect(!PasswordHasher.verify("Old-Passw0rd", against: service.account.root.passwordHash))
        #expect(service.account.root.passwordLastChanged == TestAccount.now)
    }
}
