extension Account {
    /// The user as ListUsers returns it (no tags or boundary), or as GetUser returns it (`detailed`).
    public func shape(of user: User, detailed: Bool) -> UserShape {
        UserShape(
            path: user.path, userName: user.name, userId: user.id, arn: arn(of: user), createDate: user.createDate,
            passwordLastUsed: user.passwordLastUsed,
            permissionsBoundary: detailed ? user.permissionsBoundary.map(AttachedPermissionsBoundary.init(arn:)) : nil,
            tags: detailed && !user.tags.isEmpty ? user.tags : nil)
    }

    public func shape(of group: Group) -> GroupShape {
        GroupShape(
            path: group.path, groupName: group.name, groupId: group.id, arn: arn(of: group),
            createDate: group.createDate)
    }

    /// The role as ListRoles returns it, or as GetRole returns it (`detailed`: boundary, tags, last use).
    public func shape(of role: Role, detailed: Bool) -> RoleShape {
        RoleShape(
            path: role.path, roleName: role.name, roleId: role.id, arn: arn(of: role), createDate: role.createDate,
            assumeRolePolicyDocument: role.assumeRolePolicyDocument, description: role.description,
            maxSessionDuration: role.maxSessionDuration,
            permissionsBoundary: detailed ? role.permissionsBoundary.map(AttachedPermissionsBoundary.init(arn:)) : nil,
            tags: detailed && !role.tags.isEmpty ? role.tags : nil,
            roleLastUsed: detailed
                ? RoleLastUsedShape(lastUsedDate: role.lastUsed?.date, region: role.lastUsed?.region) : nil)
    }

    /// How many users, groups and roles have this policy attached, and how many use it as a boundary.
    public func usage(ofPolicy arn: String) -> (attachments: Int, boundaries: Int) {
        var attachments = 0
        var boundaries = 0
        for user in users.values {
            if user.attachedPolicies.contains(arn) { attachments += 1 }
            if user.permissionsBoundary == arn { boundaries += 1 }
        }
        for group in groups.values where group.attachedPolicies.contains(arn) { attachments += 1 }
        for role in roles.values {
            if role.attachedPolicies.contains(arn) { attachments += 1 }
            if role.permissionsBoundary == arn { boundaries += 1 }
        }
        return (attachments, boundaries)
    }

    /// A customer managed policy as the Policy actions return it.
    public func shape(of policy: ManagedPolicy, includeDescription: Bool, includeTags: Bool) -> PolicyShape {
        let policyARN = arn(of: policy)
        let counts = usage(ofPolicy: policyARN)
        return PolicyShape(
            policyName: policy.name, policyId: policy.id, arn: policyARN, path: policy.path,
            defaultVersionId: policy.defaultVersionId, attachmentCount: counts.attachments,
            permissionsBoundaryUsageCount: counts.boundaries, isAttachable: true,
            description: includeDescription ? policy.description : nil, createDate: policy.createDate,
            updateDate: policy.updateDate, tags: includeTags && !policy.tags.isEmpty ? policy.tags : nil)
    }

    /// An AWS managed policy as the Policy actions return it, with this account's usage counts.
    public func shape(of policy: AWSManagedPolicy, includeDescription: Bool) -> PolicyShape {
        let counts = usage(ofPolicy: policy.arn)
        return PolicyShape(
            policyName: policy.name, policyId: policy.id, arn: policy.arn, path: policy.path,
            defaultVersionId: policy.defaultVersionId, attachmentCount: counts.attachments,
            permissionsBoundaryUsageCount: counts.boundaries, isAttachable: true,
            description: includeDescription ? policy.description : nil, createDate: policy.createDate,
            updateDate: policy.updateDate, tags: nil)
    }

    public func shape(of profile: InstanceProfile) -> InstanceProfileShape {
        InstanceProfileShape(
            path: profile.path, instanceProfileName: profile.name, instanceProfileId: profile.id,
            arn: arn(of: profile), createDate: profile.createDate,
            roles: profile.roles.compactMap { role(named: $0) }.map { shape(of: $0, detailed: false) },
            tags: profile.tags.isEmpty ? nil : profile.tags)
    }

    /// The name an attached policy ARN refers to (its last path segment).
    static func policyName(fromARN arn: String) -> String {
        IAMResourceName(arn)?.name ?? String(arn.split(separator: "/").last ?? Substring(arn))
    }
}
