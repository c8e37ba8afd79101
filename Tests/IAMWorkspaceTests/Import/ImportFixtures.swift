import Foundation
import IAMCore
import IAMWorkspace

/// The real-format AWS samples in Tests/Fixtures/aws and generated inputs for the importer tests.
enum ImportFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/aws")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    static let accountId = "444455556666"
    static let now = Timestamp(secondsSince1970: 1_795_000_000)

    /// An empty account like the one a new import starts from.
    static func emptyAccount(id: String = accountId) -> Account {
        Account(id: id, name: "Imported", createDate: now, root: RootUser(email: "root@example.com", passwordHash: ""))
    }

    /// When the tests' imports happen (the analyzers' findings are dated with it).
    static let importTime = Timestamp(microseconds: 1_780_000_000_000_000)

    /// Imports the fixture into an empty account.
    static func importedFixture() throws -> (Account, ImportSummary) {
        let details = try AuthorizationDetailsImporter.read(try data("authorization-details.json"), file: "fixture")
        var summary = ImportSummary()
        let account = try AccountImport.merge(
            details, into: emptyAccount(), file: "fixture", at: ImportFixtures.importTime, summary: &summary)
        return (account, summary)
    }

    /// An authorization-details document with `users` users spread over 20 groups, in the CLI's layout.
    /// With `distinct`, each user's inline policy names its own bucket; users in `refused` get a
    /// policy AWS would refuse (a Resource that is not an ARN).
    static func generated(
        users: Int, account: String = "123456789012", distinct: Bool = false, refused: Set<Int> = []
    ) -> String {
        var parts: [String] = []
        parts.reserveCapacity(users)
        for index in 0..<users {
            let resource = refused.contains(index) ? "bucket\(index)" : distinct ? "arn:aws:s3:::bucket\(index)/*" : "*"
            let policy =
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":""#
                + resource + #""}]}"#
            let name = "user\(index)"
            parts.append(
                """
                {"Path": "/", "UserName": "\(name)", "UserId": "AIDA\(String(format: "%017d", index))",
                 "Arn": "arn:aws:iam::\(account):user/\(name)", "CreateDate": "2026-01-02T03:04:05+00:00",
                 "UserPolicyList": [{"PolicyName": "read", "PolicyDocument": \(policy)}],
                 "GroupList": ["group\(index % 20)"], "AttachedManagedPolicies": [], "Tags": [{"Key": "n", "Value": "\(index)"}]}
                """)
        }
        let groups = (0..<20).map { index in
            """
            {"Path": "/", "GroupName": "group\(index)", "GroupId": "AGPA\(String(format: "%017d", index))",
             "Arn": "arn:aws:iam::\(account):group/group\(index)", "CreateDate": "2026-01-02T03:04:05+00:00",
             "GroupPolicyList": [], "AttachedManagedPolicies": []}
            """
        }
        return """
            {"UserDetailList": [\(parts.joined(separator: ",\n"))],
             "GroupDetailList": [\(groups.joined(separator: ",\n"))], "RoleDetailList": [], "Policies": []}
            """
    }
}
