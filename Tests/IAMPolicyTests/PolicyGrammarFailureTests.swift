import IAMPolicy
import Testing

private let allow = #""Effect": "Allow""#
private let bucket = #""Resource": "arn:aws:s3:::bucket/*""#

@Suite struct PolicyGrammarFailureTests {
    static let documentCases: [GrammarCase] = [
        GrammarCase(
            name: "invalid character", kind: .identity,
            document: policy(#"{\#(allow), "Action": "s3:*", "Resource": "arn:aws:s3:::b/€"}"#),
            message: "Policy document contains invalid characters.", path: "$", marker: "€"),
        GrammarCase(
            name: "JSON syntax", kind: .identity, document: "{\n  \"Statement\": [\n  }",
            message: "Syntax errors in policy.",
            path: "$", marker: "}"),
        GrammarCase(
            name: "duplicate key", kind: .identity,
            document: policy(#"{\#(allow), "Effect": "Deny", "Action": "*", "Resource": "*"}"#),
            message: "Syntax errors in policy.", path: "$.Statement.Effect", marker: "\"Effect\"", occurrence: 1),
        GrammarCase(
            name: "not an object", kind: .identity, document: "[\"Statement\"]", message: "Syntax errors in policy.",
            path: "$", marker: "["),
        GrammarCase(
            name: "unknown top-level element", kind: .identity,
            document: "{\"Statement\": {\(allow), \"Action\": \"*\", \"Resource\": \"*\"},\n \"Foo\": 1}",
            message: "Syntax errors in policy.", path: "$.Foo", marker: "\"Foo\""),
        GrammarCase(
            name: "missing Statement", kind: .identity, document: "\n {\"Version\": \"2012-10-17\"}",
            message: "Syntax errors in policy.", path: "$", marker: "{"),
        GrammarCase(
            name: "empty Statement", kind: .identity, document: policy("[ ]"), message: "Syntax errors in policy.",
            path: "$.Statement", marker: "[ ]"),
        GrammarCase(
            name: "Statement string", kind: .identity, document: policy("\"Allow\""),
            message: "Syntax errors in policy.", path: "$.Statement", marker: "\"Allow\""),
        GrammarCase(
            name: "statement not an object", kind: .identity, document: policy("[true]"),
            message: "Syntax errors in policy.", path: "$.Statement[0]", marker: "true"),
        GrammarCase(
            name: "unknown statement element", kind: .identity,
            document: policy(#"[{\#(allow), "Action": "*", "Actions": "*", \#(bucket)}]"#),
            message: "Syntax errors in policy.", path: "$.Statement[0].Actions", marker: "\"Actions\""),
        GrammarCase(
            name: "unknown Effect", kind: .identity,
            document: policy(#"{"Effect": "Permit", "Action": "*", \#(bucket)}"#),
            message: "Syntax errors in policy.", path: "$.Statement.Effect", marker: "\"Permit\""),
        GrammarCase(
            name: "Effect in the wrong case", kind: .identity,
            document: policy(#"{"Effect": "allow", "Action": "*", \#(bucket)}"#),
            message: "The policy failed legacy parsing", path: "$.Statement.Effect", marker: "\"allow\""),
        GrammarCase(
            name: "missing Effect", kind: .identity, document: policy(#"{"Action": "*", \#(bucket)}"#),
            message: "Syntax errors in policy.", path: "$.Statement", marker: "{", occurrence: 1),
        GrammarCase(
            name: "Action and NotAction", kind: .identity,
            document: policy(#"{\#(allow), "Action": "*", "NotAction": "s3:*", \#(bucket)}"#),
            message: "Syntax errors in policy.", path: "$.Statement.NotAction", marker: "\"NotAction\""),
        GrammarCase(
            name: "Resource and NotResource", kind: .identity,
            document: policy(#"{\#(allow), "Action": "*", "NotResource": "*", \#(bucket)}"#),
            message: "Syntax errors in policy.", path: "$.Statement.Resource", marker: "\"Resource\""),
        GrammarCase(
            name: "no Action", kind: .identity, document: policy("{\(allow), \(bucket)}"),
            message: "Policy statement must contain actions.", path: "$.Statement", marker: "{", occurrence: 1),
        GrammarCase(
            name: "empty Action list", kind: .identity, document: policy(#"{\#(allow), "Action": [], \#(bucket)}"#),
            message: "Policy statement must contain actions.", path: "$.Statement.Action", marker: "[]"),
        GrammarCase(
            name: "Action not a string", kind: .identity, document: policy(#"{\#(allow), "Action": 3, \#(bucket)}"#),
            message: "Syntax errors in policy.", path: "$.Statement.Action", marker: "3"),
        GrammarCase(
            name: "Action list holding a number", kind: .identity,
            document: policy(#"{\#(allow), "Action": ["s3:*", 3], \#(bucket)}"#),
            message: "Syntax errors in policy.", path: "$.Statement.Action[1]", marker: "3", occurrence: 1),
        GrammarCase(
            name: "identity policy without resources", kind: .identity,
            document: policy(#"[{\#(allow), "Action": "*", \#(bucket)}, {\#(allow), "Action": "*"}]"#),
            message: "Policy statement must contain resources.", path: "$.Statement[1]", marker: "{", occurrence: 2),
        GrammarCase(
            name: "managed policy without resources", kind: .managed, document: policy(#"{\#(allow), "Action": "*"}"#),
            message: "Policy statement must contain resources.", path: "$.Statement", marker: "{", occurrence: 1),
        GrammarCase(
            name: "boundary with an empty Resource list", kind: .boundary,
            document: policy(#"{\#(allow), "Action": "*", "Resource": []}"#),
            message: "Policy statement must contain resources.", path: "$.Statement.Resource", marker: "[]"),
        GrammarCase(
            name: "identity policy with a principal", kind: .identity,
            document: policy(#"{\#(allow), "Principal": "*", "Action": "*", \#(bucket)}"#),
            message: "Policy document should not specify a principal.", path: "$.Statement.Principal",
            marker: "\"Principal\""),
        GrammarCase(
            name: "SCP with a NotPrincipal", kind: .scp,
            document: policy(#"{"Effect": "Deny", "NotPrincipal": {"AWS": "123456789012"}, "Action": "*"}"#),
            message: "Policy document should not specify a principal.", path: "$.Statement.NotPrincipal",
            marker: "\"NotPrincipal\""),
        GrammarCase(
            name: "trust policy with a Resource", kind: .trust,
            document: policy(
                #"{\#(allow), "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}"#
            ),
            message: "Has prohibited field Resource.", path: "$.Statement.Resource", marker: "\"Resource\""),
        GrammarCase(
            name: "trust policy with a NotResource", kind: .trust,
            document: policy(#"{\#(allow), "Principal": "*", "Action": "sts:AssumeRole", "NotResource": "*"}"#),
            message: "Has prohibited field NotResource.", path: "$.Statement.NotResource", marker: "\"NotResource\""),
        GrammarCase(
            name: "trust policy without a principal", kind: .trust,
            document: policy(#"{\#(allow), "Action": "sts:AssumeRole"}"#),
            message: "Missing required field Principal", path: "$.Statement", marker: "{", occurrence: 1),
        GrammarCase(
            name: "trust policy allowing another action", kind: .trust,
            document: policy(#"{\#(allow), "Principal": "*", "Action": ["sts:AssumeRole", "s3:GetObject"]}"#),
            message:
                "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity",
            path: "$.Statement.Action[1]", marker: "\"s3:GetObject\""),
        GrammarCase(
            name: "resource policy without a principal", kind: .resource,
            document: policy(#"{\#(allow), "Action": "s3:GetObject", \#(bucket)}"#),
            message: "Missing required field Principal", path: "$.Statement", marker: "{", occurrence: 1),
        GrammarCase(
            name: "principal as a bare ARN", kind: .resource,
            document: policy(#"{\#(allow), "Principal": "arn:aws:iam::123456789012:root", "Action": "*", \#(bucket)}"#),
            message: "Syntax errors in policy.", path: "$.Statement.Principal", marker: "\"arn:aws:iam"),
        GrammarCase(
            name: "unknown principal type", kind: .trust,
            document: policy(#"{\#(allow), "Principal": {"Users": "x"}, "Action": "sts:AssumeRole"}"#),
            message: "Syntax errors in policy.", path: "$.Statement.Principal.Users", marker: "\"Users\""),
        GrammarCase(
            name: "duplicate Sid", kind: .identity,
            document: policy(
                #"[{"Sid": "A1", \#(allow), "Action": "*", \#(bucket)},"# + "\n"
                    + #"{"Sid": "A1", \#(allow), "Action": "*", \#(bucket)}]"#),
            message: "Statement IDs (SID) in a single policy must be unique.", path: "$.Statement[1].Sid",
            marker: "\"A1\"", occurrence: 1),
        GrammarCase(
            name: "Sid with a space", kind: .identity,
            document: policy(#"{"Sid": "Read only", \#(allow), "Action": "*", \#(bucket)}"#),
            message:
                "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
            path: "$.Statement.Sid", marker: "\"Read only\""),
        GrammarCase(
            name: "Sid not a string", kind: .trust,
            document: policy(#"{"Sid": true, \#(allow), "Principal": "*", "Action": "sts:AssumeRole"}"#),
            message: "Syntax errors in policy.", path: "$.Statement.Sid", marker: "true"),
        GrammarCase(
            name: "Id not a string", kind: .identity,
            document: "{\"Id\": [],\n \"Statement\": {\(allow), \"Action\": \"*\", \(bucket)}}",
            message: "Syntax errors in policy.", path: "$.Id", marker: "[]"),
    ]

    @Test(arguments: documentCases)
    func rejectsMalformedDocument(testCase: GrammarCase) throws {
        let diagnostics = PolicyGrammar.validate(testCase.document, kind: testCase.kind)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == testCase.message)
        #expect(diagnostic.path == testCase.path)
        let location = expectedLocation(of: testCase.marker, occurrence: testCase.occurrence, in: testCase.document)
        #expect(location != nil)
        #expect(diagnostic.location == location)
    }
}
