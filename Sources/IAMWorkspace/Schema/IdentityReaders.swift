import IAMCore

// Users, groups, roles, instance profiles and managed policies read straight from bytes. Each
// mirrors its type's `Codable` conformance in IAMCore: the same required members, the same
// defaults for absent or `null` optional ones.

private enum UserField: Int, ObjectFields {
    case accessKeys, attachedPolicies, createDate, groups, id, inlinePolicies, loginProfile, mfaDevices, name
    case passwordLastUsed, path, permissionsBoundary, serviceSpecificCredentials, signingCertificates
    case sshPublicKeys, tags
    static let table = KeyTable(Self.self)
}

private enum GroupField: Int, ObjectFields {
    case attachedPolicies, createDate, id, inlinePolicies, name, path
    static let table = KeyTable(Self.self)
}

private enum RoleField: Int, ObjectFields {
    case assumeRolePolicyDocument, attachedPolicies, createDate, description, id, inlinePolicies, lastUsed
    case maxSessionDuration, name, path, permissionsBoundary, tags
    static let table = KeyTable(Self.self)
}

private enum RoleLastUsedField: Int, ObjectFields {
    case date, region
    static let table = KeyTable(Self.self)
}

private enum InstanceProfileField: Int, ObjectFields {
    case createDate, id, name, path, roles, tags
    static let table = KeyTable(Self.self)
}

private enum ManagedPolicyField: Int, ObjectFields {
    case createDate, defaultVersionId, description, id, name, nextVersionNumber, path, tags, updateDate, versions
    static let table = KeyTable(Self.self)
}

private enum PolicyVersionField: Int, ObjectFields {
    case createDate, document, versionId
    static let table = KeyTable(Self.self)
}

private enum InlinePolicyField: Int, ObjectFields {
    case document, name
    static let table = KeyTable(Self.self)
}

private enum TagField: Int, ObjectFields {
    case key, value
    static let table = KeyTable(Self.self)
}

/// A placeholder for required dates until the member is read (the struct initialisers need one).
private let noDate = Timestamp(microseconds: 0)

extension WorkspaceReader {
    mutating func user() throws(FastPathRefused) -> User {
        var name: String?
        var path: String?
        var id: String?
        var createDate: Timestamp?
        var user = User(name: "", path: "", id: "", createDate: noDate)
        var cursor = ObjectCursor()
        while let field = try next(UserField.self, &cursor) {
            switch field {
            case .accessKeys:
                user.accessKeys = try optionalArray { reader throws(FastPathRefused) in try reader.accessKey() }
            case .attachedPolicies: user.attachedPolicies = try optionalStrings()
            case .createDate: createDate = try timestamp()
            case .groups: user.groups = try optionalStrings()
            case .id: id = try string()
            case .inlinePolicies: user.inlinePolicies = try optionalInlinePolicies()
            case .loginProfile: user.loginProfile = takeNull() ? nil : try loginProfile()
            case .mfaDevices: user.mfaDevices = try optionalStrings()
            case .name: name = try string()
            case .passwordLastUsed: user.passwordLastUsed = try optionalTimestamp()
            case .path: path = try string()
            case .permissionsBoundary: user.permissionsBoundary = try optionalString()
            case .serviceSpecificCredentials: user.serviceSpecificCredentials = try optionalInt(0)
            case .signingCertificates: user.signingCertificates = try optionalInt(0)
            case .sshPublicKeys: user.sshPublicKeys = try optionalInt(0)
            case .tags: user.tags = try optionalTags()
            }
        }
        user.name = try required(name)
        user.path = try required(path)
        user.id = try required(id)
        user.createDate = try required(createDate)
        return user
    }

    mutating func group() throws(FastPathRefused) -> Group {
        var name: String?
        var path: String?
        var id: String?
        var createDate: Timestamp?
        var inlinePolicies: [InlinePolicy] = []
        var attachedPolicies: [String] = []
        var cursor = ObjectCursor()
        while let field = try next(GroupField.self, &cursor) {
            switch field {
            case .attachedPolicies: attachedPolicies = try optionalStrings()
            case .createDate: createDate = try timestamp()
            case .id: id = try string()
            case .inlinePolicies: inlinePolicies = try optionalInlinePolicies()
            case .name: name = try string()
            case .path: path = try string()
            }
        }
        var group = Group(
            name: try required(name), path: try required(path), id: try required(id),
            createDate: try required(createDate))
        group.inlinePolicies = inlinePolicies
        group.attachedPolicies = attachedPolicies
        return group
    }

    mutating func role() throws(FastPathRefused) -> Role {
        var name: String?
        var path: String?
        var id: String?
        var createDate: Timestamp?
        var trustPolicy: String?
        var role = Role(name: "", path: "", id: "", createDate: noDate, assumeRolePolicyDocument: "")
        var cursor = ObjectCursor()
        while let field = try next(RoleField.self, &cursor) {
            switch field {
            case .assumeRolePolicyDocument: trustPolicy = try string()
            case .attachedPolicies: role.attachedPolicies = try optionalStrings()
            case .createDate: createDate = try timestamp()
            case .description: role.description = try optionalString()
            case .id: id = try string()
            case .inlinePolicies: role.inlinePolicies = try optionalInlinePolicies()
            case .lastUsed: role.lastUsed = takeNull() ? nil : try roleLastUsed()
            case .maxSessionDuration: role.maxSessionDuration = try optionalInt(3600)
            case .name: name = try string()
            case .path: path = try string()
            case .permissionsBoundary: role.permissionsBoundary = try optionalString()
            case .tags: role.tags = try optionalTags()
            }
        }
        role.name = try required(name)
        role.path = try required(path)
        role.id = try required(id)
        role.createDate = try required(createDate)
        role.assumeRolePolicyDocument = try required(trustPolicy)
        return role
    }

    private mutating func roleLastUsed() throws(FastPathRefused) -> RoleLastUsed {
        var date: Timestamp?
        var region: String?
        var cursor = ObjectCursor()
        while let field = try next(RoleLastUsedField.self, &cursor) {
            switch field {
            case .date: date = try timestamp()
            case .region: region = try optionalString()
            }
        }
        return RoleLastUsed(date: try required(date), region: region)
    }

    mutating func instanceProfile() throws(FastPathRefused) -> InstanceProfile {
        var name: String?
        var path: String?
        var id: String?
        var createDate: Timestamp?
        var roles: [String]?
        var tags: [Tag]?
        var cursor = ObjectCursor()
        while let field = try next(InstanceProfileField.self, &cursor) {
            switch field {
            case .createDate: createDate = try timestamp()
            case .id: id = try string()
            case .name: name = try string()
            case .path: path = try string()
            case .roles: roles = try strings()
            case .tags: tags = try array { reader throws(FastPathRefused) in try reader.tag() }
            }
        }
        var profile = InstanceProfile(
            name: try required(name), path: try required(path), id: try required(id),
            createDate: try required(createDate))
        profile.roles = try required(roles)
        profile.tags = try required(tags)
        return profile
    }

    mutating func managedPolicy() throws(FastPathRefused) -> ManagedPolicy {
        var name: String?
        var path: String?
        var id: String?
        var description: String?
        var createDate: Timestamp?
        var updateDate: Timestamp?
        var defaultVersionId: String?
        var versions: [PolicyVersion]?
        var nextVersionNumber: Int?
        var tags: [Tag] = []
        var cursor = ObjectCursor()
        while let field = try next(ManagedPolicyField.self, &cursor) {
            switch field {
            case .createDate: createDate = try timestamp()
            case .defaultVersionId: defaultVersionId = try string()
            case .description: description = try optionalString()
            case .id: id = try string()
            case .name: name = try string()
            case .nextVersionNumber: nextVersionNumber = try int()
            case .path: path = try string()
            case .tags: tags = try optionalTags()
            case .updateDate: updateDate = try timestamp()
            case .versions: versions = try array { reader throws(FastPathRefused) in try reader.policyVersion() }
            }
        }
        var policy = ManagedPolicy(
            name: try required(name), path: try required(path), id: try required(id), description: description,
            createDate: try required(createDate), document: "")
        policy.updateDate = try required(updateDate)
        policy.defaultVersionId = try required(defaultVersionId)
        policy.versions = try required(versions)
        policy.nextVersionNumber = try required(nextVersionNumber)
        policy.tags = tags
        return policy
    }

    private mutating func policyVersion() throws(FastPathRefused) -> PolicyVersion {
        var versionId: String?
        var document: String?
        var createDate: Timestamp?
        var cursor = ObjectCursor()
        while let field = try next(PolicyVersionField.self, &cursor) {
            switch field {
            case .createDate: createDate = try timestamp()
            case .document: document = try string()
            case .versionId: versionId = try string()
            }
        }
        return PolicyVersion(
            versionId: try required(versionId), document: try required(document),
            createDate: try required(createDate))
    }

    private mutating func optionalInlinePolicies() throws(FastPathRefused) -> [InlinePolicy] {
        try optionalArray { reader throws(FastPathRefused) in
            var name: String?
            var document: String?
            var cursor = ObjectCursor()
            while let field = try reader.next(InlinePolicyField.self, &cursor) {
                switch field {
                case .document: document = try reader.string()
                case .name: name = try reader.string()
                }
            }
            return InlinePolicy(name: try required(name), document: try required(document))
        }
    }

    mutating func tag() throws(FastPathRefused) -> Tag {
        var key: String?
        var value: String?
        var cursor = ObjectCursor()
        while let field = try next(TagField.self, &cursor) {
            switch field {
            case .key: key = try string()
            case .value: value = try string()
            }
        }
        return Tag(key: try required(key), value: try required(value))
    }

    mutating func optionalTags() throws(FastPathRefused) -> [Tag] {
        try optionalArray { reader throws(FastPathRefused) in try reader.tag() }
    }
}
