/// The demo account's resources with resource-based policies, and its analyzer: a public bucket,
/// a KMS key shared with a partner account, a queue shared only inside the account, so the Access
/// analyzer view has a public, a cross-account and no finding to show (besides the role that trusts
/// another account).
enum SampleResources {
    /// The partner account the key is shared with.
    static let partnerAccount = "444455556666"

    static func populate(_ service: inout IAMService) throws {
        let id = service.account.id
        _ = try service.createBucket(CreateBucketRequest(bucket: "acme-public-assets"), as: .root)
        _ = try service.putBucketPolicy(
            PutBucketPolicyRequest(bucket: "acme-public-assets", policy: publicBucketPolicy), as: .root)
        _ = try service.createKey(
            CreateKeyRequest(policy: sharedKeyPolicy(account: id), description: "Backups shared with the partner"),
            as: .root)
        _ = try service.createQueue(
            CreateQueueRequest(queueName: "acme-orders", attributes: ["Policy": internalQueuePolicy(account: id)]),
            as: .root)
        _ = try service.createAnalyzer(CreateAnalyzerRequest(analyzerName: "acme-account", type: "ACCOUNT"), as: .root)
    }

    static let publicBucketPolicy = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadForWebsite",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::acme-public-assets/*"
                }
            ]
        }
        """

    static func sharedKeyPolicy(account: String) -> String {
        """
        {
            "Version": "2012-10-17",
            "Id": "backup-key",
            "Statement": [
                {
                    "Sid": "EnableIAMPolicies",
                    "Effect": "Allow",
                    "Principal": { "AWS": "arn:aws:iam::\(account):root" },
                    "Action": "kms:*",
                    "Resource": "*"
                },
                {
                    "Sid": "PartnerDecrypt",
                    "Effect": "Allow",
                    "Principal": { "AWS": "arn:aws:iam::\(partnerAccount):root" },
                    "Action": ["kms:Decrypt", "kms:DescribeKey"],
                    "Resource": "*"
                }
            ]
        }
        """
    }

    static func internalQueuePolicy(account: String) -> String {
        """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AppServerSends",
                    "Effect": "Allow",
                    "Principal": { "AWS": "arn:aws:iam::\(account):role/app-server" },
                    "Action": "sqs:SendMessage",
                    "Resource": "arn:aws:sqs:us-east-1:\(account):acme-orders"
                }
            ]
        }
        """
    }
}
