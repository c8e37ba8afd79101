import Foundation

/// An AWS managed policy: owned by AWS, attachable in every account, read-only to the account.
public struct AWSManagedPolicy: Codable, Sendable, Equatable {
    public var name: String
    public var path: String
    public var arn: String
    public var id: String
    public var description: String?
    public var defaultVersionId: String
    public var createDate: Timestamp
    public var updateDate: Timestamp
    /// The default version's document.
    public var document: String

    /// Whether the console lists it as "AWS managed - job function".
    public var isJobFunction: Bool { path == "/job-function/" }
}

/// The catalog of AWS managed policies known to the model, with their real documents.
public enum AWSManagedPolicyCatalog {
    /// Every policy in the catalog, sorted by name.
    public static let all: [AWSManagedPolicy] = {
        do {
            let decoded = try JSONDecoder().decode([AWSManagedPolicy].self, from: Data(json.utf8))
            return decoded.map { policy in
                var policy = policy
                if policy.description?.isEmpty == true { policy.description = nil }
                return policy
            }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        } catch {
            // The data is generated and checked by tests; an empty catalog keeps the tool usable if it broke.
            return []
        }
    }()

    private static let byARN: [String: AWSManagedPolicy] = Dictionary(
        all.map { ($0.arn, $0) }, uniquingKeysWith: { first, _ in first })

    /// The AWS managed policy with this ARN, if the catalog has it.
    public static func policy(arn: String) -> AWSManagedPolicy? { byARN[arn] }

    /// Whether an ARN names an AWS managed policy (`arn:aws:iam::aws:policy/...`).
    public static func isAWSManagedARN(_ arn: String) -> Bool { arn.hasPrefix("arn:aws:iam::aws:policy/") }
}
