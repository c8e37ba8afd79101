import IAMCore

// Credentials, the root user, the password policy and audit events read straight from bytes,
// mirroring their synthesized `Codable` conformances: every non-optional member is required
// (arrays too), optional members may be absent or `null`.

private enum LoginProfileField: Int, ObjectFields {
    case createDate, passwordHash, passwordLastChanged, passwordResetRequired, previousPasswordHashes
    static let table = KeyTable(Self.self)
}

private enum AccessKeyField: Int, ObjectFields {
    case createDate, id, lastUsed, secretHash, status
    static let table = KeyTable(Self.self)
}

private enum AccessKeyLastUsedField: Int, ObjectFields {
    case date, region, serviceName
    static let table = KeyTable(Self.self)
}

private enum MFADeviceField: Int, ObjectFields {
    case assignedTo, createDate, credentialId, driftSteps, enableDate, lastUsedStep, seed, serialNumber, tags, type
    static let table = KeyTable(Self.self)
}

private enum RootUserField: Int, ObjectFields {
    case accessKeys, email, mfaDevices, passwordHash, passwordLastChanged, passwordLastUsed
    static let table = KeyTable(Self.self)
}

private enum CredentialReportField: Int, ObjectFields {
    case content, generatedTime
    static let table = KeyTable(Self.self)
}

private enum PasswordPolicyField: Int, ObjectFields {
    case allowUsersToChangePassword, hardExpiry, maxPasswordAge, minimumPasswordLength, passwordReusePrevention
    case requireLowercaseCharacters, requireNumbers, requireSymbols, requireUppercaseCharacters
    static let table = KeyTable(Self.self)
}

private enum AuditEventField: Int, ObjectFields {
    case action, outcome, principal, resource, time
    static let table = KeyTable(Self.self)
}

extension WorkspaceReader {
    mutating func loginProfile() throws(FastPathRefused) -> LoginProfile {
        var createDate: Timestamp?
        var passwordHash: String?
        var passwordLastChanged: Timestamp?
        var passwordResetRequired: Bool?
        var previousPasswordHashes: [String]?
        var cursor = ObjectCursor()
        while let field = try next(LoginProfileField.self, &cursor) {
            switch field {
            case .createDate: createDate = try timestamp()
            case .passwordHash: passwordHash = try string()
            case .passwordLastChanged: passwordLastChanged = try timestamp()
            case .passwordResetRequired: passwordResetRequired = try bool()
            case .previousPasswordHashes: previousPasswordHashes = try strings()
            }
        }
        var profile = LoginProfile(
            createDate: try required(createDate), passwordHash: try required(passwordHash),
            passwordResetRequired: try required(passwordResetRequired))
        profile.passwordLastChanged = try required(passwordLastChanged)
        profile.previousPasswordHashes = try required(previousPasswordHashes)
        return profile
    }

    mutating func accessKey() throws(FastPathRefused) -> AccessKey {
        var createDate: Timestamp?
        var id: String?
        var lastUsed: AccessKeyLastUsed?
        var secretHash: String?
        var status: AccessKeyStatus?
        var cursor = ObjectCursor()
        while let field = try next(AccessKeyField.self, &cursor) {
            switch field {
            case .createDate: createDate = try timestamp()
            case .id: id = try string()
            case .lastUsed: lastUsed = takeNull() ? nil : try accessKeyLastUsed()
            case .secretHash: secretHash = try string()
            case .status: status = try raw(AccessKeyStatus.self)
            }
        }
        var key = AccessKey(
            id: try required(id), secretHash: try required(secretHash), status: try required(status),
            createDate: try required(createDate))
        key.lastUsed = lastUsed
        return key
    }

    private mutating func accessKeyLastUsed() throws(FastPathRefused) -> AccessKeyLastUsed {
        var date: Timestamp?
        var region: String?
        var serviceName: String?
        var cursor = ObjectCursor()
        while let field = try next(AccessKeyLastUsedField.self, &cursor) {
            switch field {
            case .date: date = try timestamp()
            case .region: region = try string()
            case .serviceName: serviceName = try string()
            }
        }
        return AccessKeyLastUsed(
            date: try required(date), serviceName: try required(serviceName), region: try required(region))
    }

    mutating func mfaDevice() throws(FastPathRefused) -> MFADevice {
        var serialNumber: String?
        var type: MFADeviceType?
        var createDate: Timestamp?
        var tags: [Tag]?
        var device = MFADevice(serialNumber: "", type: .virtual, createDate: Timestamp(microseconds: 0))
        var cursor = ObjectCursor()
        while let field = try next(MFADeviceField.self, &cursor) {
            switch field {
            case .assignedTo: device.assignedTo = try optionalString()
            case .createDate: createDate = try timestamp()
            case .credentialId: device.credentialId = try optionalString()
            case .driftSteps: device.driftSteps = takeNull() ? nil : try int()
            case .enableDate: device.enableDate = try optionalTimestamp()
            case .lastUsedStep: device.lastUsedStep = takeNull() ? nil : try int()
            case .seed: device.seed = try optionalString()
            case .serialNumber: serialNumber = try string()
            case .tags: tags = try array { reader throws(FastPathRefused) in try reader.tag() }
            case .type: type = try raw(MFADeviceType.self)
            }
        }
        device.serialNumber = try required(serialNumber)
        device.type = try required(type)
        device.createDate = try required(createDate)
        device.tags = try required(tags)
        return device
    }

    mutating func rootUser() throws(FastPathRefused) -> RootUser {
        var email: String?
        var passwordHash: String?
        var accessKeys: [AccessKey]?
        var mfaDevices: [String]?
        var passwordLastUsed: Timestamp?
        var passwordLastChanged: Timestamp?
        var cursor = ObjectCursor()
        while let field = try next(RootUserField.self, &cursor) {
            switch field {
            case .accessKeys: accessKeys = try array { reader throws(FastPathRefused) in try reader.accessKey() }
            case .email: email = try string()
            case .mfaDevices: mfaDevices = try strings()
            case .passwordHash: passwordHash = try string()
            case .passwordLastChanged: passwordLastChanged = try optionalTimestamp()
            case .passwordLastUsed: passwordLastUsed = try optionalTimestamp()
            }
        }
        var root = RootUser(email: try required(email), passwordHash: try required(passwordHash))
        root.passwordLastUsed = passwordLastUsed
        root.passwordLastChanged = passwordLastChanged
        root.accessKeys = try required(accessKeys)
        root.mfaDevices = try required(mfaDevices)
        return root
    }

    mutating func credentialReport() throws(FastPathRefused) -> CredentialReportSnapshot {
        var content: String?
        var generated: Timestamp?
        var cursor = ObjectCursor()
        while let field = try next(CredentialReportField.self, &cursor) {
            switch field {
            case .content: content = try string()
            case .generatedTime: generated = try timestamp()
            }
        }
        return CredentialReportSnapshot(generatedTime: try required(generated), content: try required(content))
    }

    mutating func passwordPolicy() throws(FastPathRefused) -> PasswordPolicy {
        var values: [PasswordPolicyField: Int] = [:]
        var flags: [PasswordPolicyField: Bool] = [:]
        var cursor = ObjectCursor()
        while let field = try next(PasswordPolicyField.self, &cursor) {
            switch field {
            case .maxPasswordAge, .minimumPasswordLength, .passwordReusePrevention: values[field] = try int()
            default: flags[field] = try bool()
            }
        }
        return PasswordPolicy(
            minimumPasswordLength: try required(values[.minimumPasswordLength]),
            requireSymbols: try required(flags[.requireSymbols]),
            requireNumbers: try required(flags[.requireNumbers]),
            requireUppercaseCharacters: try required(flags[.requireUppercaseCharacters]),
            requireLowercaseCharacters: try required(flags[.requireLowercaseCharacters]),
            allowUsersToChangePassword: try required(flags[.allowUsersToChangePassword]),
            maxPasswordAge: try required(values[.maxPasswordAge]),
            passwordReusePrevention: try required(values[.passwordReusePrevention]),
            hardExpiry: try required(flags[.hardExpiry]))
    }

    mutating func auditEvent() throws(FastPathRefused) -> AuditEvent {
        var time: Timestamp?
        var principal: String?
        var action: String?
        var resource: String?
        var outcome: String?
        var cursor = ObjectCursor()
        while let field = try next(AuditEventField.self, &cursor) {
            switch field {
            case .action: action = try string()
            case .outcome: outcome = try string()
            case .principal: principal = try string()
            case .resource: resource = try string()
            case .time: time = try timestamp()
            }
        }
        return AuditEvent(
            time: try required(time), principal: try required(principal), action: try required(action),
            resource: try required(resource), outcome: try required(outcome))
    }
}
