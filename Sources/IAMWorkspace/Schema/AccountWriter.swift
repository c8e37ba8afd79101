import Foundation
import IAMCore

/// Writes an `Account` as the canonical workspace file. Each entity writes the members its
/// `Encodable` conformance in IAMCore writes (the same ones omitted when nil or empty), in sorted
/// key order, so the output is what `JSONEncoder` with `.sortedKeys` wrote, apart from `[]`.
enum AccountWriter {
    static func write(_ account: Account) -> Data {
        // About 3 KB a user in typical workspaces; a close guess saves most of the regrowth copies.
        let entities = account.users.count + account.roles.count + account.policies.count + account.groups.count
        var writer = WorkspaceWriter(capacity: 4096 + entities * 3072)
        writer.openObject()
        writer.key("account")
        writer.account(account)
        writer.member("format", WorkspaceCodec.format)
        writer.member("schemaVersion", WorkspaceCodec.schemaVersion)
        writer.closeObject()
        var bytes = writer.bytes
        bytes.append(0x0A)
        return Data(bytes)
    }
}

extension WorkspaceWriter {
    /// The values of a dictionary in key order, as `Account.encode(to:)` sorts them.
    private static func sorted<Value>(_ dictionary: [String: Value]) -> [Value] {
        dictionary.sorted { $0.key < $1.key }.map(\.value)
    }

    fileprivate mutating func account(_ account: Account) {
        openObject()
        // Written only when there are some, as `Account.encode(to:)` does.
        if !account.accessAdvisorJobs.isEmpty {
            member("accessAdvisorJobs", account.accessAdvisorJobs) { $0.accessAdvisorJob($1) }
        }
        if !account.activity.isEmpty { member("activity", account.sortedActivity) { $0.serviceActivity($1) } }
        member("alias", account.alias)
        if !account.analyzers.isEmpty { member("analyzers", Self.sorted(account.analyzers)) { $0.analyzer($1) } }
        member("auditTrail", account.auditTrail) { $0.auditEvent($1) }
        member("createDate", account.createDate)
        if let report = account.credentialReport {
            key("credentialReport")
            openObject()
            member("content", report.content)
            member("generatedTime", report.generatedTime)
            closeObject()
        }
        member("groups", Self.sorted(account.groups)) { $0.group($1) }
        member("id", account.id)
        member("instanceProfiles", Self.sorted(account.instanceProfiles)) { $0.instanceProfile($1) }
        member("mfaDevices", Self.sorted(account.mfaDevices)) { $0.mfaDevice($1) }
        member("name", account.name)
        if let organization = account.organization {
            key("organization")
            self.organization(organization)
        }
        if let policy = account.passwordPolicy {
            key("passwordPolicy")
            passwordPolicy(policy)
        }
        member("policies", Self.sorted(account.policies)) { $0.managedPolicy($1) }
        if !account.resources.isEmpty { member("resources", Self.sorted(account.resources)) { $0.sharedResource($1) } }
        member("roles", Self.sorted(account.roles)) { $0.role($1) }
        key("root")
        rootUser(account.root)
        // Written only when there are some, as `Account.encode(to:)` does.
        if !account.temporaryCredentials.isEmpty {
            member("temporaryCredentials", Self.sorted(account.temporaryCredentials)) { $0.temporaryCredential($1) }
        }
        // Users are most of a large file: written in halves on two threads.
        parallelMember("users", Self.sorted(account.users)) { $0.user($1) }
        closeObject()
    }

    fileprivate mutating func user(_ user: User) {
        openObject()
        if !user.accessKeys.isEmpty { member("accessKeys", user.accessKeys) { $0.accessKey($1) } }
        if !user.attachedPolicies.isEmpty { member("attachedPolicies", user.attachedPolicies) }
        member("createDate", user.createDate)
        if !user.groups.isEmpty { member("groups", user.groups) }
        member("id", user.id)
        if !user.inlinePolicies.isEmpty { member("inlinePolicies", user.inlinePolicies) { $0.inlinePolicy($1) } }
        if let profile = user.loginProfile {
            key("loginProfile")
            loginProfile(profile)
        }
        if !user.mfaDevices.isEmpty { member("mfaDevices", user.mfaDevices) }
        member("name", user.name)
        member("passwordLastUsed", user.passwordLastUsed)
        member("path", user.path)
        member("permissionsBoundary", user.permissionsBoundary)
        if user.serviceSpecificCredentials != 0 {
            member("serviceSpecificCredentials", user.serviceSpecificCredentials)
        }
        if user.signingCertificates != 0 { member("signingCertificates", user.signingCertificates) }
        if user.sshPublicKeys != 0 { member("sshPublicKeys", user.sshPublicKeys) }
        if !user.tags.isEmpty { member("tags", user.tags) { $0.tag($1) } }
        closeObject()
    }

    private mutating func group(_ group: Group) {
        openObject()
        if !group.attachedPolicies.isEmpty { member("attachedPolicies", group.attachedPolicies) }
        member("createDate", group.createDate)
        member("id", group.id)
        if !group.inlinePolicies.isEmpty { member("inlinePolicies", group.inlinePolicies) { $0.inlinePolicy($1) } }
        member("name", group.name)
        member("path", group.path)
        closeObject()
    }

    private mutating func role(_ role: Role) {
        openObject()
        member("assumeRolePolicyDocument", role.assumeRolePolicyDocument)
        if !role.attachedPolicies.isEmpty { member("attachedPolicies", role.attachedPolicies) }
        member("createDate", role.createDate)
        member("description", role.description)
        member("id", role.id)
        if !role.inlinePolicies.isEmpty { member("inlinePolicies", role.inlinePolicies) { $0.inlinePolicy($1) } }
        if let lastUsed = role.lastUsed {
            key("lastUsed")
            openObject()
            member("date", lastUsed.date)
            member("region", lastUsed.region)
            closeObject()
        }
        member("maxSessionDuration", role.maxSessionDuration)
        member("name", role.name)
        member("path", role.path)
        member("permissionsBoundary", role.permissionsBoundary)
        if !role.tags.isEmpty { member("tags", role.tags) { $0.tag($1) } }
        closeObject()
    }

    private mutating func instanceProfile(_ profile: InstanceProfile) {
        openObject()
        member("createDate", profile.createDate)
        member("id", profile.id)
        member("name", profile.name)
        member("path", profile.path)
        member("roles", profile.roles)
        member("tags", profile.tags) { $0.tag($1) }
        closeObject()
    }

    private mutating func managedPolicy(_ policy: ManagedPolicy) {
        openObject()
        member("createDate", policy.createDate)
        member("defaultVersionId", policy.defaultVersionId)
        member("description", policy.description)
        member("id", policy.id)
        member("name", policy.name)
        member("nextVersionNumber", policy.nextVersionNumber)
        member("path", policy.path)
        if !policy.tags.isEmpty { member("tags", policy.tags) { $0.tag($1) } }
        member("updateDate", policy.updateDate)
        member("versions", policy.versions) { writer, version in
            writer.openObject()
            writer.member("createDate", version.createDate)
            writer.member("document", version.document)
            writer.member("versionId", version.versionId)
            writer.closeObject()
        }
        closeObject()
    }

    private mutating func inlinePolicy(_ policy: InlinePolicy) {
        openObject()
        member("document", policy.document)
        member("name", policy.name)
        closeObject()
    }

    private mutating func tag(_ tag: Tag) {
        openObject()
        member("key", tag.key)
        member("value", tag.value)
        closeObject()
    }

    private mutating func loginProfile(_ profile: LoginProfile) {
        openObject()
        member("createDate", profile.createDate)
        member("passwordHash", profile.passwordHash)
        member("passwordLastChanged", profile.passwordLastChanged)
        member("passwordResetRequired", profile.passwordResetRequired)
        member("previousPasswordHashes", profile.previousPasswordHashes)
        closeObject()
    }

    private mutating func accessKey(_ key: AccessKey) {
        openObject()
        member("createDate", key.createDate)
        member("id", key.id)
        if let lastUsed = key.lastUsed {
            self.key("lastUsed")
            openObject()
            member("date", lastUsed.date)
            member("region", lastUsed.region)
            member("serviceName", lastUsed.serviceName)
            closeObject()
        }
        member("secretHash", key.secretHash)
        member("status", key.status.rawValue)
        closeObject()
    }

    private mutating func temporaryCredential(_ credential: TemporaryCredential) {
        openObject()
        member("accessKeyId", credential.accessKeyId)
        member("createDate", credential.createDate)
        member("expiration", credential.expiration)
        member("mfaAuthenticatedAt", credential.mfaAuthenticatedAt)
        member("mfaSerialNumber", credential.mfaSerialNumber)
        member("roleName", credential.roleName)
        member("roleSessionName", credential.roleSessionName)
        member("secretHash", credential.secretHash)
        member("sessionPolicy", credential.sessionPolicy)
        member("sessionTokenHash", credential.sessionTokenHash)
        member("source", credential.source.rawValue)
        member("tags", credential.tags) { $0.tag($1) }
        member("userName", credential.userName)
        closeObject()
    }

    private mutating func mfaDevice(_ device: MFADevice) {
        openObject()
        member("assignedTo", device.assignedTo)
        member("createDate", device.createDate)
        member("credentialId", device.credentialId)
        if let drift = device.driftSteps { member("driftSteps", drift) }
        member("enableDate", device.enableDate)
        if let step = device.lastUsedStep { member("lastUsedStep", step) }
        member("seed", device.seed)
        member("serialNumber", device.serialNumber)
        member("tags", device.tags) { $0.tag($1) }
        member("type", device.type.rawValue)
        closeObject()
    }

    private mutating func rootUser(_ root: RootUser) {
        openObject()
        member("accessKeys", root.accessKeys) { $0.accessKey($1) }
        member("email", root.email)
        member("mfaDevices", root.mfaDevices)
        member("passwordHash", root.passwordHash)
        member("passwordLastChanged", root.passwordLastChanged)
        member("passwordLastUsed", root.passwordLastUsed)
        closeObject()
    }

    private mutating func passwordPolicy(_ policy: PasswordPolicy) {
        openObject()
        member("allowUsersToChangePassword", policy.allowUsersToChangePassword)
        member("hardExpiry", policy.hardExpiry)
        member("maxPasswordAge", policy.maxPasswordAge)
        member("minimumPasswordLength", policy.minimumPasswordLength)
        member("passwordReusePrevention", policy.passwordReusePrevention)
        member("requireLowercaseCharacters", policy.requireLowercaseCharacters)
        member("requireNumbers", policy.requireNumbers)
        member("requireSymbols", policy.requireSymbols)
        member("requireUppercaseCharacters", policy.requireUppercaseCharacters)
        closeObject()
    }

    private mutating func auditEvent(_ event: AuditEvent) {
        openObject()
        member("action", event.action)
        member("outcome", event.outcome)
        member("principal", event.principal)
        member("resource", event.resource)
        member("time", event.time)
        closeObject()
    }
}
