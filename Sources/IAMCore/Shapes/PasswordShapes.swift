/// The account password policy as GetAccountPasswordPolicy returns it, in AWS's member order.
///
/// AWS leaves out the members that were never set: `MaxPasswordAge` and
/// `PasswordReusePrevention` when they are 0, and `HardExpiry` when it is false.
public struct PasswordPolicyShape: Codable, Sendable, Equatable {
    public var minimumPasswordLength: Int
    public var requireSymbols: Bool
    public var requireNumbers: Bool
    public var requireUppercaseCharacters: Bool
    public var requireLowercaseCharacters: Bool
    public var allowUsersToChangePassword: Bool
    public var expirePasswords: Bool
    public var maxPasswordAge: Int?
    public var passwordReusePrevention: Int?
    public var hardExpiry: Bool?

    public init(_ policy: PasswordPolicy) {
        minimumPasswordLength = policy.minimumPasswordLength
        requireSymbols = policy.requireSymbols
        requireNumbers = policy.requireNumbers
        requireUppercaseCharacters = policy.requireUppercaseCharacters
        requireLowercaseCharacters = policy.requireLowercaseCharacters
        allowUsersToChangePassword = policy.allowUsersToChangePassword
        expirePasswords = policy.expirePasswords
        maxPasswordAge = policy.maxPasswordAge > 0 ? policy.maxPasswordAge : nil
        passwordReusePrevention = policy.passwordReusePrevention > 0 ? policy.passwordReusePrevention : nil
        hardExpiry = policy.hardExpiry ? true : nil
    }
}

/// A login profile as CreateLoginProfile and GetLoginProfile return it (never the password).
public struct LoginProfileShape: Codable, Sendable, Equatable {
    public var userName: String
    public var createDate: Timestamp
    public var passwordResetRequired: Bool
}
