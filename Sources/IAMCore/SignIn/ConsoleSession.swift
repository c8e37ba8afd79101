/// A signed-in console session: who, since when, and whether (and when) MFA was used.
///
/// Set it as `IAMService.session` on every service that acts for the session, so that each
/// request carries `aws:MultiFactorAuthPresent` and, after an MFA sign-in,
/// `aws:MultiFactorAuthAge` counted up to that request.
public struct ConsoleSession: Sendable, Equatable {
    public var principal: Principal
    public var signedInAt: Timestamp
    /// The device used for the second factor, if any.
    public var mfaSerialNumber: String?
    /// When the second factor was verified, if it was.
    public var mfaAuthenticatedAt: Timestamp?
    /// The user's password was set by an administrator who asked for a new one at first sign-in.
    public var passwordResetRequired: Bool
    /// Why the user must choose a new password before using the console, or nil when they need not.
    /// While it is set the console shows only the change-password step; see
    /// `IAMService.completePasswordChange(_:oldPassword:newPassword:)`.
    public var passwordChange: PasswordChangeReason?
    /// When the user's password expires under the account's password policy, if it ever does
    /// (for a warning before it happens); nil for root, whose password the policy does not cover.
    public var passwordExpiresAt: Timestamp?
    /// When the session's credentials stop working (a switched role's hour, temporary credentials'
    /// expiration); requests after it fail with `ExpiredToken`. Nil for a sign-in session.
    public var expiresAt: Timestamp?
    /// The inline session policy of an assumed role's session: requests must also satisfy it.
    public var sessionPolicy: String?
    /// Session tags, which override the role's tags as `aws:PrincipalTag/…`.
    public var sessionTags: [Tag] = []

    public init(
        principal: Principal, signedInAt: Timestamp, mfaSerialNumber: String? = nil,
        mfaAuthenticatedAt: Timestamp? = nil, passwordResetRequired: Bool = false,
        passwordChange: PasswordChangeReason? = nil, passwordExpiresAt: Timestamp? = nil
    ) {
        self.principal = principal
        self.signedInAt = signedInAt
        self.mfaSerialNumber = mfaSerialNumber
        self.mfaAuthenticatedAt = mfaAuthenticatedAt
        self.passwordResetRequired = passwordResetRequired
        self.passwordChange = passwordChange ?? (passwordResetRequired ? .resetRequired : nil)
        self.passwordExpiresAt = passwordExpiresAt
    }

    /// Whether the console must ask for a new password before anything else.
    public var mustChangePassword: Bool { passwordChange != nil }

    /// The context keys AWS adds to a console session's requests at `now`: console sessions use
    /// temporary credentials, so `aws:MultiFactorAuthPresent` is always there (`false` without
    /// MFA), and `aws:MultiFactorAuthAge` only after an MFA sign-in.
    /// Session tags are added as `aws:PrincipalTag/…`.
    public func contextKeys(at now: Timestamp) -> [String: [String]] {
        var keys: [String: [String]] = ["aws:MultiFactorAuthPresent": ["false"]]
        if let verified = mfaAuthenticatedAt {
            keys["aws:MultiFactorAuthPresent"] = ["true"]
            keys["aws:MultiFactorAuthAge"] = [String(max(0, now.seconds - verified.seconds))]
        }
        for tag in sessionTags { keys["aws:PrincipalTag/\(tag.key)"] = [tag.value] }
        return keys
    }

    /// Whether the session's credentials have expired at `now`.
    public func isExpired(at now: Timestamp) -> Bool { expiresAt.map { now >= $0 } ?? false }
}

/// Why a signed-in user has to choose a new password first.
public enum PasswordChangeReason: String, Sendable, Equatable {
    /// An administrator set the password with PasswordResetRequired.
    case resetRequired
    /// The password is older than the policy's MaxPasswordAge (and HardExpiry is off; with it on,
    /// sign-in is refused instead).
    case expired

    /// What the change-password step tells the user.
    public var message: String {
        switch self {
        case .resetRequired: return "Your administrator requires you to choose a new password."
        case .expired: return "Your password has expired. Choose a new password."
        }
    }
}
