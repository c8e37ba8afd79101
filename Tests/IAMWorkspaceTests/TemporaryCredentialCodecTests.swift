import Foundation
import IAMCore
import Testing

@testable import IAMWorkspace

/// STS temporary credentials in the workspace file: written, read back by both readers, absent when none.
@Suite("Temporary credentials in the workspace file")
struct TemporaryCredentialCodecTests {
    @Test func everyMemberRoundTripsThroughBothReaders() throws {
        let account = CodecTestAccounts.withTemporaryCredentials()
        let data = try WorkspaceCodec.encode(account)
        let fast = try #require(AccountReader.read(data), "the fast reader refused a valid file")
        #expect(fast == account)
        #expect(try WorkspaceCodec.decodeWithCodable(data, path: nil) == account)
        #expect(fast.temporaryCredentials.count == 3)
        #expect(fast.temporaryCredentials["ASIAEXAMPLE000000001"]?.tags.first?.value == CodecTestAccounts.awkward)
    }

    @Test func anAccountWithoutSessionsWritesNoMember() throws {
        let text = String(decoding: try WorkspaceCodec.encode(CodecTestAccounts.everything()), as: UTF8.self)
        #expect(!text.contains("temporaryCredentials"))
    }

    @Test func aCredentialWithoutItsTagsIsLeftToTheCodablePathWhichExplainsIt() throws {
        let text = String(
            decoding: try WorkspaceCodec.encode(CodecTestAccounts.withTemporaryCredentials()), as: UTF8.self)
        let broken = text.replacingOccurrences(of: "\"tags\" : [],\n        \"userName\"", with: "\"userName\"")
        #expect(broken != text)
        #expect(AccountReader.read(Data(broken.utf8)) == nil)
        #expect(throws: WorkspaceError.self) { try WorkspaceCodec.decode(Data(broken.utf8), path: nil) }
    }
}
