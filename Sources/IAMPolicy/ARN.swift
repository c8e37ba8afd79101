/// An Amazon Resource Name: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
///
/// The resource part is kept whole; it may contain `:` and `/` (`role/path/name`,
/// `function:name:alias`). Wildcards are kept as written, so policy resource patterns parse too.
public struct ARN: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The partition, for example `aws` or `aws-cn`.
    public var partition: String
    /// The service namespace, for example `iam` or `s3`.
    public var service: String
    /// The region; empty for global services such as IAM.
    public var region: String
    /// The 12-digit account ID (or `aws` for AWS managed policies); empty for S3 buckets.
    public var account: String
    /// Everything after the fifth colon.
    public var resource: String

    /// Creates an ARN from its parts.
    public init(partition: String, service: String, region: String, account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses `string`; `nil` unless it starts with `arn:`, has at least six colon-separated parts
    /// and names a partition, a service and a resource.
    public init?(_ string: String) {
        let parts = string.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty else {
            return nil
        }
        self.init(
            partition: String(parts[1]), service: String(parts[2]), region: String(parts[3]),
            account: String(parts[4]), resource: String(parts[5]))
    }

    /// The ARN as text, exactly as it was parsed.
    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }
}
