import IAMPolicy
import Testing

@Suite struct PolicySizeTests {
    @Test(arguments: [
        ("", 0),
        (" \t\r\n", 0),
        ("{\n    \"Version\": \"2012-10-17\"\n}", 24),
        ("a b\u{A0}é", 4),
        ("😀 x\u{7F}", 3),
    ])
    func countsCharactersOtherThanWhiteSpace(text: String, expected: Int) {
        #expect(PolicySize.characterCount(text) == expected)
    }
}

@Suite struct ARNTests {
    @Test func parsesTheSixParts() throws {
        let arn = try #require(ARN("arn:aws:iam::123456789012:role/service-role/my:role"))
        #expect(arn.partition == "aws")
        #expect(arn.service == "iam")
        #expect(arn.region == "")
        #expect(arn.account == "123456789012")
        #expect(arn.resource == "role/service-role/my:role")
        #expect(arn.description == "arn:aws:iam::123456789012:role/service-role/my:role")
    }

    @Test(arguments: [
        "arn:aws:s3:::bucket/key", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f:PROD",
        "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:*:ec2:*:*:instance/*",
    ])
    func roundTrips(text: String) throws {
        #expect(try #require(ARN(text)).description == text)
    }

    @Test(arguments: [
        "", "*", "arn:aws:s3", "arn:aws:s3:::", "aws:iam::1:user/x", "arn::iam::1:user/x", "arn:aws:::1:x",
    ])
    func rejectsNonARNs(text: String) {
        #expect(ARN(text) == nil)
    }

    @Test func buildsFromParts() {
        let arn = ARN(
            partition: "aws", service: "sts", region: "", account: "123456789012", resource: "assumed-role/r/s")
        #expect(arn.description == "arn:aws:sts::123456789012:assumed-role/r/s")
        #expect(ARN(arn.description) == arn)
    }
}

@Suite struct ConditionOperatorTests {
    @Test func parsesQualifierNameAndIfExists() throws {
        let parsed = try #require(ConditionOperator("ForAllValues:StringNotLikeIfExists"))
        #expect(parsed.setQualifier == .forAllValues)
        #expect(parsed.baseName == "StringNotLike")
        #expect(parsed.ifExists)
        #expect(parsed.family == .string)
        #expect(parsed.isNegated)
        #expect(parsed.description == "ForAllValues:StringNotLikeIfExists")
    }

    @Test(arguments: ConditionOperator.baseNames)
    func knowsEveryAWSOperator(name: String) throws {
        let parsed = try #require(ConditionOperator(name))
        #expect(parsed.setQualifier == nil)
        #expect(!parsed.ifExists)
        #expect(ConditionOperator("ForAnyValue:" + name)?.setQualifier == .forAnyValue)
        #expect((ConditionOperator(name + "IfExists") == nil) == (name == "Null"))
    }

    @Test(arguments: [
        "", "stringequals", "StringEqualz", "NullIfExists", "ForAnyValue:", "ForAnyValues:Bool", "IfExists",
    ])
    func rejectsUnknownOperators(name: String) {
        #expect(ConditionOperator(name) == nil)
    }

    @Test func families() {
        let families = ["NumericEquals", "DateLessThan", "Bool", "BinaryEquals", "NotIpAddress", "ArnLike", "Null"]
            .compactMap { ConditionOperator($0)?.family }
        #expect(families == [.numeric, .date, .bool, .binary, .ipAddress, .arn, .null])
    }
}
