import Foundation
import Testing

/// `workspace import --cloudtrail`: CloudTrail logs (files, gzipped files, folders) into an existing
/// workspace's access advisor activity, all or nothing.
@Suite struct CloudTrailImportCommandTests {
    static let bob = "arn:aws:iam::111122223333:user/engineering/bob"

    /// A CloudTrail record of `bob` (the sample's user) calling `source`/`name`.
    static func bobRecord(_ box: Sandbox, source: String, name: String, time: String) throws -> String {
        let show = try box.ok("get-user", "--user-name", "bob")
        let id = ((show["User"] as? [String: Any])?["UserId"] as? String) ?? ""
        return """
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"\(id)",\
            "arn":"\(bob)","accountId":"111122223333","userName":"bob"},"eventTime":"\(time)",\
            "eventSource":"\(source)","eventName":"\(name)","awsRegion":"eu-west-1","eventType":"AwsApiCall"}
            """
    }

    @Test func gzippedLogsInAFolderFeedAccessAdvisor() throws {
        let box = try Sandbox()
        try box.initSample()
        let record = try Self.bobRecord(
            box, source: "ec2.amazonaws.com", name: "DescribeInstances", time: "2026-02-20T10:00:00Z")
        let folder = box.folder + "/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/02/20"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try box.write("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/02/20/log.json", "{\"Records\":[\(record)]}")
        try Self.gzip(folder + "/log.json")
        let result = try box.run(["workspace", "import", "--cloudtrail", box.folder + "/AWSLogs"], as: .nobody)
        try #require(result.status == 0, "import failed: \(result.stderr)")
        #expect(
            result.stdout.contains(
                "CloudTrail: 1 record read from 1 file, 1 recorded as access advisor activity of 1 principal"))
        let job = try box.ok("generate-service-last-accessed-details", "--arn", Self.bob)
        let report = try box.ok("get-service-last-accessed-details", "--job-id", try #require(job["JobId"] as? String))
        let services = try #require(report["ServicesLastAccessed"] as? [[String: Any]])
        let ec2 = try #require(services.first { $0["ServiceNamespace"] as? String == "ec2" })
        #expect(ec2["LastAuthenticatedEntity"] as? String == Self.bob)
        #expect(ec2["LastAuthenticatedRegion"] as? String == "eu-west-1")
        #expect((ec2["LastAuthenticated"] as? String)?.hasPrefix("2026-02-20T10:00:00") == true)
    }

    @Test func oneBadFileImportsNothing() throws {
        let box = try Sandbox()
        try box.initSample()
        let record = try Self.bobRecord(
            box, source: "s3.amazonaws.com", name: "ListBuckets", time: "2026-02-20T10:00:00Z")
        let good = try box.write("a.json", "{\"Records\":[\(record)]}")
        let bad = try box.write("b.json", "{\"Records\":[{\"eventName\": \"ListBuckets\"}]}")
        let before = try box.workspaceBytes()
        let result = try box.run(["workspace", "import", "--cloudtrail", good, bad], as: .nobody)
        #expect(result.status == 1)
        #expect(result.stderr.contains("b.json:1:13: Records[0]: missing field 'userIdentity'"))
        #expect(result.stderr.contains("Nothing was imported"))
        #expect(try box.workspaceBytes() == before)
        let missing = try box.run(["workspace", "import", "--cloudtrail", box.folder + "/nope"], as: .nobody)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope: no such file or folder"))
    }

    @Test func theAuditTrailExportedAsCloudTrailImportsIntoAnotherWorkspace() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok("list-users")
        try box.ok("list-roles")
        // Refused, so not saved as activity here; the trail has it, and access advisor counts attempts.
        #expect(try box.iam("create-user", "--user-name", "mallory", as: .carol).status == 254)
        let export = try box.run(["audit", "export", box.folder + "/trail.json"], as: .nobody)
        try #require(export.status == 0, "export failed: \(export.stderr)")
        let other = try Sandbox()
        try other.initSample()
        let result = try other.run(["workspace", "import", "--cloudtrail", box.folder + "/trail.json"], as: .nobody)
        try #require(result.status == 0, "import failed: \(result.stderr)")
        #expect(result.stdout.contains("3 recorded as access advisor activity of 2 principals"))
        let job = try other.ok(
            "generate-service-last-accessed-details", "--arn", "arn:aws:iam::111122223333:user/alice",
            "--granularity", "ACTION_LEVEL")
        let report = try other.ok(
            "get-service-last-accessed-details", "--job-id", try #require(job["JobId"] as? String))
        let services = try #require(report["ServicesLastAccessed"] as? [[String: Any]])
        let iam = try #require(services.first { $0["ServiceNamespace"] as? String == "iam" })
        let actions = Set(values(iam["TrackedActionsLastAccessed"], "ActionName"))
        #expect(actions.isSuperset(of: ["ListUsers", "ListRoles"]))
        let carol = "arn:aws:iam::111122223333:user/carol"
        let carolJob = try other.ok("generate-service-last-accessed-details", "--arn", carol)
        let carolReport = try other.ok(
            "get-service-last-accessed-details", "--job-id", try #require(carolJob["JobId"] as? String))
        let carolServices = try #require(carolReport["ServicesLastAccessed"] as? [[String: Any]])
        let carolIAM = try #require(carolServices.first { $0["ServiceNamespace"] as? String == "iam" })
        #expect(carolIAM["LastAuthenticatedEntity"] as? String == carol)
    }

    @Test func withoutAWorkspaceTheLogsHaveNothingToJoin() throws {
        let box = try Sandbox()
        let log = try box.write("a.json", "{\"Records\":[]}")
        let result = try box.run(["workspace", "import", "--cloudtrail", log], as: .nobody)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "no such workspace; --credential-report and --cloudtrail add to an existing workspace"))
    }

    /// Compresses `path` in place to `path.gz` with the system's gzip.
    static func gzip(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = [path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }
}
