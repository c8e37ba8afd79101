import Testing

@testable import IAMCore

/// Every action is authorised by the evaluator with the request context AWS supplies: principal keys,
/// tags, time, request tags, `iam:PolicyARN`, `iam:PermissionsBoundary` and resource tags.
@Suite struct AuthorizationContextTests {
    static func inline(_ service: inout IAMService, user: String, _ document: String) throws {
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(userName: user, policyName: "p", policyDocument: document), as: .root)
    }

    static func statement(_ action: String, _ resource: String, condition: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"\#(action)","Resource":"\#(resource)","Condition":\#(condition)}]}"#
    }

    @Test func policyVariablesUseTheCallersUserName() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try service.user("carol")
        try Self.inline(
            &service, user: "bob",
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"arn:aws:iam::*:user/${aws:username}"}]}"#
        )
        _ = try service.createAccessKey(AccessKeyUserRequest(), as: .user("bob"))
        #expect(throws: IAMError.self) {
            _ = try service.createAccessKey(AccessKeyUserRequest(userName: "carol"), as: .user("bob"))
        }
    }

    @Test func requestTagsGateCreation() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try Self.inline(
            &service, user: "bob",
            Self.statement("iam:CreateUser", "*", condition: #"{"StringEquals":{"aws:RequestTag/team":"payments"}}"#))
        _ = try service.createUser(
            CreateUserRequest(userName: "tagged", tags: [Tag(key: "team", value: "payments")]), as: .user("bob"))
        let untagged = #expect(throws: IAMError.self) {
            _ = try service.createUser(CreateUserRequest(userName: "untagged"), as: .user("bob"))
        }
        #expect(untagged?.code == .accessDenied)
        #expect(service.account.user(named: "untagged") == nil)
    }

    @Test func policyARNConditionLimitsWhatCanBeAttached() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try service.user("target")
        let readOnly = TestAccount.awsPolicy("ReadOnlyAccess")
        try Self.inline(
            &service, user: "bob",
            Self.statement("iam:AttachUserPolicy", "*", condition: #"{"ArnEquals":{"iam:PolicyARN":"\#(readOnly)"}}"#))
        _ = try service.attachPolicy(AttachPolicyRequest(userName: "target", policyArn: readOnly), as: .user("bob"))
        #expect(throws: IAMError.self) {
            _ = try service.attachPolicy(
                AttachPolicyRequest(userName: "target", policyArn: TestAccount.awsPolicy("AdministratorAccess")),
                as: .user("bob"))
        }
    }

    @Test func boundaryConditionEnforcesDelegatedAdministration() throws {
        var service = TestAccount.make()
        try service.user("bob")
        let boundary = try service.policy("Boundary")
        try Self.inline(
            &service, user: "bob",
            Self.statement(
                "iam:CreateUser", "*", condition: #"{"StringEquals":{"iam:PermissionsBoundary":"\#(boundary)"}}"#))
        _ = try service.createUser(
            CreateUserRequest(userName: "bounded", permissionsBoundary: boundary), as: .user("bob"))
        #expect(throws: IAMError.self) {
            _ = try service.createUser(CreateUserRequest(userName: "free"), as: .user("bob"))
        }
    }

    @Test func principalAndResourceTagsAreVisibleToConditions() throws {
        var service = TestAccount.make()
        try service.user("bob")
        _ = try service.tag(TagRequest(userName: "bob", tags: [Tag(key: "team", value: "blue")]), as: .root)
        try service.user("blue-member")
        _ = try service.tag(TagRequest(userName: "blue-member", tags: [Tag(key: "team", value: "blue")]), as: .root)
        try service.user("red-member")
        _ = try service.tag(TagRequest(userName: "red-member", tags: [Tag(key: "team", value: "red")]), as: .root)
        try Self.inline(
            &service, user: "bob",
            Self.statement(
                "iam:GetUser", "*", condition: #"{"StringEquals":{"iam:ResourceTag/team":"${aws:PrincipalTag/team}"}}"#)
        )
        _ = try service.getUser(UserNameRequest(userName: "blue-member"), as: .user("bob"))
        #expect(throws: IAMError.self) {
            _ = try service.getUser(UserNameRequest(userName: "red-member"), as: .user("bob"))
        }
    }

    @Test func currentTimeComesFromTheServiceClock() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try Self.inline(
            &service, user: "bob",
            Self.statement(
                "iam:ListUsers", "*", condition: #"{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:01Z"}}"#))
        _ = try service.listUsers(ListUsersRequest(), as: .user("bob"))
        try Self.inline(
            &service, user: "bob",
            Self.statement(
                "iam:ListUsers", "*", condition: #"{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:01Z"}}"#))
        #expect(throws: IAMError.self) { _ = try service.listUsers(ListUsersRequest(), as: .user("bob")) }
    }

    @Test func mfaKeysComeFromTheCallersSession() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try service.attach(user: "bob", TestAccount.awsPolicy("IAMReadOnlyAccess"))
        let denyWithoutMFA =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}"#
        try Self.inline(&service, user: "bob", denyWithoutMFA)
        let denied = #expect(throws: IAMError.self) { _ = try service.listUsers(ListUsersRequest(), as: .user("bob")) }
        #expect(denied?.message.hasSuffix("with an explicit deny in an identity-based policy") == true)
        service.callerContext = ["aws:MultiFactorAuthPresent": ["true"]]
        _ = try service.listUsers(ListUsersRequest(), as: .user("bob"))
    }

    @Test func roleSessionsUseTheRolesPolicies() throws {
        var service = TestAccount.make()
        try service.role("deployer")
        _ = try service.attachPolicy(
            AttachPolicyRequest(roleName: "deployer", policyArn: TestAccount.awsPolicy("IAMReadOnlyAccess")), as: .root)
        _ = try service.listUsers(ListUsersRequest(), as: .roleSession(role: "deployer", session: "ci"))
        let denied = #expect(throws: IAMError.self) {
            _ = try service.createUser(
                CreateUserRequest(userName: "x"), as: .roleSession(role: "deployer", session: "ci"))
        }
        #expect(
            denied?.message
                == "User: arn:aws:sts::123456789012:assumed-role/deployer/ci is not authorized to perform: "
                + "iam:CreateUser on resource: arn:aws:iam::123456789012:user/x because no identity-based policy "
                + "allows the iam:CreateUser action")
    }
}
