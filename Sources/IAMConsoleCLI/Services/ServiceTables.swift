import IAMCore
import IAMPolicy

/// The command groups of the services whose resource-based policies the workspace holds, each a
/// table of the AWS CLI's subcommands for them, run by the same machinery as `iam`.
enum ServiceTables {
    static func flag(
        _ name: String, _ kind: FlagKind = .string, required: Bool = false, _ help: String = ""
    )
        -> FlagSpec
    {
        ActionTable.flag(name, kind, required: required, help)
    }

    /// An optional string flag with help text.
    static func flag(_ name: String, _ help: String) -> FlagSpec { ActionTable.flag(name, help) }

    /// A policy document flag checked with the resource-policy grammar.
    static func policyFlag(_ name: String, _ help: String) -> FlagSpec {
        var spec = flag(name, .document, required: true, help)
        spec.policyKind = .resource
        return spec
    }

    /// The group a command word names.
    static func group(_ name: String) -> CommandGroup {
        switch name {
        case "s3api": return s3
        case "kms": return kms
        case "sqs": return sqs
        case "lambda": return LambdaTable.group
        case "secretsmanager": return secretsManager
        default: return organizations
        }
    }

    static let bucket = flag("bucket", required: true, "The bucket's name.")

    static let s3 = CommandGroup(
        name: "s3api",
        specs: [
            ActionSpec(
                cliName: "create-bucket", operation: "CreateBucket", summary: "Creates a bucket.",
                flags: [
                    bucket,
                    flag(
                        "create-bucket-configuration", .json,
                        "LocationConstraint=REGION: the Region (default: the caller's)."),
                ], mutates: true, resultKeys: nil,
                call: ServiceCall.make(CreateBucketRequest.self) { try $0.createBucket($1, as: $2) }),
            ActionSpec(
                cliName: "delete-bucket", operation: "DeleteBucket", summary: "Deletes a bucket.", flags: [bucket],
                mutates: true, resultKeys: nil,
                call: ServiceCall.make(BucketRequest.self) { try $0.deleteBucket($1, as: $2) }),
            ActionSpec(
                cliName: "list-buckets", operation: "ListBuckets", summary: "Lists the account's buckets.", flags: [],
                mutates: false, resultKeys: nil,
                call: ServiceCall.make(EmptyResponse.self) { service, _, principal in
                    try service.listBuckets(as: principal)
                }),
            ActionSpec(
                cliName: "put-bucket-policy", operation: "PutBucketPolicy", summary: "Replaces a bucket's policy.",
                flags: [bucket, policyFlag("policy", "The bucket policy: JSON, or file://PATH.")], mutates: true,
                resultKeys: nil,
                call: ServiceCall.make(PutBucketPolicyRequest.self) { try $0.putBucketPolicy($1, as: $2) }),
            ActionSpec(
                cliName: "get-bucket-policy", operation: "GetBucketPolicy", summary: "Prints a bucket's policy.",
                flags: [bucket], mutates: false, resultKeys: nil,
                call: ServiceCall.make(BucketRequest.self) { try $0.getBucketPolicy($1, as: $2) }),
            ActionSpec(
                cliName: "delete-bucket-policy", operation: "DeleteBucketPolicy", summary: "Removes a bucket's policy.",
                flags: [bucket], mutates: true, resultKeys: nil,
                call: ServiceCall.make(BucketRequest.self) { try $0.deleteBucketPolicy($1, as: $2) }),
        ], service: "s3", about: "Runs an S3 bucket action against the workspace, as `aws s3api` does against AWS.")

    static let keyId = flag("key-id", required: true, "The key's id or ARN.")

    static let kms = CommandGroup(
        name: "kms",
        specs: [
            ActionSpec(
                cliName: "create-key", operation: "CreateKey",
                summary: "Creates a symmetric key with a key policy (KMS's default policy when none is given).",
                flags: [
                    {
                        var spec = flag("policy", .document, "The key policy: JSON, or file://PATH.")
                        spec.policyKind = .resource
                        return spec
                    }(), flag("description", "A description of the key."),
                ], mutates: true, resultKeys: nil,
                call: ServiceCall.make(CreateKeyRequest.self) { try $0.createKey($1, as: $2) }),
            ActionSpec(
                cliName: "list-keys", operation: "ListKeys", summary: "Lists the keys in the Region.", flags: [],
                mutates: false, resultKeys: nil,
                call: ServiceCall.make(EmptyResponse.self) { service, _, principal in
                    try service.listKeys(as: principal)
                }),
            ActionSpec(
                cliName: "put-key-policy", operation: "PutKeyPolicy", summary: "Replaces a key's policy.",
                flags: [
                    keyId, flag("policy-name", "default (a key has only this policy)."),
                    policyFlag("policy", "The key policy: JSON, or file://PATH."),
                ], mutates: true, resultKeys: nil,
                call: ServiceCall.make(PutKeyPolicyRequest.self) { try $0.putKeyPolicy($1, as: $2) }),
            ActionSpec(
                cliName: "get-key-policy", operation: "GetKeyPolicy", summary: "Prints a key's policy.",
                flags: [keyId, flag("policy-name", "default (a key has only this policy).")], mutates: false,
                resultKeys: nil, call: ServiceCall.make(KeyRequest.self) { try $0.getKeyPolicy($1, as: $2) }),
            ActionSpec(
                cliName: "schedule-key-deletion", operation: "ScheduleKeyDeletion",
                summary: "Deletes a key (from the workspace at once; AWS waits 7-30 days).",
                flags: [keyId, flag("pending-window-in-days", .integer, "7 to 30 (default 30).")], mutates: true,
                resultKeys: nil,
                call: ServiceCall.make(ScheduleKeyDeletionRequest.self) { try $0.scheduleKeyDeletion($1, as: $2) }),
        ], service: "kms", about: "Runs a KMS key action against the workspace, as `aws kms` does against AWS.")

    static let queueUrl = flag("queue-url", required: true, "The queue's URL.")

    static let sqs = CommandGroup(
        name: "sqs",
        specs: [
            ActionSpec(
                cliName: "create-queue", operation: "CreateQueue", summary: "Creates a queue, with a Policy attribute.",
                flags: [
                    flag("queue-name", required: true, "The queue's name."),
                    {
                        var spec = flag(
                            "attributes", .json, "Policy=file://PATH, or a JSON object {\"Policy\": \"...\"}.")
                        spec.policyKind = .resource
                        return spec
                    }(),
                ], mutates: true, resultKeys: nil,
                call: ServiceCall.make(CreateQueueRequest.self) { try $0.createQueue($1, as: $2) }),
            ActionSpec(
                cliName: "delete-queue", operation: "DeleteQueue", summary: "Deletes a queue.", flags: [queueUrl],
                mutates: true, resultKeys: nil,
                call: ServiceCall.make(QueueRequest.self) { try $0.deleteQueue($1, as: $2) }),
            ActionSpec(
                cliName: "list-queues", operation: "ListQueues", summary: "Lists the queue URLs in the Region.",
                flags: [flag("queue-name-prefix", "Only queues whose name starts with this.")], mutates: false,
                resultKeys: nil, call: ServiceCall.make(ListQueuesRequest.self) { try $0.listQueues($1, as: $2) }),
            ActionSpec(
                cliName: "set-queue-attributes", operation: "SetQueueAttributes",
                summary: "Sets a queue's Policy attribute (an empty Policy removes it).",
                flags: [
                    queueUrl,
                    {
                        var spec = flag(
                            "attributes", .json, required: true,
                            "Policy=file://PATH, or a JSON object {\"Policy\": \"...\"}.")
                        spec.policyKind = .resource
                        return spec
                    }(),
                ], mutates: true, resultKeys: nil,
                call: ServiceCall.make(SetQueueAttributesRequest.self) { try $0.setQueueAttributes($1, as: $2) }),
            ActionSpec(
                cliName: "get-queue-attributes", operation: "GetQueueAttributes",
                summary: "Prints a queue's Policy, QueueArn and CreatedTimestamp attributes.",
                flags: [queueUrl, flag("attribute-names", .stringList, "Policy, QueueArn, CreatedTimestamp or All.")],
                mutates: false, resultKeys: nil,
                call: ServiceCall.make(GetQueueAttributesRequest.self) { try $0.getQueueAttributes($1, as: $2) }),
        ], service: "sqs", about: "Runs an SQS queue action against the workspace, as `aws sqs` does against AWS.")

    static let secretId = flag("secret-id", required: true, "The secret's name or ARN.")

    static let secretsManager = CommandGroup(
        name: "secretsmanager",
        specs: [
            ActionSpec(
                cliName: "create-secret", operation: "CreateSecret",
                summary: "Creates a secret (the workspace keeps its name, never a value).",
                flags: [flag("name", required: true, "The secret's name."), flag("description", "A description.")],
                mutates: true, resultKeys: nil,
                call: ServiceCall.make(CreateSecretRequest.self) { try $0.createSecret($1, as: $2) }),
            ActionSpec(
                cliName: "delete-secret", operation: "DeleteSecret", summary: "Deletes a secret.", flags: [secretId],
                mutates: true, resultKeys: nil,
                call: ServiceCall.make(SecretRequest.self) { try $0.deleteSecret($1, as: $2) }),
            ActionSpec(
                cliName: "list-secrets", operation: "ListSecrets", summary: "Lists the secrets in the Region.",
                flags: [], mutates: false, resultKeys: nil,
                call: ServiceCall.make(EmptyResponse.self) { service, _, principal in
                    try service.listSecrets(as: principal)
                }),
            ActionSpec(
                cliName: "put-resource-policy", operation: "PutResourcePolicy",
                summary: "Attaches a resource policy to a secret.",
                flags: [
                    secretId, policyFlag("resource-policy", "The resource policy: JSON, or file://PATH."),
                    flag("block-public-policy", .boolean, "Refuse a policy that grants public access."),
                ], mutates: true, resultKeys: nil,
                call: ServiceCall.make(PutResourcePolicyRequest.self) { try $0.putResourcePolicy($1, as: $2) }),
            ActionSpec(
                cliName: "get-resource-policy", operation: "GetResourcePolicy",
                summary: "Prints a secret's resource policy.", flags: [secretId], mutates: false, resultKeys: nil,
                call: ServiceCall.make(SecretRequest.self) { try $0.getResourcePolicy($1, as: $2) }),
            ActionSpec(
                cliName: "delete-resource-policy", operation: "DeleteResourcePolicy",
                summary: "Removes a secret's resource policy.", flags: [secretId], mutates: true, resultKeys: nil,
                call: ServiceCall.make(SecretRequest.self) { try $0.deleteResourcePolicy($1, as: $2) }),
        ], service: "secretsmanager",
        about: "Runs a Secrets Manager action against the workspace, as `aws secretsmanager` does against AWS.")

    static let organizations = CommandGroup(
        name: "organizations",
        specs: [
            ActionSpec(
                cliName: "create-organization", operation: "CreateOrganization",
                summary: "Creates an organization with the workspace account as its management account.",
                flags: [flag("feature-set", "ALL (the default).")], mutates: true, resultKeys: nil,
                call: ServiceCall.make(CreateOrganizationRequest.self) { try $0.createOrganization($1, as: $2) }),
            ActionSpec(
                cliName: "describe-organization", operation: "DescribeOrganization",
                summary: "Prints the organization.", flags: [], mutates: false, resultKeys: nil,
                call: ServiceCall.make(EmptyResponse.self) { service, _, principal in
                    try service.describeOrganization(as: principal)
                }),
            ActionSpec(
                cliName: "list-accounts", operation: "ListAccounts", summary: "Lists the organization's accounts.",
                flags: [], mutates: false, resultKeys: nil,
                call: ServiceCall.make(EmptyResponse.self) { service, _, principal in
                    try service.listAccounts(as: principal)
                }),
            ActionSpec(
                cliName: "invite-account-to-organization", operation: "InviteAccountToOrganization",
                summary: "Adds an account to the organization (it joins at once).",
                flags: [flag("target", .json, required: true, "Id=ACCOUNT_ID,Type=ACCOUNT")], mutates: true,
                resultKeys: nil,
                call: ServiceCall.make(InviteAccountRequest.self) { try $0.inviteAccountToOrganization($1, as: $2) }),
            ActionSpec(
                cliName: "remove-account-from-organization", operation: "RemoveAccountFromOrganization",
                summary: "Removes a member account from the organization.",
                flags: [flag("account-id", required: true, "The member account's id.")], mutates: true,
                resultKeys: nil,
                call: ServiceCall.make(RemoveAccountRequest.self) { try $0.removeAccountFromOrganization($1, as: $2) }),
        ], service: "organizations",
        about: "Runs an AWS Organizations action against the workspace (the organization an analyzer can trust).")
}
