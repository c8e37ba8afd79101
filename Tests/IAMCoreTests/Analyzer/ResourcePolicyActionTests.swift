import Testing

@testable import IAMCore

/// The resource actions: validation with each service's codes, authorisation, audit records.
@Suite("Resource-based policy actions")
struct ResourcePolicyActionTests {
    typealias F = AnalyzerFixture

    @Test func malformedPoliciesAreRefusedWithEachServicesCode() throws {
        var service = TestAccount.make()
        _ = try service.createBucket(CreateBucketRequest(bucket: "site"), as: .root)
        let noPrincipal =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        expectFailure(IAMError(.malformedPolicy, "Missing required field Principal"), in: &service) {
            _ = try $0.putBucketPolicy(PutBucketPolicyRequest(bucket: "site", policy: noPrincipal), as: .root)
        }
        expectFailure(IAMError(.malformedPolicyDocumentException, "Missing required field Principal"), in: &service) {
            _ = try $0.createKey(CreateKeyRequest(policy: noPrincipal), as: .root)
        }
        expectFailure(IAMError(.invalidAttributeValue, "Missing required field Principal"), in: &service) {
            _ = try $0.createQueue(CreateQueueRequest(queueName: "q", attributes: ["Policy": noPrincipal]), as: .root)
        }
    }

    @Test func missingResourcesAnswerEachServicesNotFound() {
        var service = TestAccount.make()
        expectFailure(IAMError(.noSuchBucket, "The specified bucket does not exist"), in: &service) {
            _ = try $0.putBucketPolicy(PutBucketPolicyRequest(bucket: "nope", policy: "{}"), as: .root)
        }
        expectFailure(
            IAMError(.notFoundException, "Key 'arn:aws:kms:us-east-1:123456789012:key/k' does not exist"), in: &service
        ) {
            _ = try $0.putKeyPolicy(PutKeyPolicyRequest(keyId: "k", policy: "{}"), as: .root)
        }
        expectFailure(IAMError(.queueDoesNotExist, "The specified queue does not exist."), in: &service) {
            _ = try $0.setQueueAttributes(
                SetQueueAttributesRequest(
                    queueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q", attributes: [:]),
                as: .root)
        }
        expectFailure(
            IAMError(.resourceNotFoundException, "Secrets Manager can't find the specified secret."), in: &service
        ) { _ = try $0.getResourcePolicy(SecretRequest(secretId: "nope"), as: .root) }
    }

    @Test func aKeyWithoutAPolicyGetsKMSsDefaultPolicy() throws {
        var service = TestAccount.make()
        let key = try service.createKey(CreateKeyRequest(description: "logs"), as: .root).keyMetadata
        #expect(key.arn == "arn:aws:kms:us-east-1:123456789012:key/\(key.keyId)" && key.keyState == "Enabled")
        let policy = try service.getKeyPolicy(KeyRequest(keyId: key.keyId), as: .root)
        #expect(policy.policyName == "default" && policy.policy == IAMService.defaultKeyPolicy(account: TestAccount.id))
    }

    @Test func aUserWithoutPermissionIsRefusedWithTheServicesAccessDeniedCode() throws {
        var service = TestAccount.make()
        try service.plainUser("mallory")
        _ = try service.createBucket(CreateBucketRequest(bucket: "site"), as: .root)
        let error = #expect(throws: IAMError.self) {
            _ = try service.putBucketPolicy(
                PutBucketPolicyRequest(bucket: "site", policy: F.policy(principal: #""*""#, action: "s3:GetObject")),
                as: .user("mallory"))
        }
        #expect(error?.code == .accessDenied)
        #expect(error?.message.contains("s3:PutBucketPolicy on resource: arn:aws:s3:::site") == true)
        let kmsError = #expect(throws: IAMError.self) {
            _ = try service.createKey(CreateKeyRequest(), as: .user("mallory"))
        }
        #expect(kmsError?.code == .accessDeniedException)
        let analyzerError = #expect(throws: IAMError.self) {
            _ = try service.createAnalyzer(
                CreateAnalyzerRequest(analyzerName: "a", type: "ACCOUNT"), as: .user("mallory"))
        }
        #expect(analyzerError?.message.contains("access-analyzer:CreateAnalyzer") == true)
    }

    @Test func requestsAreAuditedWithTheirServicesEventSource() throws {
        var service = TestAccount.make()
        _ = try service.createBucket(CreateBucketRequest(bucket: "site"), as: .root)
        _ = try service.putBucketPolicy(
            PutBucketPolicyRequest(bucket: "site", policy: F.policy(principal: #""*""#, action: "s3:GetObject")),
            as: .root)
        _ = try? service.getBucketPolicy(BucketRequest(bucket: "missing"), as: .root)
        _ = try service.createAnalyzer(CreateAnalyzerRequest(analyzerName: "acct", type: "ACCOUNT"), as: .root)
        let records = service.pendingAuditRecords
        #expect(records.map(\.eventName) == ["CreateBucket", "PutBucketPolicy", "GetBucketPolicy", "CreateAnalyzer"])
        #expect(
            records.map(\.eventSource) == [
                "s3.amazonaws.com", "s3.amazonaws.com", "s3.amazonaws.com", "access-analyzer.amazonaws.com",
            ])
        #expect(records[1].requestParameters["bucket"] == "site" && records[1].readOnly == false)
        #expect(records[2].errorCode == "NoSuchBucket" && records[2].readOnly == true)
        #expect(records[3].responseElements["arn"] == .string(F.analyzerArn()))
    }

    @Test func lambdaStatementsAreAddedAndRemovedBySid() throws {
        var service = TestAccount.make()
        _ = try service.createFunction(
            CreateFunctionRequest(functionName: "f", role: "arn:aws:iam::123456789012:role/r"), as: .root)
        _ = try service.addPermission(
            AddPermissionRequest(
                functionName: "f", statementId: "one", action: "lambda:InvokeFunction", principal: "*"),
            as: .root)
        expectFailure(
            IAMError(
                .resourceConflictException,
                "The statement id (one) provided already exists. Please provide a new statement id, or remove the "
                    + "existing statement."),
            in: &service
        ) {
            _ = try $0.addPermission(
                AddPermissionRequest(
                    functionName: "f", statementId: "one", action: "lambda:InvokeFunction", principal: "*"),
                as: .root)
        }
        _ = try service.removePermission(RemovePermissionRequest(functionName: "f", statementId: "one"), as: .root)
        expectFailure(
            IAMError(.resourceNotFoundException, "The resource you requested does not exist."), in: &service
        ) { _ = try $0.getPolicy(FunctionRequest(functionName: "f"), as: .root) }
    }
}
