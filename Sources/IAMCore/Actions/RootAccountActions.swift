/// UpdateAccountName request (root only).
public struct UpdateAccountNameRequest: Codable, Sendable {
    public var accountName: String
    public init(accountName: String) { self.accountName = accountName }
}

/// UpdateRootEmail request (root only).
public struct UpdateRootEmailRequest: Codable, Sendable {
    public var emailAddress: String
    public init(emailAddress: String) { self.emailAddress = emailAddress }
}

/// ChangeRootPassword request (root only): the current password and the new one.
public struct ChangeRootPasswordRequest: Codable, Sendable {
    public var oldPassword: String
    public var newPassword: String
    public init(oldPassword: String, newPassword: String) {
        self.oldPassword = oldPassword
        self.newPassword = newPassword
    }
}

extension IAMService {
    /// Renames the account. Only the root user can change account settings.
    public mutating func updateAccountName(
        _ request: UpdateAccountNameRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("UpdateAccountName", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateAccountName(request, as: principal)
        }
    }

    private mutating func handleUpdateAccountName(
        _ request: UpdateAccountNameRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try authorize(principal, "UpdateAccountName", account.rootARN, rootOnly: principal != .root)
        try NameRules.checkLength(request.accountName, field: "accountName", min: 1, max: 50)
        account.name = request.accountName
        committed(principal, "UpdateAccountName", account.rootARN)
        return EmptyResponse()
    }

    /// Changes the root user's email address (its sign-in name). Root only.
    public mutating func updateRootEmail(
        _ request: UpdateRootEmailRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("UpdateRootEmail", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateRootEmail(request, as: principal)
        }
    }

    private mutating func handleUpdateRootEmail(
        _ request: UpdateRootEmailRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try authorize(principal, "UpdateRootEmail", account.rootARN, rootOnly: principal != .root)
        try Self.checkEmail(request.emailAddress)
        account.root.email = request.emailAddress
        committed(principal, "UpdateRootEmail", account.rootARN)
        return EmptyResponse()
    }

    /// Changes the root password after checking the current one. Root only; the password policy does
    /// not apply to root, but AWS's own minimum (8 characters, 3 character classes) does.
    public mutating func changeRootPassword(
        _ request: ChangeRootPasswordRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try recorded("ChangeRootPassword", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleChangeRootPassword(request, as: principal)
        }
    }

    private mutating func handleChangeRootPassword(
        _ request: ChangeRootPasswordRequest, as principal: Principal
    )
        throws(IAMError) -> EmptyResponse
    {
        try authorize(principal, "ChangeRootPassword", account.rootARN, rootOnly: principal != .root)
        guard PasswordHasher.verify(request.oldPassword, against: account.root.passwordHash) else {
            throw IAMError(.invalidInput, "The old password is incorrect.")
        }
        try Self.checkRootPassword(request.newPassword)
        account.root.passwordHash = PasswordHasher.hash(
            request.newPassword, random: random, iterations: passwordHashIterations)
        account.root.passwordLastChanged = clock.now()
        committed(principal, "ChangeRootPassword", account.rootARN)
        return EmptyResponse()
    }

    /// A plausible email address: one `@`, a dot in the domain, no white space.
    public static func checkEmail(_ email: String) throws(IAMError) {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !email.contains(where: \.isWhitespace), email.count <= 254
        else { throw IAMError(.invalidInput, "The email address \(email) is not valid.") }
    }

    /// The root password rule: 8–128 characters from at least three of the four classes.
    public static func checkRootPassword(_ password: String) throws(IAMError) {
        let classes = [
            password.contains(where: \.isUppercase), password.contains(where: \.isLowercase),
            password.contains(where: \.isNumber),
            password.contains(where: { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }),
        ].filter { $0 }.count
        guard (8...128).contains(password.count), classes >= 3 else {
            throw IAMError(
                .passwordPolicyViolation,
                "Password must be 8 to 128 characters long and include at least three of: uppercase letters, "
                    + "lowercase letters, numbers, and symbols.")
        }
    }
}
