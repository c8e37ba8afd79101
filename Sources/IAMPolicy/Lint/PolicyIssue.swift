/// The checks ``PolicyLinter`` runs: each one's issue code, finding type and documentation link.
///
/// Codes that Access Analyzer defines keep its spelling, type and link; the few checks it does not
/// have (``allowWithNotAction``, ``starActionOnStarResource``, ...) use codes in the same style and
/// link to the policy grammar or the check reference.
public struct PolicyIssue: Sendable, Equatable, Hashable {
    /// The issue code, for example `INVALID_ACTION`.
    public var code: String
    /// How serious a finding of this issue is.
    public var findingType: PolicyFinding.FindingType
    /// Where to read more.
    public var learnMoreLink: String

    private static let reference =
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
    private static let grammar = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html"

    /// An issue Access Analyzer documents; the link points at its section of the check reference.
    init(accessAnalyzer code: String, _ findingType: PolicyFinding.FindingType) {
        self.code = code
        self.findingType = findingType
        let section =
            switch findingType {
            case .error: "error"
            case .securityWarning: "security-warning"
            case .warning: "general-warning"
            case .suggestion: "suggestion"
            }
        let slug = code.lowercased().replacingOccurrences(of: "_", with: "-")
        learnMoreLink = Self.reference + "#access-analyzer-reference-policy-checks-\(section)-\(slug)"
    }

    /// An issue of this project's own, documented at `link`.
    init(own code: String, _ findingType: PolicyFinding.FindingType, link: String) {
        self.code = code
        self.findingType = findingType
        learnMoreLink = link
    }

    // MARK: Grammar errors (AWS rejects the policy)

    public static let jsonSyntaxError = PolicyIssue(accessAnalyzer: "JSON_SYNTAX_ERROR", .error)
    public static let invalidPolicyElement = PolicyIssue(accessAnalyzer: "INVALID_POLICY_ELEMENT", .error)
    public static let invalidCharacters = PolicyIssue(own: "INVALID_CHARACTERS", .error, link: grammar)
    public static let duplicateKeys = PolicyIssue(own: "DUPLICATE_KEYS", .error, link: grammar)
    public static let invalidVersion = PolicyIssue(accessAnalyzer: "INVALID_VERSION", .error)
    public static let missingStatement = PolicyIssue(accessAnalyzer: "MISSING_STATEMENT", .error)
    public static let missingEffect = PolicyIssue(accessAnalyzer: "MISSING_EFFECT", .error)
    public static let invalidEffect = PolicyIssue(accessAnalyzer: "INVALID_EFFECT", .error)
    public static let missingAction = PolicyIssue(accessAnalyzer: "MISSING_ACTION", .error)
    public static let missingResource = PolicyIssue(accessAnalyzer: "MISSING_RESOURCE", .error)
    public static let missingPrincipal = PolicyIssue(accessAnalyzer: "MISSING_PRINCIPAL", .error)
    public static let unsupportedPrincipal = PolicyIssue(accessAnalyzer: "UNSUPPORTED_PRINCIPAL", .error)
    public static let invalidPrincipalKey = PolicyIssue(accessAnalyzer: "INVALID_PRINCIPAL_KEY", .error)
    public static let uniqueSidsRequired = PolicyIssue(accessAnalyzer: "UNIQUE_SIDS_REQUIRED", .error)
    public static let invalidSidValue = PolicyIssue(accessAnalyzer: "INVALID_SID_VALUE", .error)
    public static let unsupportedElementCombination = PolicyIssue(
        accessAnalyzer: "UNSUPPORTED_ELEMENT_COMBINATION", .error)
    public static let invalidConditionOperator = PolicyIssue(accessAnalyzer: "INVALID_CONDITION_OPERATOR", .error)
    public static let missingQualifier = PolicyIssue(accessAnalyzer: "MISSING_QUALIFIER", .error)
    public static let invalidArn = PolicyIssue(accessAnalyzer: "INVALID_ARN_RESOURCE", .error)
    public static let invalidPartition = PolicyIssue(accessAnalyzer: "INVALID_PARTITION", .error)
    public static let dataTypeMismatch = PolicyIssue(accessAnalyzer: "DATA_TYPE_MISMATCH", .error)
    public static let malformedPolicy = PolicyIssue(own: "MALFORMED_POLICY_DOCUMENT", .error, link: grammar)
    public static let typeMismatchDate = PolicyIssue(accessAnalyzer: "TYPE_MISMATCH_DATE", .error)
    public static let typeMismatchIPRange = PolicyIssue(accessAnalyzer: "TYPE_MISMATCH_IP_RANGE", .error)
    public static let policyTooLarge = PolicyIssue(own: "POLICY_DOCUMENT_TOO_LARGE", .error, link: grammar)

    // MARK: Catalog checks

    public static let invalidServiceInAction = PolicyIssue(accessAnalyzer: "INVALID_SERVICE_IN_ACTION", .error)
    public static let invalidAction = PolicyIssue(accessAnalyzer: "INVALID_ACTION", .error)
    public static let invalidGlobalConditionKey = PolicyIssue(accessAnalyzer: "INVALID_GLOBAL_CONDITION_KEY", .error)
    public static let invalidServiceConditionKey = PolicyIssue(
        accessAnalyzer: "INVALID_SERVICE_CONDITION_KEY", .error)
    public static let unsupportedActionForConditionKey = PolicyIssue(
        accessAnalyzer: "UNSUPPORTED_ACTION_FOR_CONDITION_KEY", .warning)
    public static let catalogUnavailable = PolicyIssue(own: "CATALOG_UNAVAILABLE", .warning, link: reference)

    // MARK: Security warnings

    public static let passRoleWithStarInResource = PolicyIssue(
        accessAnalyzer: "PASS_ROLE_WITH_STAR_IN_RESOURCE", .securityWarning)
    public static let passRoleWithStarInActionAndResource = PolicyIssue(
        accessAnalyzer: "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", .securityWarning)
    public static let passRoleWithNotActionAndStarInResource = PolicyIssue(
        accessAnalyzer: "PASS_ROLE_WITH_NOT_ACTION_AND_STAR_IN_RESOURCE", .securityWarning)
    public static let passRoleWithNotResource = PolicyIssue(
        accessAnalyzer: "PASS_ROLE_WITH_NOT_RESOURCE", .securityWarning)
    public static let allowWithNotAction = PolicyIssue(own: "ALLOW_WITH_NOT_ACTION", .securityWarning, link: grammar)
    public static let allowWithNotResource = PolicyIssue(
        own: "ALLOW_WITH_NOT_RESOURCE", .securityWarning, link: grammar)
    public static let starActionOnStarResource = PolicyIssue(
        own: "STAR_ACTION_ON_STAR_RESOURCE", .securityWarning, link: grammar)

    // MARK: General warnings and suggestions

    public static let serviceWildcardOnStarResource = PolicyIssue(
        own: "SERVICE_WILDCARD_ON_STAR_RESOURCE", .warning, link: grammar)
    public static let missingVersion = PolicyIssue(accessAnalyzer: "MISSING_VERSION", .warning)
    public static let variableUnsupportedInVersion = PolicyIssue(
        accessAnalyzer: "VARIABLE_UNSUPPORTED_IN_VERSION", .error)
    public static let policySizeExceedsIdentityQuota = PolicyIssue(
        accessAnalyzer: "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", .warning)
    public static let policySizeExceedsTrustQuota = PolicyIssue(
        accessAnalyzer: "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA", .warning)
    public static let policySizeExceedsSCPQuota = PolicyIssue(accessAnalyzer: "POLICY_SIZE_EXCEEDS_SCP_QUOTA", .error)
    public static let redundantStatement = PolicyIssue(accessAnalyzer: "REDUNDANT_STATEMENT", .suggestion)
}
