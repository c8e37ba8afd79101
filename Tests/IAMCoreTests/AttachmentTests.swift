import Testing

@testable import IAMCore

@Suite struct AttachmentTests {
    static let readOnly = TestAccount.awsPolicy("ReadOnlyAccess")

    @Test(arguments: IdentityKind.allCases)
    func attachListAndDetach(kind: IdentityKind) throws {
        var service = TestAccount.make()
        try service.user("e")
        try service.group("e")
        try service.role("e")
        let own = try service.policy("Own", path: "/team/")
        func request(_ arn: String) -> AttachPolicyRequest {
            switch kind {
            case .user: return AttachPolicyRequest(userName: "e", policyArn: arn)
            case .group: return AttachPolicyRequest(groupName: "e", policyArn: arn)
            case .role: return AttachPolicyRequest(roleName: "e", policyArn: arn)
            }
        }
        let listRequest: ListAttachedPoliciesRequest
        switch kind {
        case .user: listRequest = ListAttachedPoliciesRequest(userName: "E")
        case .group: listRequest = ListAttachedPoliciesRequest(groupName: "E")
        case .role: listRequest = ListAttachedPoliciesRequest(roleName: "E")
        }
        _ = try service.attachPolicy(request(Self.readOnly), as: .root)
        _ = try service.attachPolicy(request(own), as: .root)
        let revision = service.revision
        _ = try service.attachPolicy(request(own), as: .root)  // attaching twice is a no-op
        #expect(service.revision == revision)
        let listed = try service.listAttachedPolicies(listRequest, as: .root).attachedPolicies
        #expect(listed.map(\.policyName) == ["ReadOnlyAccess", "Own"])
        #expect(listed.map(\.policyArn) == [Self.readOnly, own])
        var filtered = listRequest
        filtered.pathPrefix = "/team/"
        #expect(try service.listAttachedPolicies(filtered, as: .root).attachedPolicies.map(\.policyName) == ["Own"])
        #expect(try service.getPolicy(PolicyArnRequest(policyArn: own), as: .root).policy.attachmentCount == 1)
        _ = try service.detachPolicy(request(Self.readOnly), as: .root)
        #expect(try service.listAttachedPolicies(listRequest, as: .root).attachedPolicies.map(\.policyArn) == [own])
        expectFailure(IAMError(.noSuchEntity, "Policy \(Self.readOnly) was not found."), in: &service) {
            _ = try $0.detachPolicy(request(Self.readOnly), as: .root)
        }
        let missing = TestAccount.awsPolicy("NotARealPolicy")
        expectFailure(IAMError(.noSuchEntity, "Policy \(missing) does not exist or is not attachable."), in: &service) {
            _ = try $0.attachPolicy(request(missing), as: .root)
        }
    }

    @Test func attachToMissingEntities() throws {
        var service = TestAccount.make()
        expectFailure(IAMError(.noSuchEntity, "The user with name u cannot be found."), in: &service) {
            _ = try $0.attachPolicy(AttachPolicyRequest(userName: "u", policyArn: Self.readOnly), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The group with name g cannot be found."), in: &service) {
            _ = try $0.attachPolicy(AttachPolicyRequest(groupName: "g", policyArn: Self.readOnly), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The role with name r cannot be found."), in: &service) {
            _ = try $0.attachPolicy(AttachPolicyRequest(roleName: "r", policyArn: Self.readOnly), as: .root)
        }
        expectFailure(validationError("null", "userName", "Member must not be null"), in: &service) {
            _ = try $0.attachPolicy(AttachPolicyRequest(policyArn: Self.readOnly), as: .root)
        }
    }

    @Test func listEntitiesForPolicy() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        try service.user("bob")
        try service.user("amy")
        try service.user("carl")
        try service.group("devs")
        try service.role("app")
        try service.attach(user: "bob", arn)
        try service.attach(user: "amy", arn)
        try service.attach(group: "devs", arn)
        try service.attach(role: "app", arn)
        _ = try service.putPermissionsBoundary(
            PutPermissionsBoundaryRequest(userName: "carl", permissionsBoundary: arn), as: .root)
        let all = try service.listEntitiesForPolicy(ListEntitiesForPolicyRequest(policyArn: arn), as: .root)
        #expect(all.policyUsers.map(\.userName) == ["amy", "bob", "carl"])
        #expect(
            all.policyGroups == [PolicyGroupShape(groupName: "devs", groupId: service.account.groups["devs"]?.id ?? "")]
        )
        #expect(all.policyRoles.map(\.roleName) == ["app"])
        let usersOnly = try service.listEntitiesForPolicy(
            ListEntitiesForPolicyRequest(policyArn: arn, entityFilter: "User", policyUsageFilter: "PermissionsPolicy"),
            as: .root)
        #expect(usersOnly.policyUsers.map(\.userName) == ["amy", "bob"])
        #expect(usersOnly.policyGroups.isEmpty && usersOnly.policyRoles.isEmpty)
        let boundaries = try service.listEntitiesForPolicy(
            ListEntitiesForPolicyRequest(policyArn: arn, policyUsageFilter: "PermissionsBoundary"), as: .root)
        #expect(boundaries.policyUsers.map(\.userName) == ["carl"])
        let shape = try service.getPolicy(PolicyArnRequest(policyArn: arn), as: .root).policy
        #expect(shape.attachmentCount == 4)
        #expect(shape.permissionsBoundaryUsageCount == 1)
        let missing = TestAccount.arn("policy", "/nope")
        expectFailure(IAMError(.noSuchEntity, "Policy \(missing) was not found."), in: &service) {
            _ = try $0.listEntitiesForPolicy(ListEntitiesForPolicyRequest(policyArn: missing), as: .root)
        }
        let enumError = validationError(
            "Users", "entityFilter",
            "Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]")
        expectFailure(enumError, in: &service) {
            _ = try $0.listEntitiesForPolicy(
                ListEntitiesForPolicyRequest(policyArn: arn, entityFilter: "Users"), as: .root)
        }
    }

    @Test func userBoundaryPutAndDelete() throws {
        var service = TestAccount.make()
        try service.user("u")
        _ = try service.putPermissionsBoundary(
            PutPermissionsBoundaryRequest(userName: "u", permissionsBoundary: Self.readOnly), as: .root)
        let user = try service.getUser(UserNameRequest(userName: "u"), as: .root).user
        #expect(user.permissionsBoundary?.permissionsBoundaryArn == Self.readOnly)
        _ = try service.deletePermissionsBoundary(DeletePermissionsBoundaryRequest(userName: "u"), as: .root)
        #expect(service.account.users["u"]?.permissionsBoundary == nil)
        expectFailure(IAMError(.noSuchEntity, "The user with name x cannot be found."), in: &service) {
            _ = try $0.deletePermissionsBoundary(DeletePermissionsBoundaryRequest(userName: "x"), as: .root)
        }
    }
}
