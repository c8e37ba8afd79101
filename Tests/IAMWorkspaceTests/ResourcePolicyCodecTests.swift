import Foundation
import IAMCore
import IAMPolicy
import Testing

@testable import IAMWorkspace

/// Shared resources, the organization and the analyzers in the workspace file: written, read back
/// by both readers, byte-stable, and absent from files that have none.
@Suite("Resource policies and analyzers in the workspace file")
struct ResourcePolicyCodecTests {
    static func withAnalysis() throws -> Account {
        var service = IAMService(
            account: CodecTestAccounts.everything(), clock: FixedClock(CodecTestAccounts.date(100)),
            random: SeededRandomSource(seed: "resource-codec"))
        service.recordsAudit = false
        let publicPolicy =
            #"{"Version":"2012-10-17","Statement":[{"Sid":"Everyone \"quoted\"","Effect":"Allow","Principal":"*","#
            + #""Action":["s3:GetObject","s3:ListBucket"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"#
            + #""true"},"StringEquals":{"s3:prefix":["a","b"]}}}]}"#
        _ = try service.createOrganization(CreateOrganizationRequest(), as: .root)
        _ = try service.inviteAccountToOrganization(InviteAccountRequest(accountId: "444455556666"), as: .root)
        _ = try service.createBucket(CreateBucketRequest(bucket: "site", region: "eu-west-1"), as: .root)
        _ = try service.putBucketPolicy(PutBucketPolicyRequest(bucket: "site", policy: publicPolicy), as: .root)
        _ = try service.createKey(CreateKeyRequest(description: "ünïcode key"), as: .root)
        _ = try service.createQueue(CreateQueueRequest(queueName: "orders"), as: .root)
        _ = try service.createFunction(
            CreateFunctionRequest(functionName: "f", role: "arn:aws:iam::123456789012:role/r"), as: .root)
        _ = try service.addPermission(
            AddPermissionRequest(
                functionName: "f", statementId: "p", action: "lambda:InvokeFunction", principal: "999988887777"),
            as: .root)
        _ = try service.publishLayerVersion(PublishLayerVersionRequest(layerName: "tools"), as: .root)
        _ = try service.createSecret(CreateSecretRequest(name: "db/password"), as: .root)
        var request = CreateAnalyzerRequest(
            analyzerName: "org", type: "ORGANIZATION",
            archiveRules: [
                InlineArchiveRule(
                    ruleName: "vpc",
                    filter: [
                        "condition.aws:SourceVpc": Criterion(exists: true),
                        "isPublic": Criterion(eq: ["false"], neq: ["x"], contains: ["y"]),
                    ])
            ])
        request.tags = ["team": "security"]
        _ = try service.createAnalyzer(request, as: .root)
        service.region = "eu-west-1"
        _ = try service.createAnalyzer(CreateAnalyzerRequest(analyzerName: "eu", type: "ACCOUNT"), as: .root)
        return service.account
    }

    @Test func everyMemberRoundTripsThroughBothReaders() throws {
        let account = try Self.withAnalysis()
        #expect(account.resources.count == 6 && account.analyzers.count == 2 && account.organization != nil)
        #expect(account.analyzers["eu"]?.findings.isEmpty == false)
        let data = try WorkspaceCodec.encode(account)
        let fast = try #require(AccountReader.read(data), "the fast reader refused a valid file")
        #expect(fast == account)
        #expect(try WorkspaceCodec.decodeWithCodable(data, path: nil) == account)
    }

    @Test func theWriterWritesWhatTheCodableConformanceWritesAndTwoSavesAreIdentical() throws {
        let account = try Self.withAnalysis()
        let foundation = FastCodecTests.foldingEmptyContainers(try FastCodecTests.foundationBytes(account))
        let first = try WorkspaceCodec.encode(account)
        #expect(first == foundation)
        let reread = try WorkspaceCodec.decode(first, path: nil)
        #expect(try WorkspaceCodec.encode(reread) == first)
    }

    @Test func aWorkspaceWithoutResourcesWritesNoMemberAndOlderFilesRead() throws {
        let data = try WorkspaceCodec.encode(CodecTestAccounts.everything())
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            !text.contains("\"resources\"") && !text.contains("\"analyzers\"") && !text.contains("\"organization\""))
        let account = try WorkspaceCodec.decode(data, path: nil)
        #expect(account.resources.isEmpty && account.analyzers.isEmpty && account.organization == nil)
    }

    @Test func resourcesAreStoredSortedByARN() throws {
        let document = try JSONParser.parse(try WorkspaceCodec.encode(try Self.withAnalysis()))
        let arns = document["account"]?["resources"]?.arrayValue?.compactMap { $0["arn"]?.stringValue } ?? []
        #expect(arns.count == 6 && arns == arns.sorted())
        #expect(
            arns.first == "arn:aws:kms:us-east-1:123456789012:key/" + (arns.first?.split(separator: "/").last ?? ""))
    }
}

/// `workspace check` looks at resource policies too.
@Suite("Resource policies in workspace check")
struct ResourcePolicyCheckTests {
    @Test func aMalformedResourcePolicyAndAForeignResourceAreReported() throws {
        var account = try ResourcePolicyCodecTests.withAnalysis()
        #expect(WorkspaceChecker.check(account).filter { $0.path.hasPrefix("$.account.resources") }.isEmpty)
        let queue = try #require(account.resources.values.first { $0.type == .sqsQueue })
        account.resources[queue.arn]?.policy =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}"#
        var foreign = queue
        foreign.arn = "arn:aws:sqs:us-east-1:999988887777:theirs"
        foreign.policy = nil
        account.resources[foreign.arn] = foreign
        let problems = WorkspaceChecker.check(account).filter { $0.path.hasPrefix("$.account.resources") }
        #expect(problems.map(\.message).contains { $0.contains("Missing required field Principal") })
        #expect(
            problems.map(\.message).contains(
                "the resource belongs to account 999988887777, not the workspace's 123456789012"))
    }
}
