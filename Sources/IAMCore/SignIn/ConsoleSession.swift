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

    public init(
        principal: Principal, signedInAt: Timestamp, mfaSerialNumber: String? = nil,
        mfaAuthenticatedAt: Timestamp? = nil, passwordResetRequired: Bool = false
    ) {
        self.principal = principal
        self.signedInAt = signedInAt
        self.mfaSerialNumber = mfaSerialNumber
        self.mfaAuthenticatedAt = mfaAuthenticatedAt
        self.passwordResetRequired = passwordResetRequired
    }

    /// The context keys AWS adds to a console session's requests at `now`: console sessions use
    /// temporary credentials, so `aws:MultiFactorAuthPresent` is always there (`false` without
    /// MFA), and `aws:MultiFactorAuthAge` only after an MFA sign-in.
    public func contextKeys(at now: Timestamp) -> [String: [String]] {
        guard let verified = mfaAuthenticatedAt else { return ["aws:MultiFactorAuthPresent": ["false"]] }
        return [
            "aws:MultiFactorAuthPresent": ["true"],
            "aws:MultiFactorAuthAge": [String(max(0, now.seconds - verified.seconds))],
        ]
    }
}
