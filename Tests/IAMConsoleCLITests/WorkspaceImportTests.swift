import Foundation
import Testing

@Suite struct WorkspaceImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/aws")
    static let rootPassword = "Imported-Root-Passw0rd!"

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Fields our output adds that the fixture's emulator left out; real AWS prints both.
    static let addedFields: Set<String> = ["PolicyId", "PermissionsBoundaryUsageCount"]

    @Test func importedTrustPoliciesAreAnalyzed() throws {
        let box = try Sandbox()
        try box.initSample()
        let trust =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"}]}"#
        let details = try box.write(
            "details.json",
            """
            {"RoleDetailList": [{"Path": "/", "RoleName": "partner-access", "RoleId": "AROAPARTNERPARTNER001",
              "Arn": "arn:aws:iam::111122223333:role/partner-access", "CreateDate": "2026-01-02T03:04:05Z",
              "AssumeRolePolicyDocument": \(trust), "InstanceProfileList": [], "RolePolicyList": [],
              "AttachedManagedPolicies": [], "Tags": [], "RoleLastUsed": {}}]}
            """)
        let result = try box.run(["workspace", "import", "--authorization-details", details], as: .nobody)
        try #require(result.status == 0, "import failed: \(result.stderr)")
        let listed = try box.run(
            [
                "analyzer", "list-findings", "--analyzer-arn",
                "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/acme-account",
            ])
        try #require(listed.status == 0, "list-findings failed: \(listed.stderr)")
        let findings = try #require(try listed.json()["findings"] as? [[String: Any]])
        let partner = try #require(
            findings.first { $0["resource"] as? String == "arn:aws:iam::111122223333:role/partner-access" })
        #expect(partner["resourceType"] as? String == "AWS::IAM::Role")
        #expect(partner["status"] as? String == "ACTIVE")
        #expect((partner["principal"] as? [String: Any])?["AWS"] as? String == "arn:aws:iam::999988887777:root")
    }

    @Test func importedWorkspacePrintsTheSameAuthorizationDetails() throws {
        let box = try Sandbox()
        let imported = try box.run(
            [
                "workspace", "import", "--authorization-details", Self.fixture("authorization-details.json"),
                "--credential-report", Self.fixture("credential-report.csv"),
            ],
            as: .nobody, stdin: Self.rootPassword + "\n")
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        #expect(imported.stdout.contains("Created: 3 users, 2 groups, 1 role, 2 policies"))
        let output = try box.run(
            ["iam", "get-account-authorization-details", "--root"], as: .nobody, stdin: Self.rootPassword + "\n")
        try #require(output.status == 0, "get-account-authorization-details failed: \(output.stderr)")
        let printed = try output.json()
        let original = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent("authorization-details.json")))
                as? [String: Any])
        for (list, key) in [
            ("UserDetailList", "UserName"), ("GroupDetailList", "GroupName"), ("RoleDetailList", "RoleName"),
        ] {
            try Self.expectEquivalent(original[list], printed[list], key: key, list: list)
        }
        let customer: (Any?) -> Any? = { list in
            (list as? [[String: Any]])?.filter { ($0["Arn"] as? String)?.hasPrefix("arn:aws:iam::aws:") == false }
        }
        try Self.expectEquivalent(
            customer(original["Policies"]), customer(printed["Policies"]), key: "PolicyName", list: "Policies")
        // AWS managed policies come from the built-in catalog, whose versions may be newer than the file's.
        #expect(Set(values(original["Policies"], "Arn")) == Set(values(printed["Policies"], "Arn")))
    }

    /// Every field of each entity in `expected` is in the printed entity with the same value (lists of
    /// names compared as sets); the printed entity adds only ``addedFields``.
    static func expectEquivalent(_ expected: Any?, _ actual: Any?, key: String, list: String) throws {
        let want = try #require(expected as? [[String: Any]], "\(list) missing in the file")
        let got = try #require(actual as? [[String: Any]], "\(list) missing in the output")
        let wantNames: [String] = want.compactMap { $0[key] as? String }.sorted()
        let gotNames: [String] = got.compactMap { $0[key] as? String }.sorted()
        #expect(wantNames == gotNames, "\(list): entities")
        for entity in want {
            let name = entity[key] as? String ?? ""
            let printed = try #require(got.first { $0[key] as? String == name }, "\(list): \(name) not printed")
            #expect(
                Set(printed.keys).subtracting(entity.keys).subtracting(addedFields).isEmpty,
                "\(list) \(name): extra fields")
            for (field, value) in entity {
                #expect(normalized(printed[field]) == normalized(value), "\(list) \(name).\(field)")
            }
        }
    }

    /// A canonical text for comparing JSON values: objects with sorted keys, lists sorted.
    static func normalized(_ value: Any?) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):\(normalized(object[$0]))" }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + array.map { normalized($0) }.sorted().joined(separator: ",") + "]"
        case let number as NSNumber:
            return "\(number)"
        case let string as String:
            return "\"\(string)\""
        case nil:
            return "nil"
        default:
            return "\(value ?? "")"
        }
    }

    @Test func failedImportLeavesTheWorkspaceByteIdentical() throws {
        let box = try Sandbox()
        try box.initSample()
        let before = try box.workspaceBytes()
        let full = try String(contentsOfFile: Self.fixture("authorization-details.json"), encoding: .utf8)
        let cut = try box.write("cut.json", String(full.prefix(full.count - 200)))
        let result = try box.run(["workspace", "import", "--authorization-details", cut], as: .nobody)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(cut + ":"))
        #expect(result.stderr.contains("Nothing was imported"))
        #expect(try box.workspaceBytes() == before)
        let foreign = try box.run(["workspace", "import", "--authorization-details", cut], as: .nobody)
        #expect(foreign.status == 1)
        // The sample account is another account: refused, untouched.
        let other = try box.run(
            ["workspace", "import", "--authorization-details", Self.fixture("authorization-details.json")], as: .nobody)
        #expect(other.status == 1)
        #expect(other.stderr.contains("444455556666"))
        #expect(try box.workspaceBytes() == before)
    }

    @Test func dryRunWritesNothing() throws {
        let box = try Sandbox()
        let result = try box.run(
            [
                "workspace", "import", "--dry-run", "--authorization-details",
                Self.fixture("authorization-details.json"),
            ],
            as: .nobody)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Dry run"))
        #expect(!FileManager.default.fileExists(atPath: box.workspace))
    }

    @Test func exportsPoliciesAndTemplate() throws {
        let box = try Sandbox()
        try box.initSample()
        let policies = try box.run(["workspace", "export-policies", box.folder + "/policies"], as: .nobody)
        #expect(policies.status == 0, "\(policies.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: box.folder + "/policies")
        #expect(!names.isEmpty)
        #expect(names.allSatisfy { $0.hasSuffix(".json") })
        let template = try box.run(["workspace", "export-cloudformation", box.folder + "/t.json"], as: .nobody)
        #expect(template.status == 0, "\(template.stderr)")
        let text = try String(contentsOfFile: box.folder + "/t.json", encoding: .utf8)
        #expect(text.contains("AWS::IAM::User"))
        #expect(!text.contains("pbkdf2"))
    }
}
