import IAMCore
import IAMWorkspace

/// What an IAM endpoint holds, read in one go: the authorization details as the importer reads
/// them, and the same state as an ``Account`` value with everything the other calls add (role
/// descriptions, policy tags, instance profiles, login profiles, access keys, MFA devices,
/// alias, password policy).
public struct RemoteSnapshot: Sendable {
    /// The account id of the credentials, from STS GetCallerIdentity.
    public var accountId: String
    /// The ARN the credentials belong to.
    public var callerArn: String
    /// The authorization details, for merging into a workspace with ``AccountImport``.
    public var details: AuthorizationDetails
    /// The endpoint's state as an account; attachments are kept as the endpoint lists them,
    /// whether or not the built-in catalog knows the policy.
    public var account: Account
    /// Things read past that are worth telling.
    public var notes: [String]

    /// Creates a snapshot.
    public init(accountId: String, callerArn: String, details: AuthorizationDetails, account: Account, notes: [String])
    {
        self.accountId = accountId
        self.callerArn = callerArn
        self.details = details
        self.account = account
        self.notes = notes
    }
}
