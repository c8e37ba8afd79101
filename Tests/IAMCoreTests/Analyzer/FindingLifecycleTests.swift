import Testing

@testable import IAMCore

/// Statuses: active, archived by hand or by rule, resolved after an edit; stable ids.
@Suite("Access analyzer: finding status and archive rules")
struct FindingLifecycleTests {
    typealias F = AnalyzerFixture
    static let bucket = "arn:aws:s3:::site"

    static func publicBucket() throws -> IAMService {
        var service = try F.serviceWithAnalyzer()
        _ = try service.createBucket(CreateBucketRequest(bucket: "site"), as: .root)
        _ = try service.putBucketPolicy(
            PutBucketPolicyRequest(bucket: "site", policy: F.policy(principal: #""*""#, action: "s3:GetObject")),
            as: .root)
        return service
    }

    @Test func anEditThatRemovesTheGrantResolvesTheFindingAndRestoringItReactivatesTheSameId() throws {
        var service = try Self.publicBucket()
        let id = try #require(F.findings(service, resource: Self.bucket).first?.id)
        _ = try service.putBucketPolicy(
            PutBucketPolicyRequest(
                bucket: "site", policy: F.policy(principal: #"{"AWS":"123456789012"}"#, action: "s3:GetObject")),
            as: .root)
        #expect(F.findings(service, resource: Self.bucket).map(\.status) == [.resolved])
        _ = try service.putBucketPolicy(
            PutBucketPolicyRequest(bucket: "site", policy: F.policy(principal: #""*""#, action: "s3:GetObject")),
            as: .root)
        let findings = F.findings(service, resource: Self.bucket)
        #expect(findings.map(\.id) == [id] && findings.map(\.status) == [.active])
    }

    @Test func deletingTheResourceOrItsPolicyResolvesItsFindings() throws {
        var service = try Self.publicBucket()
        _ = try service.deleteBucketPolicy(BucketRequest(bucket: "site"), as: .root)
        #expect(F.findings(service, resource: Self.bucket).map(\.status) == [.resolved])
        var other = try Self.publicBucket()
        _ = try other.deleteBucket(BucketRequest(bucket: "site"), as: .root)
        #expect(F.findings(other, resource: Self.bucket).map(\.status) == [.resolved])
    }

    @Test func updateFindingsArchivesAndReactivates() throws {
        var service = try Self.publicBucket()
        let id = try #require(F.findings(service, resource: Self.bucket).first?.id)
        _ = try service.updateFindings(
            UpdateFindingsRequest(analyzerArn: F.analyzerArn(), status: "ARCHIVED", ids: [id]), as: .root)
        #expect(F.findings(service, resource: Self.bucket).map(\.status) == [.archived])
        // Re-analysis keeps an archived finding archived.
        service.account.reanalyze(arn: Self.bucket, at: TestAccount.now)
        #expect(F.findings(service, resource: Self.bucket).map(\.status) == [.archived])
        _ = try service.updateFindings(
            UpdateFindingsRequest(analyzerArn: F.analyzerArn(), status: "ACTIVE", resourceArn: Self.bucket), as: .root)
        #expect(F.findings(service, resource: Self.bucket).map(\.status) == [.active])
        expectFailure(
            IAMError(.validationException, "Invalid status RESOLVED. Valid values: ACTIVE, ARCHIVED"), in: &service
        ) {
            _ = try $0.updateFindings(
                UpdateFindingsRequest(analyzerArn: F.analyzerArn(), status: "RESOLVED", ids: [id]), as: .root)
        }
    }

    @Test func anArchiveRuleArchivesNewFindingsAndApplyArchivesExistingOnes() throws {
        var service = try Self.publicBucket()
        let rule = ["resourceType": Criterion(eq: ["AWS::S3::Bucket"]), "isPublic": Criterion(eq: ["true"])]
        _ = try service.createArchiveRule(
            CreateArchiveRuleRequest(analyzerName: "acct", ruleName: "public-buckets", filter: rule), as: .root)
        // The existing finding stays active until the rule is applied.
        #expect(F.findings(service, resource: Self.bucket).map(\.status) == [.active])
        _ = try service.applyArchiveRule(
            ApplyArchiveRuleRequest(analyzerArn: F.analyzerArn(), ruleName: "public-buckets"), as: .root)
        #expect(F.findings(service, resource: Self.bucket).map(\.status) == [.archived])
        // A new matching finding is archived as it is made; one that does not match stays active.
        _ = try service.createBucket(CreateBucketRequest(bucket: "other"), as: .root)
        _ = try service.putBucketPolicy(
            PutBucketPolicyRequest(
                bucket: "other",
                policy:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","#
                    + #""Resource":"*"},{"Effect":"Allow","Principal":{"AWS":"999988887777"},"Action":"s3:PutObject","#
                    + #""Resource":"*"}]}"#),
            as: .root)
        let other = F.findings(service, resource: "arn:aws:s3:::other")
        #expect(other.filter(\.isPublic).map(\.status) == [.archived])
        #expect(other.filter { !$0.isPublic }.map(\.status) == [.active])
        let rules = try service.listArchiveRules(AnalyzerNameRequest(analyzerName: "acct"), as: .root).archiveRules
        #expect(rules.map(\.ruleName) == ["public-buckets"] && rules.first?.filter == rule)
        _ = try service.deleteArchiveRule(
            ArchiveRuleRequest(analyzerName: "acct", ruleName: "public-buckets"), as: .root)
        #expect(service.account.analyzers["acct"]?.archiveRules.isEmpty == true)
    }

    @Test func filtersMatchEqNeqContainsAndExists() throws {
        let service = try Self.publicBucket()
        let finding = try #require(F.findings(service, resource: Self.bucket).first)
        #expect(FindingFilter.matches(finding, ["principal.AWS": Criterion(eq: ["*"])]))
        #expect(!FindingFilter.matches(finding, ["resourceType": Criterion(neq: ["AWS::S3::Bucket"])]))
        #expect(FindingFilter.matches(finding, ["resource": Criterion(contains: ["site"])]))
        #expect(FindingFilter.matches(finding, ["condition.aws:SourceVpc": Criterion(exists: false)]))
        #expect(!FindingFilter.matches(finding, ["principal.Federated": Criterion(exists: true)]))
        let listed = try service.listFindings(
            ListFindingsRequest(analyzerArn: F.analyzerArn(), filter: ["isPublic": Criterion(eq: ["false"])]), as: .root
        )
        #expect(listed.findings.isEmpty)
    }

    @Test func findingIdsAreStableForTheSameResourcePrincipalAndActions() throws {
        let first = try Self.publicBucket()
        let second = try Self.publicBucket()
        let id = try #require(F.findings(first, resource: Self.bucket).first?.id)
        #expect(F.findings(second, resource: Self.bucket).first?.id == id)
        #expect(id.count == 36 && id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    }

    @Test func aNewAnalyzerFindsWhatExistedBeforeIt() throws {
        var service = TestAccount.make()
        _ = try service.createBucket(CreateBucketRequest(bucket: "site"), as: .root)
        _ = try service.putBucketPolicy(
            PutBucketPolicyRequest(bucket: "site", policy: F.policy(principal: #""*""#, action: "s3:GetObject")),
            as: .root)
        _ = try service.createAnalyzer(CreateAnalyzerRequest(analyzerName: "late", type: "ACCOUNT"), as: .root)
        #expect(F.findings(service, resource: Self.bucket, analyzer: "late").count == 1)
        let listed = try service.listAnalyzers(ListAnalyzersRequest(), as: .root).analyzers
        #expect(listed.map(\.name) == ["late"] && listed.first?.lastResourceAnalyzedAt == TestAccount.now)
        _ = try service.deleteAnalyzer(AnalyzerNameRequest(analyzerName: "late"), as: .root)
        #expect(service.account.analyzers.isEmpty)
    }
}
