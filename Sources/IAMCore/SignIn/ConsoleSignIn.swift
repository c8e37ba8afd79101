import Crypto
import Foundation

/// Who is signing in to the console, as typed on the sign-in form.
public enum SignInIdentity: Sendable, Equatable {
    /// The root user, by the account's email address.
    case root(email: String)
    /// An IAM user, by account id or alias and user name.
    case user(account: String, userName: String)
}

/// The second step of a sign-in whose password was right and whose identity has MFA devices.
public struct MFAChallenge: Sendable, Equatable {
    /// A device the identity can answer with.
    public struct Device: Sendable, Equatable {
        public var serialNumber: String
        public var type: MFADeviceType
        /// The last part of the serial number: the device or key name (or the token's serial).
        public var name: String
    }

    public let accountId: String
    public let principal: Principal
    /// The identity's devices, in the order they were enabled; any one of them is enough.
    public let devices: [Device]
    /// A fresh random value a security key signs, so an assertion cannot be replayed.
    public let nonce: String
    public let issuedAt: Timestamp
}

/// An answer to an `MFAChallenge`.
public enum MFAResponse: Sendable, Equatable {
    /// A code from a virtual or hardware device; without a serial number every such device of the
    /// identity is tried.
    case code(String, serialNumber: String? = nil)
    /// A security key's assertion.
    case securityKey(SecurityKeyAssertion)
}

/// A security key's answer to a challenge.
///
/// This is a simulation, not WebAuthn: there is no authenticator and no public-key signature.
/// The "signature" is HMAC-SHA256 keyed with the registered credential id over the challenge's
/// nonce and account id, which is what `simulated(credentialId:challenge:)` computes when the
/// console stands in for a touch of the key. It proves only that the answer names a key
/// registered to the identity and belongs to this challenge; anyone who can read the workspace
/// can make one.
public struct SecurityKeyAssertion: Sendable, Equatable {
    public var credentialId: String
    public var signature: String

    public init(credentialId: String, signature: String) {
        self.credentialId = credentialId
        self.signature = signature
    }

    /// The assertion a key with `credentialId` would give for `challenge` (see the type's note).
    public static func simulated(credentialId: String, challenge: MFAChallenge) -> SecurityKeyAssertion {
        SecurityKeyAssertion(
            credentialId: credentialId,
            signature: expectedSignature(
                credentialId: credentialId, nonce: challenge.nonce, account: challenge.accountId))
    }

    static func expectedSignature(credentialId: String, nonce: String, account: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data((nonce + "|" + account).utf8), using: SymmetricKey(data: Data(credentialId.utf8)))
        return Data(mac).base64EncodedString()
    }
}

/// Where a sign-in attempt led.
public enum SignInResult: Sendable, Equatable {
    /// Signed in: set the session on the services that act for it.
    case signedIn(ConsoleSession)
    /// The password was right; answer the challenge with `completeSignIn`.
    case mfaRequired(MFAChallenge)
    /// Refused, with the message to show (it never tells which part was wrong).
    case rejected(String)
    /// Too many recent failures for this identity: nothing was checked; try again at `retryAfter`.
    case throttled(retryAfter: Timestamp)
}

/// Console sign-in: the checks AWS's sign-in page makes, as IAMCore functions the console calls.
///
/// Every checked attempt is kept in the account's `auditTrail` as a `signin:ConsoleLogin` event of
/// the identity's ARN (the root ARN, or the user's, also for a user name that does not exist), with
/// the outcome `Success`, `Failed authentication` (password) or `InvalidAuthenticationCode`
/// (second factor). Those events are kept even when `recordsAudit` is off, because the throttle
/// counts failures from them; the audit recorder also gets a CloudTrail `ConsoleLogin` record.
public enum ConsoleSignIn {
    public static let auditAction = "signin:ConsoleLogin"
    public static let success = "Success"
    public static let passwordFailure = "Failed authentication"
    public static let codeFailure = "InvalidAuthenticationCode"
    /// AWS's wording for wrong credentials.
    public static let failureMessage = "Your authentication information is incorrect. Please try again."
    public static let codeFailureMessage = "The MFA code is not valid. Please try again."
    public static let expiredMessage = "Your sign-in session has expired. Please sign in again."
    /// Seconds the MFA step may take after the password was accepted.
    public static let challengeLifetime: Int64 = 300
    /// The audit outcome, and the answer, when the password was right but has expired under a
    /// policy with HardExpiry: only an administrator can set a new one.
    public static let hardExpiredOutcome = "Password expired"
    public static let hardExpiredMessage =
        "Your password has expired. Contact your administrator to reset it before you sign in."
}

extension IAMService {
    /// Checks the first factor: the root user's email and password, or an IAM user's account,
    /// name and console password. Without MFA devices that signs in; otherwise it asks for MFA.
    public mutating func signIn(_ identity: SignInIdentity, password: String) -> SignInResult {
        let now = clock.now()
        let arn: String
        var hash: String?
        var principal = Principal.root
        switch identity {
        case .root(let email):
            guard email.trimmingCharacters(in: .whitespaces).lowercased() == account.root.email.lowercased() else {
                // Not this account's root user: nothing to count, but the same work and answer.
                _ = PasswordHasher.verify(password, against: account.root.passwordHash)
                return .rejected(ConsoleSignIn.failureMessage)
            }
            arn = account.rootARN
            hash = account.root.passwordHash
        case .user(let accountName, let userName):
            let typed = accountName.trimmingCharacters(in: .whitespaces).lowercased()
            guard typed == account.id || typed == account.alias else {
                _ = PasswordHasher.verify(password, against: account.root.passwordHash)
                return .rejected(ConsoleSignIn.failureMessage)
            }
            let name = userName.trimmingCharacters(in: .whitespaces)
            if let user = account.user(named: name) {
                arn = account.arn(of: user)
                hash = user.loginProfile?.passwordHash
                principal = .user(user.name)
            } else {
                arn = ResourceNames.user(account.id, path: "/", name: name)
            }
        }
        if let retryAfter = signInThrottle.retryAfter(arn, in: account.auditTrail, at: now) {
            return .throttled(retryAfter: retryAfter)
        }
        guard let hash, PasswordHasher.verify(password, against: hash) else {
            if hash == nil { _ = PasswordHasher.verify(password, against: account.root.passwordHash) }
            recordSignIn(arn, ConsoleSignIn.passwordFailure)
            return .rejected(ConsoleSignIn.failureMessage)
        }
        if let name = principal.ownUserName, let profile = account.user(named: name)?.loginProfile,
            let policy = account.passwordPolicy, policy.hardExpiry, profile.isExpired(at: now, under: policy)
        {
            recordSignIn(arn, ConsoleSignIn.hardExpiredOutcome)
            return .rejected(ConsoleSignIn.hardExpiredMessage)
        }
        let devices = account.mfaDevices(ofUser: principal.ownUserName)
        guard !devices.isEmpty else { return .signedIn(finishSignIn(principal, arn, mfa: nil)) }
        let challenge = MFAChallenge(
            accountId: account.id, principal: principal,
            devices: devices.map { device in
                MFAChallenge.Device(
                    serialNumber: device.serialNumber, type: device.type,
                    name: String(device.serialNumber.split(separator: "/").last ?? Substring(device.serialNumber)))
            }, nonce: Data(random.bytes(32)).base64EncodedString(), issuedAt: now)
        return .mfaRequired(challenge)
    }

    /// Checks the second factor for a challenge from `signIn`: a fresh code from one of the
    /// identity's virtual or hardware devices (within one step of drift, each code once), or a
    /// security key's assertion bound to the challenge.
    public mutating func completeSignIn(_ challenge: MFAChallenge, with response: MFAResponse) -> SignInResult {
        let now = clock.now()
        guard challenge.accountId == account.id,
            now.seconds - challenge.issuedAt.seconds <= ConsoleSignIn.challengeLifetime
        else { return .rejected(ConsoleSignIn.expiredMessage) }
        let userName = challenge.principal.ownUserName
        if let userName, account.user(named: userName)?.loginProfile == nil {
            return .rejected(ConsoleSignIn.expiredMessage)
        }
        let arn = challenge.principal.arn(in: account)
        if let retryAfter = signInThrottle.retryAfter(arn, in: account.auditTrail, at: now) {
            return .throttled(retryAfter: retryAfter)
        }
        let devices = account.mfaDevices(ofUser: userName)
        var used: MFADevice?
        switch response {
        case .code(let code, let serial):
            for device in devices where device.type.usesCodes && (serial == nil || serial == device.serialNumber) {
                if let step = MFACodeCheck.matchingStep(code, device: device, at: now) {
                    account.mfaDevices[device.serialNumber]?.lastUsedStep = step
                    used = device
                    break
                }
            }
        case .securityKey(let assertion):
            used = devices.first { device in
                device.type == .securityKey && device.credentialId == assertion.credentialId
                    && PasswordHasher.constantTimeEquals(
                        Array(assertion.signature.utf8),
                        Array(
                            SecurityKeyAssertion.expectedSignature(
                                credentialId: assertion.credentialId, nonce: challenge.nonce, account: account.id
                            ).utf8))
            }
        }
        guard let used else {
            recordSignIn(arn, ConsoleSignIn.codeFailure, mfaUsed: true)
            return .rejected(ConsoleSignIn.codeFailureMessage)
        }
        return .signedIn(finishSignIn(challenge.principal, arn, mfa: used.serialNumber))
    }

    /// Records the success and opens the session, with what the password policy asks of a user:
    /// a new password first when an administrator required one or the old one has expired.
    private mutating func finishSignIn(_ principal: Principal, _ arn: String, mfa serial: String?) -> ConsoleSession {
        let now = clock.now()
        var profile: LoginProfile?
        if let name = principal.ownUserName {
            account.users[Account.key(name)]?.passwordLastUsed = now
            profile = account.user(named: name)?.loginProfile
        } else {
            account.root.passwordLastUsed = now
        }
        recordSignIn(arn, ConsoleSignIn.success, mfaUsed: serial != nil)
        var session = ConsoleSession(
            principal: principal, signedInAt: now, mfaSerialNumber: serial, mfaAuthenticatedAt: serial.map { _ in now })
        if let profile { session.notePasswordState(profile, policy: account.passwordPolicy, at: now) }
        return session
    }

    private mutating func recordSignIn(_ arn: String, _ outcome: String, mfaUsed: Bool = false) {
        noteSignIn(arn, outcome, mfaUsed: mfaUsed)
        revision += 1
    }

    /// Seconds until `identity` may try again, 0 when it may now (for the form to show a countdown).
    public func signInWait(for identity: SignInIdentity) -> Int64 {
        let arn: String
        switch identity {
        case .root: arn = account.rootARN
        case .user(_, let name):
            arn =
                account.user(named: name).map(account.arn(of:)) ?? ResourceNames.user(account.id, path: "/", name: name)
        }
        let now = clock.now()
        guard let retryAfter = signInThrottle.retryAfter(arn, in: account.auditTrail, at: now) else { return 0 }
        return max(1, retryAfter.seconds - now.seconds)
    }
}
