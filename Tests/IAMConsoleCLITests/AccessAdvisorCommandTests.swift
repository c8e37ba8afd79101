import Foundation
import Testing

/// `iam generate-service-last-accessed-details` and `iam get-service-last-accessed-details`:
/// activity recorded by CLI calls made with access keys, reported in AWS's shape.
@Suite("iam access advisor")
struct AccessAdvisorCommandTests {
    static let alice = "arn:aws:iam::111122223333:user/alice"

    @Test func callsWithKeysAreReportedByService() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok("list-users")
        try box.ok("get-user", "--user-name", "bob")
        let job = try box.ok("generate-service-last-accessed-details", "--arn", Self.alice)
        let jobId = try #require(job["JobId"] as? String)
        #expect(jobId.count == 36)
        let report = try box.ok("get-service-last-accessed-details", "--job-id", jobId)
        #expect(report["JobStatus"] as? String == "COMPLETED")
        #expect(report["JobType"] as? String == "SERVICE_LEVEL")
        #expect(report["JobCreationDate"] as? String == report["JobCompletionDate"] as? String)
        // The CLI follows markers and drops IsTruncated, as the AWS CLI does for paginated output.
        #expect(report["IsTruncated"] == nil)
        let services = try #require(report["ServicesLastAccessed"] as? [[String: Any]])
        let iam = try #require(services.first)
        #expect(iam["ServiceNamespace"] as? String == "iam")
        #expect(iam["ServiceName"] as? String == "AWS Identity and Access Management (IAM)")
        #expect(iam["LastAuthenticatedEntity"] as? String == Self.alice)
        #expect(iam["LastAuthenticatedRegion"] as? String == "us-east-1")
        #expect(iam["TotalAuthenticatedEntities"] as? Int == 1)
        #expect((iam["LastAuthenticated"] as? String)?.hasPrefix("2026-03-01T12:00:00") == true)
        let unused = try #require(services.first { $0["ServiceNamespace"] as? String == "s3" })
        #expect(unused["LastAuthenticated"] == nil)
        #expect(unused["TotalAuthenticatedEntities"] as? Int == 0)
    }

    @Test func actionLevelDetailListsTheIAMActionsUsed() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok("list-users")
        let job = try box.ok(
            "generate-service-last-accessed-details", "--arn", Self.alice, "--granularity", "ACTION_LEVEL")
        let report = try box.ok("get-service-last-accessed-details", "--job-id", try #require(job["JobId"] as? String))
        #expect(report["JobType"] as? String == "ACTION_LEVEL")
        let services = try #require(report["ServicesLastAccessed"] as? [[String: Any]])
        let iam = try #require(services.first { $0["ServiceNamespace"] as? String == "iam" })
        let actions = try #require(iam["TrackedActionsLastAccessed"] as? [[String: Any]])
        let listUsers = try #require(actions.first { $0["ActionName"] as? String == "ListUsers" })
        #expect(listUsers["LastAccessedEntity"] as? String == Self.alice)
        #expect(listUsers["LastAccessedRegion"] as? String == "us-east-1")
        let unused = try #require(actions.first { $0["ActionName"] as? String == "DeleteUser" })
        #expect(unused["LastAccessedTime"] == nil)
        let sts = services.first { $0["ServiceNamespace"] as? String == "sts" }
        #expect(sts?["TrackedActionsLastAccessed"] == nil)
    }

    @Test func errorsAreAWSs() throws {
        let box = try Sandbox()
        try box.initSample()
        let missing = try box.iam(
            "generate-service-last-accessed-details", "--arn", "arn:aws:iam::111122223333:user/nobody")
        #expect(missing.status == 254)
        #expect(missing.stderr.contains("(NoSuchEntity) when calling the GenerateServiceLastAccessedDetails operation"))
        let job = try box.iam("get-service-last-accessed-details", "--job-id", "not-a-job")
        #expect(job.status == 254)
        #expect(job.stderr.contains("(NoSuchEntity) when calling the GetServiceLastAccessedDetails operation"))
    }
}
