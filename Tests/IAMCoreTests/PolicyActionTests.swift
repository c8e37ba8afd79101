import Testing

@testable import IAMCore

@Suite struct PolicyActionTests {
    @Test func createPolicyReturnsThePolicy() throws {
        var service = TestAccount.make()
        let policy = try service.createPolicy(
            CreatePolicyRequest(
                policyName: "ReadBuckets", policyDocument: Docs.s3Read, path: "/team/a/", description: "Reads",
                tags: [Tag(key: "k", value: "v")]),
            as: .root
        ).policy
        #expect(policy.policyName == "ReadBuckets")
        #expect(policy.arn == "arn:aws:iam::123456789012:policy/team/a/ReadBuckets")
        #expect(policy.path == "/team/a/")
        expectIdentifier(policy.policyId, prefix: "ANPA")
        #expect(policy.defaultVersionId == "v1")
        #expect(policy.attachmentCount == 0)
        #expect(policy.permissionsBoundaryUsageCount == 0)
        #expect(policy.isAttachable)
        #expect(policy.description == nil)  // CreatePolicy's response leaves the description out, as AWS does
        #expect(policy.createDate.iso8601 == TestAccount.nowISO)
        #expect(policy.updateDate.iso8601 == TestAccount.nowISO)
        #expect(policy.tags == [Tag(key: "k", value: "v")])
        let fetched = try service.getPolicy(PolicyArnRequest(policyArn: policy.arn), as: .root).policy
        #expect(fetched.description == "Reads")
    }

    @Test func duplicatePolicyNames() throws {
        var service = TestAccount.make()
        try service.policy("Shared")
        let message = "A policy called shared already exists. Duplicate names are not allowed."
        expectFailure(IAMError(.entityAlreadyExists, message), in: &service) {
            _ = try $0.createPolicy(
                CreatePolicyRequest(policyName: "shared", policyDocument: Docs.s3Read, path: "/other/"), as: .root)
        }
    }

    @Test func managedPolicyDocumentsAreChecked() throws {
        var service = TestAccount.make()
        let old = #"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
        expectFailure(
            IAMError(.malformedPolicyDocument, "Policy document must be version 2012-10-17 or greater."), in: &service
        ) { _ = try $0.createPolicy(CreatePolicyRequest(policyName: "p", policyDocument: old), as: .root) }
        expectFailure(IAMError(.malformedPolicyDocument, "Syntax errors in policy."), in: &service) {
            _ = try $0.createPolicy(CreatePolicyRequest(policyName: "p", policyDocument: "{\"Version\":"), as: .root)
        }
        let noResource = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}"#
        expectFailure(IAMError(.malformedPolicyDocument, "Policy statement must contain resources."), in: &service) {
            _ = try $0.createPolicy(CreatePolicyRequest(policyName: "p", policyDocument: noResource), as: .root)
        }
    }

    @Test func policyPathUsesTheStricterPattern() throws {
        var service = TestAccount.make()
        let pattern = "Member must satisfy regular expression pattern: ((/[A-Za-z0-9\\.,\\+@=_-]+)*)/"
        for path in ["/a//", "/a b/", "a/", "/a"] {
            expectFailure(validationError(path, "path", pattern), in: &service) {
                _ = try $0.createPolicy(
                    CreatePolicyRequest(policyName: "p", policyDocument: Docs.s3Read, path: path), as: .root)
            }
        }
    }

    @Test func getPolicyForAWSAndMissing() throws {
        var service = TestAccount.make()
        let arn = TestAccount.awsPolicy("ReadOnlyAccess")
        try service.user("u")
        try service.attach(user: "u", arn)
        let policy = try service.getPolicy(PolicyArnRequest(policyArn: arn), as: .root).policy
        #expect(policy.policyName == "ReadOnlyAccess")
        #expect(policy.arn == arn)
        #expect(policy.attachmentCount == 1)
        let missing = TestAccount.arn("policy", "/Nope")
        expectFailure(IAMError(.noSuchEntity, "Policy \(missing) was not found."), in: &service) {
            _ = try $0.getPolicy(PolicyArnRequest(policyArn: missing), as: .root)
        }
        expectFailure(
            validationError("arn:short", "policyArn", "Member must have length greater than or equal to 20"),
            in: &service
        ) {
            _ = try $0.getPolicy(PolicyArnRequest(policyArn: "arn:short"), as: .root)
        }
    }

    @Test func listPoliciesScopesAndOnlyAttached() throws {
        var service = TestAccount.make()
        try service.policy("Zeta")
        let alpha = try service.policy("alpha", path: "/team/")
        try service.user("u")
        try service.attach(user: "u", alpha)
        try service.attach(user: "u", TestAccount.awsPolicy("IAMReadOnlyAccess"))
        let local = try service.listPolicies(ListPoliciesRequest(scope: "Local"), as: .root)
        #expect(local.policies.map(\.policyName) == ["alpha", "Zeta"])
        let aws = try service.listPolicies(ListPoliciesRequest(scope: "AWS", maxItems: 1000), as: .root)
        #expect(aws.policies.count == AWSManagedPolicyCatalog.all.count)
        #expect(aws.policies.allSatisfy { $0.arn.hasPrefix("arn:aws:iam::aws:policy/") })
        let attached = try service.listPolicies(ListPoliciesRequest(onlyAttached: true), as: .root)
        #expect(attached.policies.map(\.policyName) == ["alpha", "IAMReadOnlyAccess"])
        let team = try service.listPolicies(ListPoliciesRequest(scope: "Local", pathPrefix: "/team/"), as: .root)
        #expect(team.policies.map(\.policyName) == ["alpha"])
        expectFailure(
            validationError("Mine", "scope", "Member must satisfy enum value set: [All, AWS, Local]"), in: &service
        ) {
            _ = try $0.listPolicies(ListPoliciesRequest(scope: "Mine"), as: .root)
        }
    }

    @Test func deletePolicy() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        _ = try service.deletePolicy(PolicyArnRequest(policyArn: arn), as: .root)
        #expect(service.account.policies.isEmpty)
        expectFailure(IAMError(.noSuchEntity, "Policy \(arn) was not found."), in: &service) {
            _ = try $0.deletePolicy(PolicyArnRequest(policyArn: arn), as: .root)
        }
        expectFailure(IAMError(.invalidInput, "Cannot delete a policy that is managed by AWS."), in: &service) {
            _ = try $0.deletePolicy(PolicyArnRequest(policyArn: TestAccount.awsPolicy("ReadOnlyAccess")), as: .root)
        }
    }

    @Test(arguments: ["user", "group", "role", "boundary", "versions"])
    func deletePolicyConflicts(precondition: String) throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        try service.user("u")
        try service.group("g")
        try service.role("r")
        var message = "Cannot delete a policy attached to entities."
        switch precondition {
        case "user": try service.attach(user: "u", arn)
        case "group": try service.attach(group: "g", arn)
        case "role": try service.attach(role: "r", arn)
        case "boundary":
            _ = try service.putPermissionsBoundary(
                PutPermissionsBoundaryRequest(userName: "u", permissionsBoundary: arn), as: .root)
        default:
            _ = try service.createPolicyVersion(
                CreatePolicyVersionRequest(policyArn: arn, policyDocument: Docs.allowAll), as: .root)
            message =
                "This policy has more than one version. Before you delete a policy, you must delete the policy's "
                + "versions. The default version is deleted with the policy."
        }
        expectFailure(IAMError(.deleteConflict, message), in: &service) {
            _ = try $0.deletePolicy(PolicyArnRequest(policyArn: arn), as: .root)
        }
    }

    @Test func policyTags() throws {
        var service = TestAccount.make()
        let arn = try service.policy("p")
        _ = try service.tag(TagRequest(policyArn: arn, tags: [Tag(key: "a", value: "1")]), as: .root)
        #expect(try service.listTags(ListTagsRequest(policyArn: arn), as: .root).tags == [Tag(key: "a", value: "1")])
        _ = try service.untag(UntagRequest(policyArn: arn, tagKeys: ["A"]), as: .root)
        #expect(try service.listTags(ListTagsRequest(policyArn: arn), as: .root).tags.isEmpty)
        let aws = TestAccount.awsPolicy("ReadOnlyAccess")
        expectFailure(IAMError(.noSuchEntity, "Policy \(aws) was not found."), in: &service) {
            _ = try $0.tag(TagRequest(policyArn: aws, tags: [Tag(key: "a", value: "1")]), as: .root)
        }
    }
}
