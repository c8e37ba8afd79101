/// UpdateAccountPasswordPolicy request. Every member is optional, and a member left out takes its
/// default (AWS: "This operation does not support partial updates").
public struct UpdateAccountPasswordPolicyRequest: Codable, Sendable {
    public var minimumPasswordLength: Int?
    public var requireSymbols: Bool?
    public var requireNumbers: Bool?
    public var requireUppercaseCharacters: Bool?
    public var requireLowercaseCharacters: Bool?
    public var allowUsersToChangePassword: Bool?
    public var maxPasswordAge: Int?
    public var passwordReusePrevention: Int?
    public var hardExpiry: Bool?

    public init(
        minimumPasswordLength: Int? = nil, requireSymbols: Bool? = nil, requireNumbers: Bool? = nil,
        requireUppercaseCharacters: Bool? = nil, requireLowercaseCharacters: Bool? = nil,
        allowUsersToChangePassword: Bool? = nil, maxPasswordAge: Int? = nil, passwordReusePrevention: Int? = nil,
        hardExpiry: Bool? = nil
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

    /// The policy this request sets: what it gives, defaults for the rest.
    var policy: PasswordPolicy {
        PasswordPolicy(
            minimumPasswordLength: minimumPasswordLength ?? 6, requireSymbols: requireSymbols ?? false,
            requireNumbers: requireNumbers ?? false, requireUppercaseCharacters: requireUppercaseCharacters ?? false,
            requireLowercaseCharacters: requireLowercaseCharacters ?? false,
            allowUsersToChangePassword: allowUsersToChangePassword ?? false, maxPasswordAge: maxPasswordAge ?? 0,
            passwordReusePrevention: passwordReusePrevention ?? 0, hardExpiry: hardExpiry ?? false)
    }

    /// The API's ranges, each violation worded as AWS words it, all of them in one message.
    func check() throws(IAMError) {
        var problems: [String] = []
        func range(_ value: Int?, _ field: String, _ bounds: ClosedRange<Int>) {
            guard let value, !bounds.contains(value) else { return }
            let constraint =
                value < bounds.lowerBound
                ? "Member must have value greater than or equal to \(bounds.lowerBound)"
                : "Member must have value less than or equal to \(bounds.upperBound)"
            problems.append("Value '\(value)' at '\(field)' failed to satisfy constraint: \(constraint)")
        }
        range(minimumPasswordLength, "minimumPasswordLength", 6...128)
        range(maxPasswordAge, "maxPasswordAge", 1...1095)
        range(passwordReusePrevention, "passwordReusePrevention", 1...24)
        guard !problems.isEmpty else { return }
        let count = problems.count == 1 ? "1 validation error" : "\(problems.count) validation errors"
        throw IAMError(.validationError, "\(count) detected: " + problems.joined(separator: "; "))
    }
}

/// GetAccountPasswordPolicy response.
public struct GetAccountPasswordPolicyResponse: Codable, Sendable, Equatable {
    public var passwordPolicy: PasswordPolicyShape
}

extension IAMService {
    /// AWS's answer when the account has no custom policy (the default policy applies then).
    func noPasswordPolicy() -> IAMError {
        .noSuchEntity("The Password Policy with domain name \(account.id) cannot be found.")
    }

    /// Sets the account password policy, replacing the whole of it. Length and complexity rules
    /// apply to the next password set; an expiry applies at once to every password.
    public mutating func updateAccountPasswordPolicy(
        _ request: UpdateAccountPasswordPolicyRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("UpdateAccountPasswordPolicy", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUpdateAccountPasswordPolicy(request, as: principal)
        }
    }

    private mutating func handleUpdateAccountPasswordPolicy(
        _ request: UpdateAccountPasswordPolicyRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try authorize(principal, "UpdateAccountPasswordPolicy", "*")
        try request.check()
        account.passwordPolicy = request.policy
        committed(principal, "UpdateAccountPasswordPolicy", "*")
        return EmptyResponse()
    }

    /// The custom password policy, or NoSuchEntity while AWS's default policy applies. Users may
    /// read it without a policy when the password policy lets them change their own password.
    public func getAccountPasswordPolicy(as principal: Principal) throws(IAMError) -> GetAccountPasswordPolicyResponse {
        try recorded("GetAccountPasswordPolicy", nil, principal) {
            () throws(IAMError) -> GetAccountPasswordPolicyResponse in try handleGetAccountPasswordPolicy(as: principal)
        }
    }

    private func handleGetAccountPasswordPolicy(
        as principal: Principal
    ) throws(IAMError) -> GetAccountPasswordPolicyResponse {
        let selfService = principal.ownUserName != nil && account.passwordPolicy?.allowUsersToChangePassword == true
        try authorize(principal, "GetAccountPasswordPolicy", "*", grantedByAccount: selfService)
        guard let policy = account.passwordPolicy else { throw noPasswordPolicy() }
        return GetAccountPasswordPolicyResponse(passwordPolicy: PasswordPolicyShape(policy))
    }

    /// Removes the custom password policy, so AWS's default policy applies again.
    public mutating func deleteAccountPasswordPolicy(as principal: Principal) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteAccountPasswordPolicy", nil, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteAccountPasswordPolicy(as: principal)
        }
    }

    private mutating func handleDeleteAccountPasswordPolicy(as principal: Principal) throws(IAMError) -> EmptyResponse {
        try authorize(principal, "DeleteAccountPasswordPolicy", "*")
        guard account.passwordPolicy != nil else { throw noPasswordPolicy() }
        account.passwordPolicy = nil
        committed(principal, "DeleteAccountPasswordPolicy", "*")
        return EmptyResponse()
    }
}
