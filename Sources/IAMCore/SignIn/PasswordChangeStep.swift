extension ConsoleSession {
    /// Sets `passwordChange`, `passwordResetRequired` and `passwordExpiresAt` from the user's login
    /// profile under `policy` at `now`.
    mutating func notePasswordState(_ profile: LoginProfile, policy: PasswordPolicy?, at now: Timestamp) {
        passwordResetRequired = profile.passwordResetRequired
        passwordExpiresAt = profile.expiry(under: policy)
        if profile.passwordResetRequired {
            passwordChange = .resetRequired
        } else if profile.isExpired(at: now, under: policy) {
            passwordChange = .expired
        } else {
            passwordChange = nil
        }
    }
}

extension IAMService {
    /// The change-password step of a console sign-in, for a session whose `mustChangePassword` is
    /// true (it also works for any IAM user's session, as the console's "change my password").
    ///
    /// How the console uses it:
    /// 1. `signIn` (and `completeSignIn` after MFA) answer `.signedIn(session)`. Root sessions never
    ///    need this step: the IAM password policy does not apply to the root user. A user whose
    ///    password expired under a policy with HardExpiry gets `.rejected` instead, with
    ///    `ConsoleSignIn.hardExpiredMessage`, and no session.
    /// 2. If `session.mustChangePassword`, show only a change-password form (old password, new
    ///    password, confirmation) with `session.passwordChange?.message`, and make no other request
    ///    for the session until this succeeds. The form can list the rules from
    ///    `account.passwordPolicy` (or `PasswordRules.defaultPolicyDescription` when it is nil).
    /// 3. Compare the new password with its confirmation yourself, then call this with the session.
    ///    On success it returns the session to use from now on (`mustChangePassword` false); set it
    ///    as `IAMService.session` and save the workspace (`revision` went up; the change is in the
    ///    audit trail as `iam:ChangePassword`).
    /// 4. On failure it throws AWS's error and changes nothing: `PasswordPolicyViolation` (the
    ///    message names the rule, e.g. "Password should have at least one uppercase letter", or
    ///    reuse), `InvalidInput` for a wrong old password, `ValidationError` for a password the API
    ///    refuses (over 128 characters or outside U+0009/U+000A/U+000D/U+0020–U+00FF),
    ///    `AccessDenied` when the user may not change their password (neither the policy's
    ///    AllowUsersToChangePassword nor a policy granting iam:ChangePassword, e.g. the AWS managed
    ///    IAMUserChangePassword) or when it has expired under HardExpiry. Show the message and let
    ///    the user try again, or sign out.
    public mutating func completePasswordChange(
        _ session: ConsoleSession, oldPassword: String, newPassword: String
    ) throws(IAMError) -> ConsoleSession {
        // Recorded as the session's ChangePassword request, with the session's MFA facts.
        let previous = self.session
        self.session = session
        defer { self.session = previous }
        return try recorded("ChangePassword", nil, session.principal) {
            (service: inout IAMService) throws(IAMError) -> ConsoleSession in
            try service.handlePasswordChange(session, oldPassword: oldPassword, newPassword: newPassword)
        }
    }

    private mutating func handlePasswordChange(
        _ session: ConsoleSession, oldPassword: String, newPassword: String
    ) throws(IAMError) -> ConsoleSession {
        guard let userName = session.principal.ownUserName else {
            throw IAMError(.invalidUserType, "Only an IAM user's password is changed at sign-in.")
        }
        let now = clock.now()
        if let profile = account.user(named: userName)?.loginProfile, let policy = account.passwordPolicy,
            policy.hardExpiry, profile.isExpired(at: now, under: policy)
        {
            throw IAMError(.accessDenied, ConsoleSignIn.hardExpiredMessage)
        }
        // The request belongs to the session, so its MFA facts reach policy conditions.
        let previous = self.session
        self.session = session
        defer { self.session = previous }
        try changeOwnPassword(userName, old: oldPassword, new: newPassword, as: session.principal)
        var renewed = session
        if let profile = account.user(named: userName)?.loginProfile {
            renewed.notePasswordState(profile, policy: account.passwordPolicy, at: now)
        }
        return renewed
    }
}
