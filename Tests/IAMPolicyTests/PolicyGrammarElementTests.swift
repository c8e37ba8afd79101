import IAMPolicy
import Testing

@Suite struct PolicyGrammarElementTests {
    static let badActions: [(action: String, message: String)] = [
        ("GetObject", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        (":GetObject", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        ("", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        ("s3:Get:Object", "Actions/Condition can contain only one colon."),
        ("s_3:GetObject", "Vendor s_3 is not valid"),
        ("s3 :GetObject", "Vendor s3  is not valid"),
    ]

    @Test(arguments: badActions)
    func rejectsMalformedActions(action: String, message: String) throws {
        for key in ["Action", "NotAction"] {
            let text = policy(#"{"Effect": "Allow", "\#(key)": ["s3:List*", "\#(action)"], "Resource": "*"}"#)
            let diagnostics = PolicyGrammar.validate(text, kind: .identity)
            #expect(diagnostics.count == 1)
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostic.message == message)
            #expect(diagnostic.path == "$.Statement.\(key)[1]")
            #expect(diagnostic.location == expectedLocation(of: "\"\(action)\"", in: text))
        }
    }

    static let badResources: [(resource: String, message: String)] = [
        ("bucket", #"Resource bucket must be in ARN format or "*"."#),
        ("aws:s3:::bucket", #"Resource aws:s3:::bucket must be in ARN format or "*"."#),
        ("arn:aws:s3", #"Resource arn:aws:s3 must be in ARN format or "*"."#),
        ("arn:aws", "Resource vendor must be fully qualified and cannot contain regexes."),
        ("arn:aws:s3::bucket", "The policy failed legacy parsing"),
        ("arn:aws::us-east-1:123456789012:thing", "The policy failed legacy parsing"),
        ("arn:foo:s3:::bucket", #"Partition "foo" is not valid for resource "arn:foo:s3:::bucket"."#),
        ("arn:foo", #"Partition "foo" is not valid for resource "arn:foo:*:*:*:*"."#),
        (
            "arn:aws:iam:us-east-1:123456789012:user/bob",
            "IAM resource arn:aws:iam:us-east-1:123456789012:user/bob cannot contain region information."
        ),
        (
            "arn:aws:iam::123456789012:users/bob",
            "IAM resource path must either be \"*\" or start with user/, federated-user/, role/, group/, "
                + "instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, "
                + "report/, access-report/."
        ),
        (
            "arn:aws:s3:us-east-1::bucket",
            "Resource arn:aws:s3:us-east-1::bucket can not contain region information."
        ),
    ]

    @Test(arguments: badResources)
    func rejectsMalformedResources(resource: String, message: String) throws {
        for key in ["Resource", "NotResource"] {
            let text = policy(#"{"Effect": "Allow", "Action": "s3:*", "\#(key)": ["*", "\#(resource)"]}"#)
            let diagnostics = PolicyGrammar.validate(text, kind: .identity)
            #expect(diagnostics.count == 1)
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostic.message == message)
            #expect(diagnostic.path == "$.Statement.\(key)[1]")
            #expect(diagnostic.location == expectedLocation(of: "\"\(resource)\"", in: text))
        }
    }

    static let badConditions: [(condition: String, message: String, path: String, marker: String)] = [
        (
            #"{"StringEqualz": {"aws:username": "bob"}}"#, "Syntax errors in policy.",
            "$.Statement.Condition.StringEqualz",
            "\"StringEqualz\""
        ),
        (
            #"{"NullIfExists": {"aws:TokenIssueTime": "true"}}"#, "Syntax errors in policy.",
            "$.Statement.Condition.NullIfExists", "\"NullIfExists\""
        ),
        (
            #"{"ForSomeValues:StringLike": {"aws:TagKeys": "a*"}}"#, "Syntax errors in policy.",
            #"$.Statement.Condition["ForSomeValues:StringLike"]"#, "\"ForSomeValues"
        ),
        (#"["Bool"]"#, "Syntax errors in policy.", "$.Statement.Condition", "[\"Bool\"]"),
        (#"{"Bool": "true"}"#, "Syntax errors in policy.", "$.Statement.Condition.Bool", "\"true\""),
        (
            #"{"StringEquals": {"aws:username": {"a": 1}}}"#, "Syntax errors in policy.",
            #"$.Statement.Condition.StringEquals["aws:username"]"#, "{\"a\""
        ),
        (
            #"{"StringEquals": {"aws:username": ["a", null]}}"#, "Syntax errors in policy.",
            #"$.Statement.Condition.StringEquals["aws:username"][1]"#, "null"
        ),
        (
            #"{"DateGreaterThan": {"aws:CurrentTime": "yesterday"}}"#, "The policy failed legacy parsing",
            #"$.Statement.Condition.DateGreaterThan["aws:CurrentTime"]"#, "\"yesterday\""
        ),
        (
            #"{"DateLessThanIfExists": {"aws:CurrentTime": ["2020-01-01", "2020-13-01"]}}"#,
            "The policy failed legacy parsing",
            #"$.Statement.Condition.DateLessThanIfExists["aws:CurrentTime"][1]"#, "\"2020-13-01\""
        ),
    ]

    @Test(arguments: badConditions)
    func rejectsMalformedConditions(condition: String, message: String, path: String, marker: String) throws {
        let text = policy(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": \#(condition)}"#)
        let diagnostics = PolicyGrammar.validate(text, kind: .identity)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == message)
        #expect(diagnostic.path == path)
        #expect(diagnostic.location == expectedLocation(of: marker, in: text))
    }

    static let dates = [
        "2020-01-31", "2020-01", "2020-01-31T12", "2020-01-31T12:30", "2020-01-31T12:30:59Z", "2020-01-31t12:30:59z",
        "2020-01-31T12:30:59.123+02:00", "2020-01-31T12:30:59-0500", "-2020-01-01", "1700000000", "0", "2020",
    ]

    @Test(arguments: dates)
    func acceptsISO8601AndEpochDates(date: String) {
        let text = policy(
            #"{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"DateEquals": {"aws:CurrentTime": "\#(date)"}}}"#
        )
        #expect(PolicyGrammar.validate(text, kind: .identity) == [])
    }

    static let badDates = [
        "yesterday", "2020-13-01", "2020-01-32", "2020-00-10", "2020-01-01T24:00", "2020-01-01T12:60",
        "2020-01-01T12:00:60", "2020-01-01X", "2020-01-01T", "", "-5", "1.5", "99999999999999999999", "20-01-01",
        "2020-01-01T12:00:00+25:00",
    ]

    @Test(arguments: badDates)
    func rejectsMalformedDates(date: String) {
        let text = policy(
            #"{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"DateEquals": {"aws:CurrentTime": "\#(date)"}}}"#
        )
        #expect(PolicyGrammar.validate(text, kind: .identity).map(\.message) == ["The policy failed legacy parsing"])
    }

    @Test func epochNumbersAreDatesToo() {
        let good = policy(
            #"{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:EpochTime": 1700000000}}}"#
        )
        #expect(PolicyGrammar.validate(good, kind: .identity) == [])
        let bad = good.replacingOccurrences(of: "1700000000", with: "1.5e3")
        #expect(
            PolicyGrammar.validate(bad, kind: .identity).map(\.path) == [
                #"$.Statement.Condition.DateLessThan["aws:EpochTime"]"#
            ])
    }
}
