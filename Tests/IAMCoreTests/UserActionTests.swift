import Testing

@testable import IAMCore

@Suite struct UserActionTests {
    @Test func createUserReturnsTheNewUser() throws {
        var service = TestAccount.make()
        let response = try service.createUser(
            CreateUserRequest(userName: "alice", path: "/engineering/", tags: [Tag(key: "team", value: "web")]),
            as: .root)
        let user = response.user
        #expect(user.userName == "alice")
        #expect(user.path == "/engineering/")
        #expect(user.arn == "arn:aws:iam::123456789012:user/engineering/alice")
        expectIdentifier(user.userId, prefix: "AIDA")
        #expect(user.createDate.iso8601 == TestAccount.nowISO)
        #expect(user.tags == [Tag(key: "team", value: "web")])
        #expect(user.permissionsBoundary == nil)
        #expect(user.passwordLastUsed == nil)
        #expect(service.account.users["alice"]?.id == user.userId)
        #expect(service.revision == 1)
    }

    @Test func createUserRecordsAnAuditEvent() throws {
        var service = TestAccount.make()
        try service.user("alice")
        let record = try #require(service.pendingAuditRecords.last)
        #expect(record.eventName == "CreateUser" && record.eventSource == "iam.amazonaws.com")
        #expect(record.userIdentity.arn == "arn:aws:iam::123456789012:root" && record.succeeded)
        #expect(service.account.auditTrail.isEmpty, "the account keeps only sign-in attempts")
    }

    @Test func createUserDefaultsToRootPath() throws {
        var service = TestAccount.make()
        let user = try service.createUser(CreateUserRequest(userName: "bob"), as: .root).user
        #expect(user.path == "/")
        #expect(user.arn == "arn:aws:iam::123456789012:user/bob")
        #expect(user.tags == nil)
    }

    @Test func idsAreDistinct() throws {
        var service = TestAccount.make()
        try service.user("a")
        try service.user("b")
        #expect(service.account.users["a"]?.id != service.account.users["b"]?.id)
    }

    @Test func createUserWithBoundary() throws {
        var service = TestAccount.make()
        let boundary = TestAccount.awsPolicy("ReadOnlyAccess")
        let user = try service.createUser(
            CreateUserRequest(userName: "bob", permissionsBoundary: boundary), as: .root
        ).user
        #expect(user.permissionsBoundary == AttachedPermissionsBoundary(arn: boundary))
        let missing = TestAccount.awsPolicy("NoSuchPolicy")
        expectFailure(
            IAMError(.noSuchEntity, "Scope ARN: \(missing) does not exist or is not attachable."), in: &service
        ) {
            _ = try $0.createUser(CreateUserRequest(userName: "carol", permissionsBoundary: missing), as: .root)
        }
    }

    @Test(arguments: ["alice", "ALICE", "Alice"])
    func duplicateNamesAreCaseInsensitive(name: String) throws {
        var service = TestAccount.make()
        try service.user("alice")
        expectFailure(IAMError(.entityAlreadyExists, "User with name \(name) already exists."), in: &service) {
            _ = try $0.createUser(CreateUserRequest(userName: name), as: .root)
        }
    }

    @Test func getUserByNameAndAsCaller() throws {
        var service = TestAccount.make()
        try service.user("alice", path: "/ops/")
        let byName = try service.getUser(UserNameRequest(userName: "ALICE"), as: .root).user
        #expect(byName.userName == "alice")
        #expect(byName.arn == "arn:aws:iam::123456789012:user/ops/alice")
        let root = try service.getUser(UserNameRequest(userName: nil), as: .root).user
        #expect(root.userId == "123456789012")
        #expect(root.arn == "arn:aws:iam::123456789012:root")
        #expect(root.userName == nil)
        #expect(root.path == nil)
        expectFailure(IAMError(.noSuchEntity, "The user with name ghost cannot be found."), in: &service) {
            _ = try $0.getUser(UserNameRequest(userName: "ghost"), as: .root)
        }
    }

    @Test func listUsersSortsByNameAndFiltersByPath() throws {
        var service = TestAccount.make()
        try service.user("carol", path: "/ops/")
        try service.user("Bob")
        try service.user("alice", path: "/ops/team/")
        let all = try service.listUsers(ListUsersRequest(), as: .root)
        #expect(all.users.map(\.userName) == ["alice", "Bob", "carol"])
        #expect(all.isTruncated == false)
        #expect(all.marker == nil)
        #expect(all.users.allSatisfy { $0.tags == nil && $0.permissionsBoundary == nil })
        let ops = try service.listUsers(ListUsersRequest(pathPrefix: "/ops/"), as: .root)
        #expect(ops.users.map(\.userName) == ["alice", "carol"])
        expectFailure(
            validationError(
                "ops", "pathPrefix", "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*"),
            in: &service
        ) { _ = try $0.listUsers(ListUsersRequest(pathPrefix: "ops"), as: .root) }
    }

    @Test func renameCarriesMembershipsPoliciesAndKeys() throws {
        var service = TestAccount.make()
        try service.user("alice")
        try service.group("admins")
        try service.join("alice", "admins")
        try service.attach(user: "alice", TestAccount.awsPolicy("ReadOnlyAccess"))
        _ = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root)
        let id = try #require(service.account.users["alice"]?.id)
        _ = try service.updateUser(
            UpdateUserRequest(userName: "alice", newPath: "/ops/", newUserName: "alicia"), as: .root)
        #expect(service.account.users["alice"] == nil)
        let renamed = try #require(service.account.users["alicia"])
        #expect(renamed.id == id)
        #expect(renamed.path == "/ops/")
        #expect(renamed.groups == ["admins"])
        #expect(renamed.attachedPolicies == [TestAccount.awsPolicy("ReadOnlyAccess")])
        #expect(renamed.accessKeys.count == 1)
        let members = try service.getGroup(GetGroupRequest(groupName: "admins"), as: .root).users
        #expect(members.map(\.userName) == ["alicia"])
        #expect(members.map(\.arn) == ["arn:aws:iam::123456789012:user/ops/alicia"])
    }

    @Test func renameToOwnNameInAnotherCaseIsAllowed() throws {
        var service = TestAccount.make()
        try service.user("alice")
        _ = try service.updateUser(UpdateUserRequest(userName: "alice", newUserName: "Alice"), as: .root)
        #expect(service.account.users["alice"]?.name == "Alice")
        #expect(service.account.users.count == 1)
    }

    @Test func updateUserErrors() throws {
        var service = TestAccount.make()
        try service.user("alice")
        try service.user("bob")
        expectFailure(IAMError(.entityAlreadyExists, "User with name BOB already exists."), in: &service) {
            _ = try $0.updateUser(UpdateUserRequest(userName: "alice", newUserName: "BOB"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The user with name ghost cannot be found."), in: &service) {
            _ = try $0.updateUser(UpdateUserRequest(userName: "ghost", newUserName: "x"), as: .root)
        }
        let long = String(repeating: "a", count: 65)
        expectFailure(
            validationError(long, "newUserName", "Member must have length less than or equal to 64"), in: &service
        ) { _ = try $0.updateUser(UpdateUserRequest(userName: "alice", newUserName: long), as: .root) }
    }

    @Test func deleteUserRemovesIt() throws {
        var service = TestAccount.make()
        try service.user("alice")
        _ = try service.deleteUser(UserNameRequest(userName: "Alice"), as: .root)
        #expect(service.account.users.isEmpty)
        expectFailure(IAMError(.noSuchEntity, "The user with name alice cannot be found."), in: &service) {
            _ = try $0.deleteUser(UserNameRequest(userName: "alice"), as: .root)
        }
        expectFailure(validationError("null", "userName", "Member must not be null"), in: &service) {
            _ = try $0.deleteUser(UserNameRequest(userName: nil), as: .root)
        }
    }

    /// Each precondition of DeleteUser, with AWS's DeleteConflict message.
    @Test(arguments: [
        ("login", "must delete login profile first"),
        ("keys", "must delete access keys first"),
        ("certs", "must remove referenced objects first"),
        ("ssh", "must remove referenced objects first"),
        ("service", "must remove referenced objects first"),
        ("mfa", "must delete MFA device first"),
        ("inline", "must delete policies first"),
        ("attached", "must detach all policies first"),
        ("group", "must remove user from all groups first"),
    ])
    func deleteUserConflicts(precondition: String, message: String) throws {
        var service = TestAccount.make()
        try service.user("alice")
        try service.group("admins")
        switch precondition {
        case "login":
            service.account.users["alice"]?.loginProfile = LoginProfile(
                createDate: TestAccount.now, passwordHash: "x", passwordResetRequired: false)
        case "keys": _ = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root)
        case "certs": service.account.users["alice"]?.signingCertificates = 1
        case "ssh": service.account.users["alice"]?.sshPublicKeys = 1
        case "service": service.account.users["alice"]?.serviceSpecificCredentials = 1
        case "mfa": service.account.users["alice"]?.mfaDevices = ["arn:aws:iam::123456789012:mfa/alice"]
        case "inline":
            _ = try service.putInlinePolicy(
                PutInlinePolicyRequest(userName: "alice", policyName: "p", policyDocument: Docs.s3Read), as: .root)
        case "attached": try service.attach(user: "alice", TestAccount.awsPolicy("ReadOnlyAccess"))
        default: try service.join("alice", "admins")
        }
        expectFailure(IAMError(.deleteConflict, "Cannot delete entity, \(message)."), in: &service) {
            _ = try $0.deleteUser(UserNameRequest(userName: "alice"), as: .root)
        }
    }

    @Test func tagUntagAndListTags() throws {
        var service = TestAccount.make()
        try service.user("alice")
        _ = try service.tag(
            TagRequest(userName: "alice", tags: [Tag(key: "team", value: "a"), Tag(key: "env", value: "prod")]),
            as: .root)
        _ = try service.tag(TagRequest(userName: "alice", tags: [Tag(key: "TEAM", value: "b")]), as: .root)
        var tags = try service.listTags(ListTagsRequest(userName: "alice"), as: .root)
        #expect(tags.tags == [Tag(key: "TEAM", value: "b"), Tag(key: "env", value: "prod")])
        #expect(tags.isTruncated == false)
        _ = try service.untag(UntagRequest(userName: "alice", tagKeys: ["team", "missing"]), as: .root)
        tags = try service.listTags(ListTagsRequest(userName: "alice"), as: .root)
        #expect(tags.tags == [Tag(key: "env", value: "prod")])
        expectFailure(
            IAMError(.invalidInput, "Duplicate tag keys found. Please note that Tag keys are case insensitive."),
            in: &service
        ) {
            _ = try $0.tag(
                TagRequest(userName: "alice", tags: [Tag(key: "a", value: "1"), Tag(key: "A", value: "2")]), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The user with name ghost cannot be found."), in: &service) {
            _ = try $0.tag(TagRequest(userName: "ghost", tags: [Tag(key: "a", value: "1")]), as: .root)
        }
    }
}
