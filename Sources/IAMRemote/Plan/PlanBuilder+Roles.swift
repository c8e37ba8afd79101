import IAMCore

extension PlanBuilder {
    /// Roles: created with trust policy, description, session length, boundary and tags; trust
    /// policy and settings updated; policies matched; deleted after their policies are removed.
    /// Service-linked roles belong to the AWS service that made them and are left alone.
    mutating func planRoles() {
        for key in Self.keys(desired.roles) {
            guard let role = desired.roles[key], !role.isServiceLinked else { continue }
            let existing = current.roles[key]
            if let existing {
                planUpdate(role, existing: existing)
            } else {
                planCreate(role)
            }
            planInline(.role, role.name, desired: role.inlinePolicies, current: existing?.inlinePolicies ?? [])
            planAttachments(.role, role.name, desired: role.attachedPolicies, current: existing?.attachedPolicies ?? [])
        }
        for key in Self.keys(current.roles) where desired.roles[key] == nil {
            guard let role = current.roles[key], !role.isServiceLinked else { continue }
            let name = QueryParameters(["RoleName": role.name])
            var calls = role.attachedPolicies.map {
                PlannedCall("DetachRolePolicy", QueryParameters(["RoleName": role.name, "PolicyArn": $0]))
            }
            calls += role.inlinePolicies.map {
                PlannedCall("DeleteRolePolicy", QueryParameters(["RoleName": role.name, "PolicyName": $0.name]))
            }
            if role.permissionsBoundary != nil { calls.append(PlannedCall("DeleteRolePermissionsBoundary", name)) }
            calls.append(PlannedCall("DeleteRole", name))
            add(PlannedChange(.delete, .deleteRoles, "delete role \(role.name)", calls: calls))
        }
    }

    private mutating func planCreate(_ role: Role) {
        var parameters = QueryParameters([
            "RoleName": role.name, "Path": role.path, "AssumeRolePolicyDocument": role.assumeRolePolicyDocument,
            "MaxSessionDuration": String(role.maxSessionDuration),
        ])
        parameters.add("Description", role.description)
        parameters.add("PermissionsBoundary", role.permissionsBoundary)
        parameters.addTags(role.tags)
        var details = ["path \(role.path)", "max session duration \(role.maxSessionDuration)s"]
        if let description = role.description { details.append("description \(description)") }
        if let boundary = role.permissionsBoundary { details.append("permissions boundary \(boundary)") }
        if !role.tags.isEmpty { details.append("tags \(Self.tagList(role.tags))") }
        add(
            PlannedChange(
                .create, .createRoles, "create role \(role.name)", details: details,
                document: DocumentChange(old: nil, new: PolicyDocumentForm.pretty(role.assumeRolePolicyDocument)),
                calls: [PlannedCall("CreateRole", parameters)]))
    }

    private mutating func planUpdate(_ role: Role, existing: Role) {
        if existing.path != role.path {
            note(
                "role \(role.name): the workspace's path is \(role.path) but the endpoint's is \(existing.path); "
                    + "IAM cannot change a role's path (delete and re-create it by hand)")
        }
        if !PolicyDocumentForm.same(existing.assumeRolePolicyDocument, role.assumeRolePolicyDocument) {
            add(
                PlannedChange(
                    .update, .updateEntities, "update role \(role.name) trust policy",
                    document: DocumentChange(
                        old: PolicyDocumentForm.pretty(existing.assumeRolePolicyDocument),
                        new: PolicyDocumentForm.pretty(role.assumeRolePolicyDocument)),
                    calls: [
                        PlannedCall(
                            "UpdateAssumeRolePolicy",
                            QueryParameters(["RoleName": role.name, "PolicyDocument": role.assumeRolePolicyDocument]))
                    ]))
        }
        if existing.description != role.description || existing.maxSessionDuration != role.maxSessionDuration {
            var details: [String] = []
            if existing.description != role.description {
                details.append("description: \(existing.description ?? "(none)") -> \(role.description ?? "(none)")")
            }
            if existing.maxSessionDuration != role.maxSessionDuration {
                details.append("max session duration: \(existing.maxSessionDuration)s -> \(role.maxSessionDuration)s")
            }
            add(
                PlannedChange(
                    .update, .updateEntities, "update role \(role.name) settings", details: details,
                    calls: [
                        PlannedCall(
                            "UpdateRole",
                            QueryParameters([
                                "RoleName": role.name, "Description": role.description ?? "",
                                "MaxSessionDuration": String(role.maxSessionDuration),
                            ]))
                    ]))
        }
        planBoundary(.role, role.name, desired: role.permissionsBoundary, current: existing.permissionsBoundary)
        planTags(
            "role \(role.name)", action: "Role", target: QueryParameters(["RoleName": role.name]), desired: role.tags,
            current: existing.tags)
    }

    /// Instance profiles: created, their role added or removed, tagged, deleted (role removed first).
    mutating func planInstanceProfiles() {
        for key in Self.keys(desired.instanceProfiles) {
            guard let profile = desired.instanceProfiles[key] else { continue }
            let existing = current.instanceProfiles[key]
            let target = QueryParameters(["InstanceProfileName": profile.name])
            if let existing {
                if existing.path != profile.path {
                    note(
                        "instance profile \(profile.name): the workspace's path is \(profile.path) but the endpoint's "
                            + "is \(existing.path); IAM cannot change an instance profile's path")
                }
                planTags(
                    "instance profile \(profile.name)", action: "InstanceProfile", target: target,
                    desired: profile.tags, current: existing.tags)
            } else {
                var parameters = QueryParameters(["InstanceProfileName": profile.name, "Path": profile.path])
                parameters.addTags(profile.tags)
                add(
                    PlannedChange(
                        .create, .createInstanceProfiles, "create instance profile \(profile.name)",
                        details: ["path \(profile.path)"], calls: [PlannedCall("CreateInstanceProfile", parameters)]))
            }
            let roles = profile.roles.filter { desired.role(named: $0) != nil }
            let currentRoles = existing?.roles ?? []
            for role in roles where !currentRoles.contains(role) {
                add(
                    PlannedChange(
                        .create, .grant, "add role \(role) to instance profile \(profile.name)",
                        calls: [
                            PlannedCall(
                                "AddRoleToInstanceProfile",
                                QueryParameters(["InstanceProfileName": profile.name, "RoleName": role]))
                        ]))
            }
            for role in currentRoles where !roles.contains(role) {
                add(
                    // Before the grants: a profile holds one role, so a replaced role must leave first.
                    PlannedChange(
                        .delete, .updateEntities, "remove role \(role) from instance profile \(profile.name)",
                        calls: [
                            PlannedCall(
                                "RemoveRoleFromInstanceProfile",
                                QueryParameters(["InstanceProfileName": profile.name, "RoleName": role]))
                        ]))
            }
        }
        for key in Self.keys(current.instanceProfiles) where desired.instanceProfiles[key] == nil {
            guard let profile = current.instanceProfiles[key] else { continue }
            var calls = profile.roles.map {
                PlannedCall(
                    "RemoveRoleFromInstanceProfile",
                    QueryParameters(["InstanceProfileName": profile.name, "RoleName": $0]))
            }
            calls.append(PlannedCall("DeleteInstanceProfile", QueryParameters(["InstanceProfileName": profile.name])))
            add(
                PlannedChange(.delete, .deleteInstanceProfiles, "delete instance profile \(profile.name)", calls: calls)
            )
        }
    }
}
