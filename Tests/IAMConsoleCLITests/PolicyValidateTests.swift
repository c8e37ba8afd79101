import Foundation
import Testing

/// `iamconsole policy validate`, driven through the built binary.
@Suite("policy validate")
struct PolicyValidateTests {
    static let passRole = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": ["iam:PassRole", "s3:GetObjekt"], "Resource": "*"}
            ]
        }
        """

    @Test func textOutputListsFindingsAndExitsOneOnErrors() throws {
        let box = try Sandbox()
        let file = try box.write("policy.json", Self.passRole)
        let result = try box.run(["policy", "validate", file], as: .nobody)
        #expect(result.status == 1)
        #expect(result.stderr == "")
        let passRoleLine: String =
            "\(file):4:85: security_warning: Using the iam:PassRole action with wildcards (*) in the resource can "
            + "be overly permissive because it allows iam:PassRole permissions on multiple resources. We "
            + "recommend that you specify resource ARNs or add the iam:PassedToService condition key to your "
            + "statement. (PASS_ROLE_WITH_STAR_IN_RESOURCE)"
        let actionLine =
            "\(file):4:56: error: The action s3:GetObjekt does not exist in Amazon S3 (s3). (INVALID_ACTION)"
        #expect(result.stdout == actionLine + "\n" + passRoleLine + "\n")
    }

    @Test func jsonOutputHasAccessAnalyzersShape() throws {
        let box = try Sandbox()
        let file = try box.write("policy.json", Self.passRole)
        let result = try box.run(["policy", "validate", file, "--output", "json"], as: .nobody)
        #expect(result.status == 1)
        let findings = try #require(try result.json()["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let first = try #require(findings.first)
        #expect(first["findingType"] as? String == "ERROR")
        #expect(first["issueCode"] as? String == "INVALID_ACTION")
        #expect((first["learnMoreLink"] as? String)?.hasPrefix("https://docs.aws.amazon.com/") == true)
        let location = try #require((first["locations"] as? [[String: Any]])?.first)
        let path = try #require(location["path"] as? [[String: Any]])
        #expect(path.count == 4)
        #expect(path[0]["value"] as? String == "Statement")
        #expect(path[1]["index"] as? Int == 0)
        #expect(path[2]["value"] as? String == "Action")
        #expect(path[3]["index"] as? Int == 1)
        let span = try #require(location["span"] as? [String: [String: Int]])
        #expect(span["start"] == ["line": 4, "column": 55, "offset": 105])
        #expect(span["end"] == ["line": 4, "column": 69, "offset": 119])
    }

    @Test func aCleanPolicyPrintsNothingAndExitsZero() throws {
        let box = try Sandbox()
        let text =
            #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}"#
        let result = try box.run(["policy", "validate", "-"], as: .nobody, stdin: text)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        let json = try box.run(["policy", "validate", "-", "--output", "json"], as: .nobody, stdin: text)
        #expect(json.status == 0)
        #expect(try json.json()["findings"] as? [Any] != nil)
    }

    @Test func warningsAloneExitZero() throws {
        let box = try Sandbox()
        let text = #"{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}"#
        let result = try box.run(["policy", "validate", "-"], as: .nobody, stdin: text)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<stdin>:1:1: warning: "))
        #expect(result.stdout.hasSuffix("(MISSING_VERSION)\n"))
    }

    @Test func theTypeSelectsTheRules() throws {
        let box = try Sandbox()
        let trust = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
             "Action": "sts:AssumeRole"}]}
            """
        let file = try box.write("trust.json", trust)
        #expect(try box.run(["policy", "validate", file, "--type", "trust"], as: .nobody).status == 0)
        let asIdentity = try box.run(["policy", "validate", file], as: .nobody)
        #expect(asIdentity.status == 1)
        #expect(asIdentity.stdout.contains("(UNSUPPORTED_PRINCIPAL)"))
    }

    @Test(arguments: [
        ["policy"],
        ["policy", "check", "x.json"],
        ["policy", "validate"],
        ["policy", "validate", "a.json", "b.json"],
        ["policy", "validate", "a.json", "--type", "group"],
        ["policy", "validate", "a.json", "--output", "yaml"],
        ["policy", "validate", "a.json", "--output"],
        ["policy", "validate", "a.json", "--strict"],
    ])
    func usageErrorsExit252(arguments: [String]) throws {
        let box = try Sandbox()
        _ = try box.write("a.json", "{}")
        let result = try box.run(arguments, as: .nobody)
        #expect(result.status == 252)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("iamconsole: error: "))
    }

    @Test func anUnreadableFileExitsTwoNamingIt() throws {
        let box = try Sandbox()
        let missing = box.folder + "/missing.json"
        let result = try box.run(["policy", "validate", missing], as: .nobody)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "iamconsole: error: cannot read \(missing): no such file\n")
        let folder = try box.run(["policy", "validate", box.folder], as: .nobody)
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("cannot read \(box.folder)"))
    }

    @Test func badInputIsAClearErrorNotACrash() throws {
        let box = try Sandbox()
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let item = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"},"#
        let large =
            #"{"Version": "2012-10-17", "Statement": ["# + String(repeating: item, count: 2_700)
            + #"{"Effect": "Deny", "Action": "*", "Resource": "*"}]}"#
        let inputs: [(String, String)] = [
            ("not JSON", "Version: 2012-10-17"), ("wrong type", "[1, 2, 3]"), ("deep", deep), ("large", large),
        ]
        for (name, text) in inputs {
            let result = try box.run(["policy", "validate", "-"], as: .nobody, stdin: text, timeout: 60)
            #expect(result.status == 1, "\(name): \(result.stderr)")
            #expect(result.stdout.contains(": error: "), "\(name)")
        }
        let path = box.folder + "/latin1.json"
        try Data([0x7B, 0x22, 0xE9, 0x22, 0x7D]).write(to: URL(fileURLWithPath: path))
        let result = try box.run(["policy", "validate", path], as: .nobody)
        #expect(result.status == 1)
        #expect(result.stdout.contains("not valid UTF-8"))
    }

    @Test func aMissingCatalogIsAWarning() throws {
        let box = try Sandbox()
        let text = #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:Nope", "Resource": "*"}}"#
        let result = try box.run(
            ["policy", "validate", "-"], as: .nobody, stdin: text,
            extra: ["IAMCONSOLE_ACTION_CATALOG": box.folder + "/none.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning: The catalog of AWS actions is unavailable"))
        #expect(result.stdout.contains("(CATALOG_UNAVAILABLE)"))
    }
}
