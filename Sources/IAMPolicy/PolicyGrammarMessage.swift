/// The `MalformedPolicyDocument` messages, in AWS's wording.
public enum PolicyGrammarMessage {
    public static let invalidCharacters = "Policy document contains invalid characters."
    public static let syntax = "Syntax errors in policy."
    public static let legacyParsing = "The policy failed legacy parsing"
    public static let versionTooOld = "Policy document must be version 2012-10-17 or greater."
    public static let sidNotUnique = "Statement IDs (SID) in a single policy must be unique."
    public static let sidNotAlphanumeric =
        "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*"
    public static let missingActions = "Policy statement must contain actions."
    public static let missingResources = "Policy statement must contain resources."
    public static let principalNotAllowed = "Policy document should not specify a principal."
    public static let missingPrincipal = "Missing required field Principal"
    public static let actionWithoutVendor = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
    public static let actionWithManyColons = "Actions/Condition can contain only one colon."
    public static let trustPolicyActions =
        "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity"
    public static let resourceVendorNotQualified = "Resource vendor must be fully qualified and cannot contain regexes."
    public static let iamResourcePath =
        "IAM resource path must either be \"*\" or start with user/, federated-user/, role/, group/, "
        + "instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, "
        + "report/, access-report/."

    /// `Has prohibited field Resource.` (or `NotResource`).
    public static func prohibitedField(_ name: String) -> String { "Has prohibited field \(name)." }

    /// `Resource X must be in ARN format or "*".`
    public static func resourceNotARN(_ resource: String) -> String {
        "Resource \(resource) must be in ARN format or \"*\"."
    }

    /// `Vendor X is not valid`
    public static func invalidVendor(_ vendor: String) -> String { "Vendor \(vendor) is not valid" }

    /// `IAM resource X cannot contain region information.`
    public static func iamResourceWithRegion(_ resource: String) -> String {
        "IAM resource \(resource) cannot contain region information."
    }

    /// `Resource X can not contain region information.` (Amazon S3 ARNs other than access points.)
    public static func s3ResourceWithRegion(_ resource: String) -> String {
        "Resource \(resource) can not contain region information."
    }

    /// `Partition "P" is not valid for resource "arn:P:…".`
    public static func invalidPartition(_ partition: String, resource: String) -> String {
        "Partition \"\(partition)\" is not valid for resource \"\(resource)\"."
    }
}
