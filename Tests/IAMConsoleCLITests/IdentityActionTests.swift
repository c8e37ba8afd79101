import Foundation
import Testing

/// Users, tags, groups, roles and instance profiles, end to end through the real binary.
@Suite("iam identity actions")
struct IdentityActionTests {
    static let createDate = "2026-03-01T12:00:00+00:00"
    static let account = "111122223333"

    @Test func userLifecycleWithTags() throws {
        let box = try Sandbox()
        try box.initSample()
        let created = try box.ok(
            "create-user", "--user-name", "erin", "--path", "/qa/", "--tags", "Key=a,Value=b", "Key=c,Value=d")
        let user = try #require(created["User"] as? [String: Any])
        #expect(user["UserName"] as? String == "erin")
        #expect(user["Path"] as? String == "/qa/")
        #expect(user["Arn"] as? String == "arn:aws:iam::\(Self.account):user/qa/erin")
        #expect(user["CreateDate"] as? String == Self.createDate)
        let userId = try #require(user["UserId"] as? String)
        #expect(userId.hasPrefix("AIDA") && userId.count == 21)
        let tags = try #require(user["Tags"] as? [[String: String]])
        #expect(tags == [["Key": "a", "Value": "b"], ["Key": "c", "Value": "d"]])

        let got = try #require(try box.ok("get-user", "--user-name", "erin")["User"] as? [String: Any])
        #expect(got["UserId"] as? String == userId)
        #expect(got["Arn"] as? String == "arn:aws:iam::\(Self.account):user/qa/erin")

        let listed = try box.ok("list-users")
        #expect(Set(listed.keys) == ["Users"])
        #expect(values(listed["Users"], "UserName") == ["alice", "bob", "carol", "dave", "deploy-bot", "erin"])

        try box.ok("tag-user", "--user-name", "erin", "--tags", #"[{"Key":"e","Value":"f"}]"#)
        try box.ok("untag-user", "--user-name", "erin", "--tag-keys", "a")
        let tagList = try box.ok("list-user-tags", "--user-name", "erin")
        #expect(tagList["Tags"] as? [[String: String]] == [["Key": "c", "Value": "d"], ["Key": "e", "Value": "f"]])

        let update = try box.run(
            ["iam", "update-user", "--user-name", "erin", "--new-user-name", "frank", "--new-path", "/ops/"])
        #expect(update.status == 0)
        #expect(update.stdout == "")
        let renamed = try #require(try box.ok("get-user", "--user-name", "frank")["User"] as? [String: Any])
        #expect(renamed["Arn"] as? String == "arn:aws:iam::\(Self.account):user/ops/frank")
        #expect(renamed["UserId"] as? String == userId)
        #expect(try box.iam("get-user", "--user-name", "erin").status == 254)

        let deleted = try box.iam("delete-user", "--user-name", "frank")
        #expect(deleted.status == 0)
        #expect(deleted.stdout == "")
        #expect(values(try box.ok("list-users")["Users"], "UserName").contains("frank") == false)
    }

    @Test func getUserWithoutANameDescribesTheCaller() throws {
        let box = try Sandbox()
        try box.initSample()
        let user = try #require(try box.ok("get-user", as: .carol)["User"] as? [String: Any])
        #expect(user["UserName"] as? String == "carol")
        #expect(user["Arn"] as? String == "arn:aws:iam::\(Self.account):user/carol")
    }

    @Test func groupsAndMembership() throws {
        let box = try Sandbox()
        try box.initSample()
        let group = try #require(
            try box.ok("create-group", "--group-name", "qa", "--path", "/test/")["Group"] as? [String: Any])
        #expect(group["GroupName"] as? String == "qa")
        #expect(group["Path"] as? String == "/test/")
        #expect(group["Arn"] as? String == "arn:aws:iam::\(Self.account):group/test/qa")
        #expect(group["CreateDate"] as? String == Self.createDate)
        #expect((group["GroupId"] as? String)?.hasPrefix("AGPA") == true)

        try box.ok("add-user-to-group", "--group-name", "qa", "--user-name", "bob")
        try box.ok("add-user-to-group", "--group-name", "qa", "--user-name", "carol")
        let detail = try box.ok("get-group", "--group-name", "qa")
        #expect(Set(detail.keys) == ["Group", "Users"])
        #expect(values(detail["Users"], "UserName") == ["bob", "carol"])
        #expect(
            values(try box.ok("list-groups-for-user", "--user-name", "bob")["Groups"], "GroupName") == [
                "Developers", "qa",
            ])
        #expect(values(try box.ok("list-groups")["Groups"], "GroupName") == ["Admins", "Auditors", "Developers", "qa"])

        let blocked = try box.iam("delete-group", "--group-name", "qa")
        #expect(blocked.status == 254)
        #expect(blocked.stderr.contains("An error occurred (DeleteConflict) when calling the DeleteGroup operation: "))

        try box.ok("remove-user-from-group", "--group-name", "qa", "--user-name", "bob")
        try box.ok("remove-user-from-group", "--group-name", "qa", "--user-name", "carol")
        try box.ok("update-group", "--group-name", "qa", "--new-group-name", "quality")
        #expect(values(try box.ok("get-group", "--group-name", "quality")["Users"], "UserName") == [])
        try box.ok("delete-group", "--group-name", "quality")
        #expect(values(try box.ok("list-groups")["Groups"], "GroupName") == ["Admins", "Auditors", "Developers"])
    }

    static var trust: [String: Any] {
        [
            "Version": "2012-10-17",
            "Statement": [
                ["Effect": "Allow", "Principal": ["Service": "ec2.amazonaws.com"], "Action": "sts:AssumeRole"]
            ],
        ]
    }
    static let trustText = #"""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        """#

    @Test func rolesFromAFileAndFromInlineJSON() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.write("trust.json", Self.trustText)
        let fromFile = try #require(
            try box.ok(
                "create-role", "--role-name", "web", "--assume-role-policy-document", "file://trust.json",
                "--description", "web servers", "--tags", "Key=app,Value=web")["Role"] as? [String: Any])
        #expect(fromFile["RoleName"] as? String == "web")
        #expect(fromFile["Path"] as? String == "/")
        #expect(fromFile["Arn"] as? String == "arn:aws:iam::\(Self.account):role/web")
        #expect(fromFile["CreateDate"] as? String == Self.createDate)
        #expect((fromFile["RoleId"] as? String)?.hasPrefix("AROA") == true)
        let document = try #require(fromFile["AssumeRolePolicyDocument"] as? [String: Any])
        #expect(NSDictionary(dictionary: document).isEqual(to: Self.trust))

        let inline = try #require(
            try box.ok(
                "create-role", "--role-name", "batch", "--path", "/jobs/", "--assume-role-policy-document",
                Self.trustText, "--max-session-duration", "7200")["Role"] as? [String: Any])
        #expect(inline["Arn"] as? String == "arn:aws:iam::\(Self.account):role/jobs/batch")
        #expect(inline["AssumeRolePolicyDocument"] is [String: Any])

        let got = try #require(try box.ok("get-role", "--role-name", "batch")["Role"] as? [String: Any])
        #expect(got["MaxSessionDuration"] as? Int == 7200)
        #expect(
            NSDictionary(dictionary: try #require(got["AssumeRolePolicyDocument"] as? [String: Any])).isEqual(
                to: Self.trust))

        try box.ok("update-role", "--role-name", "web", "--description", "front end")
        let updated = try #require(try box.ok("get-role", "--role-name", "web")["Role"] as? [String: Any])
        #expect(updated["Description"] as? String == "front end")
        #expect(updated["Tags"] as? [[String: String]] == [["Key": "app", "Value": "web"]])

        #expect(
            values(try box.ok("list-roles")["Roles"], "RoleName") == [
                "app-server", "auditor-readonly", "batch", "thumbnailer", "web",
            ])
        try box.ok("delete-role", "--role-name", "batch")
        #expect(try box.iam("get-role", "--role-name", "batch").status == 254)
    }

    @Test func instanceProfilesHoldOneRole() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok("create-role", "--role-name", "web", "--assume-role-policy-document", Self.trustText)
        let profile = try #require(
            try box.ok("create-instance-profile", "--instance-profile-name", "web-profile")["InstanceProfile"]
                as? [String: Any])
        #expect(profile["InstanceProfileName"] as? String == "web-profile")
        #expect(profile["Arn"] as? String == "arn:aws:iam::\(Self.account):instance-profile/web-profile")
        #expect((profile["InstanceProfileId"] as? String)?.hasPrefix("AIPA") == true)
        #expect((profile["Roles"] as? [Any])?.isEmpty == true)

        try box.ok("add-role-to-instance-profile", "--instance-profile-name", "web-profile", "--role-name", "web")
        let got = try #require(
            try box.ok("get-instance-profile", "--instance-profile-name", "web-profile")["InstanceProfile"]
                as? [String: Any])
        #expect(values(got["Roles"], "RoleName") == ["web"])
        let forRole = try box.ok("list-instance-profiles-for-role", "--role-name", "web")
        #expect(values(forRole["InstanceProfiles"], "InstanceProfileName") == ["web-profile"])
        #expect(
            values(try box.ok("list-instance-profiles")["InstanceProfiles"], "InstanceProfileName") == [
                "app-server", "web-profile",
            ])

        let second = try box.iam(
            "add-role-to-instance-profile", "--instance-profile-name", "web-profile", "--role-name", "app-server")
        #expect(second.status == 254)
        #expect(second.stderr.contains("(LimitExceeded) when calling the AddRoleToInstanceProfile operation"))

        try box.ok("remove-role-from-instance-profile", "--instance-profile-name", "web-profile", "--role-name", "web")
        try box.ok("delete-instance-profile", "--instance-profile-name", "web-profile")
        #expect(
            values(try box.ok("list-instance-profiles")["InstanceProfiles"], "InstanceProfileName") == [
                "app-server"
            ])
    }
}
