import Testing

@testable import IAMCore

@Suite struct QuotaTests {
    static func quotas(_ change: (inout Quotas) -> Void) -> Quotas {
        var quotas = Quotas.standard
        change(&quotas)
        return quotas
    }

    @Test func usersPerAccount() throws {
        var service = TestAccount.make(quotas: Self.quotas { $0.users = 3 })
        for name in ["a", "b", "c"] { try service.user(name) }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for UsersPerAccount: 3"), in: &service) {
            try $0.user("d")
        }
        // A duplicate is reported as such even at the quota.
        expectFailure(IAMError(.entityAlreadyExists, "User with name a already exists."), in: &service) {
            try $0.user("a")
        }
        _ = try service.deleteUser(UserNameRequest(userName: "a"), as: .root)
        try service.user("d")
    }

    /// The real quota of 5,000 users.
    @Test func fiveThousandUsers() throws {
        var service = TestAccount.make()
        service.recordsAudit = false
        for index in 0..<5000 { try service.user("user\(index)") }
        #expect(service.account.users.count == 5000)
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for UsersPerAccount: 5000"), in: &service) {
            try $0.user("one-too-many")
        }
    }

    @Test func groupsRolesAndPoliciesPerAccount() throws {
        var service = TestAccount.make(
            quotas: Self.quotas {
                $0.groups = 2; $0.roles = 2; $0.policies = 2
            })
        for name in ["a", "b"] {
            try service.group(name)
            try service.role(name)
            try service.policy(name)
        }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for GroupsPerAccount: 2"), in: &service) {
            try $0.group("c")
        }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for RolesPerAccount: 2"), in: &service) {
            try $0.role("c")
        }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for PoliciesPerAccount: 2"), in: &service) {
            try $0.policy("c")
        }
    }

    @Test func tenGroupsPerUser() throws {
        var service = TestAccount.make()
        try service.user("u")
        for index in 0..<11 { try service.group("g\(index)") }
        for index in 0..<10 { try service.join("u", "g\(index)") }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for GroupsPerUser: 10"), in: &service) {
            try $0.join("u", "g10")
        }
    }

    @Test(arguments: IdentityKind.allCases)
    func tenAttachedPolicies(kind: IdentityKind) throws {
        var service = TestAccount.make()
        try service.user("e")
        try service.group("e")
        try service.role("e")
        var arns: [String] = []
        for index in 0..<11 { arns.append(try service.policy("p\(index)")) }
        func attach(_ service: inout IAMService, _ arn: String) throws {
            switch kind {
            case .user: try service.attach(user: "e", arn)
            case .group: try service.attach(group: "e", arn)
            case .role: try service.attach(role: "e", arn)
            }
        }
        for arn in arns.prefix(10) { try attach(&service, arn) }
        let error = IAMError(.limitExceeded, "Cannot exceed quota for PoliciesPer\(kind.rawValue): 10")
        expectFailure(error, in: &service) { try attach(&$0, arns[10]) }
        // Re-attaching one already attached is still a no-op at the quota.
        try attach(&service, arns[0])
    }

    @Test func fiftyTags() throws {
        var service = TestAccount.make()
        let fifty = (0..<50).map { Tag(key: "k\($0)", value: "v") }
        _ = try service.createUser(CreateUserRequest(userName: "u", tags: fifty), as: .root)
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for TagsPerUser: 50"), in: &service) {
            _ = try $0.tag(TagRequest(userName: "u", tags: [Tag(key: "one-more", value: "v")]), as: .root)
        }
        // Overwriting an existing key (in another case) does not add a tag.
        _ = try service.tag(TagRequest(userName: "u", tags: [Tag(key: "K0", value: "new")]), as: .root)
        #expect(service.account.users["u"]?.tags.count == 50)
        let fiftyOne = fifty + [Tag(key: "k50", value: "v")]
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for TagsPerUser: 50"), in: &service) {
            _ = try $0.createUser(CreateUserRequest(userName: "v", tags: fiftyOne), as: .root)
        }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for TagsPerRole: 50"), in: &service) {
            _ = try $0.createRole(
                CreateRoleRequest(roleName: "r", assumeRolePolicyDocument: Docs.trustEC2, tags: fiftyOne), as: .root)
        }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for TagsPerPolicy: 50"), in: &service) {
            _ = try $0.createPolicy(
                CreatePolicyRequest(policyName: "p", policyDocument: Docs.s3Read, tags: fiftyOne), as: .root)
        }
    }

    @Test func managedPolicySize() throws {
        var service = TestAccount.make()
        try service.policy("exact", document: Docs.identity(size: 6144))
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for PolicySize: 6144"), in: &service) {
            try $0.policy("over", document: Docs.identity(size: 6145))
        }
    }

    @Test func trustPolicySize() throws {
        var service = TestAccount.make()
        _ = try service.createRole(
            CreateRoleRequest(roleName: "ok", assumeRolePolicyDocument: Docs.trust(size: 2048)), as: .root)
        let error = IAMError(.limitExceeded, "Cannot exceed quota for ACLSizePerRole: 2048")
        expectFailure(error, in: &service) {
            _ = try $0.createRole(
                CreateRoleRequest(roleName: "big", assumeRolePolicyDocument: Docs.trust(size: 2049)), as: .root)
        }
        expectFailure(error, in: &service) {
            _ = try $0.updateAssumeRolePolicy(
                UpdateAssumeRolePolicyRequest(roleName: "ok", policyDocument: Docs.trust(size: 2049)), as: .root)
        }
    }

    @Test func documentSizeHelpersAreExact() {
        #expect(PolicyChecks.size(Docs.identity(size: 777)) == 777)
        #expect(PolicyChecks.size(Docs.trust(size: 999)) == 999)
    }
}
