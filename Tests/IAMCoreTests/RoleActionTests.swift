import Testing

@testable import IAMCore

@Suite struct RoleActionTests {
    @Test func createRoleReturnsTheRole() throws {
        var service = TestAccount.make()
        let role = try service.createRole(
            CreateRoleRequest(
                roleName: "app", assumeRolePolicyDocument: Docs.trustEC2, path: "/svc/", description: "App servers",
                maxSessionDuration: 7200, tags: [Tag(key: "app", value: "web")]),
            as: .root
        ).role
        #expect(role.roleName == "app")
        #expect(role.path == "/svc/")
        #expect(role.arn == "arn:aws:iam::123456789012:role/svc/app")
        expectIdentifier(role.roleId, prefix: "AROA")
        #expect(role.createDate.iso8601 == TestAccount.nowISO)
        #expect(role.assumeRolePolicyDocument == Docs.trustEC2)
        #expect(role.description == "App servers")
        #expect(role.maxSessionDuration == 7200)
        #expect(role.tags == [Tag(key: "app", value: "web")])
        #expect(role.roleLastUsed == nil)
    }

    @Test func defaultsAndGetRole() throws {
        var service = TestAccount.make()
        try service.role("app")
        let role = try service.getRole(RoleNameRequest(roleName: "APP"), as: .root).role
        #expect(role.maxSessionDuration == 3600)
        #expect(role.path == "/")
        #expect(role.description == nil)
        #expect(role.roleLastUsed == RoleLastUsedShape(lastUsedDate: nil, region: nil))
        expectFailure(IAMError(.noSuchEntity, "The role with name nope cannot be found."), in: &service) {
            _ = try $0.getRole(RoleNameRequest(roleName: "nope"), as: .root)
        }
    }

    @Test func duplicateRoleNamesAreCaseInsensitive() throws {
        var service = TestAccount.make()
        try service.role("App")
        expectFailure(IAMError(.entityAlreadyExists, "Role with name app already exists."), in: &service) {
            _ = try $0.createRole(
                CreateRoleRequest(roleName: "app", assumeRolePolicyDocument: Docs.trustEC2), as: .root)
        }
    }

    @Test(arguments: [
        (3599, "Member must have value greater than or equal to 3600"),
        (43201, "Member must have value less than or equal to 43200"),
    ])
    func sessionDurationBounds(duration: Int, constraint: String) throws {
        var service = TestAccount.make()
        expectFailure(validationError(String(duration), "maxSessionDuration", constraint), in: &service) {
            _ = try $0.createRole(
                CreateRoleRequest(roleName: "r", assumeRolePolicyDocument: Docs.trustEC2, maxSessionDuration: duration),
                as: .root)
        }
        _ = try service.createRole(
            CreateRoleRequest(roleName: "max", assumeRolePolicyDocument: Docs.trustEC2, maxSessionDuration: 43200),
            as: .root)
    }

    @Test func malformedTrustPolicies() throws {
        var service = TestAccount.make()
        expectFailure(IAMError(.malformedPolicyDocument, "Syntax errors in policy."), in: &service) {
            _ = try $0.createRole(CreateRoleRequest(roleName: "r", assumeRolePolicyDocument: "{"), as: .root)
        }
        let withResource =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"#
            + #""Action":"sts:AssumeRole","Resource":"*"}]}"#
        expectFailure(IAMError(.malformedPolicyDocument, "Has prohibited field Resource."), in: &service) {
            _ = try $0.createRole(CreateRoleRequest(roleName: "r", assumeRolePolicyDocument: withResource), as: .root)
        }
    }

    @Test func listAndUpdateRole() throws {
        var service = TestAccount.make()
        try service.role("b", path: "/svc/")
        try service.role("a")
        let list = try service.listRoles(ListRolesRequest(), as: .root)
        #expect(list.roles.map(\.roleName) == ["a", "b"])
        #expect(list.roles.allSatisfy { $0.roleLastUsed == nil && $0.tags == nil })
        #expect(try service.listRoles(ListRolesRequest(pathPrefix: "/svc/"), as: .root).roles.map(\.roleName) == ["b"])
        _ = try service.updateRole(
            UpdateRoleRequest(roleName: "a", description: "new", maxSessionDuration: 10800), as: .root)
        #expect(service.account.roles["a"]?.description == "new")
        #expect(service.account.roles["a"]?.maxSessionDuration == 10800)
        let long = String(repeating: "d", count: 1001)
        expectFailure(
            validationError(long, "description", "Member must have length less than or equal to 1000"), in: &service
        ) {
            _ = try $0.updateRole(UpdateRoleRequest(roleName: "a", description: long), as: .root)
        }
    }

    @Test func updateAssumeRolePolicy() throws {
        var service = TestAccount.make()
        try service.role("r")
        _ = try service.updateAssumeRolePolicy(
            UpdateAssumeRolePolicyRequest(roleName: "r", policyDocument: Docs.trustLambda), as: .root)
        #expect(service.account.roles["r"]?.assumeRolePolicyDocument == Docs.trustLambda)
        expectFailure(IAMError(.malformedPolicyDocument, "Syntax errors in policy."), in: &service) {
            _ = try $0.updateAssumeRolePolicy(
                UpdateAssumeRolePolicyRequest(roleName: "r", policyDocument: "[]x"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The role with name q cannot be found."), in: &service) {
            _ = try $0.updateAssumeRolePolicy(
                UpdateAssumeRolePolicyRequest(roleName: "q", policyDocument: Docs.trustEC2), as: .root)
        }
    }

    @Test func deleteRole() throws {
        var service = TestAccount.make()
        try service.role("r")
        _ = try service.deleteRole(RoleNameRequest(roleName: "R"), as: .root)
        #expect(service.account.roles.isEmpty)
        expectFailure(IAMError(.noSuchEntity, "The role with name r cannot be found."), in: &service) {
            _ = try $0.deleteRole(RoleNameRequest(roleName: "r"), as: .root)
        }
    }

    @Test(arguments: [
        ("profile", "must remove roles from instance profile first"),
        ("attached", "must detach all policies first"),
        ("inline", "must delete policies first"),
    ])
    func deleteRoleConflicts(precondition: String, message: String) throws {
        var service = TestAccount.make()
        try service.role("r")
        switch precondition {
        case "profile":
            _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "p"), as: .root)
            _ = try service.addRoleToInstanceProfile(
                InstanceProfileRoleRequest(instanceProfileName: "p", roleName: "r"), as: .root)
        case "attached": try service.attach(role: "r", TestAccount.awsPolicy("ReadOnlyAccess"))
        default:
            _ = try service.putInlinePolicy(
                PutInlinePolicyRequest(roleName: "r", policyName: "p", policyDocument: Docs.s3Read), as: .root)
        }
        expectFailure(IAMError(.deleteConflict, "Cannot delete entity, \(message)."), in: &service) {
            _ = try $0.deleteRole(RoleNameRequest(roleName: "r"), as: .root)
        }
    }

    /// Roles under /aws-service-role/ are protected from every change the account could make.
    @Test func serviceLinkedRolesAreUnmodifiable() throws {
        var service = TestAccount.make()
        try service.role("AWSServiceRoleForSupport", path: "/aws-service-role/support.amazonaws.com/")
        let name = "AWSServiceRoleForSupport"
        let error = IAMError(.unmodifiableEntity, "Cannot perform the operation on the protected role '\(name)'.")
        let actions: [(inout IAMService) throws -> Void] = [
            { _ = try $0.deleteRole(RoleNameRequest(roleName: name), as: .root) },
            { _ = try $0.updateRole(UpdateRoleRequest(roleName: name, description: "x"), as: .root) },
            {
                _ = try $0.updateAssumeRolePolicy(
                    UpdateAssumeRolePolicyRequest(roleName: name, policyDocument: Docs.trustEC2), as: .root)
            },
            {
                _ = try $0.attachPolicy(
                    AttachPolicyRequest(roleName: name, policyArn: TestAccount.awsPolicy("ReadOnlyAccess")), as: .root)
            },
            {
                _ = try $0.putInlinePolicy(
                    PutInlinePolicyRequest(roleName: name, policyName: "p", policyDocument: Docs.s3Read), as: .root)
            },
            {
                _ = try $0.putPermissionsBoundary(
                    PutPermissionsBoundaryRequest(
                        roleName: name, permissionsBoundary: TestAccount.awsPolicy("ReadOnlyAccess")),
                    as: .root)
            },
            { _ = try $0.tag(TagRequest(roleName: name, tags: [Tag(key: "a", value: "b")]), as: .root) },
            { _ = try $0.untag(UntagRequest(roleName: name, tagKeys: ["a"]), as: .root) },
        ]
        for action in actions {
            expectFailure(error, in: &service, action)
        }
    }

    @Test func roleBoundaryPutAndDelete() throws {
        var service = TestAccount.make()
        try service.role("r")
        let boundary = try service.policy("Boundary")
        _ = try service.putPermissionsBoundary(
            PutPermissionsBoundaryRequest(roleName: "r", permissionsBoundary: boundary), as: .root)
        let role = try service.getRole(RoleNameRequest(roleName: "r"), as: .root).role
        #expect(role.permissionsBoundary == AttachedPermissionsBoundary(arn: boundary))
        #expect(role.permissionsBoundary?.permissionsBoundaryType == "PermissionsBoundaryPolicy")
        _ = try service.deletePermissionsBoundary(DeletePermissionsBoundaryRequest(roleName: "r"), as: .root)
        #expect(service.account.roles["r"]?.permissionsBoundary == nil)
        let missing = TestAccount.arn("policy", "/Missing")
        expectFailure(
            IAMError(.noSuchEntity, "Scope ARN: \(missing) does not exist or is not attachable."), in: &service
        ) {
            _ = try $0.putPermissionsBoundary(
                PutPermissionsBoundaryRequest(roleName: "r", permissionsBoundary: missing), as: .root)
        }
    }
}
