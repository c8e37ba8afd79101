/// The checks every IAM user password goes through when it is set (CreateLoginProfile,
/// UpdateLoginProfile, ChangePassword, and the change step of a console sign-in): first the API's
/// own parameter constraints, then the account password policy (or AWS's default policy when
/// none is set), then reuse prevention. The root user is not subject to any of this.
public enum PasswordRules {
    /// The API limit on a password parameter (`passwordType`).
    public static let maximumLength = 128
    /// How many earlier password hashes a login profile keeps: the largest PasswordReusePrevention.
    public static let historyLimit = 24
    /// The characters that count as symbols for `RequireSymbols` and for the default policy.
    public static let symbols: Set<Unicode.Scalar> = Set("!@#$%^&*()_+-=[]{}|'".unicodeScalars)

    /// The rules AWS applies when the account has no custom password policy, in its words.
    public static let defaultPolicyDescription = [
        "Minimum password length of 8 characters and a maximum length of 128 characters",
        "Minimum of three of the following mix of character types: uppercase, lowercase, numbers, and "
            + "! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' symbols",
        "Must not be identical to your AWS account name or email address",
    ]

    /// The API's constraints on a password parameter: 1–128 characters of
    /// `[\u0009\u000A\u000D\u0020-\u00FF]`. AWS does not echo sensitive values in its validation
    /// messages, and neither does this; a huge value is refused after looking at its first bytes.
    public static func checkParameter(_ password: String, field: String) throws(IAMError) {
        // Every allowed character takes at most two UTF-8 bytes, so a longer byte count is too long
        // without counting characters.
        let tooLong =
            password.utf8.count > 2 * maximumLength || password.unicodeScalars.count > maximumLength
        if tooLong { throw violation(field, "Member must have length less than or equal to \(maximumLength)") }
        if password.isEmpty { throw violation(field, "Member must have length greater than or equal to 1") }
        let allowed = password.unicodeScalars.allSatisfy { scalar in
            scalar == "\t" || scalar == "\n" || scalar == "\r" || (0x20...0xFF).contains(scalar.value)
        }
        guard allowed else {
            throw violation(
                field, "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+")
        }
    }

    private static func violation(_ field: String, _ constraint: String) -> IAMError {
        IAMError(
            .validationError,
            "1 validation error detected: Value at '\(field)' failed to satisfy constraint: \(constraint)")
    }

    /// What a password lacks under `policy` (nil: AWS's default policy), as AWS words it, or nil
    /// when it complies.
    public static func violation(of password: String, policy: PasswordPolicy?, account: Account) -> String? {
        let scalars = password.unicodeScalars
        let upper = scalars.contains { ("A"..."Z").contains($0) }
        let lower = scalars.contains { ("a"..."z").contains($0) }
        let number = scalars.contains { ("0"..."9").contains($0) }
        let symbol = scalars.contains { symbols.contains($0) }
        guard let policy else {
            if scalars.count < 8 { return "Password should have a minimum length of 8" }
            var missing: [String] = []
            if !upper { missing.append("Password should have at least one uppercase letter") }
            if !lower { missing.append("Password should have at least one lowercase letter") }
            if !number { missing.append("Password should have at least one number") }
            if !symbol { missing.append("Password should have at least one symbol") }
            if missing.count > 1 {
                return "Password should meet \(missing.count - 1) more of the following requirements: "
                    + missing.joined(separator: ", ")
            }
            // Email addresses are compared as addresses are, without regard to case.
            if password == account.name || password.lowercased() == account.root.email.lowercased() {
                return "Password should not be identical to the AWS account name or email address"
            }
            return nil
        }
        var failures: [String] = []
        if scalars.count < policy.minimumPasswordLength {
            failures.append("Password should have a minimum length of \(policy.minimumPasswordLength)")
        }
        if policy.requireUppercaseCharacters, !upper {
            failures.append("Password should have at least one uppercase letter")
        }
        if policy.requireLowercaseCharacters, !lower {
            failures.append("Password should have at least one lowercase letter")
        }
        if policy.requireNumbers, !number { failures.append("Password should have at least one number") }
        if policy.requireSymbols, !symbol { failures.append("Password should have at least one symbol") }
        return failures.isEmpty ? nil : failures.joined(separator: ", ")
    }

    /// Throws `PasswordPolicyViolation` when the password breaks the account's policy.
    public static func checkPolicy(_ password: String, in account: Account) throws(IAMError) {
        if let message = violation(of: password, policy: account.passwordPolicy, account: account) {
            throw IAMError(.passwordPolicyViolation, message)
        }
    }

    /// Whether `password` is one of the last `policy.passwordReusePrevention` passwords of the
    /// profile, the current one included. Each check is a full KDF run, so this costs up to 24 of them.
    static func isReused(_ password: String, profile: LoginProfile, policy: PasswordPolicy?) -> Bool {
        let remembered = policy?.passwordReusePrevention ?? 0
        guard remembered > 0 else { return false }
        let recent = ([profile.passwordHash] + profile.previousPasswordHashes).prefix(remembered)
        // Check every remembered hash, so the time taken does not reveal which one matched.
        return recent.reduce(false) { found, hash in PasswordHasher.verify(password, against: hash) || found }
    }

    static func reuseMessage(_ policy: PasswordPolicy?) -> String {
        let count = policy?.passwordReusePrevention ?? 0
        return count == 1
            ? "Password should not be the same as the current password"
            : "Password should not be any of the last \(count) passwords"
    }
}

extension LoginProfile {
    /// When the password expires under `policy`, or nil when passwords never expire.
    public func expiry(under policy: PasswordPolicy?) -> Timestamp? {
        guard let days = policy?.maxPasswordAge, days > 0 else { return nil }
        return passwordLastChanged.adding(seconds: Int64(days) * 86_400)
    }

    /// Whether the password has expired at `now` under `policy` (it expires at the end of its last day).
    public func isExpired(at now: Timestamp, under policy: PasswordPolicy?) -> Bool {
        guard let expiry = expiry(under: policy) else { return false }
        return now >= expiry
    }

    /// This profile with `hash` as its password, set at `now`; the old hash joins the history,
    /// which keeps the newest `PasswordRules.historyLimit`.
    func replacingPassword(with hash: String, at now: Timestamp) -> LoginProfile {
        var profile = self
        profile.previousPasswordHashes.insert(passwordHash, at: 0)
        profile.previousPasswordHashes = Array(profile.previousPasswordHashes.prefix(PasswordRules.historyLimit))
        profile.passwordHash = hash
        profile.passwordLastChanged = now
        return profile
    }
}
