/// CreateLoginProfile request: a console password for a user (default: the calling user).
public struct CreateLoginProfileRequest: Codable, Sendable {
    public var userName: String?
    public var password: String?
    public var passwordResetRequired: Bool?
    public init(userName: String? = nil, password: String? = nil, passwordResetRequired: Bool? = nil) {
        self.userName = userName
        self.password = password
        self.passwordResetRequired = passwordResetRequired
    }
}

/// UpdateLoginProfile request: a new password, the reset flag, or both.
public struct UpdateLoginProfileRequest: Codable, Sendable {
    public var userName: String?
    public var password: String?
    public var passwordResetRequired: Bool?
    public init(userName: String? = nil, password: String? = nil, passwordResetRequired: Bool? = nil) {
        self.userName = userName
        self.password = password
        self.passwordResetRequired = passwordResetRequired
    }
}

/// GetLoginProfile / DeleteLoginProfile request (default: the calling user).
public struct LoginProfileRequest: Codable, Sendable {
    public var userName: String?
    public init(userName: String? = nil) { self.userName = userName }
}

/// CreateLoginProfile and GetLoginProfile response.
public struct LoginProfileResponse: Codable, Sendable, Equatable {
    public var loginProfile: LoginProfileShape
}

extension IAMService {
    static func noLoginProfile(_ userName: String) -> IAMError {
        .noSuchEntity("Login Profile for User \(userName) cannot be found.")
    }

    /// The user a login-profile request addresses: the named one, or the calling IAM user.
    func loginProfileOwner(_ userName: String?, _ principal: Principal) throws(IAMError) -> User {
        guard let name = userName ?? principal.ownUserName else {
            throw NameRules.validationError("null", "userName", "Member must not be null")
        }
        try NameRules.checkName(name, field: "userName", max: 128)
        return try existingUser(name)
    }

    /// The hash of a new password for `profile` (nil: a new profile), after every check a password
    /// goes through: the API constraints, the password policy, and reuse prevention.
    func hashNewPassword(
        _ password: String, field: String, replacing profile: LoginProfile?
    ) throws(IAMError)
        -> String
    {
        try PasswordRules.checkParameter(password, field: field)
        try PasswordRules.checkPolicy(password, in: account)
        if let profile, PasswordRules.isReused(password, profile: profile, policy: account.passwordPolicy) {
            throw IAMError(.passwordPolicyViolation, PasswordRules.reuseMessage(account.passwordPolicy))
        }
        return PasswordHasher.hash(password, random: random, iterations: passwordHashIterations)
    }

    /// Gives a user a console password (one login profile per user).
    public mutating func createLoginProfile(
        _ request: CreateLoginProfileRequest, as principal: Principal
    ) throws(IAMError) -> LoginProfileResponse {
        try recorded("CreateLoginProfile", request, principal) {
            (service: inout IAMService) throws(IAMError) -> LoginProfileResponse in
            try service.handleCreateLoginProfile(request, as: principal)
        }
    }

    private mutating func handleCreateLoginProfile(
        _ request: CreateLoginProfileRequest, as principal: Principal
    ) throws(IAMError) -> LoginProfileResponse {
        let user = try loginProfileOwner(request.userName, principal)
        let arn = account.arn(of: user)
        try authorize(principal, "CreateLoginProfile", arn)
        guard user.loginProfile == nil else {
            throw IAMError(.entityAlreadyExists, "Login Profile for user \(user.name) already exists.")
        }
        guard let password = request.password else {
            throw NameRules.validationError("null", "password", "Member must not be null")
        }
        let hash = try hashNewPassword(password, field: "password", replacing: nil)
        let now = clock.now()
        let profile = LoginProfile(
            createDate: now, passwordHash: hash, passwordResetRequired: request.passwordResetRequired ?? false)
        account.users[Account.key(user.name)]?.loginProfile = profile
        committed(principal, "CreateLoginProfile", arn)
        return LoginProfileResponse(loginProfile: shape(of: profile, userName: user.name))
    }

    /// Describes a user's login profile (never the password).
    public func getLoginProfile(
        _ request: LoginProfileRequest, as principal: Principal
    ) throws(IAMError)
        -> LoginProfileResponse
    {
        try recorded("GetLoginProfile", request, principal) { () throws(IAMError) -> LoginProfileResponse in
            try handleGetLoginProfile(request, as: principal)
        }
    }

    private func handleGetLoginProfile(
        _ request: LoginProfileRequest, as principal: Principal
    ) throws(IAMError)
        -> LoginProfileResponse
    {
        let user = try loginProfileOwner(request.userName, principal)
        try authorize(principal, "GetLoginProfile", account.arn(of: user))
        guard let profile = user.loginProfile else { throw Self.noLoginProfile(user.name) }
        return LoginProfileResponse(loginProfile: shape(of: profile, userName: user.name))
    }

    /// An administrator's change: a new password (checked like any other, and dated now, so an
    /// expired password works again), and whether the user must change it at the next sign-in.
    public mutating func updateLoginProfile(
        _ request: UpdateLoginProfileRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("UpdateLoginProfile", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateLoginProfile(request, as: principal)
        }
    }

    private mutating func handleUpdateLoginProfile(
        _ request: UpdateLoginProfileRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        let user = try loginProfileOwner(request.userName, principal)
        let arn = account.arn(of: user)
        try authorize(principal, "UpdateLoginProfile", arn)
        guard var profile = user.loginProfile else { throw Self.noLoginProfile(user.name) }
        if let password = request.password {
            let hash = try hashNewPassword(password, field: "password", replacing: profile)
            profile = profile.replacingPassword(with: hash, at: clock.now())
        }
        if let resetRequired = request.passwordResetRequired { profile.passwordResetRequired = resetRequired }
        account.users[Account.key(user.name)]?.loginProfile = profile
        committed(principal, "UpdateLoginProfile", arn)
        return EmptyResponse()
    }

    /// Removes a user's console password; the user can no longer sign in to the console.
    public mutating func deleteLoginProfile(
        _ request: LoginProfileRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteLoginProfile", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteLoginProfile(request, as: principal)
        }
    }

    private mutating func handleDeleteLoginProfile(
        _ request: LoginProfileRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        let user = try loginProfileOwner(request.userName, principal)
        let arn = account.arn(of: user)
        try authorize(principal, "DeleteLoginProfile", arn)
        guard user.loginProfile != nil else { throw Self.noLoginProfile(user.name) }
        account.users[Account.key(user.name)]?.loginProfile = nil
        committed(principal, "DeleteLoginProfile", arn)
        return EmptyResponse()
    }

    func shape(of profile: LoginProfile, userName: String) -> LoginProfileShape {
        LoginProfileShape(
            userName: userName, createDate: profile.createDate, passwordResetRequired: profile.passwordResetRequired)
    }
}
