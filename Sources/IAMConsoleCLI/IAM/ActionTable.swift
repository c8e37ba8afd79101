import IAMCore

/// Every `iamconsole iam` action: one row each, with the AWS CLI's subcommand name and flags.
/// The help text, the flag parser and the console's command palette all read this table.
enum ActionTable {
    /// A flag whose request member is the flag name in PascalCase (`user-name` → `UserName`).
    static func flag(
        _ name: String, _ kind: FlagKind = .string, required: Bool = false, _ help: String = ""
    )
        -> FlagSpec
    {
        let member = name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return FlagSpec(name: name, member: member, kind: kind, required: required, help: help)
    }

    /// An optional string flag with help text.
    static func flag(_ name: String, _ help: String) -> FlagSpec { flag(name, .string, required: false, help) }

    static let userName = flag("user-name", required: true, "The name of the user.")
    static let optionalUserName = flag("user-name", "The name of the user (default: the caller).")
    static let groupName = flag("group-name", required: true, "The name of the group.")
    static let roleName = flag("role-name", required: true, "The name of the role.")
    static let policyArn = flag("policy-arn", required: true, "The ARN of the managed policy.")
    static let policyName = flag("policy-name", required: true, "The name of the policy.")
    static let policyDocument = flag(
        "policy-document", .document, required: true, "The policy: JSON, or file://PATH.")
    static let path = flag("path", "The path, e.g. /division/team/ (default /).")
    static let pathPrefix = flag("path-prefix", "Only entities whose path starts with this prefix.")
    static let tags = flag("tags", .tags, "Tags: Key=k,Value=v ... or a JSON list.")
    static let profileName = flag("instance-profile-name", required: true, "The name of the instance profile.")
    static let versionId = flag("version-id", required: true, "The policy version, e.g. v2.")

    static let all: [ActionSpec] =
        users + groups + roles + policies + attachments + inline + boundaries
        + instanceProfiles + accountActions + passwords + accessKeys + mfa + simulation + reports + accessAdvisor

    static func spec(_ cliName: String) -> ActionSpec? { all.first { $0.cliName == cliName } }
}
