import Testing

@testable import IAMCore

@Suite struct PagingTests {
    /// Follows markers until the last page, checking each page's size.
    static func collect<Item>(
        pageSize: Int, _ fetch: (String?) throws -> (items: [Item], isTruncated: Bool, marker: String?)
    ) throws -> [Item] {
        var all: [Item] = []
        var marker: String?
        for _ in 0..<200 {
            let page = try fetch(marker)
            #expect(page.items.count <= pageSize)
            all += page.items
            #expect(page.isTruncated == (page.marker != nil))
            guard page.isTruncated else { return all }
            #expect(page.items.count == pageSize)
            marker = page.marker
        }
        Issue.record("paging never ended")
        return all
    }

    @Test(arguments: [1, 2, 3, 7, 25, 26, 100])
    func listUsersPagesWithoutLossOrRepeats(pageSize: Int) throws {
        var service = TestAccount.make()
        let names = (0..<25).map { "user\($0)" }
        for name in names.shuffled() { try service.user(name) }
        let paged = try Self.collect(pageSize: pageSize) { marker in
            let page = try service.listUsers(ListUsersRequest(marker: marker, maxItems: pageSize), as: .root)
            return (page.users.compactMap(\.userName), page.isTruncated, page.marker)
        }
        #expect(paged == names.sorted())
    }

    @Test func defaultPageIsOneHundred() throws {
        var service = TestAccount.make()
        for index in 0..<101 { try service.user("u\(index)") }
        let first = try service.listUsers(ListUsersRequest(), as: .root)
        #expect(first.users.count == 100)
        #expect(first.isTruncated)
        let second = try service.listUsers(ListUsersRequest(marker: first.marker), as: .root)
        #expect(second.users.count == 1)
        #expect(second.isTruncated == false)
        #expect(second.marker == nil)
    }

    @Test func markersSurviveChangesBetweenPages() throws {
        var service = TestAccount.make()
        for name in ["a", "b", "c", "d"] { try service.user(name) }
        let first = try service.listUsers(ListUsersRequest(maxItems: 2), as: .root)
        #expect(first.users.compactMap(\.userName) == ["a", "b"])
        _ = try service.deleteUser(UserNameRequest(userName: "c"), as: .root)
        let second = try service.listUsers(ListUsersRequest(marker: first.marker, maxItems: 2), as: .root)
        #expect(second.users.compactMap(\.userName) == ["d"])
    }

    @Test(arguments: [
        (0, "Member must have value greater than or equal to 1"),
        (1001, "Member must have value less than or equal to 1000"),
    ])
    func maxItemsBounds(maxItems: Int, constraint: String) throws {
        var service = TestAccount.make()
        try service.user("u")
        try service.group("g")
        let error = validationError(String(maxItems), "maxItems", constraint)
        expectFailure(error, in: &service) { _ = try $0.listUsers(ListUsersRequest(maxItems: maxItems), as: .root) }
        expectFailure(error, in: &service) { _ = try $0.listGroups(ListGroupsRequest(maxItems: maxItems), as: .root) }
        expectFailure(error, in: &service) { _ = try $0.listRoles(ListRolesRequest(maxItems: maxItems), as: .root) }
        expectFailure(error, in: &service) {
            _ = try $0.listPolicies(ListPoliciesRequest(maxItems: maxItems), as: .root)
        }
        expectFailure(error, in: &service) {
            _ = try $0.listAccountAliases(ListAccountAliasesRequest(maxItems: maxItems), as: .root)
        }
        expectFailure(error, in: &service) {
            _ = try $0.getGroup(GetGroupRequest(groupName: "g", maxItems: maxItems), as: .root)
        }
        _ = try service.listUsers(ListUsersRequest(maxItems: 1000), as: .root)
    }

    @Test func invalidMarker() throws {
        var service = TestAccount.make()
        expectFailure(IAMError(.invalidInput, "Invalid Marker."), in: &service) {
            _ = try $0.listUsers(ListUsersRequest(marker: "!!not base64!!"), as: .root)
        }
    }

    @Test func listPoliciesPagesThroughTheCatalog() throws {
        var service = TestAccount.make()
        try service.policy("ReadOnlyAccess")  // the same name as an AWS managed policy
        try service.policy("mine")
        let paged = try Self.collect(pageSize: 4) { marker in
            let page = try service.listPolicies(ListPoliciesRequest(marker: marker, maxItems: 4), as: .root)
            return (page.policies.map(\.arn), page.isTruncated, page.marker)
        }
        #expect(paged.count == AWSManagedPolicyCatalog.all.count + 2)
        #expect(Set(paged).count == paged.count)
    }

    @Test func policyVersionsGroupMembersAndTagsPage() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        for _ in 0..<4 {
            _ = try service.createPolicyVersion(
                CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root)
        }
        let versions = try Self.collect(pageSize: 2) { marker in
            let page = try service.listPolicyVersions(
                ListPolicyVersionsRequest(policyArn: arn, marker: marker, maxItems: 2), as: .root)
            return (page.versions.map(\.versionId), page.isTruncated, page.marker)
        }
        #expect(versions == ["v5", "v4", "v3", "v2", "v1"])
        try service.group("g")
        for index in 0..<5 {
            try service.user("m\(index)")
            try service.join("m\(index)", "g")
        }
        let members = try Self.collect(pageSize: 2) { marker in
            let page = try service.getGroup(GetGroupRequest(groupName: "g", marker: marker, maxItems: 2), as: .root)
            return (page.users.compactMap(\.userName), page.isTruncated, page.marker)
        }
        #expect(members == ["m0", "m1", "m2", "m3", "m4"])
        let tags = (0..<7).map { Tag(key: "t\(6 - $0)", value: "v") }
        _ = try service.tag(TagRequest(userName: "m0", tags: tags), as: .root)
        let listed = try Self.collect(pageSize: 3) { marker in
            let page = try service.listTags(ListTagsRequest(userName: "m0", marker: marker, maxItems: 3), as: .root)
            return (page.tags, page.isTruncated, page.marker)
        }
        #expect(listed == tags)
    }

    /// Access keys page in a stable order whatever ids the random source produced.
    @Test(arguments: ["seed-1", "seed-2", "seed-3", "seed-4", "seed-5", "seed-6"])
    func accessKeysPage(seed: String) throws {
        var service = TestAccount.make(seed: seed)
        try service.user("u")
        let first = try service.createAccessKey(AccessKeyUserRequest(userName: "u"), as: .root).accessKey.accessKeyId
        let second = try service.createAccessKey(AccessKeyUserRequest(userName: "u"), as: .root).accessKey.accessKeyId
        let paged = try Self.collect(pageSize: 1) { marker in
            let page = try service.listAccessKeys(
                AccessKeyUserRequest(userName: "u", marker: marker, maxItems: 1), as: .root)
            return (page.accessKeyMetadata.map(\.accessKeyId), page.isTruncated, page.marker)
        }
        #expect(paged.sorted() == [first, second].sorted())
    }

    @Test func authorizationDetailsPage() throws {
        var service = TestAccount.make()
        for index in 0..<3 {
            try service.user("u\(index)")
            try service.group("g\(index)")
            try service.role("r\(index)")
            try service.policy("p\(index)")
        }
        var names: [String] = []
        var marker: String?
        repeat {
            let page = try service.getAccountAuthorizationDetails(
                GetAccountAuthorizationDetailsRequest(marker: marker, maxItems: 5), as: .root)
            let count =
                page.userDetailList.count + page.groupDetailList.count + page.roleDetailList.count + page.policies.count
            #expect(count <= 5)
            names += page.userDetailList.map(\.userName) + page.groupDetailList.map(\.groupName)
            names += page.roleDetailList.map(\.roleName) + page.policies.map(\.policyName)
            marker = page.marker
        } while marker != nil
        #expect(names == ["u0", "u1", "u2", "g0", "g1", "g2", "r0", "r1", "r2", "p0", "p1", "p2"])
    }
}
