import Testing

@testable import IAMCore

@Suite struct AuthorizationTests {
    static let userARN = "arn:aws:iam::123456789012:user/bob"

    @Test func noPoliciesMeansAccessDenied() throws {
        var service = TestAccount.make()
        try service.user("bob")
        let message =
            "User: \(Self.userARN) is not authorized to perform: iam:ListUsers on resource: "
            + "arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action"
        expectFailure(IAMError(.accessDenied, message), in: &service) {
            _ = try $0.listUsers(ListUsersRequest(), as: .user("bob"))
        }
        #expect(IAMError.Code.accessDenied.httpStatus == 403)
    }

    @Test func readOnlyGroupMayListButNotCreate() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try service.group("readers")
        try service.join("bob", "readers")
        try service.attach(group: "readers", TestAccount.awsPolicy("IAMReadOnlyAccess"))
        #expect(try service.listUsers(ListUsersRequest(), as: .user("bob")).users.count == 1)
        _ = try service.getUser(UserNameRequest(userName: nil), as: .user("bob"))
        let message =
            "User: \(Self.userARN) is not authorized to perform: iam:CreateUser on resource: "
            + "arn:aws:iam::123456789012:user/eve because no identity-based policy allows the iam:CreateUser action"
        expectFailure(IAMError(.accessDenied, message), in: &service) { try $0.createUserAs("eve", "bob") }
    }

    @Test func explicitDenyWins() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try service.attach(user: "bob", TestAccount.awsPolicy("AdministratorAccess"))
        let deny = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:Create*","Resource":"*"}]}"#
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(userName: "bob", policyName: "deny", policyDocument: deny), as: .root)
        let message =
            "User: \(Self.userARN) is not authorized to perform: iam:CreateUser on resource: "
            + "arn:aws:iam::123456789012:user/eve with an explicit deny in an identity-based policy"
        expectFailure(IAMError(.accessDenied, message), in: &service) { try $0.createUserAs("eve", "bob") }
        _ = try service.listUsers(ListUsersRequest(), as: .user("bob"))
    }

    @Test func boundaryLimitsAnAdministrator() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try service.attach(user: "bob", TestAccount.awsPolicy("AdministratorAccess"))
        _ = try service.putPermissionsBoundary(
            PutPermissionsBoundaryRequest(
                userName: "bob", permissionsBoundary: TestAccount.awsPolicy("IAMReadOnlyAccess")),
            as: .root)
        _ = try service.listUsers(ListUsersRequest(), as: .user("bob"))
        let message =
            "User: \(Self.userARN) is not authorized to perform: iam:CreateUser on resource: "
            + "arn:aws:iam::123456789012:user/eve because no permissions boundary allows the iam:CreateUser action"
        expectFailure(IAMError(.accessDenied, message), in: &service) { try $0.createUserAs("eve", "bob") }
    }

    @Test func notActionAllowsEverythingElse() throws {
        var service = TestAccount.make()
        try service.user("bob")
        let document =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:Delete*","Resource":"*"}]}"#
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(userName: "bob", policyName: "p", policyDocument: document), as: .root)
        try service.createUserAs("eve", "bob")
        let code = expectFailure(code: .accessDenied, in: &service) {
            _ = try $0.deleteUser(UserNameRequest(userName: "eve"), as: .user("bob"))
        }
        #expect(code?.hasSuffix("because no identity-based policy allows the iam:DeleteUser action") == true)
    }

    @Test func rootOnlyActionsRefuseEvenAdministrators() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try service.attach(user: "bob", TestAccount.awsPolicy("AdministratorAccess"))
        let message =
            "User: \(Self.userARN) is not authorized to perform: iam:UpdateAccountName on resource: "
            + "arn:aws:iam::123456789012:root because only the root user of account 123456789012 can perform this task"
        expectFailure(IAMError(.accessDenied, message), in: &service) {
            _ = try $0.updateAccountName(UpdateAccountNameRequest(accountName: "x"), as: .user("bob"))
        }
        expectFailure(code: .accessDenied, in: &service) {
            _ = try $0.updateRootEmail(UpdateRootEmailRequest(emailAddress: "a@b.co"), as: .user("bob"))
        }
        expectFailure(code: .accessDenied, in: &service) {
            _ = try $0.changeRootPassword(
                ChangeRootPasswordRequest(oldPassword: "a", newPassword: "b"), as: .user("bob"))
        }
        try service.role("admin")
        try service.attach(role: "admin", TestAccount.awsPolicy("AdministratorAccess"))
        let roleMessage =
            "User: arn:aws:sts::123456789012:assumed-role/admin/s1 is not authorized to perform: iam:UpdateAccountName "
            + "on resource: arn:aws:iam::123456789012:root because only the root user of account 123456789012 can perform this task"
        expectFailure(IAMError(.accessDenied, roleMessage), in: &service) {
            _ = try $0.updateAccountName(
                UpdateAccountNameRequest(accountName: "x"), as: .roleSession(role: "admin", session: "s1"))
        }
        _ = try service.createUser(
            CreateUserRequest(userName: "made-by-role"), as: .roleSession(role: "admin", session: "s1"))
    }

    @Test func unknownPrincipalsAreRejected() throws {
        var service = TestAccount.make()
        let error = IAMError(.invalidClientTokenId, "The security token included in the request is invalid.")
        expectFailure(error, in: &service) { _ = try $0.listUsers(ListUsersRequest(), as: .user("ghost")) }
        expectFailure(error, in: &service) {
            _ = try $0.listUsers(ListUsersRequest(), as: .roleSession(role: "ghost", session: "s"))
        }
    }
}

extension IAMService {
    fileprivate mutating func createUserAs(_ name: String, _ caller: String) throws {
        _ = try createUser(CreateUserRequest(userName: name), as: .user(caller))
    }
}

/// AWS managed policies larger than the customer policy limit still grant what they say.
@Suite("Large AWS managed policies")
struct LargeManagedPolicyTests {
    @Test func readOnlyAccessIsOver128KBAndStillAllowsIAMReads() throws {
        let arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        let document = try #require(AWSManagedPolicyCatalog.all.first { $0.arn == arn }?.document)
        #expect(document.count > 131_072)
        var service = TestAccount.make()
        _ = try service.createUser(CreateUserRequest(userName: "reader"), as: .root)
        _ = try service.attachPolicy(AttachPolicyRequest(userName: "reader", policyArn: arn), as: .root)
        let policies = PrincipalPolicies(identity: .user, name: "reader", in: service.account)
        #expect(policies.identity.map(\.id) == [arn])
        _ = try service.getAccountSummary(as: .user("reader"))
        _ = try service.listUsers(ListUsersRequest(), as: .user("reader"))
    }
}
