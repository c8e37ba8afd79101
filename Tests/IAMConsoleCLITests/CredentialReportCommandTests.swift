import Foundation
import Testing

/// `iam generate-credential-report` and `iam get-credential-report` with AWS's output and errors.
@Suite("iam credential report")
struct CredentialReportCommandTests {
    @Test func generateThenGetPrintsTheBase64CSV() throws {
        let box = try Sandbox()
        try box.initSample()
        let missing = try box.iam("get-credential-report")
        #expect(missing.status == 254)
        #expect(missing.stderr.contains("(ReportNotPresent) when calling the GetCredentialReport operation"))
        let started = try box.ok("generate-credential-report")
        #expect(started["State"] as? String == "STARTED")
        #expect(started["Description"] as? String == "No report exists. Starting a new report generation task")
        #expect(try box.ok("generate-credential-report")["State"] as? String == "COMPLETE")
        let report = try box.ok("get-credential-report")
        #expect(report["ReportFormat"] as? String == "text/csv")
        #expect(report["GeneratedTime"] is String)
        let content = try #require(report["Content"] as? String)
        let csv = String(decoding: try #require(Data(base64Encoded: content)), as: UTF8.self)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.split(separator: ",").count == 22)
        #expect(lines.count == 1 + 1 + 5)
        #expect(lines[1].hasPrefix("<root_account>,arn:aws:iam::111122223333:root,"))
    }
}
