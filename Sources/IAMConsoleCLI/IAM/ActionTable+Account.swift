import IAMCore

extension ActionTable {
    static let instanceProfiles: [ActionSpec] = [
        ActionSpec(
            cliName: "create-instance-profile", operation: "CreateInstanceProfile",
            summary: "Creates an instance profile.",
            flags: [profileName, path, tags], mutates: true, resultKeys: nil,
            call: ActionCall.make(CreateInstanceProfileRequest.self) { try $0.createInstanceProfile($1, as: $2) }),
        ActionSpec(
            cliName: "get-instance-profile", operation: "GetInstanceProfile", summary: "Describes an instance profile.",
            flags: [profileName], mutates: false, resultKeys: nil,
            call: ActionCall.make(InstanceProfileNameRequest.self) { try $0.getInstanceProfile($1, as: $2) }),
        ActionSpec(
            cliName: "list-instance-profiles", operation: "ListInstanceProfiles", summary: "Lists instance profiles.",
            flags: [pathPrefix], mutates: false, resultKeys: ["InstanceProfiles"],
            call: ActionCall.make(ListInstanceProfilesRequest.self) { try $0.listInstanceProfiles($1, as: $2) }),
        ActionSpec(
            cliName: "list-instance-profiles-for-role", operation: "ListInstanceProfilesForRole",
            summary: "Lists the instance profiles that hold a role.", flags: [roleName], mutates: false,
            resultKeys: ["InstanceProfiles"],
            call: ActionCall.make(ListInstanceProfilesRequest.self) { try $0.listInstanceProfiles($1, as: $2) }),
        ActionSpec(
            cliName: "add-role-to-instance-profile", operation: "AddRoleToInstanceProfile",
            summary: "Puts a role into an instance profile.", flags: [profileName, roleName], mutates: true,
            resultKeys: nil,
            call: ActionCall.make(InstanceProfileRoleRequest.self) { try $0.addRoleToInstanceProfile($1, as: $2) }),
        ActionSpec(
            cliName: "remove-role-from-instance-profile", operation: "RemoveRoleFromInstanceProfile",
            summary: "Takes a role out of an instance profile.", flags: [profileName, roleName], mutates: true,
            resultKeys: nil,
            call: ActionCall.make(InstanceProfileRoleRequest.self) { try $0.removeRoleFromInstanceProfile($1, as: $2) }),
        ActionSpec(
            cliName: "delete-instance-profile", operation: "DeleteInstanceProfile",
            summary: "Deletes an empty instance profile.", flags: [profileName], mutates: true, resultKeys: nil,
            call: ActionCall.make(InstanceProfileNameRequest.self) { try $0.deleteInstanceProfile($1, as: $2) }),
    ]

    static let accountActions: [ActionSpec] = [
        ActionSpec(
            cliName: "create-account-alias", operation: "CreateAccountAlias", summary: "Sets the account alias.",
            flags: [flag("account-alias", required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(AccountAliasRequest.self) { try $0.createAccountAlias($1, as: $2) }),
        ActionSpec(
            cliName: "delete-account-alias", operation: "DeleteAccountAlias", summary: "Removes the account alias.",
            flags: [flag("account-alias", required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(AccountAliasRequest.self) { try $0.deleteAccountAlias($1, as: $2) }),
        ActionSpec(
            cliName: "list-account-aliases", operation: "ListAccountAliases", summary: "Lists the account alias.",
            flags: [], mutates: false, resultKeys: ["AccountAliases"],
            call: ActionCall.make(ListAccountAliasesRequest.self) { try $0.listAccountAliases($1, as: $2) }),
        ActionSpec(
            cliName: "get-account-summary", operation: "GetAccountSummary", summary: "Counts entities and quotas.",
            flags: [], mutates: false, resultKeys: nil,
            call: ActionCall.make(EmptyResponse.self) { service, _, principal in
                try service.getAccountSummary(as: principal)
            }),
        ActionSpec(
            cliName: "get-account-authorization-details", operation: "GetAccountAuthorizationDetails",
            summary: "Everything that grants permissions in the account.",
            flags: [flag("filter", .stringList, "User, Role, Group, LocalManagedPolicy, AWSManagedPolicy.")],
            mutates: false, resultKeys: ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"],
            call: ActionCall.make(GetAccountAuthorizationDetailsRequest.self) {
                try $0.getAccountAuthorizationDetails($1, as: $2)
            }),
        ActionSpec(
            cliName: "update-account-name", operation: "UpdateAccountName", summary: "Renames the account (root only).",
            flags: [flag("account-name", required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(UpdateAccountNameRequest.self) { try $0.updateAccountName($1, as: $2) }),
        ActionSpec(
            cliName: "update-root-email", operation: "UpdateRootEmail",
            summary: "Changes the root user's email address (root only).",
            flags: [flag("email-address", required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(UpdateRootEmailRequest.self) { try $0.updateRootEmail($1, as: $2) }),
    ]

    static let accessKeys: [ActionSpec] = [
        ActionSpec(
            cliName: "create-access-key", operation: "CreateAccessKey",
            summary: "Creates an access key; the secret is shown only now.", flags: [optionalUserName], mutates: true,
            resultKeys: nil, call: ActionCall.make(AccessKeyUserRequest.self) { try $0.createAccessKey($1, as: $2) }),
        ActionSpec(
            cliName: "list-access-keys", operation: "ListAccessKeys", summary: "Lists access keys.",
            flags: [optionalUserName], mutates: false, resultKeys: ["AccessKeyMetadata"],
            call: ActionCall.make(AccessKeyUserRequest.self) { try $0.listAccessKeys($1, as: $2) }),
        ActionSpec(
            cliName: "update-access-key", operation: "UpdateAccessKey", summary: "Activates or deactivates a key.",
            flags: [optionalUserName, flag("access-key-id", required: true), flag("status", required: true)],
            mutates: true, resultKeys: nil,
            call: ActionCall.make(UpdateAccessKeyRequest.self) { try $0.updateAccessKey($1, as: $2) }),
        ActionSpec(
            cliName: "delete-access-key", operation: "DeleteAccessKey", summary: "Deletes an access key.",
            flags: [optionalUserName, flag("access-key-id", required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(DeleteAccessKeyRequest.self) { try $0.deleteAccessKey($1, as: $2) }),
        ActionSpec(
            cliName: "get-access-key-last-used", operation: "GetAccessKeyLastUsed",
            summary: "Shows when, where and for which service an access key was last used.",
            flags: [flag("access-key-id", required: true)], mutates: false, resultKeys: nil,
            call: ActionCall.make(GetAccessKeyLastUsedRequest.self) { try $0.getAccessKeyLastUsed($1, as: $2) }),
    ]
}
