import Foundation
import IAMCore
import IAMWorkspace
import Testing

/// The workspace format: lossless, canonical bytes, and decode errors that say where the problem is.
@Suite("WorkspaceCodec")
struct WorkspaceCodecTests {
    static func sample() throws -> Account {
        let now = try #require(Timestamp(iso8601: "2026-03-01T12:00:00Z"))
        return SampleAccount.make(now: now, random: SeededRandomSource(seed: "codec-tests"), iterations: 1000)
    }

    static func sampleText() throws -> String {
        String(decoding: try WorkspaceCodec.encode(try sample()), as: UTF8.self)
    }

    static func decodeError(_ text: String) throws -> WorkspaceError {
        do {
            _ = try WorkspaceCodec.decode(Data(text.utf8), path: "/tmp/ws.json")
        } catch {
            return error
        }
        Issue.record("decoding succeeded")
        throw CancellationError()
    }

    @Test func theSampleRoundTripsLosslesslyAndReEncodesToTheSameBytes() throws {
        let account = try Self.sample()
        let data = try WorkspaceCodec.encode(account)
        let decoded = try WorkspaceCodec.decode(data, path: nil)
        #expect(decoded == account)
        #expect(try WorkspaceCodec.encode(decoded) == data)
        #expect(decoded.users.count == 5)
        #expect(decoded.users["alice"]?.accessKeys.first?.id == "AKIAEXAMPLEALICEKEYA")
        #expect(decoded.policies.count == 3)
    }

    @Test func theSameInputsEncodeToTheSameBytes() throws {
        #expect(try WorkspaceCodec.encode(try Self.sample()) == WorkspaceCodec.encode(try Self.sample()))
    }

    @Test func theBytesAreSortedPrettyJSONWithOneNewline() throws {
        let text = try Self.sampleText()
        #expect(text.hasPrefix("{\n  \"account\" : {\n"))
        #expect(text.hasSuffix("  \"format\" : \"iamconsole-workspace\",\n  \"schemaVersion\" : 1\n}\n"))
        #expect(!text.hasSuffix("\n\n"))
        #expect(!text.contains("\\/"), "slashes are not escaped")
    }

    @Test func invalidJSONIsLocatedByLineAndColumn() throws {
        let error = try Self.decodeError(
            "{\n  \"format\": \"iamconsole-workspace\",\n  \"schemaVersion\": 1\n  \"account\": {}\n}\n")
        #expect(error.path == "/tmp/ws.json")
        #expect(error.location == "4:3")
        #expect(error.message.hasPrefix("invalid JSON: "))
        #expect(error.description.hasPrefix("/tmp/ws.json:4:3: invalid JSON: "))
        #expect(!error.description.contains("\n"))
    }

    @Test func aTruncatedFileIsInvalidJSONAtItsEnd() throws {
        let text = try Self.sampleText()
        let cut = String(text.prefix(200))
        let error = try Self.decodeError(cut)
        let lastLine = cut.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(error.location?.hasPrefix("\(lastLine):") == true, "\(error)")
        #expect(error.message.hasPrefix("invalid JSON: "))
    }

    @Test func aWrongTypeIsLocatedByItsJSONPath() throws {
        let text = try Self.sampleText().replacingOccurrences(of: "\"name\" : \"alice\"", with: "\"name\" : 42")
        let error = try Self.decodeError(text)
        #expect(error.location == "$.account.users[0].name")
        #expect(error.message == "expected a string, found a number")
        #expect(error.description == "/tmp/ws.json:$.account.users[0].name: expected a string, found a number")
    }

    @Test func aMissingFieldIsLocatedByItsJSONPath() throws {
        let text = try Self.sampleText().replacingOccurrences(of: "\"name\" : \"bob\",\n", with: "")
        let error = try Self.decodeError(text)
        #expect(error.location == "$.account.users[1].name")
        #expect(error.message == "missing field 'name'")
    }

    @Test func aNewerSchemaIsRefused() throws {
        let text = try Self.sampleText().replacingOccurrences(
            of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 99")
        let error = try Self.decodeError(text)
        #expect(error.location == "$.schemaVersion")
        #expect(error.message.hasPrefix("schema version 99 is newer than this iamconsole understands (1)"))
    }

    @Test func aMissingOrInvalidSchemaVersionIsRefused() throws {
        let missing = try Self.decodeError(#"{"format": "iamconsole-workspace", "account": {}}"#)
        #expect(missing.location == "$.schemaVersion")
        #expect(missing.message == "missing field 'schemaVersion'")
        let zero = try Self.decodeError(#"{"format": "iamconsole-workspace", "schemaVersion": 0, "account": {}}"#)
        #expect(zero.location == "$.schemaVersion")
        #expect(zero.message == "invalid schema version 0")
    }

    @Test func aFileOfAnotherFormatIsNotAWorkspace() throws {
        let other = try Self.decodeError(#"{"format": "terraform-state", "schemaVersion": 1}"#)
        #expect(other.location == "$.format")
        #expect(
            other.message
                == "not an iamconsole workspace (expected format 'iamconsole-workspace', found 'terraform-state')")
        let policy = try Self.decodeError(#"{"Version": "2012-10-17", "Statement": []}"#)
        #expect(policy.location == "$.format")
        #expect(policy.message.hasSuffix("found no format field)"))
    }

    @Test func aJSONValueThatIsNotAnObjectIsReportedAtTheRoot() throws {
        let error = try Self.decodeError("[1, 2, 3]\n")
        #expect(error.location == "$")
        #expect(error.path == "/tmp/ws.json")
    }
}
