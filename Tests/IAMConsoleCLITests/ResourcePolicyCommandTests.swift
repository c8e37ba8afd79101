import Foundation
import Testing

/// `iamconsole s3api|kms|sqs|lambda|secretsmanager ...`: AWS CLI-shaped verbs, codes and exit codes.
@Suite("resource policy commands")
struct ResourcePolicyCommandTests {
    static let sharedPolicy =
        #"{"Version":"2012-10-17","Statement":[{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"999988887777"},"#
        + #""Action":"sqs:SendMessage","Resource":"*"}]}"#

    @Test func aBucketPolicyIsPutReadAndDeleted() throws {
        let box = try Sandbox()
        try box.initSample()
        let path = try box.write(
            "bucket.json", Self.sharedPolicy.replacingOccurrences(of: "sqs:SendMessage", with: "s3:GetObject"))
        #expect(
            try box.run(["s3api", "create-bucket", "--bucket", "reports"]).stdout.contains(#""Location": "/reports""#))
        let put = try box.run(["s3api", "put-bucket-policy", "--bucket", "reports", "--policy", "file://" + path])
        #expect(put.status == 0 && put.stdout == "")
        let got = try box.run(["s3api", "get-bucket-policy", "--bucket", "reports"])
        #expect(
            try got.json()["Policy"] as? String
                == Self.sharedPolicy.replacingOccurrences(of: "sqs:SendMessage", with: "s3:GetObject"))
        #expect(try box.run(["s3api", "delete-bucket-policy", "--bucket", "reports"]).status == 0)
        let gone = try box.run(["s3api", "get-bucket-policy", "--bucket", "reports"])
        #expect(gone.status == 254)
        #expect(
            gone.stderr.contains(
                "An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not exist"
            ))
        let buckets = try #require(try box.run(["s3api", "list-buckets"]).json()["Buckets"] as? [[String: Any]])
        #expect(values(buckets, "Name") == ["acme-public-assets", "reports"])
    }

    @Test func aMalformedPolicyFileIsReportedAtItsLineAndColumn() throws {
        let box = try Sandbox()
        try box.initSample()
        let path = try box.write(
            "bad.json",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]\n}\n"
        )
        let result = try box.run([
            "s3api", "put-bucket-policy", "--bucket", "acme-public-assets", "--policy", "file://" + path,
        ])
        #expect(result.status == 254)
        #expect(
            result.stderr.contains("An error occurred (MalformedPolicy) when calling the PutBucketPolicy operation"))
        #expect(result.stderr.contains(path + ":3:17: Missing required field Principal"))
    }

    @Test func aQueuePolicyFromAFileMakesAFinding() throws {
        let box = try Sandbox()
        try box.initSample()
        let path = try box.write("queue.json", Self.sharedPolicy)
        let created = try box.run(["sqs", "create-queue", "--queue-name", "jobs"])
        let url = try #require(try created.json()["QueueUrl"] as? String)
        #expect(url == "https://sqs.us-east-1.amazonaws.com/111122223333/jobs")
        let set = try box.run([
            "sqs", "set-queue-attributes", "--queue-url", url, "--attributes", "Policy=file://" + path,
        ])
        #expect(set.status == 0)
        let attributes = try #require(
            try box.run(["sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "Policy"]).json()[
                "Attributes"] as? [String: String])
        #expect(attributes == ["Policy": Self.sharedPolicy])
        let findings = try #require(
            try box.run([
                "analyzer", "list-findings", "--analyzer-arn", AnalyzerCommandTests.analyzerArn, "--filter",
                #"{"resourceType": {"eq": ["AWS::SQS::Queue"]}}"#,
            ]).json()["findings"] as? [[String: Any]])
        #expect(findings.map { $0["resource"] as? String } == ["arn:aws:sqs:us-east-1:111122223333:jobs"])
    }

    @Test func kmsLambdaAndSecretsManagerVerbs() throws {
        let box = try Sandbox()
        try box.initSample()
        let key = try #require(
            try box.run(["kms", "create-key", "--description", "app"]).json()["KeyMetadata"] as? [String: Any])
        let keyId = try #require(key["KeyId"] as? String)
        #expect(key["AWSAccountId"] as? String == "111122223333" && key["KeyState"] as? String == "Enabled")
        let policy = try box.run(["kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default"])
        #expect(try policy.json()["PolicyName"] as? String == "default")
        _ = try box.run([
            "lambda", "create-function", "--function-name", "f", "--role", "arn:aws:iam::111122223333:role/app-server",
        ])
        let added = try box.run([
            "lambda", "add-permission", "--function-name", "f", "--statement-id", "s3", "--action",
            "lambda:InvokeFunction", "--principal", "s3.amazonaws.com", "--source-account", "111122223333",
        ])
        #expect(try added.json()["Statement"] as? String != nil)
        let revision = try box.run(["lambda", "get-policy", "--function-name", "f"])
        #expect((try revision.json()["RevisionId"] as? String)?.count == 36)
        let secret = try box.run(["secretsmanager", "create-secret", "--name", "db"])
        #expect(
            (try secret.json()["ARN"] as? String)?.hasPrefix("arn:aws:secretsmanager:us-east-1:111122223333:secret:db-")
                == true)
        let missing = try box.run(["secretsmanager", "get-resource-policy", "--secret-id", "nope"])
        #expect(missing.status == 254 && missing.stderr.contains("(ResourceNotFoundException)"))
    }

    @Test func aReadOnlyUserIsRefusedWithTheServicesCode() throws {
        let box = try Sandbox()
        try box.initSample()
        let result = try box.run(["kms", "create-key"], as: .carol)
        #expect(result.status == 254)
        #expect(
            result.stderr.contains("An error occurred (AccessDeniedException) when calling the CreateKey operation"))
        #expect(result.stderr.contains("kms:CreateKey"))
    }
}
