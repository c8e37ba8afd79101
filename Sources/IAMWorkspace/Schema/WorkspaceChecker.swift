import IAMCore
import IAMPolicy

/// One inconsistency in a workspace, with the JSON path of the offending value in the file.
public struct WorkspaceProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Checks a decoded account against IAM's rules: names, paths, ids, references between entities,
/// quotas and policy grammar. Paths index arrays in the order the file stores them (sorted by name).
public enum WorkspaceChecker {
    public static func check(_ account: Account, quotas: Quotas = .standard) -> [WorkspaceProblem] {
        var problems: [WorkspaceProblem] = []
        func add(_ path: String, _ message: String) { problems.append(WorkspaceProblem(path: path, message: message)) }
        func rule(_ path: String, _ body: () throws(IAMError) -> Void) {
            do { try body() } catch { add(path, error.message) }
        }
        func document(_ path: String, _ text: String, _ kind: PolicyKind) {
            if let first = PolicyGrammar.validate(text, kind: kind).first {
                let detail = first.detail.map { " (\($0))" } ?? ""
                add(path, "MalformedPolicyDocument at \(first.path): \(first.message)\(detail)")
            }
        }
        func managedExists(_ arn: String) -> Bool {
            account.customerPolicy(arn: arn) != nil || AWSManagedPolicyCatalog.policy(arn: arn) != nil
        }
        func id(_ path: String, _ value: String) {
            let ok =
                (16...128).contains(value.count)
                && value.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                }
            if !ok { add(path, "invalid unique id '\(value)' (16-128 letters, digits or _)") }
        }

        if account.id.count != 12 || !account.id.allSatisfy(\.isASCII) || !account.id.allSatisfy(\.isNumber) {
            add("$.account.id", "the account id must be 12 digits, found '\(account.id)'")
        }
        if let alias = account.alias {
            rule("$.account.alias") { () throws(IAMError) in try NameRules.checkAccountAlias(alias) }
        }
        rule("$.account.root.email") { () throws(IAMError) in try IAMService.checkEmail(account.root.email) }
        if !account.root.passwordHash.hasPrefix("pbkdf2-sha256$") {
            add("$.account.root.passwordHash", "not a password hash this version understands")
        }

        for (index, user) in sorted(account.users).enumerated() {
            let path = "$.account.users[\(index)]"
            rule(path + ".name") { () throws(IAMError) in try NameRules.checkName(user.name, field: "userName", max: 64)
            }
            rule(path + ".path") { () throws(IAMError) in try NameRules.checkPath(user.path) }
            id(path + ".id", user.id)
            if user.groups.count > quotas.groupsPerUser {
                add(
                    path + ".groups",
                    "a user can be in at most \(quotas.groupsPerUser) groups, found \(user.groups.count)")
            }
            for (g, group) in user.groups.enumerated() where account.group(named: group) == nil {
                add(path + ".groups[\(g)]", "no group named '\(group)'")
            }
            checkAttachments(path, user.attachedPolicies, quotas.attachedPoliciesPerUser, managedExists, add)
            if let boundary = user.permissionsBoundary, !managedExists(boundary) {
                add(path + ".permissionsBoundary", "no managed policy \(boundary)")
            }
            for (p, policy) in user.inlinePolicies.enumerated() {
                document(path + ".inlinePolicies[\(p)].document", policy.document, .identity)
            }
            if user.accessKeys.count > quotas.accessKeysPerUser {
                add(path + ".accessKeys", "a user can have at most \(quotas.accessKeysPerUser) access keys")
            }
            for (m, serial) in user.mfaDevices.enumerated() where account.mfaDevices[serial] == nil {
                add(path + ".mfaDevices[\(m)]", "no MFA device with serial number \(serial)")
            }
        }
        for (index, group) in sorted(account.groups).enumerated() {
            let path = "$.account.groups[\(index)]"
            rule(path + ".name") { () throws(IAMError) in
                try NameRules.checkName(group.name, field: "groupName", max: 128)
            }
            rule(path + ".path") { () throws(IAMError) in try NameRules.checkPath(group.path) }
            id(path + ".id", group.id)
            checkAttachments(path, group.attachedPolicies, quotas.attachedPoliciesPerGroup, managedExists, add)
            for (p, policy) in group.inlinePolicies.enumerated() {
                document(path + ".inlinePolicies[\(p)].document", policy.document, .identity)
            }
        }
        for (index, role) in sorted(account.roles).enumerated() {
            let path = "$.account.roles[\(index)]"
            rule(path + ".name") { () throws(IAMError) in try NameRules.checkName(role.name, field: "roleName", max: 64)
            }
            rule(path + ".path") { () throws(IAMError) in try NameRules.checkPath(role.path) }
            id(path + ".id", role.id)
            document(path + ".assumeRolePolicyDocument", role.assumeRolePolicyDocument, .trust)
            if !(3600...43200).contains(role.maxSessionDuration) {
                add(path + ".maxSessionDuration", "must be 3600-43200 seconds, found \(role.maxSessionDuration)")
            }
            checkAttachments(path, role.attachedPolicies, quotas.attachedPoliciesPerRole, managedExists, add)
            if let boundary = role.permissionsBoundary, !managedExists(boundary) {
                add(path + ".permissionsBoundary", "no managed policy \(boundary)")
            }
            for (p, policy) in role.inlinePolicies.enumerated() {
                document(path + ".inlinePolicies[\(p)].document", policy.document, .identity)
            }
        }
        for (index, policy) in sorted(account.policies).enumerated() {
            let path = "$.account.policies[\(index)]"
            rule(path + ".name") { () throws(IAMError) in
                try NameRules.checkName(policy.name, field: "policyName", max: 128)
            }
            rule(path + ".path") { () throws(IAMError) in try NameRules.checkPolicyPath(policy.path) }
            id(path + ".id", policy.id)
            if policy.versions.isEmpty || policy.versions.count > quotas.versionsPerPolicy {
                add(
                    path + ".versions",
                    "a managed policy has 1 to \(quotas.versionsPerPolicy) versions, found \(policy.versions.count)")
            }
            if !policy.versions.contains(where: { $0.versionId == policy.defaultVersionId }) {
                add(path + ".defaultVersionId", "no version \(policy.defaultVersionId)")
            }
            var seen = Set<String>()
            for (v, version) in policy.versions.enumerated() {
                if !seen.insert(version.versionId).inserted {
                    add(path + ".versions[\(v)].versionId", "duplicate version id")
                }
                if let number = Int(version.versionId.dropFirst()), number >= policy.nextVersionNumber {
                    add(path + ".nextVersionNumber", "must be greater than every version number (\(number))")
                }
                document(path + ".versions[\(v)].document", version.document, .managed)
            }
        }
        for (index, profile) in sorted(account.instanceProfiles).enumerated() {
            let path = "$.account.instanceProfiles[\(index)]"
            rule(path + ".name") { () throws(IAMError) in
                try NameRules.checkName(profile.name, field: "instanceProfileName", max: 128)
            }
            if profile.roles.count > quotas.rolesPerInstanceProfile {
                add(path + ".roles", "an instance profile holds at most \(quotas.rolesPerInstanceProfile) role")
            }
            for (r, role) in profile.roles.enumerated() where account.role(named: role) == nil {
                add(path + ".roles[\(r)]", "no role named '\(role)'")
            }
        }
        for (index, device) in account.mfaDevices.values.sorted(by: { $0.serialNumber < $1.serialNumber }).enumerated()
        {
            if let owner = device.assignedTo, owner != MFADevice.rootAssignee, account.user(named: owner) == nil {
                add("$.account.mfaDevices[\(index)].assignedTo", "no user named '\(owner)'")
            }
            // Without its seed a device can never produce an accepted code; without its credential id
            // a security key can never answer a sign-in.
            if device.type.usesCodes, device.seed.flatMap(Base32.decode)?.isEmpty != false {
                add("$.account.mfaDevices[\(index)].seed", "a \(device.type.rawValue) MFA device needs a base32 seed")
            }
            if device.type == .securityKey, device.credentialId?.isEmpty != false {
                add("$.account.mfaDevices[\(index)].credentialId", "a security key needs a credential id")
            }
        }
        // Resource-based policies follow the resource-policy grammar; each resource is the account's own.
        for (index, resource) in sorted(account.resources).enumerated() {
            let path = "$.account.resources[\(index)]"
            if let policy = resource.policy { document(path + ".policy", policy, .resource) }
            // An S3 bucket's ARN names no account.
            if let owner = ARN(resource.arn)?.account, !owner.isEmpty, owner != account.id {
                add(path + ".arn", "the resource belongs to account \(owner), not the workspace's \(account.id)")
            }
        }
        return problems
    }

    private static func sorted<Value>(_ dictionary: [String: Value]) -> [Value] {
        dictionary.sorted { $0.key < $1.key }.map(\.value)
    }

    private static func checkAttachments(
        _ path: String, _ arns: [String], _ quota: Int, _ exists: (String) -> Bool, _ add: (String, String) -> Void
    ) {
        if arns.count > quota {
            add(path + ".attachedPolicies", "at most \(quota) managed policies, found \(arns.count)")
        }
        for (index, arn) in arns.enumerated() where !exists(arn) {
            add(path + ".attachedPolicies[\(index)]", "no managed policy \(arn)")
        }
    }
}
