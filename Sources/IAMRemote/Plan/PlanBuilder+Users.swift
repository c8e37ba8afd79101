import IAMCore

extension PlanBuilder {
    /// Users: created with path, boundary and tags; memberships, policies, boundary, tags, login
    /// profile state and access key status matched; deleted after their credentials, memberships
    /// and policies are removed. Passwords, new access keys and MFA devices cannot be carried
    /// (their secrets are not in the workspace) and are noted instead.
    mutating func planUsers() {
        for key in Self.keys(desired.users) {
            guard let user = desired.users[key] else { continue }
            let existing = current.users[key]
            if let existing {
                planUpdate(user, existing: existing)
            } else {
                planCreate(user)
            }
            let groups = user.groups.filter { desired.group(named: $0) != nil }
            let currentGroups = existing?.groups ?? []
            for group in groups where !currentGroups.contains(where: { Account.key($0) == Account.key(group) }) {
                add(
                    PlannedChange(
                        .create, .grant, "add user \(user.name) to group \(group)",
                        calls: [
                            PlannedCall("AddUserToGroup", QueryParameters(["GroupName": group, "UserName": user.name]))
                        ]
                    ))
            }
            for group in currentGroups where !groups.contains(where: { Account.key($0) == Account.key(group) }) {
                add(
                    PlannedChange(
                        .delete, .revoke, "remove user \(user.name) from group \(group)",
                        calls: [
                            PlannedCall(
                                "RemoveUserFromGroup", QueryParameters(["GroupName": group, "UserName": user.name]))
                        ]))
            }
            planInline(.user, user.name, desired: user.inlinePolicies, current: existing?.inlinePolicies ?? [])
            planAttachments(.user, user.name, desired: user.attachedPolicies, current: existing?.attachedPolicies ?? [])
            planCredentialNotes(user, existing: existing)
        }
        for key in Self.keys(current.users) where desired.users[key] == nil {
            guard let user = current.users[key] else { continue }
            planDelete(user)
        }
    }

    private mutating func planCreate(_ user: User) {
        var parameters = QueryParameters(["UserName": user.name, "Path": user.path])
        parameters.add("PermissionsBoundary", user.permissionsBoundary)
        parameters.addTags(user.tags)
        var details = ["path \(user.path)"]
        if let boundary = user.permissionsBoundary { details.append("permissions boundary \(boundary)") }
        if !user.tags.isEmpty { details.append("tags \(Self.tagList(user.tags))") }
        add(
            PlannedChange(
                .create, .createUsers, "create user \(user.name)", details: details,
                calls: [PlannedCall("CreateUser", parameters)]))
    }

    private mutating func planUpdate(_ user: User, existing: User) {
        if existing.path != user.path {
            add(
                PlannedChange(
                    .update, .updateEntities, "move user \(user.name) from path \(existing.path) to \(user.path)",
                    calls: [PlannedCall("UpdateUser", QueryParameters(["UserName": user.name, "NewPath": user.path]))]))
        }
        planBoundary(.user, user.name, desired: user.permissionsBoundary, current: existing.permissionsBoundary)
        planTags(
            "user \(user.name)", action: "User", target: QueryParameters(["UserName": user.name]), desired: user.tags,
            current: existing.tags)
        switch (existing.loginProfile, user.loginProfile) {
        case (let remote?, let local?) where remote.passwordResetRequired != local.passwordResetRequired:
            add(
                PlannedChange(
                    .update, .updateEntities,
                    "set password reset required of user \(user.name) to \(local.passwordResetRequired)",
                    calls: [
                        PlannedCall(
                            "UpdateLoginProfile",
                            QueryParameters([
                                "UserName": user.name, "PasswordResetRequired": String(local.passwordResetRequired),
                            ]))
                    ]))
        case (.some, nil):
            add(
                PlannedChange(
                    .delete, .revoke, "delete console password (login profile) of user \(user.name)",
                    calls: [PlannedCall("DeleteLoginProfile", QueryParameters(["UserName": user.name]))]))
        default: break
        }
        for key in existing.accessKeys {
            if let local = user.accessKeys.first(where: { $0.id == key.id }) {
                guard local.status != key.status else { continue }
                add(
                    PlannedChange(
                        .update, .updateEntities,
                        "\(local.status == .active ? "activate" : "deactivate") access key \(key.id) of user \(user.name)",
                        calls: [
                            PlannedCall(
                                "UpdateAccessKey",
                                QueryParameters([
                                    "UserName": user.name, "AccessKeyId": key.id, "Status": local.status.rawValue,
                                ]))
                        ]))
            } else if key.id == signingKeyId {
                note(
                    "user \(user.name): access key \(key.id) is not in the workspace but is kept, since it signs these requests"
                )
            } else {
                add(
                    PlannedChange(
                        .delete, .revoke, "delete access key \(key.id) of user \(user.name)",
                        calls: [
                            PlannedCall(
                                "DeleteAccessKey", QueryParameters(["UserName": user.name, "AccessKeyId": key.id]))
                        ]))
            }
        }
    }

    /// What the workspace has that no call can carry: a console password, access keys the
    /// endpoint does not have, MFA devices.
    private mutating func planCredentialNotes(_ user: User, existing: User?) {
        if user.loginProfile != nil, existing?.loginProfile == nil {
            note(
                "user \(user.name): has a console password in the workspace only; passwords are not carried "
                    + "(set one with `aws iam create-login-profile`)")
        }
        let remoteKeys = Set(existing?.accessKeys.map(\.id) ?? [])
        let missing = user.accessKeys.filter { !remoteKeys.contains($0.id) }
        if !missing.isEmpty {
            note(
                "user \(user.name): access key\(missing.count == 1 ? "" : "s") "
                    + "\(missing.map(\.id).joined(separator: ", ")) exist only in the workspace; keys are not created "
                    + "(a new key gets a new id and secret: create one with `aws iam create-access-key`)")
        }
        if Set(user.mfaDevices) != Set(existing?.mfaDevices ?? []) {
            note(
                "user \(user.name): MFA devices differ (workspace: \(user.mfaDevices.count), endpoint: "
                    + "\(existing?.mfaDevices.count ?? 0)); MFA devices are not carried (enabling one needs its codes)")
        }
    }

    private mutating func planDelete(_ user: User) {
        if user.accessKeys.contains(where: { $0.id == signingKeyId }) {
            note("user \(user.name) is not in the workspace but is kept, since its access key signs these requests")
            return
        }
        let name = QueryParameters(["UserName": user.name])
        var calls: [PlannedCall] = []
        var details: [String] = []
        if user.loginProfile != nil {
            calls.append(PlannedCall("DeleteLoginProfile", name))
            details.append("deletes its console password")
        }
        for key in user.accessKeys {
            calls.append(
                PlannedCall("DeleteAccessKey", QueryParameters(["UserName": user.name, "AccessKeyId": key.id])))
        }
        if !user.accessKeys.isEmpty {
            details.append("deletes access keys \(user.accessKeys.map(\.id).joined(separator: ", "))")
        }
        for serial in user.mfaDevices {
            calls.append(
                PlannedCall("DeactivateMFADevice", QueryParameters(["UserName": user.name, "SerialNumber": serial])))
            if serial.hasPrefix("arn:") {
                calls.append(PlannedCall("DeleteVirtualMFADevice", QueryParameters(["SerialNumber": serial])))
            }
        }
        if !user.mfaDevices.isEmpty {
            details.append("deactivates MFA devices \(user.mfaDevices.joined(separator: ", "))")
        }
        for group in user.groups {
            calls.append(
                PlannedCall("RemoveUserFromGroup", QueryParameters(["GroupName": group, "UserName": user.name])))
        }
        if !user.groups.isEmpty { details.append("leaves groups \(user.groups.joined(separator: ", "))") }
        for arn in user.attachedPolicies {
            calls.append(PlannedCall("DetachUserPolicy", QueryParameters(["UserName": user.name, "PolicyArn": arn])))
        }
        for policy in user.inlinePolicies {
            calls.append(
                PlannedCall("DeleteUserPolicy", QueryParameters(["UserName": user.name, "PolicyName": policy.name])))
        }
        if user.permissionsBoundary != nil { calls.append(PlannedCall("DeleteUserPermissionsBoundary", name)) }
        calls.append(PlannedCall("DeleteUser", name))
        add(PlannedChange(.delete, .deleteUsers, "delete user \(user.name)", details: details, calls: calls))
    }
}
