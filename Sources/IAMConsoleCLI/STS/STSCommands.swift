import IAMCore

/// `iamconsole sts ACTION [flags]`: the STS actions, with the AWS CLI's names, flags and output.
/// They run through the same table machinery as `iam`, and their calls count as `sts` in an access
/// key's last use.
enum STSCommands {
    static let assumeRole = ActionSpec(
        cliName: "assume-role", operation: "AssumeRole",
        summary: "Returns temporary credentials for a session of a role.",
        flags: [
            ActionTable.flag("role-arn", .string, required: true, "The ARN of the role to assume."),
            ActionTable.flag(
                "role-session-name", .string, required: true, "A name for the session (2-64 of [\\w+=,.@-])."),
            ActionTable.flag("external-id", "The external ID the role's trust policy may require (sts:ExternalId)."),
            ActionTable.flag("serial-number", "The caller's MFA device (its ARN, or a hardware token's serial)."),
            ActionTable.flag("token-code", "The device's current 6-digit code."),
            ActionTable.flag(
                "duration-seconds", .integer, required: false, "900 to the role's MaxSessionDuration (default 3600)."),
            ActionTable.flag("policy", .document, required: false, "An inline session policy: JSON, or file://PATH."),
            ActionTable.flag("tags", .tags, required: false, "Session tags: Key=k,Value=v ... or a JSON list."),
        ], mutates: true, resultKeys: nil,
        call: ActionCall.make(AssumeRoleRequest.self) { try $0.assumeRole($1, as: $2) })

    static let getSessionToken = ActionSpec(
        cliName: "get-session-token", operation: "GetSessionToken",
        summary: "Returns temporary credentials for the caller, with MFA when a code is given.",
        flags: [
            ActionTable.flag(
                "duration-seconds", .integer, required: false, "900-129600 (default 43200; root: at most 3600)."),
            ActionTable.flag("serial-number", "The caller's MFA device (its ARN, or a hardware token's serial)."),
            ActionTable.flag("token-code", "The device's current 6-digit code."),
        ], mutates: true, resultKeys: nil,
        call: ActionCall.make(GetSessionTokenRequest.self) { try $0.getSessionToken($1, as: $2) })

    static let getCallerIdentity = ActionSpec(
        cliName: "get-caller-identity", operation: "GetCallerIdentity",
        summary: "Returns the caller's user id, account and ARN.", flags: [], mutates: false, resultKeys: nil,
        call: ActionCall.make(GetCallerIdentityRequest.self) { try $0.getCallerIdentity($1, as: $2) })

    static let group = CommandGroup(
        name: "sts", specs: [assumeRole, getCallerIdentity, getSessionToken], service: "sts",
        about: "Runs an STS action against the workspace, as `aws sts` does against AWS.")

    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        IAMCommand.run(words, environment: environment, group: group)
    }
}
