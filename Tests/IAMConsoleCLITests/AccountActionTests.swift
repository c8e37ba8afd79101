import Foundation
import Testing

/// Account alias, summary, authorization details and access keys.
@Suite("iam account actions")
struct AccountActionTests {
    @Test func accountAlias() throws {
        let box = try Sandbox()
        try box.initSample()
        #expect(try box.ok("list-account-aliases")["AccountAliases"] as? [String] == ["acme-demo"])
        try box.ok("delete-account-alias", "--account-alias", "acme-demo")
        #expect(try box.ok("list-account-aliases")["AccountAliases"] as? [String] == [])
        try box.ok("create-account-alias", "--account-alias", "acme-test")
        #expect(try box.ok("list-account-aliases")["AccountAliases"] as? [String] == ["acme-test"])
        let invalid = try box.iam("create-account-alias", "--account-alias", "Bad--Alias")
        #expect(invalid.status == 254)
        #expect(invalid.stderr.contains("when calling the CreateAccountAlias operation"))
        #expect(try box.ok("list-account-aliases")["AccountAliases"] as? [String] == ["acme-test"])
    }

    @Test func accountSummaryCountsTheSample() throws {
        let box = try Sandbox()
        try box.initSample()
        let output = try box.ok("get-account-summary")
        #expect(Set(output.keys) == ["SummaryMap"])
        let summary = try #require(output["SummaryMap"] as? [String: Any])
        #expect(summary["Users"] as? Int == 5)
        #expect(summary["Groups"] as? Int == 3)
        #expect(summary["Roles"] as? Int == 3)
        #expect(summary["Policies"] as? Int == 3)
        #expect(summary["InstanceProfiles"] as? Int == 1)
        #expect(summary["UsersQuota"] as? Int == 5000)
        #expect(summary["GroupsPerUserQuota"] as? Int == 10)
        #expect(summary["AccessKeysPerUserQuota"] as? Int == 2)
        #expect(summary["VersionsPerPolicyQuota"] as? Int == 5)
        #expect(summary["PolicySizeQuota"] as? Int == 6144)
        try box.ok("create-user", "--user-name", "erin")
        let after = try #require(try box.ok("get-account-summary")["SummaryMap"] as? [String: Any])
        #expect(after["Users"] as? Int == 6)
    }

    @Test func authorizationDetailsHaveTheFixturesShape() throws {
        let box = try Sandbox()
        try box.initSample()
        let fixturePath = "/work/shared/fixtures/authorization-details.json"
        let fixtureData = try #require(FileManager.default.contents(atPath: fixturePath), "missing \(fixturePath)")
        let fixture = try #require(try JSONSerialization.jsonObject(with: fixtureData) as? [String: Any])
        let output = try box.ok("get-account-authorization-details")
        #expect(Set(output.keys) == Set(fixture.keys))
        #expect(output["IsTruncated"] == nil && output["Marker"] == nil)
        for key in ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"] {
            let expected = try #require((fixture[key] as? [[String: Any]])?.first, "fixture has no \(key)")
            let entries = try #require(output[key] as? [[String: Any]])
            #expect(!entries.isEmpty, "\(key) is empty")
            // Every key the fixture's entity has is present on every entity, and nothing unknown is added.
            // The fixture leaves out members AWS sends only sometimes, and PolicyId and
            // PermissionsBoundaryUsageCount, which GetAccountAuthorizationDetails does return.
            let optional: Set = [
                "PermissionsBoundary", "Tags", "Description", "RoleLastUsed", "PolicyId",
                "PermissionsBoundaryUsageCount",
            ]
            let known = Set(expected.keys).union(optional)
            for entry in entries {
                #expect(
                    Set(expected.keys).subtracting(["Tags", "Description"]).isSubset(of: Set(entry.keys)),
                    "\(key): \(entry.keys.sorted())")
                #expect(Set(entry.keys).isSubset(of: known), "\(key): unexpected \(Set(entry.keys).subtracting(known))")
            }
        }
        let users = try #require(output["UserDetailList"] as? [[String: Any]])
        #expect(users.compactMap { $0["UserName"] as? String } == ["alice", "bob", "carol", "dave", "deploy-bot"])
        let dave = try #require(users.first { $0["UserName"] as? String == "dave" })
        #expect(dave["GroupList"] as? [String] == ["Developers", "Auditors"])
        let roles = try #require(output["RoleDetailList"] as? [[String: Any]])
        let appServer = try #require(roles.first { $0["RoleName"] as? String == "app-server" })
        #expect(appServer["AssumeRolePolicyDocument"] is [String: Any])
        #expect(values(appServer["InstanceProfileList"], "InstanceProfileName") == ["app-server"])

        let filtered = try box.ok("get-account-authorization-details", "--filter", "Role")
        #expect((filtered["UserDetailList"] as? [Any])?.isEmpty == true)
        #expect((filtered["RoleDetailList"] as? [Any])?.count == 3)
    }

    @Test func theSecretIsShownOnceAndNeverStored() throws {
        let box = try Sandbox()
        try box.initSample()
        let created = try #require(try box.ok("create-access-key", "--user-name", "bob")["AccessKey"] as? [String: Any])
        #expect(Set(created.keys) == ["UserName", "AccessKeyId", "Status", "SecretAccessKey", "CreateDate"])
        #expect(created["UserName"] as? String == "bob")
        #expect(created["Status"] as? String == "Active")
        #expect(created["CreateDate"] as? String == "2026-03-01T12:00:00+00:00")
        let keyId = try #require(created["AccessKeyId"] as? String)
        let secret = try #require(created["SecretAccessKey"] as? String)
        #expect(keyId.hasPrefix("AKIA") && keyId.count == 20)
        #expect(secret.count == 40)

        let listed = try box.run(["iam", "list-access-keys", "--user-name", "bob"])
        #expect(listed.status == 0)
        #expect(!listed.stdout.contains(secret))
        let metadata = try #require(try listed.json()["AccessKeyMetadata"] as? [[String: Any]])
        #expect(metadata.count == 1)
        #expect(metadata.first.map { Set($0.keys) } == ["UserName", "AccessKeyId", "Status", "CreateDate"])

        let file = String(decoding: try box.workspaceBytes(), as: UTF8.self)
        #expect(file.contains(keyId))
        #expect(!file.contains(secret), "the secret access key must not be stored in the workspace")
        #expect(!file.contains(Caller.aliceSecret))

        // The new key signs bob's requests (bob may not read IAM, so the answer is AccessDenied for bob),
        // only with its secret, and not once it is inactive.
        let asBob = try box.iam("get-user", as: .key(id: keyId, secret: secret))
        #expect(asBob.status == 254)
        #expect(
            asBob.stderr.contains(
                "(AccessDenied) when calling the GetUser operation: User: arn:aws:iam::111122223333:user/engineering/bob "
            ))
        let wrongSecret = try box.iam("get-user", as: .key(id: keyId, secret: String(secret.reversed())))
        #expect(wrongSecret.stderr.hasPrefix("\nAn error occurred (SignatureDoesNotMatch) "))
        try box.ok("update-access-key", "--user-name", "bob", "--access-key-id", keyId, "--status", "Inactive")
        #expect(
            values(try box.ok("list-access-keys", "--user-name", "bob")["AccessKeyMetadata"], "Status") == ["Inactive"])
        let inactive = try box.iam("get-user", as: .key(id: keyId, secret: secret))
        #expect(inactive.status == 254)
        #expect(
            inactive.stderr
                == "\nAn error occurred (InvalidClientTokenId) when calling the GetUser operation: "
                + "The security token included in the request is invalid.\n")
        try box.ok("delete-access-key", "--user-name", "bob", "--access-key-id", keyId)
        #expect(values(try box.ok("list-access-keys", "--user-name", "bob")["AccessKeyMetadata"], "AccessKeyId") == [])
    }
}
