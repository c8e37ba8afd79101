import Foundation
import IAMCore
import Testing

@testable import IAMWorkspace

/// Access advisor's activity and jobs in the workspace file: written, read back by both readers,
/// absent when none.
@Suite("Access advisor data in the workspace file")
struct AccessAdvisorCodecTests {
    static func withActivity() -> Account {
        var account = CodecTestAccounts.everything()
        let user = "arn:aws:iam::123456789012:user/alice"
        account.recordActivity(
            principalARN: user, action: "iam:GetUser", region: "us-east-1", at: CodecTestAccounts.date(90))
        account.recordActivity(
            principalARN: user, action: "s3:GetObject", region: "eu-west-1", at: CodecTestAccounts.date(91))
        account.recordActivity(
            principalARN: "arn:aws:iam::123456789012:role/" + CodecTestAccounts.awkward, action: "ec2:RunInstances",
            region: "us-west-2", at: CodecTestAccounts.date(92))
        account.accessAdvisorJobs = [
            AccessAdvisorJob(
                jobId: "2d1b7a2e-8f0e-4e2b-9c52-4f0f3a1e6d11", arn: user, granularity: "ACTION_LEVEL",
                creationDate: CodecTestAccounts.date(93))
        ]
        return account
    }

    @Test func everyMemberRoundTripsThroughBothReaders() throws {
        let account = Self.withActivity()
        let data = try WorkspaceCodec.encode(account)
        let fast = try #require(AccountReader.read(data), "the fast reader refused a valid file")
        #expect(fast == account)
        #expect(try WorkspaceCodec.decodeWithCodable(data, path: nil) == account)
        #expect(fast.activity.count == 3)
        #expect(fast.accessAdvisorJobs.first?.granularity == "ACTION_LEVEL")
    }

    @Test func theWriterWritesWhatTheCodableConformanceWrites() throws {
        let account = Self.withActivity()
        let foundation = FastCodecTests.foldingEmptyContainers(try FastCodecTests.foundationBytes(account))
        #expect(try WorkspaceCodec.encode(account) == foundation)
    }

    @Test func anAccountWithoutActivityWritesNoMember() throws {
        let text = String(decoding: try WorkspaceCodec.encode(CodecTestAccounts.everything()), as: UTF8.self)
        #expect(!text.contains("\"activity\""))
        #expect(!text.contains("accessAdvisorJobs"))
    }

    @Test func onlyTheLatestUseOfAKeyIsKept() {
        var account = CodecTestAccounts.everything()
        let arn = "arn:aws:iam::123456789012:user/alice"
        account.recordActivity(
            principalARN: arn, action: "iam:GetUser", region: "us-east-1", at: .init(secondsSince1970: 20))
        account.recordActivity(
            principalARN: arn, action: "iam:GetUser", region: "us-east-1", at: .init(secondsSince1970: 10))
        #expect(account.activity.count == 1)
        #expect(account.activity.values.first == Timestamp(secondsSince1970: 20))
    }
}
