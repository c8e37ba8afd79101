import IAMCore
import Testing

@Suite struct ResourceNameTests {
    @Test func parsesAccountKindPathAndName() throws {
        let user = try #require(IAMResourceName("arn:aws:iam::123456789012:user/division/team/alice"))
        #expect(user.account == "123456789012")
        #expect(user.kind == "user")
        #expect(user.path == "/division/team/")
        #expect(user.name == "alice")
        let policy = try #require(IAMResourceName("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"))
        #expect(policy.account == "aws")
        #expect(policy.path == "/service-role/")
        let colon = try #require(IAMResourceName("arn:aws:iam::123456789012:role/a:b"))
        #expect(colon.name == "a:b")
        #expect(colon.path == "/")
        let unicode = try #require(IAMResourceName("arn:aws:iam::123456789012:user/é/ü"))
        #expect(unicode.path == "/é/")
        #expect(unicode.name == "ü")
    }

    @Test(arguments: [
        "", "arn:aws:iam::123456789012", "arn:aws:s3:::bucket/key", "arn:aws-cn:iam::123456789012:user/a",
        "arn:aws:iam:us-east-1:123456789012:user/a", "arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:/a",
        "arn:aws:iam::123456789012:user/", "arn:aws:iam::123456789012:user/path/",
    ])
    func refusesWhatIsNotAnIAMEntityARN(arn: String) {
        #expect(IAMResourceName(arn) == nil)
    }
}
