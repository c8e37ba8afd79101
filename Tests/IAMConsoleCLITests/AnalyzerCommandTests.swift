import Foundation
import Testing

/// `iamconsole analyzer ...`: Access Analyzer's JSON shapes, filters, status changes and exit codes.
@Suite("analyzer commands")
struct AnalyzerCommandTests {
    static let analyzerArn = "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/acme-account"

    static func analyzer(_ box: Sandbox, _ arguments: String..., as caller: Caller = .alice) throws -> RunResult {
        try box.run(["analyzer"] + arguments, as: caller)
    }

    static func findings(_ result: RunResult) throws -> [[String: Any]] {
        try #require(try result.json()["findings"] as? [[String: Any]])
    }

    @Test func listFindingsPrintsAccessAnalyzersShape() throws {
        let box = try Sandbox()
        try box.initSample()
        let result = try Self.analyzer(box, "list-findings", "--analyzer-arn", Self.analyzerArn)
        #expect(result.status == 0 && result.stderr == "")
        let findings = try Self.findings(result)
        #expect(findings.count == 3)
        let bucket = try #require(findings.first { $0["resource"] as? String == "arn:aws:s3:::acme-public-assets" })
        #expect(bucket["isPublic"] as? Bool == true && bucket["status"] as? String == "ACTIVE")
        #expect(bucket["resourceType"] as? String == "AWS::S3::Bucket")
        #expect(bucket["principal"] as? [String: String] == ["AWS": "*"])
        #expect(bucket["action"] as? [String] == ["s3:GetObject"])
        #expect(bucket["condition"] as? [String: String] == [:])
        #expect(bucket["resourceOwnerAccount"] as? String == "111122223333")
        #expect(bucket["findingType"] as? String == "ExternalAccess")
        for key in ["id", "createdAt", "analyzedAt", "updatedAt"] { #expect(bucket[key] is String) }
        let statement = try #require(bucket["statement"] as? [String: Any])
        #expect(statement["sid"] as? String == "PublicReadForWebsite" && statement["line"] as? Int == 4)
        let key = try #require(findings.first { $0["resourceType"] as? String == "AWS::KMS::Key" })
        #expect(key["principal"] as? [String: String] == ["AWS": "arn:aws:iam::444455556666:root"])
        #expect(key["isPublic"] as? Bool == false)
    }

    @Test func filtersAndSortsFindings() throws {
        let box = try Sandbox()
        try box.initSample()
        let publicOnly = try Self.analyzer(
            box, "list-findings", "--analyzer-arn", Self.analyzerArn, "--filter", #"{"isPublic": {"eq": ["true"]}}"#)
        #expect(try Self.findings(publicOnly).map { $0["resourceType"] as? String } == ["AWS::S3::Bucket"])
        let sorted = try Self.analyzer(
            box, "list-findings", "--analyzer-arn", Self.analyzerArn, "--sort",
            "attributeName=resourceType,orderBy=DESC")
        #expect(
            try Self.findings(sorted).map { $0["resourceType"] as? String } == [
                "AWS::S3::Bucket", "AWS::KMS::Key", "AWS::IAM::Role",
            ])
        let bad = try Self.analyzer(
            box, "list-findings", "--analyzer-arn", Self.analyzerArn, "--filter", #"{"colour": {"eq": ["red"]}}"#)
        #expect(bad.status == 254 && bad.stderr.contains("(ValidationException)"))
    }

    @Test func updateFindingsArchivesAndGetFindingShowsIt() throws {
        let box = try Sandbox()
        try box.initSample()
        let all = try Self.findings(try Self.analyzer(box, "list-findings", "--analyzer-arn", Self.analyzerArn))
        let id = try #require(all.first { $0["isPublic"] as? Bool == true }?["id"] as? String)
        let update = try Self.analyzer(
            box, "update-findings", "--analyzer-arn", Self.analyzerArn, "--status", "ARCHIVED", "--ids", id)
        #expect(update.status == 0 && update.stdout == "")
        let got = try Self.analyzer(box, "get-finding", "--analyzer-arn", Self.analyzerArn, "--id", id)
        let finding = try #require(try got.json()["finding"] as? [String: Any])
        #expect(finding["status"] as? String == "ARCHIVED" && finding["id"] as? String == id)
        let missing = try Self.analyzer(box, "get-finding", "--analyzer-arn", Self.analyzerArn, "--id", "nope")
        #expect(missing.status == 254 && missing.stderr.contains("(ResourceNotFoundException)"))
    }

    @Test func archiveRulesAreCreatedListedAppliedAndDeleted() throws {
        let box = try Sandbox()
        try box.initSample()
        let filter = #"{"resourceType": {"eq": ["AWS::IAM::Role"]}}"#
        #expect(
            try Self.analyzer(
                box, "create-archive-rule", "--analyzer-name", "acme-account", "--rule-name", "roles", "--filter",
                filter
            ).status == 0)
        let rules = try #require(
            try Self.analyzer(box, "list-archive-rules", "--analyzer-name", "acme-account").json()["archiveRules"]
                as? [[String: Any]])
        #expect(rules.map { $0["ruleName"] as? String } == ["roles"])
        #expect(rules.first?["filter"] as? [String: [String: [String]]] == ["resourceType": ["eq": ["AWS::IAM::Role"]]])
        #expect(
            try Self.analyzer(box, "apply-archive-rule", "--analyzer-arn", Self.analyzerArn, "--rule-name", "roles")
                .status
                == 0)
        let archived = try Self.findings(
            try Self.analyzer(
                box, "list-findings", "--analyzer-arn", Self.analyzerArn, "--filter",
                #"{"status": {"eq": ["ARCHIVED"]}}"#))
        #expect(archived.map { $0["resourceType"] as? String } == ["AWS::IAM::Role"])
        #expect(
            try Self.analyzer(box, "delete-archive-rule", "--analyzer-name", "acme-account", "--rule-name", "roles")
                .status
                == 0)
    }

    @Test func analyzersAreCreatedListedAndDeleted() throws {
        let box = try Sandbox()
        try box.initSample()
        let created = try Self.analyzer(box, "create-analyzer", "--analyzer-name", "second", "--type", "ACCOUNT")
        #expect(
            try created.json()["arn"] as? String == "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/second")
        let list = try #require(try Self.analyzer(box, "list-analyzers").json()["analyzers"] as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["acme-account", "second"])
        #expect(list.allSatisfy { $0["status"] as? String == "ACTIVE" && $0["type"] as? String == "ACCOUNT" })
        let again = try Self.analyzer(box, "create-analyzer", "--analyzer-name", "second", "--type", "ACCOUNT")
        #expect(again.status == 254 && again.stderr.contains("(ConflictException)"))
        #expect(try Self.analyzer(box, "delete-analyzer", "--analyzer-name", "second").status == 0)
        let usage = try Self.analyzer(box, "create-analyzer", "--analyzer-name", "third")
        #expect(usage.status == 252 && usage.stderr.contains("--type"))
    }

    @Test func validatePolicyNeedsNoWorkspaceAndPrintsFindings() throws {
        let box = try Sandbox()
        let path = try box.write(
            "policy.json",
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)
        let result = try Self.analyzer(
            box, "validate-policy", "--policy-document", "file://" + path, "--policy-type", "RESOURCE_POLICY")
        #expect(result.status == 0)
        let findings = try Self.findings(result)
        #expect(findings.first?["findingType"] as? String == "ERROR")
        #expect(findings.first?["issueCode"] as? String == "MISSING_PRINCIPAL")
        let identity = try Self.analyzer(
            box, "validate-policy", "--policy-document", "file://" + path, "--policy-type", "IDENTITY_POLICY")
        #expect(try Self.findings(identity).allSatisfy { $0["findingType"] as? String != "ERROR" })
        let wrong = try Self.analyzer(
            box, "validate-policy", "--policy-document", "file://" + path, "--policy-type", "NOPE")
        #expect(wrong.status == 252)
    }
}
