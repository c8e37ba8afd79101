import Foundation
import Testing

/// `iamconsole audit`: every CLI request is in the trail, which prints as text or as a CloudTrail
/// log file, filtered by principal, action, outcome and time.
@Suite("iamconsole audit")
struct AuditCommandTests {
    /// The sample workspace after an allowed write (alice), a denied write (carol) and a failed read.
    static func sandboxWithRequests() throws -> Sandbox {
        let box = try Sandbox()
        try box.initSample()
        try box.ok("create-user", "--user-name", "erin")
        #expect(try box.iam("create-user", "--user-name", "sneaky", as: .carol).status == 254)
        #expect(try box.iam("get-user", "--user-name", "ghost").status == 254)
        return box
    }

    static func records(_ result: RunResult) throws -> [[String: Any]] {
        try #require(try result.json()["Records"] as? [[String: Any]], "no Records in \(result.stdout)")
    }

    @Test func jsonOutputIsACloudTrailLogFile() throws {
        let box = try Self.sandboxWithRequests()
        let result = try box.run(["audit", "--output", "json"], as: .nobody)
        #expect(result.status == 0, "\(result.stderr)")
        let records = try Self.records(result)
        #expect(records.map { $0["eventName"] as? String } == ["CreateUser", "CreateUser", "GetUser"])
        let allowed = records[0]
        #expect(allowed["eventVersion"] as? String == "1.08")
        #expect(allowed["eventSource"] as? String == "iam.amazonaws.com")
        #expect(allowed["eventTime"] as? String == Sandbox.now)
        #expect(allowed["sourceIPAddress"] as? String == "local")
        #expect((allowed["userAgent"] as? String)?.hasPrefix("iamconsole-cli/") == true)
        #expect(allowed["eventType"] as? String == "AwsApiCall")
        #expect(allowed["recipientAccountId"] as? String == "111122223333")
        let identity = try #require(allowed["userIdentity"] as? [String: Any])
        #expect(identity["type"] as? String == "IAMUser" && identity["userName"] as? String == "alice")
        #expect(identity["accessKeyId"] as? String == Caller.aliceKeyId)
        #expect((allowed["requestParameters"] as? [String: Any])?["userName"] as? String == "erin")
        #expect(((allowed["responseElements"] as? [String: Any])?["user"] as? [String: Any])?["userName"] != nil)
        #expect(records[1]["errorCode"] as? String == "AccessDenied")
        #expect(records[1]["responseElements"] is NSNull)
        #expect(records[2]["errorCode"] as? String == "NoSuchEntityException")
        #expect(records[2]["readOnly"] as? Bool == true)
    }

    @Test func filtersSelectByPrincipalActionOutcomeTimeAndCount() throws {
        let box = try Self.sandboxWithRequests()
        func names(_ arguments: String...) throws -> [String?] {
            let result = try box.run(["audit", "--output", "json"] + arguments, as: .nobody)
            #expect(result.status == 0, "\(result.stderr)")
            return try Self.records(result).map { $0["eventName"] as? String }
        }
        #expect(try names("--principal", "carol") == ["CreateUser"])
        #expect(try names("--principal", "arn:aws:iam::111122223333:user/alice").count == 2)
        #expect(try names("--action", "iam:Get*") == ["GetUser"])
        #expect(try names("--outcome", "failure") == ["CreateUser", "GetUser"])
        #expect(try names("--outcome", "success") == ["CreateUser"])
        #expect(try names("--since", "2026-03-01T12:00:01Z").isEmpty)
        #expect(try names("--until", "2026-03-01").isEmpty)
        #expect(try names("--max-items", "1") == ["GetUser"])
        #expect(try box.run(["audit", "--outcome", "maybe"], as: .nobody).status == 252)
    }

    @Test func textOutputIsOneLinePerRecord() throws {
        let box = try Self.sandboxWithRequests()
        let result = try box.run(["audit"], as: .nobody)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "\(Sandbox.now)\tarn:aws:iam::111122223333:user/alice\tiam:CreateUser\tSuccess")
        #expect(lines[1].contains("user/carol\tiam:CreateUser\tAccessDenied: User: "))
    }

    @Test func exportWritesTheLogFile() throws {
        let box = try Self.sandboxWithRequests()
        let result = try box.run(["audit", "export", "trail.json", "--outcome", "failure"], as: .nobody)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try #require(FileManager.default.contents(atPath: box.folder + "/trail.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["Records"] as? [Any])?.count == 2)
    }

    @Test func secretsFromTheCommandLineNeverReachTheTrail() throws {
        let box = try Sandbox()
        try box.initSample()
        let key = try box.ok("create-access-key", "--user-name", "dave")
        let secret = try #require((key["AccessKey"] as? [String: Any])?["SecretAccessKey"] as? String)
        try box.ok("create-login-profile", "--user-name", "dave", "--password", "Dave-Secret-Pw-2026!")
        let trail = try #require(FileManager.default.contents(atPath: box.workspace + ".audit.jsonl"))
        let text = String(decoding: trail, as: UTF8.self)
        #expect(!text.contains(secret) && !text.contains("Dave-Secret-Pw-2026!"))
        #expect(text.contains("HIDDEN_DUE_TO_SECURITY_REASONS"))
    }

    @Test func concurrentProcessesAppendWholeRecords() throws {
        let box = try Sandbox()
        try box.initSample()
        let runs = try (0..<4).map { _ in try box.start(["iam", "list-users"]) }
        for run in runs { #expect(run.wait().status == 0) }
        let result = try box.run(["audit", "--output", "json"], as: .nobody)
        #expect(result.stderr == "", "unreadable lines: \(result.stderr)")
        #expect(try Self.records(result).map { $0["eventName"] as? String } == Array(repeating: "ListUsers", count: 4))
    }
}
