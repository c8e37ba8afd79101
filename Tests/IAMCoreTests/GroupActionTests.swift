import Testing

@testable import IAMCore

@Suite struct GroupActionTests {
    @Test func createGroupReturnsTheGroup() throws {
        var service = TestAccount.make()
        let group = try service.createGroup(CreateGroupRequest(groupName: "Admins", path: "/ops/"), as: .root).group
        #expect(group.groupName == "Admins")
        #expect(group.path == "/ops/")
        #expect(group.arn == "arn:aws:iam::123456789012:group/ops/Admins")
        expectIdentifier(group.groupId, prefix: "AGPA")
        #expect(group.createDate.iso8601 == TestAccount.nowISO)
        #expect(service.account.groups["admins"]?.id == group.groupId)
    }

    @Test func duplicateGroupNamesAreCaseInsensitive() throws {
        var service = TestAccount.make()
        try service.group("admins")
        expectFailure(IAMError(.entityAlreadyExists, "Group with name ADMINS already exists."), in: &service) {
            _ = try $0.createGroup(CreateGroupRequest(groupName: "ADMINS"), as: .root)
        }
    }

    @Test func getGroupListsMembers() throws {
        var service = TestAccount.make()
        try service.group("devs")
        for name in ["zed", "amy", "Kim"] {
            try service.user(name)
            try service.join(name, "devs")
        }
        let response = try service.getGroup(GetGroupRequest(groupName: "DEVS"), as: .root)
        #expect(response.group.groupName == "devs")
        #expect(response.users.map(\.userName) == ["amy", "Kim", "zed"])
        #expect(response.isTruncated == false)
        expectFailure(IAMError(.noSuchEntity, "The group with name ops cannot be found."), in: &service) {
            _ = try $0.getGroup(GetGroupRequest(groupName: "ops"), as: .root)
        }
    }

    @Test func listGroupsAndPathPrefix() throws {
        var service = TestAccount.make()
        try service.group("b", path: "/x/")
        try service.group("a")
        try service.group("C", path: "/x/y/")
        #expect(try service.listGroups(ListGroupsRequest(), as: .root).groups.map(\.groupName) == ["a", "b", "C"])
        #expect(
            try service.listGroups(ListGroupsRequest(pathPrefix: "/x/"), as: .root).groups.map(\.groupName) == [
                "b", "C",
            ])
    }

    @Test func membershipAddRemoveAndList() throws {
        var service = TestAccount.make()
        try service.user("alice")
        try service.group("b")
        try service.group("a")
        try service.join("alice", "b")
        try service.join("alice", "a")
        let revision = service.revision
        try service.join("ALICE", "A")  // already a member: a no-op
        #expect(service.revision == revision)
        #expect(service.account.users["alice"]?.groups == ["b", "a"])
        let groups = try service.listGroupsForUser(ListGroupsForUserRequest(userName: "alice"), as: .root)
        #expect(groups.groups.map(\.groupName) == ["a", "b"])
        _ = try service.removeUserFromGroup(GroupMembershipRequest(groupName: "B", userName: "alice"), as: .root)
        #expect(service.account.users["alice"]?.groups == ["a"])
        expectFailure(IAMError(.noSuchEntity, "User alice is not in group b."), in: &service) {
            _ = try $0.removeUserFromGroup(GroupMembershipRequest(groupName: "b", userName: "alice"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The user with name ghost cannot be found."), in: &service) {
            _ = try $0.addUserToGroup(GroupMembershipRequest(groupName: "a", userName: "ghost"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The group with name nope cannot be found."), in: &service) {
            _ = try $0.addUserToGroup(GroupMembershipRequest(groupName: "nope", userName: "alice"), as: .root)
        }
    }

    @Test func renameCarriesMembersAlong() throws {
        var service = TestAccount.make()
        try service.group("devs")
        try service.user("alice")
        try service.user("bob")
        try service.join("alice", "devs")
        try service.join("bob", "devs")
        try service.attach(group: "devs", TestAccount.awsPolicy("ReadOnlyAccess"))
        _ = try service.updateGroup(
            UpdateGroupRequest(groupName: "devs", newPath: "/eng/", newGroupName: "engineers"), as: .root)
        #expect(service.account.groups["devs"] == nil)
        let group = try #require(service.account.groups["engineers"])
        #expect(group.path == "/eng/")
        #expect(group.attachedPolicies == [TestAccount.awsPolicy("ReadOnlyAccess")])
        #expect(service.account.users["alice"]?.groups == ["engineers"])
        #expect(service.account.users["bob"]?.groups == ["engineers"])
        let response = try service.getGroup(GetGroupRequest(groupName: "engineers"), as: .root)
        #expect(response.users.map(\.userName) == ["alice", "bob"])
        #expect(response.group.arn == "arn:aws:iam::123456789012:group/eng/engineers")
    }

    @Test func updateGroupErrors() throws {
        var service = TestAccount.make()
        try service.group("a")
        try service.group("b")
        expectFailure(IAMError(.entityAlreadyExists, "Group with name B already exists."), in: &service) {
            _ = try $0.updateGroup(UpdateGroupRequest(groupName: "a", newGroupName: "B"), as: .root)
        }
        expectFailure(
            validationError(
                "x", "newPath",
                "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"),
            in: &service
        ) { _ = try $0.updateGroup(UpdateGroupRequest(groupName: "a", newPath: "x"), as: .root) }
    }

    @Test func deleteGroup() throws {
        var service = TestAccount.make()
        try service.group("a")
        _ = try service.deleteGroup(GroupNameRequest(groupName: "A"), as: .root)
        #expect(service.account.groups.isEmpty)
        expectFailure(IAMError(.noSuchEntity, "The group with name a cannot be found."), in: &service) {
            _ = try $0.deleteGroup(GroupNameRequest(groupName: "a"), as: .root)
        }
    }

    @Test(arguments: [
        ("members", "must remove users from group first"),
        ("inline", "must delete policies first"),
        ("attached", "must detach all policies first"),
    ])
    func deleteGroupConflicts(precondition: String, message: String) throws {
        var service = TestAccount.make()
        try service.group("g")
        try service.user("u")
        switch precondition {
        case "members": try service.join("u", "g")
        case "inline":
            _ = try service.putInlinePolicy(
                PutInlinePolicyRequest(groupName: "g", policyName: "p", policyDocument: Docs.s3Read), as: .root)
        default: try service.attach(group: "g", TestAccount.awsPolicy("ReadOnlyAccess"))
        }
        expectFailure(IAMError(.deleteConflict, "Cannot delete entity, \(message)."), in: &service) {
            _ = try $0.deleteGroup(GroupNameRequest(groupName: "g"), as: .root)
        }
    }
}
