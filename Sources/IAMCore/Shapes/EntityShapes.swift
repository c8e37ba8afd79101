/// The shapes IAM returns for its entities, with AWS's member names (lower camel case here; the
/// AWS encoder capitalises the first letter) and AWS's member order.

/// A user as ListUsers, GetUser and CreateUser return it.
public struct UserShape: Codable, Sendable, Equatable {
    /// Absent only for the root user, which GetUser describes by id and ARN alone.
    public var path: String?
    public var userName: String?
    public var userId: String
    public var arn: String
    public var createDate: Timestamp
    public var passwordLastUsed: Timestamp?
    public var permissionsBoundary: AttachedPermissionsBoundary?
    public var tags: [Tag]?
}

/// The permissions boundary set on a user or role.
public struct AttachedPermissionsBoundary: Codable, Sendable, Equatable {
    public var permissionsBoundaryType = "PermissionsBoundaryPolicy"
    public var permissionsBoundaryArn: String

    public init(arn: String) { self.permissionsBoundaryArn = arn }
}

/// A group as ListGroups, GetGroup and CreateGroup return it.
public struct GroupShape: Codable, Sendable, Equatable {
    public var path: String
    public var groupName: String
    public var groupId: String
    public var arn: String
    public var createDate: Timestamp
}

/// A role as ListRoles, GetRole and CreateRole return it.
public struct RoleShape: Codable, Sendable, Equatable {
    public var path: String
    public var roleName: String
    public var roleId: String
    public var arn: String
    public var createDate: Timestamp
    /// The trust policy as submitted; the CLI prints it as a JSON object, as botocore does.
    public var assumeRolePolicyDocument: String
    public var description: String?
    public var maxSessionDuration: Int?
    public var permissionsBoundary: AttachedPermissionsBoundary?
    public var tags: [Tag]?
    public var roleLastUsed: RoleLastUsedShape?
}

/// When a role was last used.
public struct RoleLastUsedShape: Codable, Sendable, Equatable {
    public var lastUsedDate: Timestamp?
    public var region: String?
}

/// A managed policy (customer or AWS) as the Policy actions return it.
public struct PolicyShape: Codable, Sendable, Equatable {
    public var policyName: String
    public var policyId: String
    public var arn: String
    public var path: String
    public var defaultVersionId: String
    public var attachmentCount: Int
    public var permissionsBoundaryUsageCount: Int
    public var isAttachable: Bool
    public var description: String?
    public var createDate: Timestamp
    public var updateDate: Timestamp
    public var tags: [Tag]?
}

/// A policy version; `document` is present only where AWS returns it.
public struct PolicyVersionShape: Codable, Sendable, Equatable {
    public var document: String?
    public var versionId: String
    public var isDefaultVersion: Bool
    public var createDate: Timestamp
}

/// A managed policy attached to a user, group or role.
public struct AttachedPolicyShape: Codable, Sendable, Equatable {
    public var policyName: String
    public var policyArn: String
}

/// An instance profile with its roles.
public struct InstanceProfileShape: Codable, Sendable, Equatable {
    public var path: String
    public var instanceProfileName: String
    public var instanceProfileId: String
    public var arn: String
    public var createDate: Timestamp
    public var roles: [RoleShape]
    public var tags: [Tag]?
}

/// An access key's metadata (the secret only at creation).
public struct AccessKeyShape: Codable, Sendable, Equatable {
    public var userName: String?
    public var accessKeyId: String
    public var status: String
    public var secretAccessKey: String?
    public var createDate: Timestamp
}
