import Foundation
import Testing

/// `iamconsole sts` end to end: temporary credentials used by later calls, last-use recording,
/// and refusals that leave the workspace byte for byte as it was.
@Suite("sts commands")
struct STSCommandTests {
    static let account = "111122223333"
    static let trustAccount =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#

    /// A sandbox with the sample account and a role `dev` (7200 s maximum) that the account trusts.
    static func sandbox() throws -> Sandbox {
        let box = try Sandbox()
        try box.initSample()
        try box.ok(
            "create-role", "--role-name", "dev", "--assume-role-policy-document", trustAccount,
            "--max-session-duration", "7200")
        try box.ok(
            "attach-role-policy", "--role-name", "dev", "--policy-arn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess")
        return box
    }

    static func sts(
        _ box: Sandbox, _ arguments: [String], as caller: Caller = .alice, extra: [String: String] = [:]
    )
        throws -> RunResult
    {
        try box.run(["sts"] + arguments, as: caller, extra: extra)
    }

    /// The caller the `Credentials` of an STS response describe.
    static func temporary(_ output: [String: Any]) throws -> (Caller, [String: String]) {
        let credentials = try #require(output["Credentials"] as? [String: String])
        let id = try #require(credentials["AccessKeyId"])
        let secret = try #require(credentials["SecretAccessKey"])
        let token = try #require(credentials["SessionToken"])
        return (.key(id: id, secret: secret), ["AWS_SESSION_TOKEN": token])
    }

    @Test func assumeRoleCredentialsActAsTheRoleSession() throws {
        let box = try Self.sandbox()
        let result = try Self.sts(
            box, ["assume-role", "--role-arn", "arn:aws:iam::111122223333:role/dev", "--role-session-name", "ci"])
        try #require(result.status == 0, "\(result.stderr)")
        let output = try result.json()
        let credentials = try #require(output["Credentials"] as? [String: String])
        #expect(credentials["AccessKeyId"]?.hasPrefix("ASIA") == true)
        #expect(credentials["Expiration"] == "2026-03-01T13:00:00+00:00")
        #expect(
            (output["AssumedRoleUser"] as? [String: String])?["Arn"] == "arn:aws:sts::111122223333:assumed-role/dev/ci")
        let file = String(decoding: try box.workspaceBytes(), as: UTF8.self)
        #expect(!file.contains(try #require(credentials["SecretAccessKey"])))
        #expect(!file.contains(try #require(credentials["SessionToken"])))

        let (caller, extra) = try Self.temporary(output)
        let identity = try Self.sts(box, ["get-caller-identity"], as: caller, extra: extra)
        try #require(identity.status == 0, "\(identity.stderr)")
        let shape = try identity.json()
        #expect(shape["Arn"] as? String == "arn:aws:sts::111122223333:assumed-role/dev/ci")
        #expect((shape["UserId"] as? String)?.hasPrefix("AROA") == true)
        #expect((shape["UserId"] as? String)?.hasSuffix(":ci") == true)
        let users = try box.run(["iam", "list-users"], as: caller, extra: extra)
        #expect(users.status == 0, "\(users.stderr)")
        let denied = try box.run(["iam", "create-user", "--user-name", "x"], as: caller, extra: extra)
        #expect(denied.status == 254)
        #expect(
            denied.stderr.contains(
                "(AccessDenied) when calling the CreateUser operation: User: arn:aws:sts::111122223333:assumed-role/dev/ci"
            ))
    }

    @Test func theKeysLastUseRecordsServiceAndRegion() throws {
        let box = try Sandbox()
        try box.initSample()
        let never = try box.ok("get-access-key-last-used", "--access-key-id", Caller.carolKeyId)
        #expect(
            never["AccessKeyLastUsed"] as? [String: String] == ["ServiceName": "N/A", "Region": "N/A"])
        #expect(never["UserName"] as? String == "carol")
        #expect(try Self.sts(box, ["get-caller-identity"], extra: ["AWS_REGION": "eu-west-1"]).status == 0)
        let afterSTS = try box.ok("get-access-key-last-used", "--access-key-id", Caller.aliceKeyId)
        #expect(
            afterSTS["AccessKeyLastUsed"] as? [String: String]
                == ["LastUsedDate": "2026-03-01T12:00:00+00:00", "ServiceName": "sts", "Region": "eu-west-1"])
        let env = try box.run(
            ["iam", "get-access-key-last-used", "--access-key-id", Caller.aliceKeyId], as: .alice,
            extra: ["AWS_DEFAULT_REGION": "ap-south-1"])
        #expect(env.status == 0)
        // A call reports the use before its own, as AWS shows the previous request's.
        let last = try box.ok("get-access-key-last-used", "--access-key-id", Caller.aliceKeyId)
        #expect(
            last["AccessKeyLastUsed"] as? [String: String]
                == ["LastUsedDate": "2026-03-01T12:00:00+00:00", "ServiceName": "iam", "Region": "ap-south-1"])
    }

    @Test func aSessionTokenWithoutMFACannotCallIAMButCanCallSTS() throws {
        let box = try Self.sandbox()
        let result = try Self.sts(box, ["get-session-token", "--duration-seconds", "900"])
        try #require(result.status == 0, "\(result.stderr)")
        let (caller, extra) = try Self.temporary(try result.json())
        let iam = try box.run(["iam", "list-users"], as: caller, extra: extra)
        #expect(iam.status == 254)
        #expect(
            iam.stderr
                == "\nAn error occurred (InvalidClientTokenId) when calling the ListUsers operation: "
                + "The security token included in the request is invalid.\n")
        #expect(try Self.sts(box, ["get-caller-identity"], as: caller, extra: extra).status == 0)
        let again = try Self.sts(box, ["get-session-token"], as: caller, extra: extra)
        #expect(
            again.stderr
                == "\nAn error occurred (AccessDenied) when calling the GetSessionToken operation: "
                + "Cannot call GetSessionToken with session credentials\n")
    }

    @Test func refusalsAreAWSErrorsAndChangeNoByte() throws {
        let box = try Self.sandbox()
        let assumed = try Self.sts(
            box, ["assume-role", "--role-arn", "arn:aws:iam::111122223333:role/dev", "--role-session-name", "ci"])
        let (caller, extra) = try Self.temporary(try assumed.json())
        // Settle the key's last use so that only a refusal could change the file.
        #expect(try Self.sts(box, ["get-caller-identity"]).status == 0)
        let before = try box.workspaceBytes()
        let cases: [([String], Caller, [String: String], String)] = [
            (
                ["get-caller-identity"], caller, ["AWS_SESSION_TOKEN": "wrong", "IAMCONSOLE_TEST_NOW": Sandbox.now],
                "(InvalidClientTokenId) when calling the GetCallerIdentity operation: "
                    + "The security token included in the request is invalid."
            ),
            (
                ["get-caller-identity"], caller, extra.merging(["IAMCONSOLE_TEST_NOW": "2026-03-01T13:00:00Z"]) { $1 },
                "(ExpiredToken) when calling the GetCallerIdentity operation: "
                    + "The security token included in the request is expired"
            ),
            (
                [
                    "assume-role", "--role-arn", "arn:aws:iam::111122223333:role/dev", "--role-session-name", "xy",
                    "--duration-seconds", "7201",
                ], .alice, [:],
                "(ValidationError) when calling the AssumeRole operation: "
                    + "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
            ),
            (
                [
                    "assume-role", "--role-arn", "arn:aws:iam::111122223333:role/dev", "--role-session-name", "xy",
                    "--duration-seconds", "3601",
                ], caller, extra,
                "(ValidationError) when calling the AssumeRole operation: "
                    + "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."
            ),
            (
                ["assume-role", "--role-arn", "arn:aws:iam::111122223333:role/dev", "--role-session-name", "a b"],
                .alice, [:],
                "(ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value 'a b' at "
                    + #"'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*"#
            ),
            (
                ["assume-role", "--role-arn", "arn:aws:iam::111122223333:role/dev", "--role-session-name", "xy"],
                .carol, [:],
                "(AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/carol is "
                    + "not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/dev"
            ),
            (
                [
                    "get-session-token", "--serial-number", "arn:aws:iam::111122223333:mfa/alice-phone", "--token-code",
                    "1234567",
                ], .alice, [:],
                "(ValidationError) when calling the GetSessionToken operation: 1 validation error detected: Value "
                    + "'1234567' at 'tokenCode' failed to satisfy constraint: Member must have length less than or equal to 6"
            ),
        ]
        for (arguments, who, variables, message) in cases {
            let result = try Self.sts(box, arguments, as: who, extra: variables)
            #expect(result.status == 254, "\(arguments)")
            #expect(result.stderr == "\nAn error occurred \(message)\n", "\(arguments)")
            #expect(try box.workspaceBytes() == before, "\(arguments) changed the workspace")
        }
    }

    @Test func mfaCodesAreCheckedLikeSignInAndNeverReplayed() throws {
        let box = try Sandbox()
        try box.initSample()
        let serial = "arn:aws:iam::111122223333:mfa/alice-phone"
        try box.ok(
            "create-virtual-mfa-device", "--virtual-mfa-device-name", "alice-phone", "--outfile", "seed.txt",
            "--bootstrap-method", "Base32StringSeed")
        func code(_ offset: Int) throws -> String {
            let result = try box.run(
                ["mfa", "code", "--serial-number", serial, "--offset", String(offset)], as: .nobody)
            return result.stdout.trimmingCharacters(in: .newlines)
        }
        try box.ok(
            "enable-mfa-device", "--user-name", "alice", "--serial-number", serial, "--authentication-code1",
            try code(-2), "--authentication-code2", try code(-1))
        #expect(try Self.sts(box, ["get-caller-identity"]).status == 0)
        let before = try box.workspaceBytes()
        for bad in [try code(-2), try code(-1)] {  // two steps ago, then the last code accepted (a replay)
            let result = try Self.sts(box, ["get-session-token", "--serial-number", serial, "--token-code", bad])
            #expect(
                result.stderr
                    == "\nAn error occurred (AccessDenied) when calling the GetSessionToken operation: "
                    + "MultiFactorAuthentication failed with invalid MFA one time pass code.\n")
            #expect(try box.workspaceBytes() == before)
        }
        let good = try Self.sts(box, ["get-session-token", "--serial-number", serial, "--token-code", try code(0)])
        try #require(good.status == 0, "\(good.stderr)")
        let (caller, extra) = try Self.temporary(try good.json())
        let iam = try box.run(["iam", "list-users"], as: caller, extra: extra)
        #expect(iam.status == 0, "\(iam.stderr)")
        let replay = try Self.sts(box, ["get-session-token", "--serial-number", serial, "--token-code", try code(0)])
        #expect(replay.stderr.contains("MultiFactorAuthentication failed with invalid MFA one time pass code."))
    }

    @Test func aDeletedUsersKeyIsRefusedAtOnce() throws {
        let box = try Sandbox()
        try box.initSample()
        let created = try box.ok("create-access-key", "--user-name", "bob")
        let key = try #require(created["AccessKey"] as? [String: Any])
        let id = try #require(key["AccessKeyId"] as? String)
        let secret = try #require(key["SecretAccessKey"] as? String)
        #expect(try Self.sts(box, ["get-caller-identity"], as: .key(id: id, secret: secret)).status == 0)
        try box.ok("delete-access-key", "--user-name", "bob", "--access-key-id", id)
        try box.ok("delete-login-profile", "--user-name", "bob")
        try box.ok("remove-user-from-group", "--user-name", "bob", "--group-name", "Developers")
        try box.ok("delete-user", "--user-name", "bob")
        let before = try box.workspaceBytes()
        let result = try Self.sts(box, ["get-caller-identity"], as: .key(id: id, secret: secret))
        #expect(
            result.stderr
                == "\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: "
                + "The security token included in the request is invalid.\n")
        #expect(try box.workspaceBytes() == before)
    }
}
