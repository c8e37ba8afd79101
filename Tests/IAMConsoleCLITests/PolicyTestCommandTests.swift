import Foundation
import Testing

/// `iamconsole policy test`: a suite of expected decisions, against given documents or the workspace.
@Suite("policy test")
struct PolicyTestCommandTests {
    static let suite = #"""
        {"tests": [
          {"name": "alice is an admin", "principal": "arn:aws:iam::111122223333:user/alice",
           "action": "iam:CreateUser", "resource": "arn:aws:iam::111122223333:user/x", "expect": "allowed"},
          {"name": "bob needs MFA", "principal": "arn:aws:iam::111122223333:user/engineering/bob",
           "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "expect": "explicitDeny"},
          {"name": "bob with MFA", "principal": "arn:aws:iam::111122223333:user/engineering/bob",
           "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k",
           "context": {"aws:MultiFactorAuthPresent": "true"}, "expect": "allowed"},
          {"name": "carol only reads", "principal": "arn:aws:iam::111122223333:user/carol",
           "action": "iam:CreateUser", "resource": "*", "expect": "denied"},
          {"name": "given documents", "principal": "arn:aws:iam::111122223333:user/x",
           "identityPolicies": [{"Version": "2012-10-17", "Statement": [
             {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}],
           "action": "s3:GetObject", "resource": "*", "expect": "allowed", "expectMatchedSids": ["Read"]}
        ]}
        """#

    @Test func aPassingSuiteExitsZero() throws {
        let box = try Sandbox()
        try box.initSample()
        let file = try box.write("suite.json", Self.suite)
        let result = try box.run(["policy", "test", file, "--workspace", box.workspace], as: .nobody)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "5 passed, 0 failed\n")
    }

    @Test func failuresArePrintedWithTheirPlaceAndTheRunExitsOne() throws {
        let box = try Sandbox()
        try box.initSample()
        let wrong = Self.suite.replacingOccurrences(
            of: #""action": "iam:CreateUser", "resource": "*", "expect": "denied""#,
            with: #""action": "iam:CreateUser", "resource": "*", "expect": "allowed""#)
        let file = try box.write("suite.json", wrong)
        let result = try box.run(["policy", "test", file, "--workspace", box.workspace], as: .nobody)
        #expect(result.status == 1)
        #expect(
            result.stdout
                == "FAIL \(file):9:3: carol only reads: expected allowed, got implicitDeny (no identity-based policy "
                + "allows the iam:CreateUser action)\n4 passed, 1 failed\n")
    }

    @Test func matchedSidsAreChecked() throws {
        let box = try Sandbox()
        let suite = #"""
            {"tests": [{"name": "sid", "principal": "arn:aws:iam::111122223333:user/x",
              "identityPolicies": [{"Version": "2012-10-17", "Statement": [
                {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}],
              "action": "s3:GetObject", "resource": "*", "expect": "allowed", "expectMatchedSids": ["Other"]}]}
            """#
        let file = try box.write("suite.json", suite)
        let result = try box.run(["policy", "test", file], as: .nobody)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#"expected matched Sids ["Other"], got ["Read"]"#))
    }

    @Test func badInputs() throws {
        let box = try Sandbox()
        let notJSON = try box.write("bad.json", "{\"tests\": [\n  {oops}\n]}")
        let syntax = try box.run(["policy", "test", notJSON], as: .nobody)
        #expect(syntax.status == 2)
        #expect(syntax.stderr.hasPrefix("\(notJSON):2:4: invalid JSON"))
        let missing = try box.run(["policy", "test", box.folder + "/nope.json"], as: .nobody)
        #expect(missing.status == 2)
        let usage = try box.run(["policy", "test"], as: .nobody)
        #expect(usage.status == 252)
        let badExpect = try box.write(
            "expect.json",
            #"{"tests": [{"principal": "*", "action": "s3:GetObject", "resource": "*", "expect": "yes"}]}"#)
        let expectResult = try box.run(["policy", "test", badExpect], as: .nobody)
        #expect(expectResult.status == 1)
        #expect(expectResult.stdout.contains("\"expect\" must be allowed, explicitDeny, implicitDeny or denied"))
    }
}
