import Foundation
import IAMCore
import IAMPolicy
import IAMWorkspace
import Testing

@Suite struct AuthorizationDetailsImporterTests {
    @Test func fixtureKeepsRealIdsARNsAndDates() throws {
        let (account, summary) = try ImportFixtures.importedFixture()
        #expect(account.users.count == 3)
        #expect(account.groups.count == 2)
        #expect(account.roles.count == 1)
        #expect(account.policies.count == 2)
        let tomasz = try #require(account.user(named: "tomasz"))
        #expect(tomasz.id == "j7kit4tsieewadetg4vj")
        #expect(account.arn(of: tomasz) == "arn:aws:iam::444455556666:user/teams/tomasz")
        #expect(tomasz.createDate.iso8601 == "2026-11-29T06:31:29.231525+00:00")
        #expect(tomasz.groups == ["platform", "auditors"])
        #expect(tomasz.tags == [Tag(key: "team", value: "orbit")])
        let bot = try #require(account.user(named: "deploy-bot"))
        #expect(bot.inlinePolicies.map(\.name) == ["ReadParams"])
        #expect(bot.inlinePolicies.first?.document.hasPrefix(#"{"Version":"2012-10-17","Statement":[{"#) == true)
        let policy = try #require(account.policies["deployartifacts"])
        #expect(policy.path == "/ci/")
        #expect(policy.versions.map(\.versionId) == ["v1", "v2"])
        #expect(policy.defaultVersionId == "v2")
        #expect(policy.nextVersionNumber == 3)
        #expect(policy.description == "Push build artifacts")
        let role = try #require(account.role(named: "thumbnailer"))
        #expect(role.id == "AROAWO645SY5MVHYRR4UR")
        #expect(role.attachedPolicies == ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"])
        #expect(summary.created["users"] == 3)
        #expect(summary.skipped.isEmpty)
    }

    @Test func importedAccountSurvivesTheWorkspaceCodec() throws {
        let (account, _) = try ImportFixtures.importedFixture()
        let data = try WorkspaceCodec.encode(account)
        #expect(try WorkspaceCodec.decode(data, path: nil) == account)
    }

    @Test func documentsAreStoredAsTheWriterWouldWriteThem() throws {
        // Documents are cut compact from the file's bytes; the text must be what JSONWriter writes,
        // with or without a byte order mark, escapes, non-ASCII text or odd whitespace.
        let documents = [
            #"{ "Version" : "2012-10-17",NL"Statement" : [ { "Effect":"Allow", "Action" : [ "s3:Get*" ], "Resource":"*" } ] }"#
                .replacingOccurrences(of: "NL", with: "\r\n\t "),
            #"{"Version":"2012-10-17","Statement":[{"Sid":"Cafe","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::caf\u00e9\/k"}]}"#,
            #"{"Version":"2012-10-17","Statement":[{"Sid":"Caf","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::café/*"}]}"#,
        ]
        for document in documents {
            for bom in [false, true] {
                let text = """
                    {"UserDetailList": [{"Path": "/", "UserName": "u", "UserId": "AIDAEXAMPLEEXAMPLE01",
                      "Arn": "arn:aws:iam::123456789012:user/u", "CreateDate": "2026-01-01T00:00:00Z",
                      "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": \(document)}]}]}
                    """
                let data = Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
                let details = try AuthorizationDetailsImporter.read(data, file: "f.json")
                let stored = try #require(details.users.first?.inlinePolicies.first?.document)
                #expect(stored == JSONWriter.compact(try JSONParser.parse(document)), "bom: \(bom)")
            }
        }
    }

    @Test func urlEncodedDocumentsAreDecoded() throws {
        let encoded =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        #expect(encoded.hasPrefix("%7B"))
        let text = """
            {"UserDetailList": [{"Path": "/", "UserName": "u", "UserId": "AIDAEXAMPLEEXAMPLE01",
              "Arn": "arn:aws:iam::123456789012:user/u", "CreateDate": "2026-01-01T00:00:00Z",
              "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": "\(encoded)"}]}]}
            """
        let details = try AuthorizationDetailsImporter.read(Data(text.utf8), file: "f.json")
        #expect(details.users.first?.inlinePolicies.first?.document.hasPrefix(#"{"Version":"2012-10-17""#) == true)
        #expect(details.accountId == "123456789012")
    }

    @Test func truncatedFileIsReportedAtItsEnd() throws {
        let full = try ImportFixtures.data("authorization-details.json")
        let cut = full.prefix(full.count / 2)
        let error = try #require(throws: ImportError.self) {
            try AuthorizationDetailsImporter.read(Data(cut), file: "cut.json")
        }
        #expect(error.description.hasPrefix("cut.json:"))
        #expect(error.message.contains("truncated"))
    }

    @Test func manyDistinctDocumentsAreCheckedAndTheFirstProblemInFileOrderIsReported() throws {
        // More documents than one background batch, with problems in the first and a later batch.
        let valid = ImportFixtures.generated(users: 900, distinct: true)
        let details = try AuthorizationDetailsImporter.read(Data(valid.utf8), file: "f.json")
        #expect(Set(details.users.compactMap { $0.inlinePolicies.first?.document }).count == 900)
        for refused in [[700, 30], [700], [899]] {
            let text = ImportFixtures.generated(users: 900, distinct: true, refused: Set(refused))
            let error = try #require(throws: ImportError.self) {
                try AuthorizationDetailsImporter.read(Data(text.utf8), file: "f.json")
            }
            #expect(error.message.hasPrefix("UserDetailList[\(refused.min() ?? 0)].UserPolicyList[0].PolicyDocument:"))
            #expect(error.message.contains("bucket\(refused.min() ?? 0)"))
        }
    }

    @Test func listUsersOutputIsNotAuthorizationDetails() throws {
        let error = try #require(throws: ImportError.self) {
            try AuthorizationDetailsImporter.read(try ImportFixtures.data("list-users.json"), file: "users.json")
        }
        #expect(
            error.description.hasPrefix("users.json:1:1: not the output of `aws iam get-account-authorization-details`")
        )
        #expect(error.message.contains("Users"))
    }

    @Test func unknownFieldsAreIgnoredWithOneNoteEach() throws {
        let text = ImportFixtures.generated(users: 3).replacingOccurrences(
            of: #""Path": "/", "UserName""#, with: #""Path": "/", "Shiny": 1, "UserName""#)
        let details = try AuthorizationDetailsImporter.read(Data(text.utf8), file: "f.json")
        #expect(details.users.count == 3)
        #expect(details.notes.count == 1)
        #expect(
            details.notes.first?.hasPrefix("unknown field UserDetailList[].Shiny ignored (first at f.json:1:") == true)
    }

    @Test func policyAWSWouldRefuseStopsTheImport() throws {
        let text = ImportFixtures.generated(users: 2).replacingOccurrences(
            of: #""Effect":"Allow""#, with: #""Effect":"Permit""#)
        let error = try #require(throws: ImportError.self) {
            try AuthorizationDetailsImporter.read(Data(text.utf8), file: "bad.json")
        }
        #expect(error.message.contains("UserDetailList[0].UserPolicyList[0].PolicyDocument"))
        #expect(error.message.contains("AWS would not accept this policy document"))
        #expect(error.location?.line == 3)
    }

    @Test func managedPolicyOverTheSizeQuotaIsRefused() throws {
        let actions = (0..<700).map { "\"s3:GetObject\($0)\"" }.joined(separator: ",")
        let document =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["# + actions + #"],"Resource":"*"}]}"#
        let text = """
            {"Policies": [{"PolicyName": "Big", "PolicyId": "ANPAEXAMPLEEXAMPLE01", "Arn": "arn:aws:iam::123456789012:policy/Big",
              "Path": "/", "DefaultVersionId": "v1", "CreateDate": "2026-01-01T00:00:00Z", "UpdateDate": "2026-01-01T00:00:00Z",
              "PolicyVersionList": [{"Document": \(document), "VersionId": "v1", "IsDefaultVersion": true,
                                     "CreateDate": "2026-01-01T00:00:00Z"}]}]}
            """
        let error = try #require(throws: ImportError.self) {
            try AuthorizationDetailsImporter.read(Data(text.utf8), file: "big.json")
        }
        #expect(error.message.contains("more than the 6144 a managed policy may have"))
        #expect(error.location?.line == 3)
    }

    @Test func onePageOfATruncatedListingIsRefused() throws {
        let text = #"{"UserDetailList": [], "IsTruncated": true, "Marker": "abc"}"#
        let error = try #require(throws: ImportError.self) {
            try AuthorizationDetailsImporter.read(Data(text.utf8), file: "page.json")
        }
        #expect(error.message.contains("IsTruncated"))
    }

    @Test func mismatchedARNIsAnError() throws {
        let text = ImportFixtures.generated(users: 1).replacingOccurrences(of: ":user/user0", with: ":user/other")
        let error = try #require(throws: ImportError.self) {
            try AuthorizationDetailsImporter.read(Data(text.utf8), file: "arn.json")
        }
        #expect(error.message.contains("does not match the path and name"))
    }

    @Test func fiftyThousandUsersImport() throws {
        let text = ImportFixtures.generated(users: 50_000)
        let start = Date()
        var reports = 0
        let details = try AuthorizationDetailsImporter.read(Data(text.utf8), file: "big.json") { _, _ in reports += 1 }
        var summary = ImportSummary()
        let account = try AccountImport.merge(
            details, into: ImportFixtures.emptyAccount(id: "123456789012"), file: "big.json",
            at: ImportFixtures.importTime, summary: &summary)
        let seconds = Date().timeIntervalSince(start)
        print("imported 50,000 users (\(text.utf8.count) bytes) in \(String(format: "%.2f", seconds)) s")
        #expect(account.users.count == 50_000)
        #expect(account.user(named: "user49999")?.groups == ["group19"])
        #expect(reports > 100)
        #expect(summary.notes.contains { $0.contains("more than AWS's quota of 5000") })
    }
}
