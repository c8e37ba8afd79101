import Testing

@testable import IAMCore

/// Conditions that keep a grant to `*` from being public, and organization zones of trust.
@Suite("Access analyzer: conditions and zones of trust")
struct FindingConditionTests {
    typealias F = AnalyzerFixture

    static func grants(
        _ condition: String?, zone: ZoneOfTrust = ZoneOfTrust(accounts: [TestAccount.id])
    ) -> [ExternalAccess] {
        ExternalAccessAnalysis.analyze(
            F.policy(principal: #"{"AWS":"*"}"#, action: "s3:GetObject", condition: condition),
            policyName: "bucket policy",
            zone: zone)
    }

    @Test func withoutAConditionEveryoneIsPublic() {
        #expect(Self.grants(nil).map(\.isPublic) == [true])
    }

    @Test(arguments: [
        #"{"StringEquals":{"aws:PrincipalAccount":"123456789012"}}"#,
        #"{"StringEquals":{"aws:SourceAccount":"123456789012"}}"#,
        #"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:123456789012:topic"}}"#,
        #"{"StringEquals":{"aws:SourceOwner":["123456789012"]}}"#,
        #"{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/app"}}"#,
        #"{"StringEquals":{"kms:CallerAccount":"123456789012"}}"#,
        #"{"ForAnyValue:StringEquals":{"aws:PrincipalAccount":"123456789012"}}"#,
    ])
    func conditionsThatKeepTheGrantInsideTheAccountMakeNoFinding(_ condition: String) {
        #expect(Self.grants(condition).isEmpty)
    }

    @Test(arguments: [
        #"{"StringEquals":{"aws:PrincipalAccount":"999988887777"}}"#,
        #"{"StringEquals":{"aws:PrincipalOrgID":"o-abcdefghij"}}"#,
        #"{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}"#,
        #"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#,
        #"{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::uploads"}}"#,
    ])
    func conditionsThatLimitTheCallerToOthersMakeANonPublicFinding(_ condition: String) throws {
        let grants = Self.grants(condition)
        #expect(grants.count == 1)
        let grant = try #require(grants.first)
        #expect(!grant.isPublic && grant.principal == ["AWS": "*"] && !grant.condition.isEmpty)
    }

    @Test(arguments: [
        #"{"StringNotEquals":{"aws:PrincipalAccount":"123456789012"}}"#,
        #"{"StringEqualsIfExists":{"aws:SourceAccount":"123456789012"}}"#,
        #"{"StringLike":{"aws:PrincipalAccount":"1234*"}}"#,
        #"{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}"#,
        #"{"Bool":{"aws:SecureTransport":"true"}}"#,
        // An absent key satisfies ForAllValues, so it pins no one.
        #"{"ForAllValues:StringEquals":{"aws:PrincipalAccount":"123456789012"}}"#,
    ])
    func conditionsThatDoNotPinTheCallerLeaveItPublic(_ condition: String) {
        #expect(Self.grants(condition).map(\.isPublic) == [true])
    }

    @Test func theConditionMapListsEveryKeyWithItsValues() throws {
        let grant = try #require(
            Self.grants(#"{"StringEquals":{"aws:SourceVpc":["vpc-1","vpc-2"]},"Bool":{"aws:SecureTransport":"true"}}"#)
                .first)
        #expect(grant.condition == ["aws:SourceVpc": "vpc-1,vpc-2", "aws:SecureTransport": "true"])
    }

    @Test func anOrganizationZoneTrustsItsAccountsAndItsOrganizationId() throws {
        var service = try F.serviceWithAnalyzer(type: "ORGANIZATION")
        let organization = try #require(service.account.organization)
        _ = try service.createBucket(CreateBucketRequest(bucket: "shared"), as: .root)
        let policy =
            #"{"Version":"2012-10-17","Statement":["#
            + #"{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"*"},"#
            + #"{"Sid":"Org","Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"*","#
            + #""Condition":{"StringEquals":{"aws:PrincipalOrgID":""# + organization.id + #""}}},"#
            + #"{"Sid":"Outsider","Effect":"Allow","Principal":{"AWS":"999988887777"},"Action":"s3:GetObject","Resource":"*"}]}"#
        _ = try service.putBucketPolicy(PutBucketPolicyRequest(bucket: "shared", policy: policy), as: .root)
        let findings = F.findings(service, resource: "arn:aws:s3:::shared")
        #expect(findings.map(\.principal) == [["AWS": "999988887777"]])
        #expect(findings.first?.statement.sid == "Outsider")

        // An account analyzer of the same workspace trusts neither the partner nor the organization.
        _ = try service.createAnalyzer(CreateAnalyzerRequest(analyzerName: "mine", type: "ACCOUNT"), as: .root)
        let own = F.findings(service, resource: "arn:aws:s3:::shared", analyzer: "mine")
        #expect(own.count == 3 && own.allSatisfy { !$0.isPublic })

        // The partner leaves the organization: the organization analyzer now reports it.
        _ = try service.removeAccountFromOrganization(RemoveAccountRequest(accountId: F.partner), as: .root)
        #expect(F.findings(service, resource: "arn:aws:s3:::shared").count == 2)
    }

    @Test func anOrganizationAnalyzerNeedsAnOrganization() {
        var service = TestAccount.make()
        expectFailure(
            IAMError(
                .validationException,
                "An organization analyzer needs an organization: the workspace account belongs to none."),
            in: &service
        ) { _ = try $0.createAnalyzer(CreateAnalyzerRequest(analyzerName: "org", type: "ORGANIZATION"), as: .root) }
    }
}
