import Foundation
import IAMPolicy
import Testing

@testable import IAMCore

/// The console's Switch role: the same decision as AssumeRole, a one-hour role session.
@Suite("Console switch role")
struct SwitchRoleTests {
    static func signedIn(_ user: String, at time: Timestamp, mfa: Bool = false) -> ConsoleSession {
        ConsoleSession(
            principal: .user(user), signedInAt: time, mfaSerialNumber: mfa ? "arn:aws:iam::123456789012:mfa/x" : nil,
            mfaAuthenticatedAt: mfa ? time : nil)
    }

    @Test func anAllowedUserGetsAOneHourRoleSession() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy", maxSessionDuration: 43_200)
        let signedIn = Self.signedIn("alice", at: fixture.now)
        let switched = try fixture.service.switchRole(from: signedIn, role: "deploy")
        #expect(switched.principal == .roleSession(role: "deploy", session: "alice"))
        #expect(switched.expiresAt == fixture.now.adding(seconds: 3600))
        let record = try #require(fixture.service.pendingAuditRecords.last)
        #expect(record.eventName == "AssumeRole" && record.eventSource == "sts.amazonaws.com")
        #expect(JSONWriter.compact(record.requestParameters).contains("deploy"))
        _ = arn
        var acting = fixture.service
        acting.session = switched
        _ = try acting.listUsers(ListUsersRequest(), as: switched.principal)
        fixture.clock.advance(seconds: 3600)
        acting = fixture.service
        acting.session = switched
        #expect(throws: IAMError.expiredToken) { _ = try acting.listUsers(ListUsersRequest(), as: switched.principal) }
        // By ARN, with a session name of one's own.
        let named = try fixture.service.switchRole(from: signedIn, role: arn, sessionName: "alice-console")
        #expect(named.principal == .roleSession(role: "deploy", session: "alice-console"))
    }

    @Test func itDecidesAsAssumeRoleDoes() throws {
        var fixture = try STSFixture()
        let now = fixture.now
        let arn = try fixture.role(
            "admin",
            trust: STSFixture.trust(
                STSFixture.accountRoot, condition: #"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#))
        expectFailure(
            IAMError(
                .accessDenied,
                "User: \(TestAccount.arn("user", "/alice")) is not authorized to perform: sts:AssumeRole on resource: admin"
            ),
            in: &fixture.service
        ) { _ = try $0.switchRole(from: Self.signedIn("alice", at: now), role: "admin") }
        let switched = try fixture.service.switchRole(from: Self.signedIn("alice", at: now, mfa: true), role: arn)
        #expect(switched.mfaAuthenticatedAt == fixture.now)
        expectFailure(code: .accessDenied, in: &fixture.service) {
            _ = try $0.switchRole(from: Self.signedIn("bob", at: now, mfa: true), role: arn)
        }
        expectFailure(code: .validationError, in: &fixture.service) {
            _ = try $0.switchRole(from: Self.signedIn("alice", at: now, mfa: true), role: arn, sessionName: "a b")
        }
        expectFailure(IAMError(.accessDenied, "Roles may not be assumed by root accounts."), in: &fixture.service) {
            _ = try $0.switchRole(from: ConsoleSession(principal: .root, signedInAt: now), role: arn)
        }
    }
}
