/// An IAM user: a person or application with long-term credentials.
public struct User: Codable, Sendable, Equatable {
    public var name: String
    public var path: String
    /// The unique id, `AIDA` and 17 base32 characters.
    public var id: String
    public var createDate: Timestamp
    public var tags: [Tag]
    /// Names of the groups the user belongs to, in the order they were joined.
    public var groups: [String]
    public var inlinePolicies: [InlinePolicy]
    /// ARNs of the attached managed policies, in the order they were attached.
    public var attachedPolicies: [String]
    public var permissionsBoundary: String?
    public var loginProfile: LoginProfile?
    public var accessKeys: [AccessKey]
    /// Serial numbers of the MFA devices enabled for the user.
    public var mfaDevices: [String]
    public var passwordLastUsed: Timestamp?
    public var signingCertificates: Int
    public var sshPublicKeys: Int
    public var serviceSpecificCredentials: Int

    public init(name: String, path: String, id: String, createDate: Timestamp) {
        self.name = name
        self.path = path
        self.id = id
        self.createDate = createDate
        self.tags = []
        self.groups = []
        self.inlinePolicies = []
        self.attachedPolicies = []
        self.permissionsBoundary = nil
        self.loginProfile = nil
        self.accessKeys = []
        self.mfaDevices = []
        self.passwordLastUsed = nil
        self.signingCertificates = 0
        self.sshPublicKeys = 0
        self.serviceSpecificCredentials = 0
    }

    enum CodingKeys: String, CodingKey {
        case name, path, id, createDate, tags, groups, inlinePolicies, attachedPolicies, permissionsBoundary
        case loginProfile, accessKeys, mfaDevices, passwordLastUsed, signingCertificates, sshPublicKeys
        case serviceSpecificCredentials
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        id = try c.decode(String.self, forKey: .id)
        createDate = try c.decode(Timestamp.self, forKey: .createDate)
        tags = try c.decodeIfPresent([Tag].self, forKey: .tags) ?? []
        groups = try c.decodeIfPresent([String].self, forKey: .groups) ?? []
        inlinePolicies = try c.decodeIfPresent([InlinePolicy].self, forKey: .inlinePolicies) ?? []
        attachedPolicies = try c.decodeIfPresent([String].self, forKey: .attachedPolicies) ?? []
        permissionsBoundary = try c.decodeIfPresent(String.self, forKey: .permissionsBoundary)
        loginProfile = try c.decodeIfPresent(LoginProfile.self, forKey: .loginProfile)
        accessKeys = try c.decodeIfPresent([AccessKey].self, forKey: .accessKeys) ?? []
        mfaDevices = try c.decodeIfPresent([String].self, forKey: .mfaDevices) ?? []
        passwordLastUsed = try c.decodeIfPresent(Timestamp.self, forKey: .passwordLastUsed)
        signingCertificates = try c.decodeIfPresent(Int.self, forKey: .signingCertificates) ?? 0
        sshPublicKeys = try c.decodeIfPresent(Int.self, forKey: .sshPublicKeys) ?? 0
        serviceSpecificCredentials = try c.decodeIfPresent(Int.self, forKey: .serviceSpecificCredentials) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(path, forKey: .path)
        try c.encode(id, forKey: .id)
        try c.encode(createDate, forKey: .createDate)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        if !groups.isEmpty { try c.encode(groups, forKey: .groups) }
        if !inlinePolicies.isEmpty { try c.encode(inlinePolicies, forKey: .inlinePolicies) }
        if !attachedPolicies.isEmpty { try c.encode(attachedPolicies, forKey: .attachedPolicies) }
        try c.encodeIfPresent(permissionsBoundary, forKey: .permissionsBoundary)
        try c.encodeIfPresent(loginProfile, forKey: .loginProfile)
        if !accessKeys.isEmpty { try c.encode(accessKeys, forKey: .accessKeys) }
        if !mfaDevices.isEmpty { try c.encode(mfaDevices, forKey: .mfaDevices) }
        try c.encodeIfPresent(passwordLastUsed, forKey: .passwordLastUsed)
        if signingCertificates != 0 { try c.encode(signingCertificates, forKey: .signingCertificates) }
        if sshPublicKeys != 0 { try c.encode(sshPublicKeys, forKey: .sshPublicKeys) }
        if serviceSpecificCredentials != 0 {
            try c.encode(serviceSpecificCredentials, forKey: .serviceSpecificCredentials)
        }
    }
}
