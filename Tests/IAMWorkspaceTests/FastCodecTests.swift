import Foundation
import IAMCore
import Testing

@testable import IAMWorkspace

/// The hand-written reader and writer against the `Codable` path they replace: the same account
/// from every valid file, and the former bytes apart from the layout of empty arrays.
@Suite("Fast workspace reader and writer")
struct FastCodecTests {
    /// What `JSONEncoder` wrote before the hand-written writer, with empty arrays made `[]`.
    static func foundationBytes(_ account: Account) throws -> Data {
        struct Document: Encodable {
            var format: String
            var schemaVersion: Int
            var account: Account
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(format: "iamconsole-workspace", schemaVersion: 1, account: account))
        data.append(0x0A)
        return data
    }

    /// Foundation's three-line empty arrays and objects (`[`, blank line, `]`) folded to `[]` and `{}`.
    static func foldingEmptyContainers(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let folded = text.replacing(#/\[\n\s*\n\s*\]/#, with: "[]").replacing(#/\{\n\s*\n\s*\}/#, with: "{}")
        return Data(folded.utf8)
    }

    /// Both readers, which must agree.
    static func bothWays(_ data: Data) throws -> (fast: Account?, codable: Account) {
        (AccountReader.read(data), try WorkspaceCodec.decodeWithCodable(data, path: nil))
    }

    static func sample() throws -> Account {
        let now = try #require(Timestamp(iso8601: "2026-03-01T12:00:00Z"))
        return SampleAccount.make(now: now, random: SeededRandomSource(seed: "codec-tests"), iterations: 1000)
    }

    @Test(arguments: ["sample", "everything", "sessions", "large"])
    func theWriterWritesWhatFoundationWroteWithEmptyArraysFolded(_ name: String) throws {
        let account = try Self.account(name)
        let ours = try WorkspaceCodec.encode(account)
        let foundation = try Self.foundationBytes(account)
        #expect(ours == Self.foldingEmptyContainers(foundation))
        #expect(!String(decoding: ours, as: UTF8.self).contains("[\n" + "\n"))
    }

    @Test(arguments: ["sample", "everything", "sessions", "large"])
    func bothReadersReadTheSameAccountFromNewAndOldBytes(_ name: String) throws {
        let account = try Self.account(name)
        for data in [try WorkspaceCodec.encode(account), try Self.foundationBytes(account)] {
            let (fast, codable) = try Self.bothWays(data)
            let read = try #require(fast, "the fast reader refused a valid file")
            #expect(read == codable)
            #expect(read == account)
        }
    }

    static func account(_ name: String) throws -> Account {
        switch name {
        case "sample": return try sample()
        case "everything": return CodecTestAccounts.everything()
        case "sessions": return CodecTestAccounts.withTemporaryCredentials()
        default: return CodecTestAccounts.large()
        }
    }

    @Test func theWriterMatchesPythonsJSONDumpByteForByte() throws {
        let ours = String(decoding: try WorkspaceCodec.encode(PythonDumpFixture.account()), as: UTF8.self)
        #expect(ours == PythonDumpFixture.expected)
    }

    /// Valid files written by hand or by other tools: other spellings, `null`s, absent optional
    /// members, unknown members, escapes where the writer never puts them.
    @Test(arguments: [
        // Minimal: every optional member absent, whitespace of another layout.
        #"{"schemaVersion":1,"format":"iamconsole-workspace","account":{"id":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}}}"#,
        // nulls for optional members, other timestamp spellings, unknown members of every kind.
        #"""
        { "account" : { "alias" : null, "users" : null, "groups" : [ ], "passwordPolicy" : null,
          "id" : "1", "name" : "n", "createDate" : "2026-01-01T01:00:00.5+01:00",
          "future" : {"a": [1, -2.5e+3, true, false, null, "x\u00e9", {}], "b": []},
          "root" : {"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[],"passwordLastUsed":null},
          "roles" : [{"name":"R","path":"/","id":"i","createDate":"2026-01-01t00:00:00.123Z",
                      "assumeRolePolicyDocument":"{}","maxSessionDuration":null,"description":null,
                      "lastUsed":{"date":"2026-01-02T00:00:00+00:00","region":null},"extra":0}] },
          "format" : "iamconsole-workspace", "schemaVersion" : 1, "comment" : "unknown top-level member" }
        """#,
        // Escapes and non-ASCII in values: \u escapes, surrogate pairs, short escapes, raw UTF-8.
        #"{"account":{"id":"\u0031","name":"\ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t \u2028 é","createDate":"2026-01-01T00:00:00+00:00","root":{"email":"\u00e9","passwordHash":"h","accessKeys":[],"mfaDevices":["a\u0000b"]},"users":[{"name":"\u00C9mile","path":"/","id":"i","createDate":"2026-01-01T00:00:00+00:00","tags":[{"key":"k","value":"\u65e5\u672c"}],"signingCertificates":-4}]},"format":"iamconsole-workspace","schemaVersion":1}"#,
        // Duplicate MFA serials: the first wins in both readers.
        #"{"account":{"id":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]},"mfaDevices":[{"serialNumber":"s","type":"virtual","createDate":"2026-01-01T00:00:00Z","tags":[],"seed":"first"},{"serialNumber":"s","type":"hardware","createDate":"2026-01-01T00:00:00Z","tags":[]}]},"format":"iamconsole-workspace","schemaVersion":1}"#,

        // MFA replay and drift state: present, null, and absent.
        #"{"account":{"id":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]},"mfaDevices":[{"serialNumber":"a","type":"virtual","createDate":"2026-01-01T00:00:00Z","tags":[],"lastUsedStep":58925000,"driftSteps":-3},{"serialNumber":"b","type":"hardware","createDate":"2026-01-01T00:00:00Z","tags":[],"lastUsedStep":null,"driftSteps":null}]},"format":"iamconsole-workspace","schemaVersion":1}"#,
    ])
    func handWrittenValidFilesReadTheSameBothWays(_ text: String) throws {
        let (fast, codable) = try Self.bothWays(Data(text.utf8))
        #expect(fast != nil, "the fast reader refused a valid file")
        #expect(fast == codable)
    }

    /// Files that are valid JSON and valid workspaces but that the fast reader leaves to `Codable`
    /// (which then reads them): escaped keys, numbers written as decimals, duplicate keys, and a
    /// leading zero, which Foundation tolerates.
    @Test(arguments: [
        #"{"account":{"id":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]},"future":[01]},"format":"iamconsole-workspace","schemaVersion":1}"#,
        #"{"account":{"\u0069d":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}},"format":"iamconsole-workspace","schemaVersion":1}"#,
        #"{"account":{"id":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}},"format":"iamconsole-workspace","schemaVersion":1.0}"#,
        #"{"account":{"id":"1","id":"2","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}},"format":"iamconsole-workspace","schemaVersion":1}"#,
    ])
    func unusualValidFilesFallBackToCodable(_ text: String) throws {
        let data = Data(text.utf8)
        #expect(AccountReader.read(data) == nil)
        #expect(try WorkspaceCodec.decode(data, path: nil) == WorkspaceCodec.decodeWithCodable(data, path: nil))
    }

    /// Broken files: the fast reader refuses each, so the error is the `Codable` path's.
    @Test(arguments: [
        #"{"account":{"id":1}}"#,
        #"{"account":{"id":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}},"format":"iamconsole-workspace","schemaVersion":1} x"#,
        #"{"account":{"id":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]},"users":[{"name":"A","path":"/","id":"1","createDate":"2026-01-01T00:00:00Z"},{"name":"a","path":"/","id":"2","createDate":"2026-01-01T00:00:00Z"}]},"format":"iamconsole-workspace","schemaVersion":1}"#,
        #"{"account":{"id":"\ud800","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}},"format":"iamconsole-workspace","schemaVersion":1}"#,
        #"{"account":{"id":"1","name":"n","createDate":"2026-02-30T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}},"format":"iamconsole-workspace","schemaVersion":1}"#,
        #"{"account":{"id":"1","name":"n","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}},"format":"iamconsole-workspace","schemaVersion":2}"#,
    ])
    func brokenFilesAreExplainedByTheCodablePath(_ text: String) throws {
        let data = Data(text.utf8)
        #expect(AccountReader.read(data) == nil)
        #expect(throws: WorkspaceError.self) { try WorkspaceCodec.decode(data, path: nil) }
    }

    @Test func invalidUTF8IsLeftToTheCodablePath() throws {
        var data = Data(#"{"account":{"id":"1","name":""#.utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(
            contentsOf: Data(
                #"","createDate":"2026-01-01T00:00:00Z","root":{"email":"e","passwordHash":"h","accessKeys":[],"mfaDevices":[]}},"format":"iamconsole-workspace","schemaVersion":1}"#
                    .utf8))
        #expect(AccountReader.read(data) == nil)
    }

    @Test func timestampBytesAgreeWithTimestamp() throws {
        var seed: UInt64 = 42
        var values: [Int64] = [0, -1, 1, 999_999, -86_400_000_000, 253_402_300_799_999_999, -62_167_219_200_000_000]
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let micros = Int64(bitPattern: seed >> 1) % 253_402_300_800_000_000
            values.append(seed & 1 == 0 ? micros : micros - micros % 1_000_000)
        }
        for micros in values {
            let timestamp = Timestamp(microseconds: micros)
            var bytes: [UInt8] = []
            TimestampBytes.append(timestamp, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == timestamp.iso8601)
            let parsed = bytes.withUnsafeBufferPointer { TimestampBytes.parse($0) }
            #expect(parsed == Timestamp(iso8601: timestamp.iso8601))
        }
        for text in [
            "2024-02-29T00:00:00+00:00", "2023-02-29T00:00:00+00:00", "2026-12-31T23:59:60+00:00",
            "2026-13-01T00:00:00+00:00",
        ] {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { TimestampBytes.parse($0) }
            #expect(parsed == Timestamp(iso8601: text), "\(text)")
        }
    }
}
