import Foundation
import Testing

@testable import IAMCore

@Suite("Login profiles")
struct LoginProfileTests {
    static let good = "Good-Passw0rd!"

    func service(policy: PasswordPolicy? = nil) throws -> IAMService {
        var service = TestAccount.make()
        service.passwordHashIterations = 1000
        service.account.passwordPolicy = policy
        try service.user("alice")
        return service
    }

    func profile(_ service: IAMService, _ user: String = "alice") throws -> LoginProfile {
        try #require(service.account.user(named: user)?.loginProfile)
    }

    @Test func createGetUpdateDelete() throws {
        var service = try service()
        let created = try service.createLoginProfile(
            CreateLoginProfileRequest(userName: "alice", password: Self.good, passwordResetRequired: true), as: .root)
        #expect(
            created.loginProfile
                == LoginProfileShape(userName: "alice", createDate: TestAccount.now, passwordResetRequired: true))
        #expect(try service.getLoginProfile(LoginProfileRequest(userName: "ALICE"), as: .root) == created)
        expectFailure(IAMError(.entityAlreadyExists, "Login Profile for user alice already exists."), in: &service) {
            try _ = $0.createLoginProfile(CreateLoginProfileRequest(userName: "alice", password: Self.good), as: .root)
        }
        _ = try service.updateLoginProfile(UpdateLoginProfileRequest(userName: "alice"), as: .root)
        #expect(try profile(service).passwordResetRequired)  // left out: unchanged
        _ = try service.updateLoginProfile(
            UpdateLoginProfileRequest(userName: "alice", passwordResetRequired: false), as: .root)
        #expect(try !profile(service).passwordResetRequired)
        _ = try service.deleteLoginProfile(LoginProfileRequest(userName: "alice"), as: .root)
        let missing = IAMError(.noSuchEntity, "Login Profile for User alice cannot be found.")
        expectFailure(missing, in: &service) {
            try _ = $0.getLoginProfile(LoginProfileRequest(userName: "alice"), as: .root)
        }
        expectFailure(missing, in: &service) {
            try _ = $0.updateLoginProfile(UpdateLoginProfileRequest(userName: "alice", password: Self.good), as: .root)
        }
        expectFailure(missing, in: &service) {
            try _ = $0.deleteLoginProfile(LoginProfileRequest(userName: "alice"), as: .root)
        }
        expectFailure(IAMError(.noSuchEntity, "The user with name nobody cannot be found."), in: &service) {
            try _ = $0.createLoginProfile(CreateLoginProfileRequest(userName: "nobody", password: Self.good), as: .root)
        }
    }

    @Test func passwordsAreStoredOnlyAsSaltedPBKDF2Hashes() throws {
        #expect(TestAccount.make().passwordHashIterations == 600_000)
        var service = try service()
        _ = try service.createLoginProfile(CreateLoginProfileRequest(userName: "alice", password: Self.good), as: .root)
        let hash = try profile(service).passwordHash
        let parts = hash.split(separator: "$")
        #expect(parts.count == 4 && parts[0] == "pbkdf2-sha256" && parts[1] == "1000")
        #expect(!hash.contains(Self.good))
        #expect(PasswordHasher.verify(Self.good, against: hash))
        try service.user("bob")
        _ = try service.createLoginProfile(CreateLoginProfileRequest(userName: "bob", password: Self.good), as: .root)
        #expect(try profile(service, "bob").passwordHash != hash)  // a fresh salt each time
    }

    @Test func anAdministratorsNewPasswordIsCheckedAndDatedNow() throws {
        let clock = ManualClock(TestAccount.now)
        let base = try service()
        var service = IAMService(account: base.account, clock: clock, random: SeededRandomSource(seed: "lp"))
        service.passwordHashIterations = 1000
        _ = try service.createLoginProfile(CreateLoginProfileRequest(userName: "alice", password: Self.good), as: .root)
        service.account.passwordPolicy = PasswordPolicy(minimumPasswordLength: 20)
        expectFailure(code: .passwordPolicyViolation, in: &service) {
            try _ = $0.updateLoginProfile(UpdateLoginProfileRequest(userName: "alice", password: "Short-1!"), as: .root)
        }
        clock.advance(seconds: 86_400)
        _ = try service.updateLoginProfile(
            UpdateLoginProfileRequest(userName: "alice", password: "Twenty-Characters-Long!"), as: .root)
        let profile = try profile(service)
        #expect(profile.passwordLastChanged == TestAccount.now.adding(seconds: 86_400))
        #expect(profile.createDate == TestAccount.now)
        #expect(profile.previousPasswordHashes.count == 1)
    }

    @Test func aTenMegabytePasswordIsRefusedFastAndChangesNothing() throws {
        var service = try service()
        let huge = String(repeating: "Aa1!", count: 2_621_440)
        let started = ContinuousClock.now
        expectFailure(
            IAMError(
                .validationError,
                "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have "
                    + "length less than or equal to 128"), in: &service
        ) {
            try _ = $0.createLoginProfile(CreateLoginProfileRequest(userName: "alice", password: huge), as: .root)
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func theAPILengthLimitIs128() throws {
        var service = try service()
        let limit = "Aa1!" + String(repeating: "x", count: 124)
        expectFailure(code: .validationError, in: &service) {
            try _ = $0.createLoginProfile(
                CreateLoginProfileRequest(userName: "alice", password: limit + "x"), as: .root)
        }
        expectFailure(code: .validationError, in: &service) {
            try _ = $0.createLoginProfile(CreateLoginProfileRequest(userName: "alice", password: ""), as: .root)
        }
        _ = try service.createLoginProfile(CreateLoginProfileRequest(userName: "alice", password: limit), as: .root)
    }

    @Test func latinOnePasswordsAreAcceptedAndOtherUnicodeIsNot() throws {
        var service = try service()
        let pattern =
            "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy "
            + "regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"
        for password in ["Passw€rd-123", "Password-123🔑", "Pass\u{0}word-123"] {
            expectFailure(IAMError(.validationError, pattern), in: &service) {
                try _ = $0.createLoginProfile(
                    CreateLoginProfileRequest(userName: "alice", password: password), as: .root)
            }
        }
        _ = try service.createLoginProfile(
            CreateLoginProfileRequest(userName: "alice", password: "Pässwörd-123 ÿ"), as: .root)
        #expect(PasswordHasher.verify("Pässwörd-123 ÿ", against: try profile(service).passwordHash))
    }

    @Test func reusePreventionOfOneRemembersTheCurrentPassword() throws {
        var service = try service(policy: PasswordPolicy(passwordReusePrevention: 1))
        _ = try service.createLoginProfile(
            CreateLoginProfileRequest(userName: "alice", password: "First-Pass1"), as: .root)
        expectFailure(
            IAMError(.passwordPolicyViolation, "Password should not be the same as the current password"), in: &service
        ) {
            try _ = $0.updateLoginProfile(
                UpdateLoginProfileRequest(userName: "alice", password: "First-Pass1"), as: .root)
        }
        _ = try service.updateLoginProfile(
            UpdateLoginProfileRequest(userName: "alice", password: "Second-Pass2"), as: .root)
        _ = try service.updateLoginProfile(
            UpdateLoginProfileRequest(userName: "alice", password: "First-Pass1"), as: .root)
    }

    @Test func reusePreventionOfTwentyFourAndTheHistoryLimit() throws {
        var service = try service(policy: PasswordPolicy(passwordReusePrevention: 24))
        let password = { (n: Int) in "Password-\(n)" }
        _ = try service.createLoginProfile(
            CreateLoginProfileRequest(userName: "alice", password: password(0)), as: .root)
        for n in 1...24 {
            _ = try service.updateLoginProfile(
                UpdateLoginProfileRequest(userName: "alice", password: password(n)), as: .root)
        }
        // The current password (24) and the 23 before it are remembered; 0 is the 25th.
        for n in [1, 12, 24] {
            expectFailure(
                IAMError(.passwordPolicyViolation, "Password should not be any of the last 24 passwords"), in: &service
            ) {
                try _ = $0.updateLoginProfile(
                    UpdateLoginProfileRequest(userName: "alice", password: password(n)), as: .root)
            }
        }
        _ = try service.updateLoginProfile(
            UpdateLoginProfileRequest(userName: "alice", password: password(0)), as: .root)
        for n in 25...30 {
            _ = try service.updateLoginProfile(
                UpdateLoginProfileRequest(userName: "alice", password: password(n)), as: .root)
        }
        #expect(try profile(service).previousPasswordHashes.count == PasswordRules.historyLimit)
    }

    @Test func withoutReusePreventionTheSamePasswordMayBeSetAgain() throws {
        var service = try service()
        _ = try service.createLoginProfile(CreateLoginProfileRequest(userName: "alice", password: Self.good), as: .root)
        _ = try service.updateLoginProfile(UpdateLoginProfileRequest(userName: "alice", password: Self.good), as: .root)
    }
}
