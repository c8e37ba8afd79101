import IAMPolicy
import Testing

@Suite struct PolicyGrammarAcceptanceTests {
    static let validDocuments: [(kind: PolicyKind, document: String)] = [
        (
            .identity,
            policy(#"{"Sid": "S1", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#)
        ),
        (.identity, policy(#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#, version: "2008-10-17")),
        (.identity, policy(#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#, version: nil)),
        (
            .managed,
            policy(
                #"[{"Sid": "", "Effect": "Deny", "NotAction": ["iam:*", "ec2:Describe*", "*:Get*"], "NotResource": "*"},"#
                    + #" {"Sid": "", "Effect": "Allow", "Action": "sts:*", "Resource": []}]"#.replacingOccurrences(
                        of: "[]", with: "\"*\"")
            )
        ),
        (
            .boundary,
            policy(
                #"{"Effect": "Allow", "Action": ["iam:GetUser", "s3:*"], "Resource": ["arn:aws:iam::123456789012:user/${aws:username}", "#
                    + #""arn:aws:iam::*:role/*", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::123456789012:*", "#
                    + #""arn:aws:s3:us-east-1:123456789012:accesspoint/ap", "arn:aws:ec2:*:*:instance/*", "#
                    + #""arn:*:lambda:eu-west-1:123456789012:function:f:PROD", "arn:aws-cn:s3:::b"]}"#)
        ),
        (
            .identity,
            policy(
                #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"#
                    + #""ForAnyValue:StringLike": {"aws:TagKeys": ["a*", "b?"]}, "StringEqualsIfExists": {"s3:prefix": ""}, "#
                    + #""Null": {"aws:TokenIssueTime": "true"}, "Bool": {"aws:SecureTransport": false}, "#
                    + #""NumericLessThan": {"aws:MultiFactorAuthAge": 3600}, "ForAllValues:ArnLikeIfExists": {"aws:x": "arn:*"}, "#
                    + #""IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]}, "DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}, "#
                    + #""BinaryEquals": {"k:b": "QUJD"}}}"#)
        ),
        (
            .trust,
            policy(
                #"[{"Sid": "Allow EC2", "Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]}, "#
                    + #""Action": ["sts:AssumeRole", "sts:TagSession", "STS:setsourceidentity", "sts:SetContext"]},"#
                    + #" {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "#
                    + #""Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"a:b": "c"}}},"#
                    + #" {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": ["sts:*", "*"]},"#
                    + #" {"Effect": "Deny", "Principal": "*", "NotAction": "s3:GetObject"}]"#)
        ),
        (
            .resource,
            policy(
                #"{"Sid": "Public read", "Effect": "Allow", "Principal": {"AWS": ["123456789012"], "CanonicalUser": "x"}, "#
                    + #""Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#)
        ),
        (.scp, policy(#"{"Effect": "Deny", "Action": ["organizations:LeaveOrganization"]}"#)),
        (
            .identity,
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"arn:aws:s3:::café\", \"Sid\": \"S1\"}}"
        ),
    ]

    @Test(arguments: validDocuments)
    func acceptsWellFormedDocument(kind: PolicyKind, document: String) {
        #expect(PolicyGrammar.validate(document, kind: kind) == [])
    }

    @Test func managedPoliciesNeedVersion2012() throws {
        let statement = #"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#
        let old = policy(statement, version: "2008-10-17")
        let oldDiagnostic = try #require(PolicyGrammar.validate(old, kind: .managed).first)
        #expect(oldDiagnostic.message == "Policy document must be version 2012-10-17 or greater.")
        #expect(oldDiagnostic.path == "$.Version")
        #expect(oldDiagnostic.location == expectedLocation(of: "\"2008-10-17\"", in: old))

        let missing = policy(statement, version: nil)
        let missingDiagnostic = try #require(PolicyGrammar.validate(missing, kind: .managed).first)
        #expect(missingDiagnostic.message == "Policy document must be version 2012-10-17 or greater.")
        #expect(missingDiagnostic.path == "$")
        #expect(missingDiagnostic.location == SourceLocation(line: 1, column: 1, offset: 0))

        for kind in PolicyKind.allCases where kind != .managed && kind != .trust && kind != .resource {
            #expect(PolicyGrammar.validate(old, kind: kind) == [])
            #expect(PolicyGrammar.validate(missing, kind: kind) == [])
        }
    }

    @Test(arguments: ["2012-10-18", "2012-10-17 ", "latest"])
    func unknownVersionsFailLegacyParsing(version: String) throws {
        let text = policy(#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#, version: version)
        let diagnostics = PolicyGrammar.validate(text, kind: .identity)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "The policy failed legacy parsing")
        #expect(diagnostic.path == "$.Version")
        #expect(diagnostic.location == SourceLocation(line: 2, column: 16, offset: 17))
    }

    @Test func versionMustBeAString() {
        let text = #"{"Version": 2012, "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#
        #expect(PolicyGrammar.validate(text, kind: .identity).map(\.message) == ["The policy failed legacy parsing"])
    }

    @Test func diagnosticsAreOrderedByPosition() {
        let text = """
            {
              "Statement": [
                {"Effect": "Allow", "Action": "s3", "Resource": "bucket"},
                {"Sid": "x y", "Effect": "allow", "Principal": "*", "Action": "*", "Resource": "*"}
              ],
              "Extra": true
            }
            """
        let diagnostics = PolicyGrammar.validate(text, kind: .identity)
        #expect(
            diagnostics.map(\.message) == [
                "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
                #"Resource bucket must be in ARN format or "*"."#,
                "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
                "The policy failed legacy parsing",
                "Policy document should not specify a principal.",
                "Syntax errors in policy.",
            ])
        #expect(diagnostics.map { $0.location?.line } == [3, 3, 4, 4, 4, 6])
        #expect(diagnostics.last?.path == "$.Extra")
        #expect(diagnostics.last?.detail == "unknown element \"Extra\"")
    }

    @Test func syntaxErrorsExplainThemselvesInTheDetail() throws {
        let diagnostic = try #require(PolicyGrammar.validate("{\"Statement\": [1,]}", kind: .identity).first)
        #expect(diagnostic.message == "Syntax errors in policy.")
        #expect(diagnostic.detail == "trailing comma before ']'")
        #expect(diagnostic.description == "line 1, column 18: Syntax errors in policy. (trailing comma before ']')")
    }

    @Test func byteOrderMarkIsNotAnAllowedCharacter() {
        let text = "\u{FEFF}{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}"
        let diagnostics = PolicyGrammar.validate(text, kind: .identity)
        #expect(diagnostics.map(\.message) == ["Policy document contains invalid characters."])
        #expect(diagnostics.first?.location == SourceLocation(line: 1, column: 1, offset: 0))
    }

    @Test func deleteAndLatin1CharactersAreAllowedWithTabsAndLineEnds() {
        let valid = "{\"Statement\": {\"Effect\": \"Allow\",\t\"Action\": \"*\",\r\n\"Resource\": \"*\u{7F}\u{E9}\"}}"
        #expect(
            PolicyGrammar.validate(valid, kind: .identity).map(\.message) == [
                #"Resource *\#u{7F}é must be in ARN format or "*"."#
            ])
    }

    @Test func invalidCharactersAreReportedOnceAlongsideOtherProblems() {
        let text = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"\u{2603}\u{2603}\"}}"
        let diagnostics = PolicyGrammar.validate(text, kind: .identity)
        #expect(
            diagnostics.map(\.message) == [
                #"Resource ☃☃ must be in ARN format or "*"."#, "Policy document contains invalid characters.",
            ])
        #expect(diagnostics.last?.location == expectedLocation(of: "☃", in: text))
        #expect(diagnostics.last?.detail == "U+2603 is not allowed")
    }
}
