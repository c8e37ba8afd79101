import Foundation
import Testing

/// `iamconsole policy evaluate`, driven through the built binary.
@Suite("policy evaluate")
struct PolicyEvaluateTests {
    static let alice = "arn:aws:iam::111122223333:user/alice"
    static let session = "arn:aws:sts::111122223333:assumed-role/deployer/build-42"

    /// A policy document with one statement per `(effect, action)`, on every resource.
    static func document(_ statements: (String, String)..., sid: String? = nil) -> String {
        let body = statements.map { effect, action in
            let sidMember = sid.map { #""Sid":"\#($0)","# } ?? ""
            return #"{\#(sidMember)"Effect":"\#(effect)","Action":"\#(action)","Resource":"*"}"#
        }
        return #"{"Version":"2012-10-17","Statement":[\#(body.joined(separator: ","))]}"#
    }

    static func request(
        _ action: String, principal: String = alice, extra: String = "", identity: [String] = []
    ) -> String {
        #"{"principal":"\#(principal)","action":"\#(action)","resource":"arn:aws:s3:::bucket/key","#
            + #""identityPolicies":[\#(identity.joined(separator: ","))]\#(extra)}"#
    }

    /// Runs `policy evaluate --requests FILE` on `lines` and returns the run and its parsed output lines.
    static func evaluate(
        _ lines: [String], arguments: [String] = []
    ) throws -> (RunResult, [[String: Any]]) {
        let box = try Sandbox()
        let file = try box.write("requests.jsonl", lines.joined(separator: "\n") + "\n")
        let result = try box.run(["policy", "evaluate", "--requests", file] + arguments, as: .nobody)
        let outputs = try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        return (result, outputs)
    }

    static func decisions(_ outputs: [[String: Any]]) -> [String] {
        outputs.map { ($0["decision"] as? String) ?? "error at line \($0["line"] ?? "?")" }
    }

    @Test func identityPoliciesAllowDenyAndImplicitlyDenyInInputOrder() throws {
        let allowS3 = Self.document(("Allow", "s3:*"), sid: "ReadWrite")
        let denyDelete = Self.document(("Deny", "s3:DeleteObject"))
        let lines = [
            Self.request("s3:GetObject", identity: [allowS3, denyDelete]),
            Self.request("s3:DeleteObject", identity: [allowS3, denyDelete]),
            Self.request("ec2:DescribeInstances", identity: [allowS3, denyDelete]),
        ]
        let (result, outputs) = try Self.evaluate(lines)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(Self.decisions(outputs) == ["allowed", "explicitDeny", "implicitDeny"])
        let allowed = try #require((outputs[0]["matchedStatements"] as? [[String: Any]])?.first)
        #expect(allowed["policy"] as? String == "identityPolicies[0]")
        #expect(allowed["sid"] as? String == "ReadWrite")
        #expect(allowed["index"] as? Int == 0)
        #expect(allowed["effect"] as? String == "Allow")
        #expect(allowed["source"] as? String == "identity")
        #expect(allowed["line"] as? Int == 1)
        #expect(allowed["column"] as? Int == 38)
        let denied = try #require((outputs[1]["matchedStatements"] as? [[String: Any]])?.first)
        #expect(denied["policy"] as? String == "identityPolicies[1]")
        #expect(denied["sid"] is NSNull)
        #expect(outputs[2]["matchedStatements"] as? [Any] != nil)
        #expect((outputs[2]["matchedStatements"] as? [Any])?.isEmpty == true)
    }

    @Test func boundarySCPLevelsResourceAndSessionPolicies() throws {
        let allowS3 = Self.document(("Allow", "s3:*"))
        let allowAll = Self.document(("Allow", "*"))
        let allowEC2 = Self.document(("Allow", "ec2:*"))
        let getOnly = Self.document(("Allow", "s3:GetObject"))
        let namesAlice =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"\#(Self.alice)"},"#
            + #""Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}"#
        let lines = [
            // The boundary does not allow S3: implicit deny despite the identity allow.
            Self.request("s3:GetObject", extra: #","permissionsBoundary":\#(allowEC2)"#, identity: [allowS3]),
            // The second SCP level allows only EC2.
            Self.request("s3:GetObject", extra: #","scps":[[\#(allowAll)],[\#(allowEC2)]]"#, identity: [allowS3]),
            Self.request(
                "ec2:StartInstances", extra: #","scps":[[\#(allowAll)],[\#(allowEC2)]]"#, identity: [allowEC2]),
            // A resource policy naming the user allows without any identity policy.
            Self.request("s3:GetObject", extra: #","resourcePolicy":\#(namesAlice)"#),
            // A session policy limits the role session.
            Self.request(
                "s3:PutObject", principal: Self.session, extra: #","sessionPolicies":[\#(getOnly)]"#,
                identity: [allowS3]),
            Self.request(
                "s3:GetObject", principal: Self.session, extra: #","sessionPolicies":[\#(getOnly)]"#,
                identity: [allowS3]),
            // Cross-account without a resource policy.
            Self.request("s3:GetObject", extra: #","resourceAccount":"444455556666""#, identity: [allowS3]),
        ]
        let (result, outputs) = try Self.evaluate(lines)
        #expect(result.status == 0)
        #expect(
            Self.decisions(outputs) == [
                "implicitDeny", "implicitDeny", "allowed", "allowed", "implicitDeny", "allowed", "implicitDeny",
            ])
        let scpAllowed = (outputs[2]["matchedStatements"] as? [[String: Any]]) ?? []
        #expect(values(scpAllowed, "policy") == ["identityPolicies[0]", "scps[0][0]", "scps[1][0]"])
        #expect(values(scpAllowed, "source") == ["identity", "scp", "scp"])
        let resource = (outputs[3]["matchedStatements"] as? [[String: Any]]) ?? []
        #expect(values(resource, "policy") == ["resourcePolicy"])
        #expect(values(resource, "source") == ["resource"])
        let session = (outputs[5]["matchedStatements"] as? [[String: Any]]) ?? []
        #expect(values(session, "source") == ["identity", "session"])
    }

    @Test func conditionsReadTheContextAndReportMissingKeys() throws {
        let conditional =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","#
            + #""Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"#
            + #""ForAnyValue:StringEquals":{"aws:TagKeys":["owner"]}}}]}"#
        let asString = try #require(
            String(data: JSONSerialization.data(withJSONObject: [conditional]), encoding: .utf8))
        let lines = [
            Self.request(
                "s3:GetObject",
                extra:
                    #","context":{"AWS:PrincipalTag/team":"data","aws:SourceIp":"10.1.2.3","aws:TagKeys":["owner","x"]}"#,
                identity: [conditional]),
            Self.request(
                "s3:GetObject", extra: #","context":{"aws:SourceIp":"192.0.2.1","aws:TagKeys":["owner"]}"#,
                identity: [conditional]),
            // The same document, written as a string holding JSON.
            #"{"principal":"\#(Self.alice)","action":"s3:GetObject","resource":"*","#
                + #""context":{"aws:PrincipalTag/team":"data","aws:SourceIp":"10.9.9.9","aws:TagKeys":["owner"]},"#
                + #""identityPolicies":\#(asString)}"#,
        ]
        let (result, outputs) = try Self.evaluate(lines)
        #expect(result.status == 0)
        #expect(Self.decisions(outputs) == ["allowed", "implicitDeny", "allowed"])
        #expect(outputs[0]["missingContextKeys"] == nil)
        #expect(outputs[1]["missingContextKeys"] as? [String] == ["aws:PrincipalTag/team"])
    }

    @Test func malformedLinesProduceErrorLinesAndTheRunContinues() throws {
        let allow = Self.document(("Allow", "s3:*"))
        let lines = [
            Self.request("s3:GetObject", identity: [allow]),
            "not json",
            "",
            #"{"principal":"arn:aws:iam::111122223333:group/devs","action":"s3:GetObject","resource":"*"}"#,
            #"{"action":"s3:GetObject","resource":"*"}"#,
            Self.request("s3:GetObject", identity: [#""{\"Statement\": 3}""#]),
            #"{"principal":"*","action":"s3:GetObject","resource":"*","identityPolicy":[]}"#,
            Self.request("s3:GetObject", identity: [allow]),
        ]
        let (result, outputs) = try Self.evaluate(lines)
        #expect(result.status == 1)
        #expect(outputs.count == 7)
        #expect(outputs.first?["decision"] as? String == "allowed")
        #expect(outputs.last?["decision"] as? String == "allowed")
        let errors = outputs.dropFirst().dropLast()
        #expect(errors.map { $0["line"] as? Int } == [2, 4, 5, 6, 7])
        let messages = errors.map { ($0["error"] as? String) ?? "" }
        #expect(messages[0].hasPrefix("not JSON: column 1"))
        #expect(messages[1].contains("group/devs"))
        #expect(messages[2] == "missing field 'principal'")
        #expect(messages[3].hasPrefix("identityPolicies[0]: "))
        #expect(messages[4] == "unknown field 'identityPolicy'")
    }

    @Test func aDashReadsStandardInput() throws {
        let box = try Sandbox()
        let input = Self.request("s3:GetObject", identity: [Self.document(("Allow", "s3:Get*"))]) + "\n"
        let result = try box.run(["policy", "evaluate", "--requests", "-"], as: .nobody, stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(#"{"decision":"allowed","matchedStatements":[{"policy":"identityPolicies[0]""#))
    }

    @Test func repeatPrintsResultsOnceAndTheRateOnStandardError() throws {
        let allow = Self.document(("Allow", "s3:*"))
        let lines = [
            Self.request("s3:GetObject", identity: [allow]), Self.request("ec2:RunInstances", identity: [allow]),
        ]
        let (result, outputs) = try Self.evaluate(lines, arguments: ["--repeat", "3"])
        #expect(result.status == 0)
        #expect(Self.decisions(outputs) == ["allowed", "implicitDeny"])
        let rate = result.stderr.split(separator: "\n")
        #expect(rate.count == 1)
        #expect(rate.first?.hasPrefix("decisions/s: ") == true)
        #expect(rate.first.flatMap { Int($0.dropFirst("decisions/s: ".count)) } != nil)
    }

    @Test func traceListsEveryStatement() throws {
        let policy = Self.document(("Allow", "s3:GetObject"), ("Deny", "ec2:*"))
        let (result, outputs) = try Self.evaluate(
            [Self.request("s3:GetObject", identity: [policy])], arguments: ["--trace"])
        #expect(result.status == 0)
        let trace = try #require(outputs.first?["trace"] as? [[String: Any]])
        #expect(trace.map { $0["applied"] as? Bool } == [true, false])
        #expect(trace.last?["reason"] as? String == "action does not match")
    }

    @Test func unreadableFilesExitTwoAndUsageErrorsExit252() throws {
        let box = try Sandbox()
        let missing = try box.run(["policy", "evaluate", "--requests", box.folder + "/missing.jsonl"], as: .nobody)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read"))
        let directory = try box.run(["policy", "evaluate", "--requests", box.folder], as: .nobody)
        #expect(directory.status == 2)
        for arguments in [
            [], ["--requests"], ["--requests", "x", "--repeat", "0"], ["--requests", "x", "--repeat", "many"],
            ["--requests", "x", "--bogus"], ["--requests", "x", "extra"],
        ] {
            let usage = try box.run(["policy", "evaluate"] + arguments, as: .nobody)
            #expect(usage.status == 252, "arguments \(arguments)")
            #expect(usage.stderr.contains("usage: iamconsole policy evaluate"))
        }
        let help = try box.run(["policy", "evaluate", "--help"], as: .nobody)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--requests FILE|-"))
    }
}
