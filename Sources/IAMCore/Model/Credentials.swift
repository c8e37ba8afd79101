/// A user's console password: only a salted KDF hash is kept, never the password.
public struct LoginProfile: Codable, Sendable, Equatable {
    public var createDate: Timestamp
    /// A self-describing hash string (see `PasswordHasher`).
    public var passwordHash: String
    public var passwordResetRequired: Bool
    public var passwordLastChanged: Timestamp
    /// Hashes of earlier passwords, newest first, for the password policy's reuse prevention.
    public var previousPasswordHashes: [String]

    public init(createDate: Timestamp, passwordHash: String, passwordResetRequired: Bool) {
        self.createDate = createDate
        self.passwordHash = passwordHash
        self.passwordResetRequired = passwordResetRequired
        self.passwordLastChanged = createDate
        self.previousPasswordHashes = []
    }
}

/// The state of an access key.
public enum AccessKeyStatus: String, Codable, Sendable, CaseIterable {
    case active = "Active"
    case inactive = "Inactive"
}

/// A long-term access key. The secret is shown once at creation; only its hash is kept.
public struct AccessKey: Codable, Sendable, Equatable {
    public var id: String
    /// SHA-256 of the secret access key, as lowercase hex.
    public var secretHash: String
    public var status: AccessKeyStatus
    public var createDate: Timestamp
    public var lastUsed: AccessKeyLastUsed?

    public init(id: String, secretHash: String, status: AccessKeyStatus, createDate: Timestamp) {
        self.id = id
        self.secretHash = secretHash
        self.status = status
        self.createDate = createDate
        self.lastUsed = nil
    }
}

/// When an access key was last used, where and for which service.
public struct AccessKeyLastUsed: Codable, Sendable, Equatable {
    public var date: Timestamp
    public var serviceName: String
    public var region: String

    public init(date: Timestamp, serviceName: String, region: String) {
        self.date = date
        self.serviceName = serviceName
        self.region = region
    }
}

/// The kinds of MFA device IAM supports.
public enum MFADeviceType: String, Codable, Sendable, CaseIterable {
    case virtual
    case hardware
    case securityKey

    /// The name the AWS console gives the type.
    public var displayName: String {
        switch self {
        case .virtual: return "Authenticator app"
        case .hardware: return "Hardware TOTP token"
        case .securityKey: return "Security key"
        }
    }

    /// Whether the device shows time-based codes (virtual and hardware devices do; security keys sign).
    public var usesCodes: Bool { self != .securityKey }
}

/// An MFA device known to the account, assigned to a user or the root user, or not yet assigned.
public struct MFADevice: Codable, Sendable, Equatable {
    /// The serial number: an `arn:aws:iam::ACCOUNT:mfa/PATH/NAME` ARN for virtual devices and
    /// security keys, or the token's serial for hardware devices.
    public var serialNumber: String
    public var type: MFADeviceType
    public var createDate: Timestamp
    /// The user the device is enabled for, `<root>` for the root user, or nil while unassigned.
    public var assignedTo: String?
    public var enableDate: Timestamp?
    /// The TOTP seed (base32) for virtual and hardware devices.
    public var seed: String?
    /// The FIDO credential id of a security key.
    public var credentialId: String?
    public var tags: [Tag]
    /// The last TOTP time step a code was accepted for: a code is accepted once, so a step at or
    /// before this one is refused (replay protection).
    public var lastUsedStep: Int?
    /// Steps the device's clock runs ahead (positive) or behind, learned by ResyncMFADevice.
    public var driftSteps: Int?

    public init(serialNumber: String, type: MFADeviceType, createDate: Timestamp) {
        self.serialNumber = serialNumber
        self.type = type
        self.createDate = createDate
        self.assignedTo = nil
        self.enableDate = nil
        self.seed = nil
        self.credentialId = nil
        self.tags = []
        self.lastUsedStep = nil
        self.driftSteps = nil
    }

    /// The user the device is assigned to, nil for the root user or while unassigned.
    public var assignedUserName: String? {
        guard let assignedTo, assignedTo != Self.rootAssignee else { return nil }
        return assignedTo
    }

    /// The value of `assignedTo` for the root user.
    public static let rootAssignee = "<root>"
}
