import IAMCore

extension ActionTable {
    static let passwordResetRequired = flag(
        "password-reset-required", .boolean,
        "--password-reset-required / --no-password-reset-required: whether "
            + "the user must choose a new password at the next sign-in.")
    static let loginProfileUserName = flag("user-name", "The user (default: the caller).")

    static let passwords: [ActionSpec] = [
        ActionSpec(
            cliName: "update-account-password-policy", operation: "UpdateAccountPasswordPolicy",
            summary: "Sets the account password policy; every flag left out takes its default.",
            flags: [
                flag("minimum-password-length", .integer, "6-128 characters (default 6)."),
                flag("require-symbols", .boolean, "At least one of ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '."),
                flag("require-numbers", .boolean, "At least one digit 0-9."),
                flag("require-uppercase-characters", .boolean, "At least one letter A-Z."),
                flag("require-lowercase-characters", .boolean, "At least one letter a-z."),
                flag("allow-users-to-change-password", .boolean, "Users may change their own password."),
                flag("max-password-age", .integer, "Days a password is valid, 1-1095 (default: never expires)."),
                flag("password-reuse-prevention", .integer, "Earlier passwords a user may not reuse, 1-24."),
                flag("hard-expiry", .boolean, "Expired passwords can only be reset by an administrator."),
            ], mutates: true, resultKeys: nil,
            call: ActionCall.make(UpdateAccountPasswordPolicyRequest.self) {
                try $0.updateAccountPasswordPolicy($1, as: $2)
            }),
        ActionSpec(
            cliName: "get-account-password-policy", operation: "GetAccountPasswordPolicy",
            summary: "Shows the custom password policy (NoSuchEntity while the AWS default applies).", flags: [],
            mutates: false, resultKeys: nil,
            call: ActionCall.make(EmptyResponse.self) { service, _, principal in
                try service.getAccountPasswordPolicy(as: principal)
            }),
        ActionSpec(
            cliName: "delete-account-password-policy", operation: "DeleteAccountPasswordPolicy",
            summary: "Removes the custom password policy; the AWS default applies again.", flags: [], mutates: true,
            resultKeys: nil,
            call: ActionCall.make(EmptyResponse.self) { service, _, principal in
                try service.deleteAccountPasswordPolicy(as: principal)
            }),
        ActionSpec(
            cliName: "create-login-profile", operation: "CreateLoginProfile",
            summary: "Gives a user a console password, checked against the password policy.",
            flags: [
                loginProfileUserName, flag("password", required: true, "The new password."), passwordResetRequired,
            ], mutates: true, resultKeys: nil,
            call: ActionCall.make(CreateLoginProfileRequest.self) { try $0.createLoginProfile($1, as: $2) }),
        ActionSpec(
            cliName: "get-login-profile", operation: "GetLoginProfile",
            summary: "Shows when a user's console password was created and whether a reset is required.",
            flags: [loginProfileUserName], mutates: false, resultKeys: nil,
            call: ActionCall.make(LoginProfileRequest.self) { try $0.getLoginProfile($1, as: $2) }),
        ActionSpec(
            cliName: "update-login-profile", operation: "UpdateLoginProfile",
            summary: "Sets a user's console password or its reset flag (administrator).",
            flags: [loginProfileUserName, flag("password", "The new password."), passwordResetRequired],
            mutates: true, resultKeys: nil,
            call: ActionCall.make(UpdateLoginProfileRequest.self) { try $0.updateLoginProfile($1, as: $2) }),
        ActionSpec(
            cliName: "delete-login-profile", operation: "DeleteLoginProfile",
            summary: "Removes a user's console password.", flags: [loginProfileUserName], mutates: true,
            resultKeys: nil,
            call: ActionCall.make(LoginProfileRequest.self) { try $0.deleteLoginProfile($1, as: $2) }),
        ActionSpec(
            cliName: "change-password", operation: "ChangePassword",
            summary: "Changes the calling user's own console password.",
            flags: [
                flag("old-password", required: true, "The current password."),
                flag("new-password", required: true, "The new password."),
            ], mutates: true, resultKeys: nil,
            call: ActionCall.make(ChangePasswordRequest.self) { try $0.changePassword($1, as: $2) }),
    ]
}
