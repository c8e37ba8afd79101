/// The account's root user: signs in with the account email and has every permission.
public struct RootUser: Codable, Sendable, Equatable {
    public var email: String
    /// A self-describing KDF hash of the root password.
    public var passwordHash: String
    public var passwordLastUsed: Timestamp?
    public var passwordLastChanged: Timestamp?
    public var accessKeys: [AccessKey]
    /// Serial numbers of the MFA devices enabled for the root user.
    public var mfaDevices: [String]

    public init(email: String, passwordHash: String) {
        self.email = email
        self.passwordHash = passwordHash
        self.passwordLastUsed = nil
        self.passwordLastChanged = nil
        self.accessKeys = []
        self.mfaDevices = []
    }
}
