import IAMPolicy
import Testing

@testable import IAMCore

/// ConsoleLogin records, the bounded sign-in log the throttle reads, the filter, and old events.
@Suite("Sign-in audit records")
struct SignInAuditTests {
    static let root = SignInIdentity.root(email: "root@example.com")
    static let alice = SignInIdentity.user(account: TestAccount.id, userName: "alice")

    @Test func aSuccessfulSignInIsAConsoleLoginRecord() throws {
        var fixture = try MFAFixture()
        guard case .signedIn = fixture.service.signIn(Self.alice, password: MFAFixture.password) else {
            Issue.record("alice did not sign in")
            return
        }
        let record = try #require(fixture.service.pendingAuditRecords.last)
        #expect(record.eventSource == "signin.amazonaws.com" && record.eventName == "ConsoleLogin")
        #expect(record.eventType == "AwsConsoleSignIn" && record.readOnly == nil && record.succeeded)
        #expect(record.responseElements == ["ConsoleLogin": "Success"] && record.requestParameters == .null)
        #expect(record.additionalEventData?["MFAUsed"] == "No" && record.additionalEventData?["LoginTo"] != nil)
        #expect(record.errorMessage == nil)
        #expect(record.userIdentity.type == "IAMUser" && record.userIdentity.userName == "alice")
        #expect(record.userIdentity.arn == "arn:aws:iam::123456789012:user/alice")
    }

    @Test func aFailedSignInSaysFailedAuthenticationAndNeverThePassword() throws {
        var fixture = try MFAFixture()
        _ = fixture.service.signIn(Self.root, password: "Wrong-Guess-77!")
        _ = fixture.service.signIn(.user(account: TestAccount.id, userName: "Typed-Password-88!"), password: "x")
        let records = fixture.service.pendingAuditRecords
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.responseElements == ["ConsoleLogin": "Failure"] && !$0.succeeded })
        #expect(records.allSatisfy { $0.errorMessage == "Failed authentication" })
        #expect(records[0].userIdentity.type == "Root")
        #expect(records[1].userIdentity.userName == AuditRedaction.hidden && records[1].userIdentity.arn == nil)
        let text = records.map { JSONWriter.compact($0.json) }.joined()
        #expect(!text.contains("Wrong-Guess-77!") && !text.contains("Typed-Password-88!"))
        #expect(fixture.service.account.auditTrail.count == 2, "the throttle still sees both")
    }

    @Test func anMFASignInSaysMFAUsed() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        fixture.clock.advance(seconds: 30)
        guard case .mfaRequired(let challenge) = fixture.service.signIn(Self.alice, password: MFAFixture.password)
        else {
            Issue.record("expected an MFA challenge")
            return
        }
        _ = fixture.service.completeSignIn(challenge, with: .code("000000"))
        _ = fixture.service.completeSignIn(challenge, with: .code(try fixture.code(serial)))
        let logins = fixture.service.pendingAuditRecords.filter { $0.eventName == "ConsoleLogin" }
        #expect(logins.map(\.succeeded) == [false, true])
        #expect(logins.allSatisfy { $0.additionalEventData?["MFAUsed"] == "Yes" })
    }

    @Test func theAccountKeepsABoundedLogOfAttemptsPerIdentity() {
        let start = TestAccount.now
        var log: [AuditEvent] = []
        func attempt(_ who: String, at seconds: Int64) {
            log = SignInAttemptLog.adding(
                AuditEvent(
                    time: start.adding(seconds: seconds), principal: who, action: ConsoleSignIn.auditAction,
                    resource: who, outcome: ConsoleSignIn.passwordFailure), to: log)
        }
        for second in 0..<40 { attempt("arn:a", at: Int64(second)) }
        attempt("arn:b", at: 50)
        #expect(log.filter { $0.principal == "arn:a" }.count == SignInAttemptLog.attemptsPerIdentity)
        #expect(log.last?.principal == "arn:b" && log.first?.time == start.adding(seconds: 24), "the newest are kept")
        attempt("arn:b", at: SignInAttemptLog.retention + 100)
        #expect(log.map(\.principal) == ["arn:b"], "a day later the old attempts are gone")
    }

    @Test func theFilterSelectsByPrincipalActionOutcomeAndTime() throws {
        var service = TestAccount.make()
        try service.user("alice")
        service.auditRecorder = AuditRecorder()
        _ = try service.createGroup(CreateGroupRequest(groupName: "devs"), as: .root)
        #expect(throws: IAMError.self) {
            try service.createUser(CreateUserRequest(userName: "mallory"), as: .user("alice"))
        }
        let records = service.pendingAuditRecords
        #expect(records.filter(AuditFilter(principal: "alice").matches).map(\.eventName) == ["CreateUser"])
        #expect(records.filter(AuditFilter(principal: "root").matches).map(\.eventName) == ["CreateGroup"])
        #expect(
            records.filter(AuditFilter(principal: "arn:aws:iam::123456789012:user/alice").matches).count == 1)
        #expect(records.filter(AuditFilter(action: "iam:create*").matches).count == 2)
        #expect(records.filter(AuditFilter(action: "CreateGroup").matches).count == 1)
        #expect(records.filter(AuditFilter(outcome: .failure).matches).map(\.errorCode) == ["AccessDenied"])
        #expect(records.filter(AuditFilter(since: TestAccount.now.adding(seconds: 1)).matches).isEmpty)
        #expect(records.filter(AuditFilter(until: TestAccount.now).matches).count == 2)
    }

    @Test func oldInAccountEventsBecomeRecordsAndOnlySignInsStay() throws {
        var account = TestAccount.make().account
        let rootARN = "arn:aws:iam::123456789012:root"
        account.auditTrail = [
            AuditEvent(
                time: TestAccount.now, principal: rootARN, action: "iam:CreateUser",
                resource: "arn:aws:iam::123456789012:user/alice", outcome: "Success"),
            AuditEvent(
                time: TestAccount.now, principal: rootARN, action: ConsoleSignIn.auditAction, resource: rootARN,
                outcome: ConsoleSignIn.passwordFailure),
        ]
        let (migrated, records) = try #require(LegacyAuditEvents.extract(from: account))
        #expect(migrated.auditTrail.map(\.action) == [ConsoleSignIn.auditAction])
        #expect(records.map(\.eventName) == ["CreateUser", "ConsoleLogin"])
        #expect(records[0].eventSource == "iam.amazonaws.com" && records[0].succeeded)
        #expect(records[0].resources?.first?.arn == "arn:aws:iam::123456789012:user/alice")
        #expect(records[1].eventType == "AwsConsoleSignIn" && !records[1].succeeded)
        #expect(LegacyAuditEvents.extract(from: migrated) == nil, "nothing left to move")
    }
}
