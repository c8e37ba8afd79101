import Testing

@testable import IAMCore

@Suite struct InstanceProfileTests {
    @Test func createGetAndList() throws {
        var service = TestAccount.make()
        let profile = try service.createInstanceProfile(
            CreateInstanceProfileRequest(instanceProfileName: "web", path: "/ec2/", tags: [Tag(key: "a", value: "b")]),
            as: .root
        ).instanceProfile
        #expect(profile.instanceProfileName == "web")
        #expect(profile.path == "/ec2/")
        #expect(profile.arn == "arn:aws:iam::123456789012:instance-profile/ec2/web")
        expectIdentifier(profile.instanceProfileId, prefix: "AIPA")
        #expect(profile.createDate.iso8601 == TestAccount.nowISO)
        #expect(profile.roles.isEmpty)
        #expect(profile.tags == [Tag(key: "a", value: "b")])
        _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "Api"), as: .root)
        let list = try service.listInstanceProfiles(ListInstanceProfilesRequest(), as: .root)
        #expect(list.instanceProfiles.map(\.instanceProfileName) == ["Api", "web"])
        let ec2 = try service.listInstanceProfiles(ListInstanceProfilesRequest(pathPrefix: "/ec2/"), as: .root)
        #expect(ec2.instanceProfiles.map(\.instanceProfileName) == ["web"])
        expectFailure(IAMError(.entityAlreadyExists, "Instance Profile WEB already exists."), in: &service) {
            _ = try $0.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "WEB"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "Instance Profile db cannot be found."), in: &service) {
            _ = try $0.getInstanceProfile(InstanceProfileNameRequest(instanceProfileName: "db"), as: .root)
        }
    }

    @Test func oneRolePerProfile() throws {
        var service = TestAccount.make()
        try service.role("app")
        try service.role("other")
        _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "p"), as: .root)
        _ = try service.addRoleToInstanceProfile(
            InstanceProfileRoleRequest(instanceProfileName: "p", roleName: "APP"), as: .root)
        let profile = try service.getInstanceProfile(InstanceProfileNameRequest(instanceProfileName: "p"), as: .root)
        #expect(profile.instanceProfile.roles.map(\.roleName) == ["app"])
        let forRole = try service.listInstanceProfiles(ListInstanceProfilesRequest(roleName: "app"), as: .root)
        #expect(forRole.instanceProfiles.map(\.instanceProfileName) == ["p"])
        #expect(
            try service.listInstanceProfiles(ListInstanceProfilesRequest(roleName: "other"), as: .root).instanceProfiles
                .isEmpty)
        let quota = IAMError(.limitExceeded, "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1")
        expectFailure(quota, in: &service) {
            _ = try $0.addRoleToInstanceProfile(
                InstanceProfileRoleRequest(instanceProfileName: "p", roleName: "other"), as: .root)
        }
        expectFailure(quota, in: &service) {
            _ = try $0.addRoleToInstanceProfile(
                InstanceProfileRoleRequest(instanceProfileName: "p", roleName: "app"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The role with name ghost cannot be found."), in: &service) {
            _ = try $0.addRoleToInstanceProfile(
                InstanceProfileRoleRequest(instanceProfileName: "p", roleName: "ghost"), as: .root)
        }
    }

    @Test func removeRoleAndDelete() throws {
        var service = TestAccount.make()
        try service.role("app")
        _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "p"), as: .root)
        _ = try service.addRoleToInstanceProfile(
            InstanceProfileRoleRequest(instanceProfileName: "p", roleName: "app"), as: .root)
        expectFailure(
            IAMError(.deleteConflict, "Cannot delete entity, must remove roles from instance profile first."),
            in: &service
        ) { _ = try $0.deleteInstanceProfile(InstanceProfileNameRequest(instanceProfileName: "p"), as: .root) }
        _ = try service.removeRoleFromInstanceProfile(
            InstanceProfileRoleRequest(instanceProfileName: "p", roleName: "app"), as: .root)
        expectFailure(
            IAMError(.noSuchEntity, "The role with name app cannot be found in instance profile p."), in: &service
        ) {
            _ = try $0.removeRoleFromInstanceProfile(
                InstanceProfileRoleRequest(instanceProfileName: "p", roleName: "app"), as: .root)
        }
        _ = try service.deleteInstanceProfile(InstanceProfileNameRequest(instanceProfileName: "P"), as: .root)
        #expect(service.account.instanceProfiles.isEmpty)
        _ = try service.deleteRole(RoleNameRequest(roleName: "app"), as: .root)
        expectFailure(IAMError(.noSuchEntity, "Instance Profile p cannot be found."), in: &service) {
            _ = try $0.deleteInstanceProfile(InstanceProfileNameRequest(instanceProfileName: "p"), as: .root)
        }
    }

    @Test func instanceProfileQuota() throws {
        var quotas = Quotas.standard
        quotas.instanceProfiles = 2
        var service = TestAccount.make(quotas: quotas)
        _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "a"), as: .root)
        _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "b"), as: .root)
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for InstanceProfilesPerAccount: 2"), in: &service) {
            _ = try $0.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "c"), as: .root)
        }
    }
}
