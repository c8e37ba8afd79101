import IAMCore

extension ActionTable {
    static let users: [ActionSpec] = [
        ActionSpec(
            cliName: "create-user", operation: "CreateUser", summary: "Creates an IAM user.",
            flags: [userName, path, flag("permissions-boundary", "ARN of the boundary policy."), tags], mutates: true,
            resultKeys: nil, call: ActionCall.make(CreateUserRequest.self) { try $0.createUser($1, as: $2) }),
        ActionSpec(
            cliName: "get-user", operation: "GetUser", summary: "Describes a user (default: the caller).",
            flags: [optionalUserName], mutates: false, resultKeys: nil,
            call: ActionCall.make(UserNameRequest.self) { try $0.getUser($1, as: $2) }),
        ActionSpec(
            cliName: "list-users", operation: "ListUsers", summary: "Lists the users.", flags: [pathPrefix],
            mutates: false, resultKeys: ["Users"],
            call: ActionCall.make(ListUsersRequest.self) { try $0.listUsers($1, as: $2) }),
        ActionSpec(
            cliName: "update-user", operation: "UpdateUser", summary: "Renames a user or changes its path.",
            flags: [userName, flag("new-path"), flag("new-user-name")], mutates: true, resultKeys: nil,
            call: ActionCall.make(UpdateUserRequest.self) { try $0.updateUser($1, as: $2) }),
        ActionSpec(
            cliName: "delete-user", operation: "DeleteUser", summary: "Deletes a user with nothing attached.",
            flags: [userName], mutates: true, resultKeys: nil,
            call: ActionCall.make(UserNameRequest.self) { try $0.deleteUser($1, as: $2) }),
        ActionSpec(
            cliName: "tag-user", operation: "TagUser", summary: "Adds tags to a user.",
            flags: [userName, flag("tags", .tags, required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(TagRequest.self) { try $0.tag($1, as: $2) }),
        ActionSpec(
            cliName: "untag-user", operation: "UntagUser", summary: "Removes tags from a user.",
            flags: [userName, flag("tag-keys", .stringList, required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(UntagRequest.self) { try $0.untag($1, as: $2) }),
        ActionSpec(
            cliName: "list-user-tags", operation: "ListUserTags", summary: "Lists a user's tags.", flags: [userName],
            mutates: false, resultKeys: ["Tags"],
            call: ActionCall.make(ListTagsRequest.self) { try $0.listTags($1, as: $2) }),
    ]

    static let groups: [ActionSpec] = [
        ActionSpec(
            cliName: "create-group", operation: "CreateGroup", summary: "Creates a group.", flags: [groupName, path],
            mutates: true, resultKeys: nil,
            call: ActionCall.make(CreateGroupRequest.self) { try $0.createGroup($1, as: $2) }),
        ActionSpec(
            cliName: "get-group", operation: "GetGroup", summary: "Describes a group and lists its users.",
            flags: [groupName], mutates: false, resultKeys: ["Users"],
            call: ActionCall.make(GetGroupRequest.self) { try $0.getGroup($1, as: $2) }),
        ActionSpec(
            cliName: "list-groups", operation: "ListGroups", summary: "Lists the groups.", flags: [pathPrefix],
            mutates: false, resultKeys: ["Groups"],
            call: ActionCall.make(ListGroupsRequest.self) { try $0.listGroups($1, as: $2) }),
        ActionSpec(
            cliName: "update-group", operation: "UpdateGroup", summary: "Renames a group or changes its path.",
            flags: [groupName, flag("new-path"), flag("new-group-name")], mutates: true, resultKeys: nil,
            call: ActionCall.make(UpdateGroupRequest.self) { try $0.updateGroup($1, as: $2) }),
        ActionSpec(
            cliName: "delete-group", operation: "DeleteGroup", summary: "Deletes an empty group.", flags: [groupName],
            mutates: true, resultKeys: nil,
            call: ActionCall.make(GroupNameRequest.self) { try $0.deleteGroup($1, as: $2) }),
        ActionSpec(
            cliName: "add-user-to-group", operation: "AddUserToGroup", summary: "Adds a user to a group.",
            flags: [groupName, userName], mutates: true, resultKeys: nil,
            call: ActionCall.make(GroupMembershipRequest.self) { try $0.addUserToGroup($1, as: $2) }),
        ActionSpec(
            cliName: "remove-user-from-group", operation: "RemoveUserFromGroup",
            summary: "Removes a user from a group.",
            flags: [groupName, userName], mutates: true, resultKeys: nil,
            call: ActionCall.make(GroupMembershipRequest.self) { try $0.removeUserFromGroup($1, as: $2) }),
        ActionSpec(
            cliName: "list-groups-for-user", operation: "ListGroupsForUser", summary: "Lists a user's groups.",
            flags: [userName], mutates: false, resultKeys: ["Groups"],
            call: ActionCall.make(ListGroupsForUserRequest.self) { try $0.listGroupsForUser($1, as: $2) }),
    ]

    static let roles: [ActionSpec] = [
        ActionSpec(
            cliName: "create-role", operation: "CreateRole", summary: "Creates a role with a trust policy.",
            flags: [
                roleName, path, flag("assume-role-policy-document", .document, required: true, "The trust policy."),
                flag("description"), flag("max-session-duration", .integer, "Seconds, 3600-43200."),
                flag("permissions-boundary"), tags,
            ], mutates: true, resultKeys: nil,
            call: ActionCall.make(CreateRoleRequest.self) { try $0.createRole($1, as: $2) }),
        ActionSpec(
            cliName: "get-role", operation: "GetRole", summary: "Describes a role.", flags: [roleName], mutates: false,
            resultKeys: nil, call: ActionCall.make(RoleNameRequest.self) { try $0.getRole($1, as: $2) }),
        ActionSpec(
            cliName: "list-roles", operation: "ListRoles", summary: "Lists the roles.", flags: [pathPrefix],
            mutates: false, resultKeys: ["Roles"],
            call: ActionCall.make(ListRolesRequest.self) { try $0.listRoles($1, as: $2) }),
        ActionSpec(
            cliName: "update-role", operation: "UpdateRole", summary: "Changes a role's description or session length.",
            flags: [roleName, flag("description"), flag("max-session-duration", .integer)], mutates: true,
            resultKeys: nil, call: ActionCall.make(UpdateRoleRequest.self) { try $0.updateRole($1, as: $2) }),
        ActionSpec(
            cliName: "update-assume-role-policy", operation: "UpdateAssumeRolePolicy",
            summary: "Replaces a role's trust policy.", flags: [roleName, policyDocument], mutates: true,
            resultKeys: nil,
            call: ActionCall.make(UpdateAssumeRolePolicyRequest.self) { try $0.updateAssumeRolePolicy($1, as: $2) }),
        ActionSpec(
            cliName: "delete-role", operation: "DeleteRole", summary: "Deletes a role with nothing attached.",
            flags: [roleName], mutates: true, resultKeys: nil,
            call: ActionCall.make(RoleNameRequest.self) { try $0.deleteRole($1, as: $2) }),
        ActionSpec(
            cliName: "tag-role", operation: "TagRole", summary: "Adds tags to a role.",
            flags: [roleName, flag("tags", .tags, required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(TagRequest.self) { try $0.tag($1, as: $2) }),
        ActionSpec(
            cliName: "untag-role", operation: "UntagRole", summary: "Removes tags from a role.",
            flags: [roleName, flag("tag-keys", .stringList, required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(UntagRequest.self) { try $0.untag($1, as: $2) }),
        ActionSpec(
            cliName: "list-role-tags", operation: "ListRoleTags", summary: "Lists a role's tags.", flags: [roleName],
            mutates: false, resultKeys: ["Tags"],
            call: ActionCall.make(ListTagsRequest.self) { try $0.listTags($1, as: $2) }),
    ]
}
