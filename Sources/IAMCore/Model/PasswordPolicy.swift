/// The account password policy, with AWS's fields. `nil` on the account means the IAM default applies.
public struct PasswordPolicy: Codable, Sendable, Equatable {
    public var minimumPasswordLength: Int
    public var requireSymbols: Bool
    public var requireNumbers: Bool
    public var requireUppercaseCharacters: Bool
    public var requireLowercaseCharacters: Bool
    public var allowUsersToChangePassword: Bool
    /// Days, 1–1095; 0 means passwords never expire.
    public var maxPasswordAge: Int
    /// 1–24 previous passwords; 0 means reuse is allowed.
    public var passwordReusePrevention: Int
    public var hardExpiry: Bool

    public init(
        minimumPasswordLength: Int = 6, requireSymbols: Bool = false, requireNumbers: Bool = false,
        requireUppercaseCharacters: Bool = false, requireLowercaseCharacters: Bool = false,
        allowUsersToChangePassword: Bool = false, maxPasswordAge: Int = 0, passwordReusePrevention: Int = 0,
        hardExpiry: Bool = false
    ) {
        self.minimumPasswordLength = minimumPasswordLength
        self.requireSymbols = requireSymbols
        self.requireNumbers = requireNumbers
        self.requireUppercaseCharacters = requireUppercaseCharacters
        self.requireLowercaseCharacters = requireLowercaseCharacters
        self.allowUsersToChangePassword = allowUsersToChangePassword
        self.maxPasswordAge = maxPasswordAge
        self.passwordReusePrevention = passwordReusePrevention
        self.hardExpiry = hardExpiry
    }

    /// Derived, as in AWS: passwords expire when a maximum age is set.
    public var expirePasswords: Bool { maxPasswordAge > 0 }
}
