import IAMPolicy
import Testing

/// Each lint finding, from a document that has the problem and from one that does not.
@Suite("lint findings")
struct PolicyLinterFindingTests {
    static let cases: [LintCase] = [
        LintCase(
            name: "unknown action",
            failing: statement(#""Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjekt"], "Resource": "*""#),
            passing: statement(#""Effect": "Allow", "Action": ["s3:GetObject", "s3:getobjectacl"], "Resource": "*""#),
            code: "INVALID_ACTION", type: .error, path: "$.Statement[0].Action[1]", marker: #""s3:GetObjekt""#),
        LintCase(
            name: "action pattern that matches nothing",
            failing: statement(#""Effect": "Allow", "Action": "s3:Gte*", "Resource": "*""#),
            passing: statement(#""Effect": "Allow", "Action": "s3:Get*", "Resource": "*""#),
            code: "INVALID_ACTION", type: .error, path: "$.Statement[0].Action", marker: #""s3:Gte*""#),
        LintCase(
            name: "unknown service",
            failing: statement(#""Effect": "Deny", "Action": "s4:GetObject", "Resource": "*""#),
            passing: statement(#""Effect": "Deny", "Action": "S3:GetObject", "Resource": "*""#),
            code: "INVALID_SERVICE_IN_ACTION", type: .error, path: "$.Statement[0].Action", marker: #""s4:"#),
        LintCase(
            name: "iam:PassRole on *",
            failing: statement(#""Effect": "Allow", "Action": "iam:PassRole", "Resource": "*""#),
            passing: statement(
                #""Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app""#),
            code: "PASS_ROLE_WITH_STAR_IN_RESOURCE", type: .securityWarning, path: "$.Statement[0].Resource",
            marker: #""*""#),
        LintCase(
            name: "iam:* on *",
            failing: statement(#""Effect": "Allow", "Action": "iam:Pass*", "Resource": ["arn:aws:s3:::b", "*"]"#),
            passing: statement(#""Effect": "Allow", "Action": "iam:Get*", "Resource": ["arn:aws:s3:::b", "*"]"#),
            code: "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", type: .securityWarning,
            path: "$.Statement[0].Resource[1]", marker: #""*""#),
        LintCase(
            name: "Allow with NotAction",
            failing: statement(#""Effect": "Allow", "NotAction": "iam:*", "Resource": "arn:aws:s3:::b""#),
            passing: statement(#""Effect": "Deny", "NotAction": "iam:*", "Resource": "arn:aws:s3:::b""#),
            code: "ALLOW_WITH_NOT_ACTION", type: .securityWarning, path: "$.Statement[0].NotAction",
            marker: #""NotAction""#),
        LintCase(
            name: "Allow with NotResource",
            failing: statement(#""Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::b/*""#),
            passing: statement(#""Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*""#),
            code: "ALLOW_WITH_NOT_RESOURCE", type: .securityWarning, path: "$.Statement[0].NotResource",
            marker: #""NotResource""#),
        LintCase(
            name: "every action on every resource",
            failing: statement(#""Effect": "Allow", "Action": "*", "Resource": "*""#),
            passing: statement(#""Effect": "Deny", "Action": "*", "Resource": "*""#),
            code: "STAR_ACTION_ON_STAR_RESOURCE", type: .securityWarning, path: "$.Statement[0].Action",
            marker: #""*""#),
        LintCase(
            name: "every action of a service on every resource",
            failing: statement(#""Effect": "Allow", "Action": ["ec2:Describe*", "s3:*"], "Resource": "*""#),
            passing: statement(
                #""Effect": "Allow", "Action": ["ec2:Describe*", "s3:*"], "Resource": "arn:aws:s3:::b""#),
            code: "SERVICE_WILDCARD_ON_STAR_RESOURCE", type: .warning, path: "$.Statement[0].Action[1]",
            marker: #""s3:*""#),
        LintCase(
            name: "redundant statement",
            failing: policy(
                """
                [
                        {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*"},
                        {"Sid": "Narrow", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/x"}
                    ]
                """),
            passing: policy(
                """
                [
                        {"Effect": "Deny", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*"},
                        {"Sid": "Narrow", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/x"}
                    ]
                """),
            code: "REDUNDANT_STATEMENT", type: .suggestion, path: "$.Statement[1]", marker: #"{"Sid""#),
        LintCase(
            name: "missing Version",
            failing: policy(#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#, version: nil),
            passing: policy(#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#),
            code: "MISSING_VERSION", type: .warning, path: "$", marker: "{"),
        LintCase(
            name: "policy variables in version 2008-10-17",
            failing: policy(
                #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}"}"#,
                version: "2008-10-17"),
            passing: policy(
                #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}"}"#),
            code: "VARIABLE_UNSUPPORTED_IN_VERSION", type: .error, path: "$.Version", marker: #""2008-10-17""#),
        LintCase(
            name: "condition key the action does not support",
            failing: statement(
                #""Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/"}}"#
            ),
            passing: statement(
                #""Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/"}}"#
            ),
            code: "UNSUPPORTED_ACTION_FOR_CONDITION_KEY", type: .warning,
            path: #"$.Statement[0].Condition.StringLike["s3:prefix"]"#, marker: #""s3:prefix""#),
        LintCase(
            name: "condition key the service does not define",
            failing: statement(
                #""Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefixes": "a"}}"#
            ),
            passing: statement(
                #""Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"S3:Prefix": "a"}}"#
            ),
            code: "INVALID_SERVICE_CONDITION_KEY", type: .error,
            path: #"$.Statement[0].Condition.StringLike["s3:prefixes"]"#, marker: #""s3:prefixes""#),
        LintCase(
            name: "unknown global condition key",
            failing: statement(
                #""Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransports": "true"}}"#
            ),
            passing: statement(
                #""Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}"#
            ),
            code: "INVALID_GLOBAL_CONDITION_KEY", type: .error,
            path: #"$.Statement[0].Condition.Bool["aws:SecureTransports"]"#, marker: #""aws:SecureTransports""#),
        LintCase(
            name: "IP value that cannot be read",
            failing: statement(
                #""Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "203.0.113.256"]}}"#
            ),
            passing: statement(
                #""Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}"#
            ),
            code: "TYPE_MISMATCH_IP_RANGE", type: .error,
            path: #"$.Statement[0].Condition.NotIpAddress["aws:SourceIp"][1]"#,
            marker: #""203.0.113.256""#),
        LintCase(
            name: "date value that cannot be read",
            failing: statement(
                #""Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2026-02-30T25:00:00Z"}}"#
            ),
            passing: statement(
                #""Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2026-02-03T23:00:00Z"}}"#
            ),
            code: "TYPE_MISMATCH_DATE", type: .error,
            path: #"$.Statement[0].Condition.DateGreaterThan["aws:CurrentTime"]"#,
            marker: #""2026-02-30"#),
        LintCase(
            name: "grammar error: missing Resource",
            failing: statement(#""Effect": "Allow", "Action": "s3:GetObject""#),
            passing: statement(#""Effect": "Allow", "Action": "s3:GetObject", "Resource": "*""#),
            code: "MISSING_RESOURCE", type: .error, path: "$.Statement[0]", marker: #"{"Effect""#),
        LintCase(
            name: "grammar error: unknown element",
            failing: policy(#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Actions": "x"}"#),
            passing: policy(#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#),
            code: "INVALID_POLICY_ELEMENT", type: .error, path: "$.Statement.Actions", marker: #""Actions""#),
    ]

    @Test(arguments: cases)
    func failingDocumentHasTheFinding(_ lintCase: LintCase) throws {
        let found = findings(lintCase.code, in: lintCase.failing, kind: lintCase.kind)
        try #require(found.count == 1, "expected one \(lintCase.code) finding, got \(found)")
        let finding = found[0]
        let location = try #require(
            expectedLocation(of: lintCase.marker, occurrence: lintCase.occurrence, in: lintCase.failing))
        #expect(finding.findingType == lintCase.type)
        #expect(finding.path == lintCase.path)
        #expect(finding.location == location, "\(finding)")
        #expect(finding.learnMoreLink.hasPrefix("https://docs.aws.amazon.com/IAM/latest/UserGuide/"))
        #expect(!finding.findingDetails.isEmpty)
    }

    @Test(arguments: cases)
    func passingDocumentHasNoFinding(_ lintCase: LintCase) {
        let found = findings(lintCase.code, in: lintCase.passing, kind: lintCase.kind)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aCleanPolicyHasNoFindings() {
        let text = statement(
            #""Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "#
                + #""Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "#
                + #""Condition": {"StringEquals": {"aws:PrincipalTag/team": "x"}, "Bool": {"aws:SecureTransport": "true"}}"#
        )
        #expect(PolicyLinter.validate(text, kind: .identity) == [])
    }

    @Test func missingVersionMentionsPolicyVariables() throws {
        let text = policy(
            #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}"#,
            version: nil)
        let finding = try #require(findings("MISSING_VERSION", in: text).first)
        #expect(finding.findingDetails.contains("policy variables"))
        let plain = policy(#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#, version: nil)
        #expect(findings("MISSING_VERSION", in: plain).first?.findingDetails.contains("policy variables") == false)
    }

    @Test func findingsAreSortedByPositionAndEndAfterTheirValue() {
        let text = policy(
            #"[{"Effect": "Allow", "Action": ["iam:PassRole", "s3:Nope"], "Resource": "*"}, {"Effect": "Allow", "NotAction": "x:y", "Resource": "*"}]"#,
            version: nil)
        let found = PolicyLinter.validate(text, kind: .identity)
        #expect(found.map(\.location.offset) == found.map(\.location.offset).sorted())
        let action = found.first { $0.issueCode == "INVALID_ACTION" }
        #expect(action.map { $0.end.offset - $0.location.offset } == #""s3:Nope""#.utf8.count)
    }

    @Test func pathElementsFollowAccessAnalyzer() {
        #expect(
            PolicyFinding.pathElements(of: #"$.Statement[0].Condition.StringLike["s3:prefix"][2]"#) == [
                .key("Statement"), .index(0), .key("Condition"), .key("StringLike"), .key("s3:prefix"), .index(2),
            ])
        #expect(PolicyFinding.pathElements(of: "$") == [])
    }
}
