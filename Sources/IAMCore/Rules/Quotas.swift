/// IAM's quotas, as enforced by the model and reported by GetAccountSummary (IAM-RULES §3).
public struct Quotas: Sendable, Equatable {
    public var users = 5000
    public var groups = 300
    public var roles = 1000
    public var policies = 1500
    public var instanceProfiles = 1000
    public var groupsPerUser = 10
    public var attachedPoliciesPerUser = 10
    public var attachedPoliciesPerRole = 10
    public var attachedPoliciesPerGroup = 10
    public var accessKeysPerUser = 2
    public var mfaDevicesPerUser = 8
    public var versionsPerPolicy = 5
    public var rolesPerInstanceProfile = 1
    public var tagsPerEntity = 50
    public var policySize = 6144
    public var userPolicySize = 2048
    public var groupPolicySize = 5120
    public var rolePolicySize = 10240
    public var assumeRolePolicySize = 2048
    public var signingCertificatesPerUser = 2
    public var serverCertificates = 20
    public var policyVersionsInUse = 10000

    /// The defaults AWS documents.
    public static let standard = Quotas()

    public init() {}
}
