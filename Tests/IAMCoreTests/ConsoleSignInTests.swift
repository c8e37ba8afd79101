import Testing

@testable import IAMCore

@Suite("Console sign-in")
struct ConsoleSignInTests {
    static let alice = SignInIdentity.user(account: TestAccount.id, userName: "alice")
    static let root = SignInIdentity.root(email: "root@example.com")

    /// The challenge of a sign-in that must ask for MFA.
    func challenge(
        _ fixture: inout MFAFixture, _ identity: SignInIdentity = alice,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MFAChallenge {
        guard case .mfaRequired(let challenge) = fixture.service.signIn(identity, password: MFAFixture.password) else {
            throw Failure(message: "expected an MFA challenge")
        }
        return challenge
    }

    struct Failure: Error { let message: String }

    func session(_ result: SignInResult) throws -> ConsoleSession {
        guard case .signedIn(let session) = result else { throw Failure(message: "expected a session, got \(result)") }
        return session
    }

    @Test func rootWithoutMFASignsInAndTheSessionSaysNoMFA() throws {
        var fixture = try MFAFixture()
        let session = try session(
            fixture.service.signIn(.root(email: " ROOT@example.com "), password: MFAFixture.password))
        #expect(session.principal == .root && session.mfaAuthenticatedAt == nil)
        #expect(session.contextKeys(at: MFAFixture.start) == ["aws:MultiFactorAuthPresent": ["false"]])
        #expect(fixture.service.account.root.passwordLastUsed == MFAFixture.start)
        let event = try #require(fixture.service.account.auditTrail.last)
        #expect(event.action == "signin:ConsoleLogin" && event.outcome == "Success")
        #expect(event.principal == "arn:aws:iam::123456789012:root")
    }

    @Test func usersSignInByAccountIdOrAlias() throws {
        var fixture = try MFAFixture()
        _ = try fixture.service.createAccountAlias(AccountAliasRequest(accountAlias: "acme-demo"), as: .root)
        for account in [TestAccount.id, "acme-demo", "ACME-DEMO"] {
            let session = try session(
                fixture.service.signIn(.user(account: account, userName: "Alice"), password: MFAFixture.password))
            #expect(session.principal == .user("alice"))
        }
        #expect(fixture.service.account.user(named: "alice")?.passwordLastUsed == MFAFixture.start)
    }

    @Test func wrongCredentialsAreRefusedWithoutSayingWhichPart() throws {
        var fixture = try MFAFixture()
        let refused = SignInResult.rejected(ConsoleSignIn.failureMessage)
        #expect(fixture.service.signIn(Self.alice, password: "wrong") == refused)
        #expect(fixture.service.signIn(.user(account: TestAccount.id, userName: "nobody"), password: "x") == refused)
        #expect(
            fixture.service.signIn(.user(account: "999999999999", userName: "alice"), password: MFAFixture.password)
                == refused)
        #expect(fixture.service.signIn(.root(email: "other@example.com"), password: MFAFixture.password) == refused)
        fixture.service.account.users["bob"]?.loginProfile = nil
        #expect(
            fixture.service.signIn(.user(account: TestAccount.id, userName: "bob"), password: MFAFixture.password)
                == refused)
        // Attempts on identities of this account are audited (a missing user under the name typed).
        let failures = fixture.service.account.auditTrail.map { "\($0.principal) \($0.outcome)" }
        #expect(
            failures == [
                "arn:aws:iam::123456789012:user/alice Failed authentication",
                "arn:aws:iam::123456789012:user/nobody Failed authentication",
                "arn:aws:iam::123456789012:user/bob Failed authentication",
            ])
    }

    @Test func repeatedFailuresMakeTheNextAttemptWaitLongerAndLonger() throws {
        var fixture = try MFAFixture()
        for _ in 0..<3 { _ = fixture.service.signIn(Self.alice, password: "wrong") }
        let waitOne = MFAFixture.start.adding(seconds: 1)
        #expect(fixture.service.signIn(Self.alice, password: MFAFixture.password) == .throttled(retryAfter: waitOne))
        #expect(fixture.service.signInWait(for: Self.alice) == 1)
        #expect(fixture.service.account.auditTrail.count == 3, "throttled attempts are not checked or recorded")
        // Other identities are not slowed down.
        _ = try session(fixture.service.signIn(Self.root, password: MFAFixture.password))
        fixture.clock.advance(seconds: 1)
        #expect(fixture.service.signIn(Self.alice, password: "wrong") == .rejected(ConsoleSignIn.failureMessage))
        #expect(fixture.service.signInWait(for: Self.alice) == 2)
        fixture.clock.advance(seconds: 2)
        _ = try session(fixture.service.signIn(Self.alice, password: MFAFixture.password))
        #expect(fixture.service.signInWait(for: Self.alice) == 0)
        #expect(fixture.service.signIn(Self.alice, password: "wrong") == .rejected(ConsoleSignIn.failureMessage))
    }

    @Test func theDelayDoublesUpToItsCapAndOldFailuresAreForgotten() throws {
        let throttle = SignInThrottle()
        #expect((0...9).map { throttle.delay(afterFailures: $0) } == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30])
        var fixture = try MFAFixture()
        for _ in 0..<5 {
            _ = fixture.service.signIn(Self.alice, password: "wrong")
            fixture.clock.advance(seconds: 60)
        }
        #expect(fixture.service.signInWait(for: Self.alice) == 0)
        fixture.clock.advance(seconds: -60)
        #expect(fixture.service.signInWait(for: Self.alice) == 4)
        fixture.clock.advance(seconds: 1000)
        _ = fixture.service.signIn(Self.alice, password: "wrong")
        #expect(fixture.service.signInWait(for: Self.alice) == 0, "failures older than 15 minutes no longer count")
    }

    @Test func aUserWithAVirtualDeviceSignsInWithAFreshCode() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        fixture.clock.advance(seconds: 30)
        let challenge = try challenge(&fixture)
        #expect(challenge.principal == .user("alice"))
        #expect(challenge.devices == [MFAChallenge.Device(serialNumber: serial, type: .virtual, name: "alice")])
        #expect(fixture.service.account.auditTrail.isEmpty, "nothing recorded yet")
        #expect(fixture.service.pendingAuditRecords.last?.eventName == "EnableMFADevice")
        let session = try session(fixture.service.completeSignIn(challenge, with: .code(try fixture.code(serial))))
        #expect(session.mfaSerialNumber == serial && session.mfaAuthenticatedAt == fixture.clock.now())
        #expect(
            session.contextKeys(at: fixture.clock.now().adding(seconds: 125))
                == ["aws:MultiFactorAuthPresent": ["true"], "aws:MultiFactorAuthAge": ["125"]])
        #expect(fixture.service.account.mfaDevices[serial]?.lastUsedStep == Int(fixture.step))
    }

    @Test func reusedOldMalformedAndUnknownCodesAreRefused() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        let spent = try fixture.code(serial)
        fixture.clock.advance(seconds: 60)
        let refused = SignInResult.rejected(ConsoleSignIn.codeFailureMessage)
        for bad in [
            spent, try fixture.code(serial, -2), "1234567", "12a456", "", String(try fixture.code(serial).dropLast()),
        ] {
            let challenge = try challenge(&fixture)
            #expect(fixture.service.completeSignIn(challenge, with: .code(bad)) == refused, "\(bad)")
            fixture.clock.advance(seconds: 60)  // past the growing delay
        }
        #expect(fixture.service.account.auditTrail.suffix(6).allSatisfy { $0.outcome == "InvalidAuthenticationCode" })
        let challenge = try challenge(&fixture)
        #expect(
            fixture.service.completeSignIn(
                challenge, with: .code(try fixture.code(serial), serialNumber: "GAHT0000000"))
                == refused, "a code is checked only against the device named")
        fixture.clock.advance(seconds: 60)
        let last = try self.challenge(&fixture)
        let code = try fixture.code(serial, 1)
        _ = try session(fixture.service.completeSignIn(last, with: .code(code, serialNumber: serial)))
        let again = try self.challenge(&fixture)
        #expect(fixture.service.completeSignIn(again, with: .code(code)) == refused, "each code is accepted once")
    }

    @Test func anMFAStepTakenTooLateExpires() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        let challenge = try challenge(&fixture)
        fixture.clock.advance(seconds: ConsoleSignIn.challengeLifetime + 1)
        #expect(
            fixture.service.completeSignIn(challenge, with: .code(try fixture.code(serial)))
                == .rejected(ConsoleSignIn.expiredMessage))
    }

    @Test func rootSignsInWithAHardwareToken() throws {
        var fixture = try MFAFixture()
        try fixture.service.importHardwareMFADevice(
            ImportHardwareMFADeviceRequest(serialNumber: "GAHT12345678", base32StringSeed: MFARegistrationTests.seed))
        _ = try fixture.service.enableMFADevice(
            MFACodesRequest(
                serialNumber: "GAHT12345678", authenticationCode1: try fixture.code("GAHT12345678", -1),
                authenticationCode2: try fixture.code("GAHT12345678")), as: .root)
        fixture.clock.advance(seconds: 30)
        let challenge = try challenge(&fixture, Self.root)
        #expect(challenge.devices.map(\.type) == [.hardware])
        let session = try session(
            fixture.service.completeSignIn(challenge, with: .code(try fixture.code("GAHT12345678"))))
        #expect(session.principal == .root && session.mfaSerialNumber == "GAHT12345678")
    }

    @Test func aSecurityKeyAnswersWithAnAssertionBoundToTheChallenge() throws {
        var fixture = try MFAFixture()
        let credential = "Y3JlZGVudGlhbC0wMDAx"
        let serial = try fixture.service.registerSecurityKey(
            RegisterSecurityKeyRequest(userName: "alice", keyName: "yubikey", credentialId: credential), as: .root
        ).serialNumber
        let first = try challenge(&fixture)
        #expect(first.devices.first?.name.hasPrefix("yubikey-") == true)
        let second = try challenge(&fixture)
        #expect(first.nonce != second.nonce)
        let refused = SignInResult.rejected(ConsoleSignIn.codeFailureMessage)
        let stale = SecurityKeyAssertion.simulated(credentialId: credential, challenge: second)
        #expect(fixture.service.completeSignIn(first, with: .securityKey(stale)) == refused)
        let unknown = SecurityKeyAssertion.simulated(credentialId: "b3RoZXItY3JlZGVudGlhbA", challenge: first)
        #expect(fixture.service.completeSignIn(first, with: .securityKey(unknown)) == refused)
        #expect(fixture.service.completeSignIn(first, with: .code("123456")) == refused)
        fixture.clock.advance(seconds: 30)
        let good = SecurityKeyAssertion.simulated(credentialId: credential, challenge: first)
        let session = try session(fixture.service.completeSignIn(first, with: .securityKey(good)))
        #expect(session.mfaSerialNumber == serial)
    }

    @Test func aSessionsMFAKeysReachEveryRequestWithTheirAge() throws {
        var fixture = try MFAFixture()
        try fixture.service.attach(user: "alice", TestAccount.awsPolicy("IAMReadOnlyAccess"))
        let guardPolicy = #"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}},
              {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NumericGreaterThan":{"aws:MultiFactorAuthAge":"3600"}}}]}
            """#
        _ = try fixture.service.putInlinePolicy(
            PutInlinePolicyRequest(userName: "alice", policyName: "mfa", policyDocument: guardPolicy), as: .root)
        let serial = try fixture.enrol("alice", for: "alice")
        fixture.service.session = try session(
            fixture.service.signIn(.user(account: TestAccount.id, userName: "bob"), password: MFAFixture.password))
        fixture.service.session?.principal = .user("alice")  // an MFA-less session of alice
        #expect(throws: IAMError.self) { _ = try fixture.service.listUsers(ListUsersRequest(), as: .user("alice")) }
        fixture.clock.advance(seconds: 30)
        let challenge = try challenge(&fixture)
        fixture.service.session = try session(
            fixture.service.completeSignIn(challenge, with: .code(try fixture.code(serial))))
        _ = try fixture.service.listUsers(ListUsersRequest(), as: .user("alice"))
        fixture.clock.advance(seconds: 3601)
        #expect(throws: IAMError.self) { _ = try fixture.service.listUsers(ListUsersRequest(), as: .user("alice")) }
    }
}
