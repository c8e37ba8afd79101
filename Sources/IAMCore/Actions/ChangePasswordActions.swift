/// ChangePassword request: the calling user's current password and the new one.
public struct ChangePasswordRequest: Codable, Sendable {
    public var oldPassword: String
    public var newPassword: String
    public init(oldPassword: String, newPassword: String) {
        self.oldPassword = oldPassword
        self.newPassword = newPassword
    }
}

extension IAMService {
    /// Changes the calling IAM user's own console password.
    ///
    /// Allowed when the password policy has AllowUsersToChangePassword (which grants
    /// iam:ChangePassword on the user's own ARN without a policy; an explicit Deny still refuses) or
    /// when a policy allows iam:ChangePassword, e.g. the AWS managed IAMUserChangePassword. AWS's
    /// API reference says HardExpiry only stops the console's change step: a user with
    /// iam:ChangePassword and access keys can still renew an expired password through the API, so
    /// this action does not refuse an expired password.
    public mutating func changePassword(
        _ request: ChangePasswordRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        try recorded("ChangePassword", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleChangePassword(request, as: principal)
        }
    }

    private mutating func handleChangePassword(
        _ request: ChangePasswordRequest, as principal: Principal
    ) throws(IAMError)
        -> EmptyResponse
    {
        guard let userName = principal.ownUserName else {
            throw IAMError(.invalidUserType, "ChangePassword can only be called by an IAM user, not by \(principal).")
        }
        try changeOwnPassword(userName, old: request.oldPassword, new: request.newPassword, as: principal)
        return EmptyResponse()
    }

    /// The checks and change shared by ChangePassword and the console sign-in's change step.
    mutating func changeOwnPassword(
        _ userName: String, old oldPassword: String, new newPassword: String, as principal: Principal
    ) throws(IAMError) {
        let user = try existingUser(userName)
        let arn = account.arn(of: user)
        let selfService = account.passwordPolicy?.allowUsersToChangePassword == true
        try authorize(principal, "ChangePassword", arn, grantedByAccount: selfService)
        try PasswordRules.checkParameter(oldPassword, field: "oldPassword")
        guard let profile = user.loginProfile else { throw Self.noLoginProfile(user.name) }
        guard PasswordHasher.verify(oldPassword, against: profile.passwordHash) else {
            throw IAMError(.invalidInput, "The old password is incorrect.")
        }
        let hash = try hashNewPassword(newPassword, field: "newPassword", replacing: profile)
        var updated = profile.replacingPassword(with: hash, at: clock.now())
        updated.passwordResetRequired = false
        account.users[Account.key(user.name)]?.loginProfile = updated
        committed(principal, "ChangePassword", arn)
    }
}
