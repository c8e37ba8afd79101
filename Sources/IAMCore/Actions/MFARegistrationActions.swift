/// Registers a hardware TOTP token with the account: what AWS learns from the token's vendor
/// (serial number and seed). AWS has no API for this; the model needs one because its tokens are
/// simulated. The token is then enabled with EnableMFADevice and two codes, as in AWS.
public struct ImportHardwareMFADeviceRequest: Codable, Sendable {
    public var serialNumber: String
    /// The token's seed in base32.
    public var base32StringSeed: String
    public init(serialNumber: String, base32StringSeed: String) {
        self.serialNumber = serialNumber
        self.base32StringSeed = base32StringSeed
    }
}

/// Registers a FIDO security key for a user (or, without `userName` as root, the root user), as
/// the console's WebAuthn ceremony does in AWS, which has no public API for it.
public struct RegisterSecurityKeyRequest: Codable, Sendable {
    public var userName: String?
    /// The name the owner gives the key; it becomes part of the serial number.
    public var keyName: String
    /// The credential id the authenticator reported (base64url).
    public var credentialId: String
    public init(userName: String? = nil, keyName: String, credentialId: String) {
        self.userName = userName
        self.keyName = keyName
        self.credentialId = credentialId
    }
}

/// RegisterSecurityKey response.
public struct RegisterSecurityKeyResponse: Codable, Sendable, Equatable {
    public var serialNumber: String
}

extension IAMService {
    /// Adds an unassigned hardware TOTP token. This stands for the vendor's side, not for an IAM
    /// action: it takes no principal and is not audited as one (whoever can write the workspace
    /// can do it). The seed is kept in the workspace for verification and never shown again.
    public mutating func importHardwareMFADevice(_ request: ImportHardwareMFADeviceRequest) throws(IAMError) {
        try MFARules.checkSerialNumber(request.serialNumber)
        guard !request.serialNumber.hasPrefix("arn:") else {
            throw IAMError(.invalidInput, "A hardware token's serial number is the one printed on it, not an ARN.")
        }
        guard let secret = Base32.decode(request.base32StringSeed), secret.count >= 10 else {
            throw IAMError(.invalidInput, "The seed must be base32 text of at least 80 bits.")
        }
        guard account.mfaDevices[request.serialNumber] == nil else {
            throw IAMError(
                .entityAlreadyExists, "MFA Device with serial number \(request.serialNumber) already exists.")
        }
        var device = MFADevice(serialNumber: request.serialNumber, type: .hardware, createDate: clock.now())
        device.seed = Base32.encode(secret)
        account.mfaDevices[device.serialNumber] = device
        revision += 1
    }

    /// Registers and enables a FIDO security key, authorised as `iam:EnableMFADevice` on the owner.
    /// Its serial number is AWS's form, `arn:aws:iam::ACCOUNT:u2f/user/NAME/KEYNAME-SUFFIX` (or
    /// `u2f/root/KEYNAME-SUFFIX`), with 26 random base32 characters as the suffix.
    public mutating func registerSecurityKey(
        _ request: RegisterSecurityKeyRequest, as principal: Principal
    ) throws(IAMError) -> RegisterSecurityKeyResponse {
        try recorded("EnableMFADevice", request, principal) {
            (service: inout IAMService) throws(IAMError) -> RegisterSecurityKeyResponse in
            try service.handleRegisterSecurityKey(request, as: principal)
        }
    }

    private mutating func handleRegisterSecurityKey(
        _ request: RegisterSecurityKeyRequest, as principal: Principal
    ) throws(IAMError) -> RegisterSecurityKeyResponse {
        try NameRules.checkName(request.keyName, field: "keyName", max: 64)
        try NameRules.checkLength(request.credentialId, field: "credentialId", min: 16, max: 1364)
        guard request.credentialId.unicodeScalars.allSatisfy(Self.isBase64URL) else {
            throw NameRules.validationError(
                request.credentialId, "credentialId", "Member must satisfy regular expression pattern: [A-Za-z0-9_-]+")
        }
        let owner = try mfaOwner(request.userName, principal)
        try authorize(principal, "EnableMFADevice", owner.arn)
        try checkDeviceQuota(owner)
        guard !account.mfaDevices.values.contains(where: { $0.credentialId == request.credentialId }) else {
            throw IAMError(.entityAlreadyExists, "A security key with this credential id is already registered.")
        }
        let prefix = owner.user.map { "u2f/user/\($0.name)/" } ?? "u2f/root/"
        var serial = ""
        repeat {
            serial = "arn:aws:iam::\(account.id):\(prefix)\(request.keyName)-\(random.base32(26))"
        } while account.mfaDevices[serial] != nil
        try NameRules.checkLength(serial, field: "serialNumber", min: 9, max: 256)
        let now = clock.now()
        var device = MFADevice(serialNumber: serial, type: .securityKey, createDate: now)
        device.credentialId = request.credentialId
        device.assignedTo = owner.assignee
        device.enableDate = now
        account.mfaDevices[serial] = device
        setEnabledSerials(enabledSerials(owner) + [serial], owner)
        committed(principal, "EnableMFADevice", owner.arn)
        return RegisterSecurityKeyResponse(serialNumber: serial)
    }

    private static func isBase64URL(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "-", "_": return true
        default: return false
        }
    }
}
