import Testing

@testable import IAMCore

@Suite struct PolicyVersionTests {
    @Test func createVersionAndSetDefault() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        let v2 = try service.createPolicyVersion(
            CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root
        ).policyVersion
        #expect(
            v2
                == PolicyVersionShape(
                    document: nil, versionId: "v2", isDefaultVersion: false, createDate: TestAccount.now))
        let v3 = try service.createPolicyVersion(
            CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll, setAsDefault: true), as: .root
        ).policyVersion
        #expect(v3.versionId == "v3")
        #expect(v3.isDefaultVersion)
        #expect(service.account.policies["p"]?.defaultVersionId == "v3")
        _ = try service.setDefaultPolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v1"), as: .root)
        let v1 = try service.getPolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v1"), as: .root)
            .policyVersion
        #expect(
            v1
                == PolicyVersionShape(
                    document: Docs.s3Read, versionId: "v1", isDefaultVersion: true, createDate: TestAccount.now))
        let list = try service.listPolicyVersions(ListPolicyVersionsRequest(policyArn: arn), as: .root)
        #expect(list.versions.map(\.versionId) == ["v3", "v2", "v1"])
        #expect(list.versions.map(\.isDefaultVersion) == [false, false, true])
        #expect(list.versions.allSatisfy { $0.document == nil })
    }

    @Test func atMostFiveVersions() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        for _ in 2...5 {
            _ = try service.createPolicyVersion(
                CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root)
        }
        let message =
            "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version."
        expectFailure(IAMError(.limitExceeded, message), in: &service) {
            _ = try $0.createPolicyVersion(
                CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root)
        }
    }

    @Test func versionNumbersAreNeverReused() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        for _ in 2...5 {
            _ = try service.createPolicyVersion(
                CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root)
        }
        _ = try service.deletePolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v5"), as: .root)
        _ = try service.deletePolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v2"), as: .root)
        let next = try service.createPolicyVersion(
            CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root
        ).policyVersion
        #expect(next.versionId == "v6")
        let ids = try service.listPolicyVersions(ListPolicyVersionsRequest(policyArn: arn), as: .root).versions.map(
            \.versionId)
        #expect(ids == ["v6", "v4", "v3", "v1"])
        let missing = "Policy \(arn) version v2 does not exist or is not attachable."
        expectFailure(IAMError(.noSuchEntity, missing), in: &service) {
            _ = try $0.getPolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v2"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, missing), in: &service) {
            _ = try $0.setDefaultPolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v2"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, missing), in: &service) {
            _ = try $0.deletePolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v2"), as: .root)
        }
    }

    @Test func theDefaultVersionCannotBeDeleted() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        expectFailure(IAMError(.deleteConflict, "Cannot delete the default version of a policy."), in: &service) {
            _ = try $0.deletePolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v1"), as: .root)
        }
    }

    @Test(arguments: ["v0", "1", "v", "V1", "v1.a_b", "v01"])
    func invalidVersionIds(versionId: String) throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        let pattern = "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"
        expectFailure(validationError(versionId, "versionId", pattern), in: &service) {
            _ = try $0.getPolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: versionId), as: .root)
        }
    }

    @Test func awsManagedPoliciesAreReadOnly() throws {
        var service = TestAccount.make()
        let arn = TestAccount.awsPolicy("AdministratorAccess")
        let error = IAMError(.invalidInput, "Cannot modify a policy that is managed by AWS.")
        expectFailure(error, in: &service) {
            _ = try $0.createPolicyVersion(
                CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root)
        }
        expectFailure(error, in: &service) {
            _ = try $0.setDefaultPolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v1"), as: .root)
        }
        let version = try service.getPolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: "v1"), as: .root)
        #expect(version.policyVersion.isDefaultVersion)
        #expect(version.policyVersion.document == AWSManagedPolicyCatalog.policy(arn: arn)?.document)
        let list = try service.listPolicyVersions(ListPolicyVersionsRequest(policyArn: arn), as: .root)
        #expect(list.versions.map(\.versionId) == ["v1"])
    }

    @Test func newVersionDocumentsAreValidated() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        expectFailure(IAMError(.malformedPolicyDocument, "Syntax errors in policy."), in: &service) {
            _ = try $0.createPolicyVersion(
                CreatePolicyVersionRequest(policyArn: arn, policyDocument: "nope"), as: .root)
        }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for PolicySize: 6144"), in: &service) {
            _ = try $0.createPolicyVersion(
                CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.identity(size: 6145)), as: .root)
        }
    }
}
