import IAMCore

/// The entities read from one `aws iam get-account-authorization-details` file, as model values.
public struct AuthorizationDetails: Sendable {
    /// The account the ARNs belong to; nil when the file lists no account entity.
    public var accountId: String?
    public var users: [User] = []
    public var groups: [Group] = []
    public var roles: [Role] = []
    /// Customer managed policies with every version listed.
    public var policies: [ManagedPolicy] = []
    /// Instance profiles found under the roles.
    public var instanceProfiles: [InstanceProfile] = []
    /// ARNs of the AWS managed policies listed under `Policies`.
    public var awsManagedPolicies: [String] = []
    /// Lower-cased names of customer managed policies whose id the file did not give.
    public var policiesWithoutId: Set<String> = []
    /// Unknown fields and other things read past, for the summary.
    public var notes: [String] = []

    /// Creates an empty set of details.
    public init() {}

    /// How many entities were read: users, groups, roles and policies.
    public var entityCount: Int { users.count + groups.count + roles.count + policies.count + awsManagedPolicies.count }
}
