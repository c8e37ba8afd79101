import Foundation
import Testing

@testable import IAMCore

/// GetSessionToken, GetCallerIdentity, and how requests with temporary credentials are authenticated.
@Suite("STS session tokens and temporary credentials")
struct SessionTokenTests {
    @Test func aSessionTokenActsAsTheUserForItsDuration() throws {
        var fixture = try STSFixture()
        let response = try fixture.service.getSessionToken(GetSessionTokenRequest(), as: .user("alice"))
        #expect(response.credentials.expiration == fixture.now.adding(seconds: 43_200))
        let stored = try #require(fixture.service.account.temporaryCredentials[response.credentials.accessKeyId])
        #expect(stored.principal == .user("alice"))
        #expect(stored.mfaAuthenticatedAt == nil)
        #expect(fixture.service.pendingAuditRecords.last?.eventName == "GetSessionToken")
        let (session, principal) = try fixture.acting(with: response.credentials, service: "sts")
        #expect(principal == .user("alice"))
        #expect(session.session?.contextKeys(at: fixture.now)["aws:MultiFactorAuthPresent"] == ["false"])
        let identity = try session.getCallerIdentity(as: principal)
        #expect(identity.arn == TestAccount.arn("user", "/alice"))
        #expect(identity.userId == fixture.service.account.user(named: "alice")?.id)
    }

    @Test func withoutMFAItCannotCallIAM() throws {
        var fixture = try STSFixture()
        let credentials = try fixture.service.getSessionToken(GetSessionTokenRequest(), as: .user("alice")).credentials
        #expect(throws: IAMError.invalidToken) { _ = try fixture.acting(with: credentials, service: "iam") }
        _ = try fixture.acting(with: credentials, service: "sts")
    }

    @Test func withMFAItCarriesTheMFAFactsToIAM() throws {
        var fixture = try STSFixture()
        let serial = try fixture.mfa.enrol("alice-phone", for: "alice")
        fixture.clock.advance(seconds: 30)
        let response = try fixture.service.getSessionToken(
            GetSessionTokenRequest(durationSeconds: 900, serialNumber: serial, tokenCode: try fixture.mfa.code(serial)),
            as: .user("alice"))
        fixture.clock.advance(seconds: 120)
        let (session, _) = try fixture.acting(with: response.credentials, service: "iam")
        let keys = try #require(session.session?.contextKeys(at: fixture.now))
        #expect(keys["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(keys["aws:MultiFactorAuthAge"] == ["120"])
    }

    @Test func durationsAndRootsHourLimit() throws {
        var fixture = try STSFixture()
        expectFailure(
            validationError("129601", "durationSeconds", "Member must have value less than or equal to 129600"),
            in: &fixture.service
        ) { _ = try $0.getSessionToken(GetSessionTokenRequest(durationSeconds: 129_601), as: .user("alice")) }
        expectFailure(
            validationError("899", "durationSeconds", "Member must have value greater than or equal to 900"),
            in: &fixture.service
        ) { _ = try $0.getSessionToken(GetSessionTokenRequest(durationSeconds: 899), as: .user("alice")) }
        let long = try fixture.service.getSessionToken(
            GetSessionTokenRequest(durationSeconds: 129_600), as: .user("alice"))
        #expect(long.credentials.expiration == fixture.now.adding(seconds: 129_600))
        let root = try fixture.service.getSessionToken(GetSessionTokenRequest(durationSeconds: 7200), as: .root)
        #expect(root.credentials.expiration == fixture.now.adding(seconds: 3600))
    }

    @Test func sessionCredentialsCannotAskForAnotherSessionToken() throws {
        var fixture = try STSFixture()
        let credentials = try fixture.service.getSessionToken(GetSessionTokenRequest(), as: .user("alice")).credentials
        var (session, principal) = try fixture.acting(with: credentials, service: "sts")
        expectFailure(IAMError(.accessDenied, "Cannot call GetSessionToken with session credentials"), in: &session) {
            _ = try $0.getSessionToken(GetSessionTokenRequest(), as: principal)
        }
    }

    @Test func aReusedCodeOrOneFromTwoStepsAgoIsRefused() throws {
        var fixture = try STSFixture()
        let serial = try fixture.mfa.enrol("alice-phone", for: "alice")
        fixture.clock.advance(seconds: 90)
        let old = try fixture.mfa.code(serial, -2)
        expectFailure(STSMFAError.invalidCode, in: &fixture.service) {
            _ = try $0.getSessionToken(GetSessionTokenRequest(serialNumber: serial, tokenCode: old), as: .user("alice"))
        }
        let fresh = try fixture.mfa.code(serial)
        _ = try fixture.service.getSessionToken(
            GetSessionTokenRequest(serialNumber: serial, tokenCode: fresh), as: .user("alice"))
        expectFailure(STSMFAError.invalidCode, in: &fixture.service) {
            _ = try $0.getSessionToken(
                GetSessionTokenRequest(serialNumber: serial, tokenCode: fresh), as: .user("alice"))
        }
    }

    @Test func credentialsExpireAtTheirExpirationAndArePrunedOnTheNextWrite() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy")
        let credentials = try fixture.service.assumeRole(
            AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", durationSeconds: 900), as: .user("alice")
        ).credentials
        fixture.clock.advance(seconds: 899)
        let (session, principal) = try fixture.acting(with: credentials)
        fixture.clock.advance(seconds: 1)
        #expect(throws: IAMError.expiredToken) { _ = try fixture.acting(with: credentials) }
        // A session already handed out stops at its expiry too.
        #expect(throws: IAMError.expiredToken) { _ = try session.getCallerIdentity(as: principal) }
        #expect(throws: IAMError.expiredToken) { _ = try session.listUsers(ListUsersRequest(), as: principal) }
        #expect(fixture.service.account.temporaryCredentials[credentials.accessKeyId] != nil)
        try fixture.service.user("carol")
        #expect(fixture.service.account.temporaryCredentials[credentials.accessKeyId] == nil)
        #expect(throws: IAMError.invalidToken) { _ = try fixture.acting(with: credentials) }
    }

    @Test func wrongTokensSecretsAndMixedCredentialsAreRefused() throws {
        var fixture = try STSFixture()
        let credentials = try fixture.service.getSessionToken(GetSessionTokenRequest(), as: .user("alice")).credentials
        let account = fixture.service.account
        let now = fixture.now
        func check(_ id: String, _ secret: String, _ token: String?) throws(IAMError) {
            _ = try account.authenticate(accessKeyId: id, secret: secret, sessionToken: token, service: "sts", at: now)
        }
        #expect(throws: IAMError.invalidToken) { try check(credentials.accessKeyId, credentials.secretAccessKey, "x") }
        #expect(throws: IAMError.invalidToken) { try check(credentials.accessKeyId, credentials.secretAccessKey, nil) }
        #expect(throws: Account.signatureMismatch) {
            try check(credentials.accessKeyId, "wrong", credentials.sessionToken)
        }
        let key = try fixture.service.createAccessKey(AccessKeyUserRequest(userName: "bob"), as: .root).accessKey
        let secret = try #require(key.secretAccessKey)
        #expect(throws: IAMError.invalidToken) { try check(key.accessKeyId, secret, credentials.sessionToken) }
        #expect(throws: IAMError.invalidToken) { try check("AKIAUNKNOWNUNKNOWN00", secret, nil) }
    }

    @Test func aDeletedUsersCredentialsStopWorkingAtOnce() throws {
        var fixture = try STSFixture()
        let key = try fixture.service.createAccessKey(AccessKeyUserRequest(userName: "bob"), as: .root).accessKey
        let secret = try #require(key.secretAccessKey)
        let credentials = try fixture.service.getSessionToken(GetSessionTokenRequest(), as: .user("bob")).credentials
        _ = try fixture.service.deleteAccessKey(
            DeleteAccessKeyRequest(userName: "bob", accessKeyId: key.accessKeyId), as: .root)
        fixture.service.account.users["bob"]?.loginProfile = nil
        _ = try fixture.service.deleteUser(UserNameRequest(userName: "bob"), as: .root)
        let account = fixture.service.account
        #expect(throws: IAMError.invalidToken) {
            _ = try account.authenticate(
                accessKeyId: key.accessKeyId, secret: secret, sessionToken: nil, service: "iam", at: fixture.now)
        }
        #expect(throws: IAMError.invalidToken) {
            _ = try account.authenticate(
                accessKeyId: credentials.accessKeyId, secret: credentials.secretAccessKey,
                sessionToken: credentials.sessionToken, service: "sts", at: fixture.now)
        }
    }

    @Test func callerIdentityShapes() throws {
        var fixture = try STSFixture()
        #expect(
            try fixture.service.getCallerIdentity(as: .root)
                == GetCallerIdentityResponse(
                    userId: TestAccount.id, account: TestAccount.id, arn: "arn:aws:iam::\(TestAccount.id):root"))
        let arn = try fixture.role("deploy")
        let roleId = try #require(fixture.service.account.role(named: "deploy")?.id)
        #expect(
            try fixture.service.getCallerIdentity(as: .roleSession(role: "deploy", session: "s1"))
                == GetCallerIdentityResponse(
                    userId: "\(roleId):s1", account: TestAccount.id,
                    arn: "arn:aws:sts::\(TestAccount.id):assumed-role/deploy/s1"))
        _ = arn
        #expect(throws: IAMError.invalidToken) { _ = try fixture.service.getCallerIdentity(as: .user("ghost")) }
    }
}
