import Testing

@testable import IAMCore

/// Findings for each kind of resource: public, cross-account and in-zone policies.
@Suite("Access analyzer: findings by resource type")
struct FindingsByResourceTypeTests {
    typealias F = AnalyzerFixture

    @Test func aPublicBucketPolicyMakesOnePublicFinding() throws {
        var service = try F.serviceWithAnalyzer()
        _ = try service.createBucket(CreateBucketRequest(bucket: "site"), as: .root)
        _ = try service.putBucketPolicy(
            PutBucketPolicyRequest(
                bucket: "site",
                policy: F.policy(principal: #""*""#, action: "s3:GetObject", resource: "arn:aws:s3:::site/*")),
            as: .root)
        let findings = F.findings(service, resource: "arn:aws:s3:::site")
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.resourceType == .s3Bucket && finding.isPublic && finding.status == .active)
        #expect(finding.principal == ["AWS": "*"] && finding.action == ["s3:GetObject"] && finding.condition.isEmpty)
        #expect(finding.resourceOwnerAccount == TestAccount.id)
        #expect(
            finding.statement == StatementLocation(policy: "bucket policy", sid: "Share", index: 0, line: 1, column: 38)
        )
        #expect(finding.createdAt == TestAccount.now && finding.updatedAt == TestAccount.now)
    }

    @Test func aKeySharedWithAnotherAccountIsCrossAccountAndTheOwnAccountIsNot() throws {
        var service = try F.serviceWithAnalyzer()
        let policy =
            #"{"Version":"2012-10-17","Statement":["#
            + #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"},"#
            + #"{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:role/backup","#
            + #""999988887777"]},"Action":["kms:Decrypt","kms:DescribeKey"],"Resource":"*"}]}"#
        let key = try service.createKey(CreateKeyRequest(policy: policy), as: .root).keyMetadata
        let findings = F.findings(service, resource: key.arn)
        #expect(
            findings.map(\.principal) == [["AWS": "999988887777"], ["AWS": "arn:aws:iam::444455556666:role/backup"]]
                || findings.map(\.principal) == [
                    ["AWS": "arn:aws:iam::444455556666:role/backup"], ["AWS": "999988887777"],
                ])
        #expect(
            findings.allSatisfy {
                !$0.isPublic && $0.resourceType == .kmsKey && $0.action == ["kms:Decrypt", "kms:DescribeKey"]
            })
        #expect(findings.allSatisfy { $0.statement.sid == "Partner" && $0.statement.index == 1 })
    }

    @Test func aQueueSharedOnlyInsideTheAccountHasNoFinding() throws {
        var service = try F.serviceWithAnalyzer()
        let policy = F.policy(principal: #"{"AWS":"arn:aws:iam::123456789012:role/app"}"#, action: "sqs:SendMessage")
        let url = try service.createQueue(
            CreateQueueRequest(queueName: "orders", attributes: ["Policy": policy]), as: .root
        )
        .queueUrl
        #expect(url == "https://sqs.us-east-1.amazonaws.com/123456789012/orders")
        #expect(F.findings(service, resource: "arn:aws:sqs:us-east-1:123456789012:orders").isEmpty)
    }

    @Test func lambdaFunctionPermissionsForAnotherAccountAndForAServiceWithSourceAccount() throws {
        var service = try F.serviceWithAnalyzer()
        _ = try service.createFunction(
            CreateFunctionRequest(functionName: "resize", role: "arn:aws:iam::123456789012:role/lambda"), as: .root)
        let added = try service.addPermission(
            AddPermissionRequest(
                functionName: "resize", statementId: "partner", action: "lambda:InvokeFunction", principal: F.partner),
            as: .root)
        #expect(added.statement.contains(#""Principal":{"AWS":"arn:aws:iam::444455556666:root"}"#))
        _ = try service.addPermission(
            AddPermissionRequest(
                functionName: "resize", statementId: "s3", action: "InvokeFunction", principal: "s3.amazonaws.com",
                sourceArn: "arn:aws:s3:::uploads", sourceAccount: TestAccount.id),
            as: .root)
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:resize"
        let findings = F.findings(service, resource: arn)
        #expect(findings.count == 1)
        #expect(findings.first?.principal == ["AWS": "arn:aws:iam::444455556666:root"])
        #expect(findings.first?.resourceType == .lambdaFunction && findings.first?.action == ["lambda:InvokeFunction"])
        let policy = try service.getPolicy(FunctionRequest(functionName: "resize"), as: .root)
        #expect(policy.policy.contains(#""ArnLike":{"AWS:SourceArn":"arn:aws:s3:::uploads"}"#))
    }

    @Test func aLayerVersionSharedWithEveryoneIsPublicAndWithAnOrganizationIsNot() throws {
        var service = try F.serviceWithAnalyzer()
        let published = try service.publishLayerVersion(PublishLayerVersionRequest(layerName: "tools"), as: .root)
        #expect(
            published.version == 1 && published.layerVersionArn == "arn:aws:lambda:us-east-1:123456789012:layer:tools:1"
        )
        _ = try service.addLayerVersionPermission(
            AddLayerVersionPermissionRequest(
                layerName: "tools", versionNumber: 1, statementId: "org", action: "lambda:GetLayerVersion",
                principal: "*",
                organizationId: "o-abcdefghij"),
            as: .root)
        var findings = F.findings(service, resource: published.layerVersionArn)
        #expect(findings.count == 1 && findings.first?.isPublic == false)
        #expect(findings.first?.condition == ["aws:PrincipalOrgID": "o-abcdefghij"])
        _ = try service.addLayerVersionPermission(
            AddLayerVersionPermissionRequest(
                layerName: "tools", versionNumber: 1, statementId: "all", action: "lambda:GetLayerVersion",
                principal: "*"),
            as: .root)
        findings = F.findings(service, resource: published.layerVersionArn)
        #expect(findings.filter(\.isPublic).count == 1)
        #expect(findings.allSatisfy { $0.resourceType == .lambdaLayerVersion })
    }

    @Test func aSecretSharedWithAnotherAccountAndBlockPublicPolicy() throws {
        var service = try F.serviceWithAnalyzer()
        let secret = try service.createSecret(CreateSecretRequest(name: "db/password"), as: .root)
        #expect(secret.arn.hasPrefix("arn:aws:secretsmanager:us-east-1:123456789012:secret:db/password-"))
        #expect(secret.arn.count == "arn:aws:secretsmanager:us-east-1:123456789012:secret:db/password-".count + 6)
        _ = try service.putResourcePolicy(
            PutResourcePolicyRequest(
                secretId: "db/password",
                resourcePolicy: F.policy(principal: #"{"AWS":"999988887777"}"#, action: "secretsmanager:GetSecretValue")
            ),
            as: .root)
        let findings = F.findings(service, resource: secret.arn)
        #expect(findings.count == 1 && findings.first?.resourceType == .secretsManagerSecret)
        #expect(findings.first?.principal == ["AWS": "999988887777"])
        expectFailure(
            IAMError(.publicPolicyException, "This resource policy will grant public access to the secret."),
            in: &service
        ) {
            _ = try $0.putResourcePolicy(
                PutResourcePolicyRequest(
                    secretId: secret.arn,
                    resourcePolicy: F.policy(principal: #""*""#, action: "secretsmanager:GetSecretValue"),
                    blockPublicPolicy: true),
                as: .root)
        }
    }

    @Test func aRoleTrustingAnotherAccountAndAFederatedProviderMakesFindingsAndAServiceDoesNot() throws {
        var service = try F.serviceWithAnalyzer()
        let trust =
            #"{"Version":"2012-10-17","Statement":["#
            + #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"},"#
            + #"{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/corp"},"#
            + #""Action":"sts:AssumeRoleWithSAML"},"#
            + #"{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        _ = try service.createRole(CreateRoleRequest(roleName: "shared", assumeRolePolicyDocument: trust), as: .root)
        let findings = F.findings(service, resource: "arn:aws:iam::123456789012:role/shared")
        #expect(findings.count == 2)
        #expect(
            Set(findings.map(\.principal)) == [
                ["AWS": "arn:aws:iam::999988887777:root"],
                ["Federated": "arn:aws:iam::123456789012:saml-provider/corp"],
            ])
        #expect(findings.allSatisfy { $0.resourceType == .iamRole && !$0.isPublic })
    }
}
