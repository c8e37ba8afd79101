import Testing

@testable import IAMCore

@Suite("Console sign-in and the password policy")
struct PasswordSignInTests {
    static let alice = SignInIdentity.user(account: TestAccount.id, userName: "alice")
    static let new = "Brand-New-Pass9!"
    static let day: Int64 = 86_400

    struct Failure: Error { let message: String }

    func fixture(_ policy: PasswordPolicy?) throws -> MFAFixture {
        var fixture = try MFAFixture()
        fixture.service.passwordHashIterations = 1000
        fixture.service.account.passwordPolicy = policy
        return fixture
    }

    func session(_ result: SignInResult) throws -> ConsoleSession {
        guard case .signedIn(let session) = result else { throw Failure(message: "expected a session, got \(result)") }
        return session
    }

    @Test func aResetRequiredPasswordMustBeChangedBeforeAnythingElse() throws {
        var fixture = try fixture(PasswordPolicy(allowUsersToChangePassword: true))
        fixture.service.account.users["alice"]?.loginProfile?.passwordResetRequired = true
        let first = try session(fixture.service.signIn(Self.alice, password: MFAFixture.password))
        #expect(first.mustChangePassword && first.passwordChange == .resetRequired && first.passwordResetRequired)
        let renewed = try fixture.service.completePasswordChange(
            first, oldPassword: MFAFixture.password, newPassword: Self.new)
        #expect(!renewed.mustChangePassword && !renewed.passwordResetRequired)
        #expect(renewed.principal == first.principal && renewed.signedInAt == first.signedInAt)
        #expect(fixture.service.account.user(named: "alice")?.loginProfile?.passwordResetRequired == false)
        #expect(fixture.service.pendingAuditRecords.last?.eventName == "ChangePassword")
        #expect(
            fixture.service.signIn(Self.alice, password: MFAFixture.password) == .rejected(ConsoleSignIn.failureMessage)
        )
        #expect(try !session(fixture.service.signIn(Self.alice, password: Self.new)).mustChangePassword)
    }

    @Test func anExpiredPasswordMustBeChanged() throws {
        var fixture = try fixture(PasswordPolicy(allowUsersToChangePassword: true, maxPasswordAge: 30))
        let expiry = TestAccount.now.adding(seconds: 30 * Self.day)
        fixture.clock.advance(seconds: 29 * Self.day)
        let fresh = try session(fixture.service.signIn(Self.alice, password: MFAFixture.password))
        #expect(!fresh.mustChangePassword && fresh.passwordExpiresAt == expiry)
        fixture.clock.advance(seconds: 2 * Self.day)
        let expired = try session(fixture.service.signIn(Self.alice, password: MFAFixture.password))
        #expect(expired.passwordChange == .expired && !expired.passwordResetRequired)
        let renewed = try fixture.service.completePasswordChange(
            expired, oldPassword: MFAFixture.password, newPassword: Self.new)
        #expect(!renewed.mustChangePassword)
        #expect(renewed.passwordExpiresAt == fixture.clock.now().adding(seconds: 30 * Self.day))
    }

    @Test func withHardExpiryAnExpiredUserIsTurnedAwayUntilAnAdministratorResets() throws {
        var fixture = try fixture(
            PasswordPolicy(allowUsersToChangePassword: true, maxPasswordAge: 30, hardExpiry: true))
        fixture.clock.advance(seconds: 31 * Self.day)
        #expect(
            fixture.service.signIn(Self.alice, password: MFAFixture.password)
                == .rejected(ConsoleSignIn.hardExpiredMessage))
        #expect(fixture.service.account.auditTrail.last?.outcome == ConsoleSignIn.hardExpiredOutcome)
        // A session made before the policy changed cannot use the change step either.
        let stale = ConsoleSession(
            principal: .user("alice"), signedInAt: fixture.clock.now(), passwordChange: .expired)
        let before = fixture.service.account
        #expect(throws: IAMError(.accessDenied, ConsoleSignIn.hardExpiredMessage)) {
            _ = try fixture.service.completePasswordChange(
                stale, oldPassword: MFAFixture.password, newPassword: Self.new)
        }
        #expect(fixture.service.account == before)
        _ = try fixture.service.updateLoginProfile(
            UpdateLoginProfileRequest(userName: "alice", password: Self.new, passwordResetRequired: true), as: .root)
        fixture.clock.advance(seconds: 60)  // past the throttle's pause after the refused attempt
        let session = try session(fixture.service.signIn(Self.alice, password: Self.new))
        #expect(session.passwordChange == .resetRequired)
    }

    @Test func theChangeStepChecksPermissionPolicyAndTheOldPassword() throws {
        var fixture = try fixture(PasswordPolicy(minimumPasswordLength: 20))
        fixture.service.account.users["alice"]?.loginProfile?.passwordResetRequired = true
        let session = try session(fixture.service.signIn(Self.alice, password: MFAFixture.password))
        let before = fixture.service.account
        #expect(throws: IAMError.self) {
            _ = try fixture.service.completePasswordChange(
                session, oldPassword: MFAFixture.password, newPassword: Self.new)
        }
        #expect(fixture.service.account == before)
        try fixture.service.attach(user: "alice", TestAccount.awsPolicy("IAMUserChangePassword"))
        #expect(throws: IAMError(.passwordPolicyViolation, "Password should have a minimum length of 20")) {
            _ = try fixture.service.completePasswordChange(
                session, oldPassword: MFAFixture.password, newPassword: Self.new)
        }
        #expect(throws: IAMError(.invalidInput, "The old password is incorrect.")) {
            _ = try fixture.service.completePasswordChange(
                session, oldPassword: "wrong", newPassword: "A-Much-Longer-Passw0rd")
        }
        let renewed = try fixture.service.completePasswordChange(
            session, oldPassword: MFAFixture.password, newPassword: "A-Much-Longer-Passw0rd")
        #expect(!renewed.mustChangePassword)
        #expect(fixture.service.session == nil)  // the service's own session is left as it was
    }

    @Test func afterMFATheSessionStillAsksForTheChange() throws {
        var fixture = try fixture(PasswordPolicy(allowUsersToChangePassword: true))
        let serial = try fixture.enrol("alice-phone", for: "alice")
        fixture.service.account.users["alice"]?.loginProfile?.passwordResetRequired = true
        fixture.clock.advance(seconds: 30)
        guard case .mfaRequired(let challenge) = fixture.service.signIn(Self.alice, password: MFAFixture.password)
        else { throw Failure(message: "expected MFA") }
        let session = try session(fixture.service.completeSignIn(challenge, with: .code(try fixture.code(serial))))
        #expect(session.passwordChange == .resetRequired && session.mfaSerialNumber == serial)
        let renewed = try fixture.service.completePasswordChange(
            session, oldPassword: MFAFixture.password, newPassword: Self.new)
        #expect(!renewed.mustChangePassword && renewed.mfaSerialNumber == serial)
    }

    @Test func rootIsNotSubjectToThePasswordPolicy() throws {
        var fixture = try fixture(
            PasswordPolicy(minimumPasswordLength: 128, maxPasswordAge: 1, hardExpiry: true))
        fixture.service.account.root.passwordLastChanged = TestAccount.now.adding(seconds: -400 * Self.day)
        let session = try session(
            fixture.service.signIn(.root(email: "root@example.com"), password: MFAFixture.password))
        #expect(!session.mustChangePassword && session.passwordExpiresAt == nil)
        #expect(throws: IAMError.self) {
            _ = try fixture.service.completePasswordChange(
                session, oldPassword: MFAFixture.password, newPassword: Self.new)
        }
    }

    @Test func aUserWithoutALoginProfileCannotSignIn() throws {
        var fixture = try fixture(nil)
        _ = try fixture.service.deleteLoginProfile(LoginProfileRequest(userName: "alice"), as: .root)
        #expect(
            fixture.service.signIn(Self.alice, password: MFAFixture.password) == .rejected(ConsoleSignIn.failureMessage)
        )
    }
}
