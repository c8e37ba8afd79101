/// The kinds of resource an access analyzer looks at, named as Access Analyzer and CloudFormation
/// name them.
public enum AnalyzedResourceType: String, Codable, Sendable, CaseIterable, Comparable {
    case s3Bucket = "AWS::S3::Bucket"
    case kmsKey = "AWS::KMS::Key"
    case sqsQueue = "AWS::SQS::Queue"
    case lambdaFunction = "AWS::Lambda::Function"
    case lambdaLayerVersion = "AWS::Lambda::LayerVersion"
    case secretsManagerSecret = "AWS::SecretsManager::Secret"
    case iamRole = "AWS::IAM::Role"

    /// What the resource's policy is called where it is shown (`bucket policy`, `trust policy`).
    public var policyName: String {
        switch self {
        case .s3Bucket: return "bucket policy"
        case .kmsKey: return "key policy"
        case .sqsQueue: return "queue policy"
        case .lambdaFunction: return "function policy"
        case .lambdaLayerVersion: return "layer version policy"
        case .secretsManagerSecret: return "resource policy"
        case .iamRole: return "trust policy"
        }
    }

    /// A short word for lists: `S3 bucket`, `KMS key`.
    public var label: String {
        switch self {
        case .s3Bucket: return "S3 bucket"
        case .kmsKey: return "KMS key"
        case .sqsQueue: return "SQS queue"
        case .lambdaFunction: return "Lambda function"
        case .lambdaLayerVersion: return "Lambda layer"
        case .secretsManagerSecret: return "Secret"
        case .iamRole: return "IAM role"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A resource of another service that carries a resource-based policy: an S3 bucket, a KMS key,
/// an SQS queue, a Lambda function or layer version, or a Secrets Manager secret. Only what
/// access analysis needs is kept (the name, where it lives and its policy), never the data.
public struct SharedResource: Codable, Sendable, Equatable {
    public var type: AnalyzedResourceType
    /// The resource's ARN in AWS's format for its service; the key it is stored under.
    public var arn: String
    /// The bucket, queue, function, layer or secret name; a KMS key's id.
    public var name: String
    /// A layer version's number.
    public var version: Int?
    /// The Region the resource lives in.
    public var region: String
    public var createDate: Timestamp
    /// The resource-based policy exactly as submitted, or nil when the resource has none.
    public var policy: String?
    /// A KMS key's or a secret's description.
    public var description: String?
    /// Lambda's revision of the function's or layer version's policy, changed by every edit.
    public var revisionId: String?

    public init(
        type: AnalyzedResourceType, arn: String, name: String, region: String, createDate: Timestamp,
        policy: String? = nil
    ) {
        self.type = type
        self.arn = arn
        self.name = name
        self.version = nil
        self.region = region
        self.createDate = createDate
        self.policy = policy
        self.description = nil
        self.revisionId = nil
    }

    enum CodingKeys: String, CodingKey {
        case arn, createDate, description, name, policy, region, revisionId, type, version
    }
}

/// ARNs and URLs of the resources, built as their services build them.
public enum SharedResourceNames {
    public static func bucket(_ name: String) -> String { "arn:aws:s3:::\(name)" }
    public static func key(_ account: String, region: String, keyId: String) -> String {
        "arn:aws:kms:\(region):\(account):key/\(keyId)"
    }
    public static func queue(_ account: String, region: String, name: String) -> String {
        "arn:aws:sqs:\(region):\(account):\(name)"
    }
    /// `https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`, the QueueUrl SQS returns.
    public static func queueURL(_ account: String, region: String, name: String) -> String {
        "https://sqs.\(region).amazonaws.com/\(account)/\(name)"
    }
    public static func function(_ account: String, region: String, name: String) -> String {
        "arn:aws:lambda:\(region):\(account):function:\(name)"
    }
    public static func layer(_ account: String, region: String, name: String) -> String {
        "arn:aws:lambda:\(region):\(account):layer:\(name)"
    }
    public static func layerVersion(_ account: String, region: String, name: String, version: Int) -> String {
        layer(account, region: region, name: name) + ":\(version)"
    }
    /// Secrets Manager appends a hyphen and six random characters to the name.
    public static func secret(_ account: String, region: String, name: String, suffix: String) -> String {
        "arn:aws:secretsmanager:\(region):\(account):secret:\(name)-\(suffix)"
    }
}

extension Account {
    /// The shared resources of one type, by ARN.
    public func resources(of type: AnalyzedResourceType) -> [SharedResource] {
        resources.values.filter { $0.type == type }.sorted { $0.arn < $1.arn }
    }
}
