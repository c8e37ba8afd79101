/// AWS's AccessDenied answers when the MFA facts of an STS request do not check out.
enum STSMFAError {
    static let incomplete = IAMError(
        .accessDenied, "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.")
    static let unknownDevice = IAMError(
        .accessDenied,
        "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is "
            + "valid and associated with this user.")
    static let invalidCode = IAMError(
        .accessDenied, "MultiFactorAuthentication failed with invalid MFA one time pass code.")
}

extension IAMService {
    /// Checks an STS request's `SerialNumber` and `TokenCode` exactly as console sign-in checks a code:
    /// the device must be the caller's own virtual or hardware device, and the code fresh (within one
    /// step of drift, never a code already accepted). Returns the verified serial, or nil when the
    /// request carries no MFA; the accepted step is recorded so the code cannot be replayed.
    mutating func verifySTSCode(
        serialNumber: String?, tokenCode: String?, caller: Principal, at now: Timestamp
    ) throws(IAMError) -> String? {
        switch (serialNumber, tokenCode) {
        case (nil, nil): return nil
        case (let serial?, let code?):
            let owned: [MFADevice]
            switch caller {
            case .root: owned = account.mfaDevices(ofUser: nil)
            case .user(let name): owned = account.mfaDevices(ofUser: name)
            case .roleSession: owned = []
            }
            guard let device = owned.first(where: { $0.serialNumber == serial && $0.type.usesCodes }) else {
                throw STSMFAError.unknownDevice
            }
            guard let step = MFACodeCheck.matchingStep(code, device: device, at: now) else {
                throw STSMFAError.invalidCode
            }
            account.mfaDevices[serial]?.lastUsedStep = step
            return serial
        default:
            throw STSMFAError.incomplete
        }
    }

    /// New temporary credentials valid for `duration` seconds from `now`: the stored record (hashes
    /// only) and the response shape that shows the secret and token this once.
    func issueCredentials(
        _ source: TemporaryCredentialSource, duration: Int, at now: Timestamp
    ) -> (TemporaryCredential, STSCredentialsShape) {
        var keyId = random.identifier(.temporaryAccessKey)
        while account.temporaryCredentials[keyId] != nil || account.longTermKey(keyId) != nil {
            keyId = random.identifier(.temporaryAccessKey)
        }
        let secret = random.base64Characters(40)
        let token = random.base64Characters(Self.sessionTokenLength)
        let expiration = now.adding(seconds: Int64(duration))
        let stored = TemporaryCredential(
            accessKeyId: keyId, secretHash: SecretHasher.hash(secret), sessionTokenHash: SecretHasher.hash(token),
            source: source, createDate: now, expiration: expiration)
        return (
            stored,
            STSCredentialsShape(
                accessKeyId: keyId, secretAccessKey: secret, sessionToken: token, expiration: expiration)
        )
    }

    /// Characters of a session token (AWS's are opaque base64 strings of several hundred characters).
    static let sessionTokenLength = 356
}
