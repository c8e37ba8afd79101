import Foundation
import Testing

/// Managed policies and versions, attachments, inline policies and permissions boundaries.
@Suite("iam policy actions")
struct PolicyActionTests {
    static let account = "111122223333"
    static let readBuckets =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}"#
    static let readObjects =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#

    static func parsed(_ text: String) throws -> NSDictionary {
        NSDictionary(
            dictionary: try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
    }

    @Test func managedPolicyVersions() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.write("v1.json", Self.readBuckets)
        let created = try #require(
            try box.ok(
                "create-policy", "--policy-name", "S3Read", "--path", "/data/", "--policy-document", "file://v1.json",
                "--description", "reads buckets")["Policy"] as? [String: Any])
        let arn = "arn:aws:iam::\(Self.account):policy/data/S3Read"
        #expect(created["Arn"] as? String == arn)
        #expect(created["PolicyName"] as? String == "S3Read")
        #expect(created["DefaultVersionId"] as? String == "v1")
        #expect(created["AttachmentCount"] as? Int == 0)
        #expect(created["IsAttachable"] as? Bool == true)
        #expect((created["PolicyId"] as? String)?.hasPrefix("ANPA") == true)

        let version = try #require(
            try box.ok(
                "create-policy-version", "--policy-arn", arn, "--policy-document", Self.readObjects, "--set-as-default")[
                    "PolicyVersion"] as? [String: Any])
        #expect(version["VersionId"] as? String == "v2")
        #expect(version["IsDefaultVersion"] as? Bool == true)

        let got = try #require(
            try box.ok("get-policy-version", "--policy-arn", arn, "--version-id", "v2")["PolicyVersion"]
                as? [String: Any])
        let document = try #require(got["Document"] as? [String: Any], "Document must be a JSON object, not a string")
        #expect(
            NSDictionary(dictionary: document).isEqual(to: try Self.parsed(Self.readObjects) as? [String: Any] ?? [:]))
        let first = try #require(
            try box.ok("get-policy-version", "--policy-arn", arn, "--version-id", "v1")["PolicyVersion"]
                as? [String: Any])
        #expect(first["IsDefaultVersion"] as? Bool == false)
        #expect(
            NSDictionary(dictionary: try #require(first["Document"] as? [String: Any])).isEqual(
                to: try Self.parsed(Self.readBuckets) as? [String: Any] ?? [:]))

        let versions = try box.ok("list-policy-versions", "--policy-arn", arn)["Versions"] as? [[String: Any]] ?? []
        #expect(versions.compactMap { $0["VersionId"] as? String } == ["v2", "v1"])
        #expect(versions.compactMap { $0["IsDefaultVersion"] as? Bool } == [true, false])
        #expect(
            try box.ok("get-policy", "--policy-arn", arn)["Policy"].flatMap {
                ($0 as? [String: Any])?["DefaultVersionId"] as? String
            } == "v2")

        let refused = try box.iam("delete-policy-version", "--policy-arn", arn, "--version-id", "v2")
        #expect(refused.status == 254)
        #expect(refused.stderr.contains("(DeleteConflict) when calling the DeletePolicyVersion operation"))
        try box.ok("set-default-policy-version", "--policy-arn", arn, "--version-id", "v1")
        try box.ok("delete-policy-version", "--policy-arn", arn, "--version-id", "v2")
        let remaining = try box.ok("list-policy-versions", "--policy-arn", arn)["Versions"]
        #expect(values(remaining, "VersionId") == ["v1"])

        let local = try box.ok("list-policies", "--scope", "Local")
        #expect(
            values(local["Policies"], "PolicyName") == [
                "DenyWithoutMFA", "DeployArtifacts", "DeveloperBoundary", "S3Read",
            ])
        try box.ok("delete-policy", "--policy-arn", arn)
        #expect(try box.iam("get-policy", "--policy-arn", arn).status == 254)
    }

    @Test func attachListAndDetachManagedPolicies() throws {
        let box = try Sandbox()
        try box.initSample()
        let arn = "arn:aws:iam::aws:policy/IAMReadOnlyAccess"
        try box.ok("attach-user-policy", "--user-name", "bob", "--policy-arn", arn)
        let attached = try box.ok("list-attached-user-policies", "--user-name", "bob")
        #expect(Set(attached.keys) == ["AttachedPolicies"])
        #expect(
            attached["AttachedPolicies"] as? [[String: String]] == [
                ["PolicyName": "IAMReadOnlyAccess", "PolicyArn": arn]
            ])
        let entities = try box.ok("list-entities-for-policy", "--policy-arn", arn)
        #expect(values(entities["PolicyUsers"], "UserName") == ["bob"])
        #expect(values(entities["PolicyGroups"], "GroupName") == [])
        #expect(values(entities["PolicyRoles"], "RoleName") == [])

        try box.ok("attach-role-policy", "--role-name", "thumbnailer", "--policy-arn", arn)
        #expect(
            values(
                try box.ok("list-attached-role-policies", "--role-name", "thumbnailer")["AttachedPolicies"],
                "PolicyName") == [
                    "AWSLambdaBasicExecutionRole", "IAMReadOnlyAccess",
                ])
        try box.ok("attach-group-policy", "--group-name", "Developers", "--policy-arn", arn)
        #expect(
            values(
                try box.ok("list-attached-group-policies", "--group-name", "Developers")["AttachedPolicies"],
                "PolicyName"
            )
            .contains("IAMReadOnlyAccess"))

        try box.ok("detach-user-policy", "--user-name", "bob", "--policy-arn", arn)
        try box.ok("detach-role-policy", "--role-name", "thumbnailer", "--policy-arn", arn)
        try box.ok("detach-group-policy", "--group-name", "Developers", "--policy-arn", arn)
        #expect(
            values(try box.ok("list-attached-user-policies", "--user-name", "bob")["AttachedPolicies"], "PolicyName")
                == [])
        let gone = try box.iam("detach-user-policy", "--user-name", "bob", "--policy-arn", arn)
        #expect(gone.status == 254)
        #expect(gone.stderr.contains("(NoSuchEntity) when calling the DetachUserPolicy operation"))
    }

    @Test func inlinePolicies() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok(
            "put-user-policy", "--user-name", "bob", "--policy-name", "buckets", "--policy-document", Self.readBuckets)
        let got = try box.ok("get-user-policy", "--user-name", "bob", "--policy-name", "buckets")
        #expect(got["UserName"] as? String == "bob")
        #expect(got["PolicyName"] as? String == "buckets")
        let document = try #require(got["PolicyDocument"] as? [String: Any], "PolicyDocument must be a JSON object")
        #expect(
            NSDictionary(dictionary: document).isEqual(to: try Self.parsed(Self.readBuckets) as? [String: Any] ?? [:]))
        #expect(try box.ok("list-user-policies", "--user-name", "bob")["PolicyNames"] as? [String] == ["buckets"])

        try box.write("role-inline.json", Self.readObjects)
        try box.ok(
            "put-role-policy", "--role-name", "app-server", "--policy-name", "objects", "--policy-document",
            "file://role-inline.json")
        let rolePolicy = try box.ok("get-role-policy", "--role-name", "app-server", "--policy-name", "objects")
        #expect(rolePolicy["RoleName"] as? String == "app-server")
        #expect(rolePolicy["PolicyDocument"] is [String: Any])
        #expect(
            try box.ok("list-group-policies", "--group-name", "Developers")["PolicyNames"] as? [String] == [
                "ManageOwnAccessKeys"
            ])

        let malformed = try box.iam(
            "put-user-policy", "--user-name", "bob", "--policy-name", "bad", "--policy-document", "{\"Version\":")
        #expect(malformed.status == 254)
        #expect(malformed.stderr.contains("(MalformedPolicyDocument) when calling the PutUserPolicy operation"))

        try box.ok("delete-user-policy", "--user-name", "bob", "--policy-name", "buckets")
        try box.ok("delete-role-policy", "--role-name", "app-server", "--policy-name", "objects")
        #expect(try box.ok("list-user-policies", "--user-name", "bob")["PolicyNames"] as? [String] == [])
    }

    @Test func permissionsBoundaries() throws {
        let box = try Sandbox()
        try box.initSample()
        let boundary = "arn:aws:iam::\(Self.account):policy/DeveloperBoundary"
        try box.ok("put-user-permissions-boundary", "--user-name", "bob", "--permissions-boundary", boundary)
        let user = try #require(try box.ok("get-user", "--user-name", "bob")["User"] as? [String: Any])
        #expect(
            user["PermissionsBoundary"] as? [String: String] == [
                "PermissionsBoundaryType": "PermissionsBoundaryPolicy", "PermissionsBoundaryArn": boundary,
            ])
        try box.ok("put-role-permissions-boundary", "--role-name", "thumbnailer", "--permissions-boundary", boundary)
        let role = try #require(try box.ok("get-role", "--role-name", "thumbnailer")["Role"] as? [String: Any])
        #expect((role["PermissionsBoundary"] as? [String: String])?["PermissionsBoundaryArn"] == boundary)

        try box.ok("delete-user-permissions-boundary", "--user-name", "bob")
        try box.ok("delete-role-permissions-boundary", "--role-name", "thumbnailer")
        let cleared = try #require(try box.ok("get-user", "--user-name", "bob")["User"] as? [String: Any])
        #expect(cleared["PermissionsBoundary"] == nil)
        let clearedRole = try #require(try box.ok("get-role", "--role-name", "thumbnailer")["Role"] as? [String: Any])
        #expect(clearedRole["PermissionsBoundary"] == nil)
    }
}
