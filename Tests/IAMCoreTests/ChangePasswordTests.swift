import Testing

@testable import IAMCore

@Suite("ChangePassword")
struct ChangePasswordTests {
    static let old = "Old-Passw0rd!"
    static let new = "New-Passw0rd!"
    static let request = ChangePasswordRequest(oldPassword: old, newPassword: new)

    func service(allowUsersToChange: Bool) throws -> IAMService {
        var service = TestAccount.make()
        service.passwordHashIterations = 1000
        try service.user("alice")
        _ = try service.createLoginProfile(
            CreateLoginProfileRequest(userName: "alice", password: Self.old, passwordResetRequired: true), as: .root)
        service.account.passwordPolicy = PasswordPolicy(allowUsersToChangePassword: allowUsersToChange)
        return service
    }

    func denied(_ action: String, _ resource: String) -> String {
        "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:\(action) on resource: "
            + resource
    }

    @Test func thePolicysAllowUsersToChangePasswordIsEnough() throws {
        var service = try service(allowUsersToChange: true)
        _ = try service.changePassword(Self.request, as: .user("alice"))
        let profile = try #require(service.account.user(named: "alice")?.loginProfile)
        #expect(PasswordHasher.verify(Self.new, against: profile.passwordHash))
        #expect(!profile.passwordResetRequired)
        #expect(profile.previousPasswordHashes.count == 1)
        #expect(service.pendingAuditRecords.last?.eventName == "ChangePassword")
        // It also lets the user read the policy they must meet.
        _ = try service.getAccountPasswordPolicy(as: .user("alice"))
    }

    @Test func theManagedPolicyIAMUserChangePasswordIsEnough() throws {
        var service = try service(allowUsersToChange: false)
        try service.attach(user: "alice", TestAccount.awsPolicy("IAMUserChangePassword"))
        _ = try service.changePassword(Self.request, as: .user("alice"))
        _ = try service.getAccountPasswordPolicy(as: .user("alice"))
    }

    @Test func withNeitherTheUserIsRefused() throws {
        var service = try service(allowUsersToChange: false)
        let message = try #require(
            expectFailure(code: .accessDenied, in: &service) {
                try _ = $0.changePassword(Self.request, as: .user("alice"))
            })
        #expect(message.hasPrefix(denied("ChangePassword", "arn:aws:iam::123456789012:user/alice")))
        expectFailure(code: .accessDenied, in: &service) { try _ = $0.getAccountPasswordPolicy(as: .user("alice")) }
    }

    @Test func anExplicitDenyOverridesAllowUsersToChangePassword() throws {
        var service = try service(allowUsersToChange: true)
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(
                userName: "alice", policyName: "NoChange",
                policyDocument:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ChangePassword","Resource":"*"}]}"#
            ),
            as: .root)
        expectFailure(code: .accessDenied, in: &service) { try _ = $0.changePassword(Self.request, as: .user("alice")) }
    }

    @Test func theOldPasswordMustBeRightAndTheNewOneMustMeetThePolicy() throws {
        var service = try service(allowUsersToChange: true)
        expectFailure(IAMError(.invalidInput, "The old password is incorrect."), in: &service) {
            try _ = $0.changePassword(
                ChangePasswordRequest(oldPassword: "wrong", newPassword: Self.new), as: .user("alice"))
        }
        service.account.passwordPolicy?.requireSymbols = true
        expectFailure(IAMError(.passwordPolicyViolation, "Password should have at least one symbol"), in: &service) {
            try _ = $0.changePassword(
                ChangePasswordRequest(oldPassword: Self.old, newPassword: "NoSymbols1"), as: .user("alice"))
        }
        expectFailure(code: .validationError, in: &service) {
            try _ = $0.changePassword(
                ChangePasswordRequest(oldPassword: Self.old, newPassword: String(repeating: "A!a1", count: 40)),
                as: .user("alice"))
        }
    }

    @Test func onlyIAMUsersCallIt() throws {
        var service = try service(allowUsersToChange: true)
        expectFailure(code: .invalidUserType, in: &service) { try _ = $0.changePassword(Self.request, as: .root) }
        expectFailure(code: .invalidUserType, in: &service) {
            try _ = $0.changePassword(Self.request, as: .roleSession(role: "r", session: "s"))
        }
    }

    @Test func aUserWithoutALoginProfileHasNothingToChange() throws {
        var service = try service(allowUsersToChange: true)
        try service.user("bob")
        expectFailure(IAMError(.noSuchEntity, "Login Profile for User bob cannot be found."), in: &service) {
            try _ = $0.changePassword(Self.request, as: .user("bob"))
        }
    }

    @Test func theAPIStillRenewsAPasswordThatExpiredUnderHardExpiry() throws {
        var service = try service(allowUsersToChange: true)
        service.account.passwordPolicy?.maxPasswordAge = 1
        service.account.passwordPolicy?.hardExpiry = true
        service.account.users["alice"]?.loginProfile?.passwordLastChanged = TestAccount.now.adding(seconds: -2 * 86_400)
        _ = try service.changePassword(Self.request, as: .user("alice"))
        #expect(service.account.user(named: "alice")?.loginProfile?.passwordLastChanged == TestAccount.now)
    }
}
