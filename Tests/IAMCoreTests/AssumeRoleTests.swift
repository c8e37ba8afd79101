import Foundation
import IAMPolicy
import Testing

@testable import IAMCore

/// AssumeRole: the trust policy and the caller's identity policies, its inputs, MFA, durations,
/// chaining and session policies.
@Suite("STS AssumeRole")
struct AssumeRoleTests {
    static func denied(_ caller: String, _ role: String) -> IAMError {
        IAMError(.accessDenied, "User: \(caller) is not authorized to perform: sts:AssumeRole on resource: \(role)")
    }
    static let alice = TestAccount.arn("user", "/alice")
    static let bob = TestAccount.arn("user", "/bob")

    @Test func anAllowedCallerGetsASessionOfTheRole() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy")
        let response = try fixture.service.assumeRole(
            AssumeRoleRequest(roleArn: arn, roleSessionName: "build-42"), as: .user("alice"))
        let role = try #require(fixture.service.account.role(named: "deploy"))
        #expect(response.assumedRoleUser.assumedRoleId == "\(role.id):build-42")
        #expect(response.assumedRoleUser.arn == "arn:aws:sts::\(TestAccount.id):assumed-role/deploy/build-42")
        expectIdentifier(response.credentials.accessKeyId, prefix: "ASIA", count: 16)
        #expect(response.credentials.secretAccessKey.count == 40)
        #expect(response.credentials.expiration == fixture.now.adding(seconds: 3600))
        #expect(response.packedPolicySize == nil)
        let stored = try #require(fixture.service.account.temporaryCredentials[response.credentials.accessKeyId])
        #expect(stored.secretHash == SecretHasher.hash(response.credentials.secretAccessKey))
        #expect(stored.sessionTokenHash == SecretHasher.hash(response.credentials.sessionToken))
        #expect(stored.principal == .roleSession(role: "deploy", session: "build-42"))
        #expect(
            fixture.service.account.role(named: "deploy")?.lastUsed
                == RoleLastUsed(date: fixture.now, region: "us-east-1"))
        let event = try #require(fixture.service.pendingAuditRecords.last)
        #expect(event.eventSource == "sts.amazonaws.com" && event.eventName == "AssumeRole")
        #expect(event.userIdentity.arn == Self.alice)
        #expect(JSONWriter.compact(event.requestParameters).contains(#""roleArn":"\#(arn)""#))

        let (session, principal) = try fixture.acting(with: response.credentials)
        #expect(try session.getCallerIdentity(as: principal).arn == response.assumedRoleUser.arn)
        _ = try session.listUsers(ListUsersRequest(), as: principal)
    }

    @Test func theTrustPolicyMustAllowTheCaller() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("ops", trust: STSFixture.trust(TestAccount.arn("user", "/bob")))
        expectFailure(Self.denied(Self.alice, arn), in: &fixture.service) {
            _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "s1"), as: .user("alice"))
        }
    }

    @Test func aTrustPolicyNamingTheAccountAlsoNeedsAnIdentityAllow() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy")
        expectFailure(Self.denied(Self.bob, arn), in: &fixture.service) {
            _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "s1"), as: .user("bob"))
        }
        // Naming bob himself is a grant of its own within the account (POLICY-EVALUATION §1.1.3).
        let direct = try fixture.role("bobs", trust: STSFixture.trust(Self.bob))
        _ = try fixture.service.assumeRole(AssumeRoleRequest(roleArn: direct, roleSessionName: "s1"), as: .user("bob"))
    }

    @Test func anExplicitDenyInTheIdentityPolicyWins() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy", trust: STSFixture.trust(Self.alice))
        _ = try fixture.service.putInlinePolicy(
            PutInlinePolicyRequest(
                userName: "alice", policyName: "deny",
                policyDocument:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}"#
            ),
            as: .root)
        expectFailure(Self.denied(Self.alice, arn), in: &fixture.service) {
            _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "s1"), as: .user("alice"))
        }
    }

    @Test func aMissingRoleOrOneOfAnotherAccountIsDeniedLikeADeniedOne() throws {
        var fixture = try STSFixture()
        for arn in [TestAccount.arn("role", "/nope"), "arn:aws:iam::999988887777:role/deploy"] {
            expectFailure(Self.denied(Self.alice, arn), in: &fixture.service) {
                _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "s1"), as: .user("alice"))
            }
        }
    }

    @Test func rootCannotAssumeRoles() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy")
        expectFailure(IAMError(.accessDenied, "Roles may not be assumed by root accounts."), in: &fixture.service) {
            _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "s1"), as: .root)
        }
    }

    @Test func theExternalIdAndSessionNameAreConditionKeys() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role(
            "vendor",
            trust: STSFixture.trust(
                STSFixture.accountRoot,
                condition:
                    #"{"StringEquals":{"sts:ExternalId":"acme-2026"},"StringLike":{"sts:RoleSessionName":"ci-*"}}"#))
        for (externalId, name) in [(nil, "ci-1"), ("wrong-id", "ci-1"), ("acme-2026", "laptop")] {
            expectFailure(Self.denied(Self.alice, arn), in: &fixture.service) {
                _ = try $0.assumeRole(
                    AssumeRoleRequest(roleArn: arn, roleSessionName: name, externalId: externalId), as: .user("alice"))
            }
        }
        _ = try fixture.service.assumeRole(
            AssumeRoleRequest(roleArn: arn, roleSessionName: "ci-1", externalId: "acme-2026"), as: .user("alice"))
    }

    @Test func principalTagsOfTheCallerAreConditionKeys() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role(
            "team",
            trust: STSFixture.trust(
                STSFixture.accountRoot, condition: #"{"StringEquals":{"aws:PrincipalTag/team":"platform"}}"#))
        expectFailure(Self.denied(Self.alice, arn), in: &fixture.service) {
            _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "s1"), as: .user("alice"))
        }
        _ = try fixture.service.tag(
            TagRequest(userName: "alice", tags: [Tag(key: "team", value: "platform")]), as: .root)
        _ = try fixture.service.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "s1"), as: .user("alice"))
    }

    @Test func anMFAConditionIsMetByAFreshTokenCode() throws {
        var fixture = try STSFixture()
        let serial = try fixture.mfa.enrol("alice-phone", for: "alice")
        let arn = try fixture.role(
            "admin",
            trust: STSFixture.trust(
                STSFixture.accountRoot,
                condition:
                    #"{"Bool":{"aws:MultiFactorAuthPresent":"true"},"NumericLessThan":{"aws:MultiFactorAuthAge":"300"}}"#
            ))
        expectFailure(Self.denied(Self.alice, arn), in: &fixture.service) {
            _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "s1"), as: .user("alice"))
        }
        fixture.clock.advance(seconds: 30)
        let code = try fixture.mfa.code(serial)
        let response = try fixture.service.assumeRole(
            AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", serialNumber: serial, tokenCode: code),
            as: .user("alice"))
        let stored = try #require(fixture.service.account.temporaryCredentials[response.credentials.accessKeyId])
        #expect(stored.mfaSerialNumber == serial)
        #expect(stored.mfaAuthenticatedAt == fixture.now)
        // The same code again is a replay.
        expectFailure(STSMFAError.invalidCode, in: &fixture.service) {
            _ = try $0.assumeRole(
                AssumeRoleRequest(roleArn: arn, roleSessionName: "s2", serialNumber: serial, tokenCode: code),
                as: .user("alice"))
        }
    }

    @Test func badMFAInputIsRefusedAndChangesNothing() throws {
        var fixture = try STSFixture()
        let serial = try fixture.mfa.enrol("alice-phone", for: "alice")
        let other = try fixture.mfa.enrol("bob-phone", for: "bob")
        let arn = try fixture.role("deploy")
        fixture.clock.advance(seconds: 90)
        let twoStepsAgo = try fixture.mfa.code(serial, -2)
        func attempt(_ serialNumber: String?, _ code: String?) -> (inout IAMService) throws -> Void {
            {
                _ = try $0.assumeRole(
                    AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", serialNumber: serialNumber, tokenCode: code),
                    as: .user("alice"))
            }
        }
        expectFailure(
            validationError("1234567", "tokenCode", "Member must have length less than or equal to 6"),
            in: &fixture.service, attempt(serial, "1234567"))
        expectFailure(
            validationError("12a456", "tokenCode", #"Member must satisfy regular expression pattern: [\d]*"#),
            in: &fixture.service, attempt(serial, "12a456"))
        expectFailure(STSMFAError.invalidCode, in: &fixture.service, attempt(serial, twoStepsAgo))
        expectFailure(STSMFAError.unknownDevice, in: &fixture.service, attempt(other, try fixture.mfa.code(other)))
        expectFailure(STSMFAError.incomplete, in: &fixture.service, attempt(serial, nil))
    }

    @Test func durationsRunFrom900ToTheRolesMaximum() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy", maxSessionDuration: 7200)
        func attempt(_ seconds: Int) -> (inout IAMService) throws -> Void {
            {
                _ = try $0.assumeRole(
                    AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", durationSeconds: seconds), as: .user("alice")
                )
            }
        }
        expectFailure(
            validationError("899", "durationSeconds", "Member must have value greater than or equal to 900"),
            in: &fixture.service, attempt(899))
        expectFailure(
            validationError("43201", "durationSeconds", "Member must have value less than or equal to 43200"),
            in: &fixture.service, attempt(43_201))
        expectFailure(
            IAMError(
                .validationError, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
            in: &fixture.service, attempt(7201))
        for seconds in [900, 7200] {
            let response = try fixture.service.assumeRole(
                AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", durationSeconds: seconds), as: .user("alice"))
            #expect(response.credentials.expiration == fixture.now.adding(seconds: Int64(seconds)))
        }
    }

    @Test func sessionNamesFollowAWSsPattern() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy")
        let pattern = #"Member must satisfy regular expression pattern: [\w+=,.@-]*"#
        expectFailure(
            validationError("a", "roleSessionName", "Member must have length greater than or equal to 2"),
            in: &fixture.service
        ) { _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "a"), as: .user("alice")) }
        expectFailure(validationError("me/laptop", "roleSessionName", pattern), in: &fixture.service) {
            _ = try $0.assumeRole(AssumeRoleRequest(roleArn: arn, roleSessionName: "me/laptop"), as: .user("alice"))
        }
        let long = String(repeating: "x", count: 65)
        expectFailure(
            IAMError(
                .validationError,
                "2 validation errors detected: Value '\(long)' at 'roleSessionName' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 64; Value 'a b' at 'externalId' failed to "
                    + #"satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@:\/-]*"#),
            in: &fixture.service
        ) {
            _ = try $0.assumeRole(
                AssumeRoleRequest(roleArn: arn, roleSessionName: long, externalId: "a b"), as: .user("alice"))
        }
    }

    @Test func roleChainingIsLimitedToOneHour() throws {
        var fixture = try STSFixture()
        let first = try fixture.role("first", maxSessionDuration: 43_200)
        let second = try fixture.role("second", trust: STSFixture.trust(first), maxSessionDuration: 43_200)
        let outer = try fixture.service.assumeRole(
            AssumeRoleRequest(roleArn: first, roleSessionName: "outer", durationSeconds: 43_200), as: .user("alice"))
        var (session, principal) = try fixture.acting(with: outer.credentials)
        _ = try session.putRolePolicyAsRoot(role: "first", STSFixture.allowAssume)
        expectFailure(
            IAMError(
                .validationError,
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."),
            in: &session
        ) {
            _ = try $0.assumeRole(
                AssumeRoleRequest(roleArn: second, roleSessionName: "inner", durationSeconds: 3601), as: principal)
        }
        let inner = try session.assumeRole(AssumeRoleRequest(roleArn: second, roleSessionName: "inner"), as: principal)
        #expect(inner.assumedRoleUser.arn.hasSuffix(":assumed-role/second/inner"))
        #expect(
            session.pendingAuditRecords.last?.userIdentity.arn
                == "arn:aws:sts::\(TestAccount.id):assumed-role/first/outer")
    }

    @Test func aSessionPolicyIntersectsTheRolesPermissions() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy")
        let onlyListUsers =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ListUsers","iam:ListRoles"],"Resource":"*"}]}"#
        let response = try fixture.service.assumeRole(
            AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", policy: onlyListUsers), as: .user("alice"))
        #expect(response.packedPolicySize == 6)
        let (session, principal) = try fixture.acting(with: response.credentials)
        _ = try session.listUsers(ListUsersRequest(), as: principal)  // both allow
        var copy = session
        // The role allows GetUser but the session policy does not; the session policy allows ListRoles,
        // which the role does not grant.
        let getUser = expectFailure(code: .accessDenied, in: &copy) {
            _ = try $0.getUser(UserNameRequest(userName: "bob"), as: principal)
        }
        #expect(getUser?.hasSuffix("because no session policy allows the iam:GetUser action") == true)
        expectFailure(code: .accessDenied, in: &copy) { _ = try $0.listRoles(ListRolesRequest(), as: principal) }
    }

    @Test func aMalformedOrOversizedSessionPolicyIsRefused() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy")
        expectFailure(code: .malformedPolicyDocument, in: &fixture.service) {
            _ = try $0.assumeRole(
                AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", policy: #"{"Version":"2012-10-17"}"#),
                as: .user("alice"))
        }
        let big = Docs.identity(size: 2049)
        expectFailure(
            validationError(big, "policy", "Member must have length less than or equal to 2048"), in: &fixture.service
        ) {
            _ = try $0.assumeRole(
                AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", policy: big), as: .user("alice"))
        }
        let tags = (0..<10).map { Tag(key: "key\($0)", value: String(repeating: "v", count: 250)) }
        let message = expectFailure(code: .packedPolicyTooLarge, in: &fixture.service) {
            _ = try $0.assumeRole(
                AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", policy: Docs.s3Read, tags: tags),
                as: .user("alice"))
        }
        #expect(message?.hasPrefix("Packed size of session tags consumes ") == true)
    }

    @Test func sessionTagsBecomePrincipalTagsOfTheSession() throws {
        var fixture = try STSFixture()
        let arn = try fixture.role("deploy")
        _ = try fixture.service.putInlinePolicy(
            PutInlinePolicyRequest(
                roleName: "deploy", policyName: "tagged",
                policyDocument:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/project":"atlas"}}}]}"#
            ), as: .root)
        let tagged = try fixture.service.assumeRole(
            AssumeRoleRequest(roleArn: arn, roleSessionName: "s1", tags: [Tag(key: "project", value: "atlas")]),
            as: .user("alice"))
        let (session, principal) = try fixture.acting(with: tagged.credentials)
        _ = try session.listRoles(ListRolesRequest(), as: principal)
        let plain = try fixture.service.assumeRole(
            AssumeRoleRequest(roleArn: arn, roleSessionName: "s2"), as: .user("alice"))
        var (untagged, other) = try fixture.acting(with: plain.credentials)
        expectFailure(code: .accessDenied, in: &untagged) { _ = try $0.listRoles(ListRolesRequest(), as: other) }
    }
}

extension IAMService {
    /// Adds an inline policy to a role, acting as root whatever session this copy has.
    mutating func putRolePolicyAsRoot(role: String, _ document: String) throws(IAMError) -> EmptyResponse {
        let saved = session
        session = nil
        defer { session = saved }
        _ = try putInlinePolicy(
            PutInlinePolicyRequest(roleName: role, policyName: "assume", policyDocument: document), as: .root)
        return EmptyResponse()
    }
}
