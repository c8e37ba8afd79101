import Foundation
import IAMCore
import IAMPolicy
import IAMWorkspace

/// Reads an account through the IAM Query API into a ``RemoteSnapshot``.
///
/// `GetAccountAuthorizationDetails` (every page) gives users, groups, roles, customer managed
/// policies with all versions, inline policies, memberships and attachments; the workspace's
/// importer turns it into model values. The rest comes from the calls that own it: `ListRoles`
/// (description, maximum session), `ListPolicies` (ids and names, which some emulators leave out
/// of the details), `ListPolicyTags`, `ListInstanceProfiles` and `GetInstanceProfile`, `GetLoginProfile`,
/// `ListAccessKeys`, `ListMFADevices`, `ListAccountAliases` and `GetAccountPasswordPolicy`.
/// Secrets are never read: IAM does not return them.
public struct RemoteAccountReader: Sendable {
    public var iam: QueryClient
    public var sts: QueryClient
    /// The clock that dates the snapshot's account value (its create date).
    public var clock: any IAMClock

    /// Creates a reader.
    public init(iam: QueryClient, sts: QueryClient, clock: any IAMClock = SystemClock()) {
        self.iam = iam
        self.sts = sts
        self.clock = clock
    }

    /// Reads everything; any failed call fails the whole read.
    public func read() throws(RemotePullError) -> RemoteSnapshot {
        let identity = try remote { () throws(RemoteError) in try sts.call("GetCallerIdentity") }
        guard let accountId = identity.text("Account"), let callerArn = identity.text("Arn") else {
            throw .remote(.malformedResponse(action: "GetCallerIdentity", status: 200, message: "no Account or Arn"))
        }
        let localPolicies = try remote { () throws(RemoteError) in
            try iam.list("ListPolicies", "Policies", QueryParameters(["Scope": "Local"]))
        }
        var pages = try remote { () throws(RemoteError) in try iam.pages("GetAccountAuthorizationDetails") }
        pages = pages.map { Self.namingPolicies($0, from: localPolicies) }
        let json = JSONWriter.compact(AuthorizationDetailsXML.merged(pages))
        let source = "\(iam.endpoint.absoluteString) GetAccountAuthorizationDetails"
        let details: AuthorizationDetails
        do {
            details = try AuthorizationDetailsImporter.read(Data(json.utf8), file: source)
        } catch {
            throw .unreadable(error)
        }
        if let id = details.accountId, id != accountId {
            throw .remote(
                .malformedResponse(
                    action: "GetAccountAuthorizationDetails", status: 200,
                    message: "the entities are in account \(id), but the credentials are of account \(accountId)"))
        }
        var account = Account(
            id: accountId, name: "Account \(accountId)", createDate: clock.now(),
            root: RootUser(email: "", passwordHash: CredentialReportImporter.noPasswordHash))
        Self.place(details, in: &account)
        try remote { () throws(RemoteError) in try addOwnedState(to: &account) }
        return RemoteSnapshot(
            accountId: accountId, callerArn: callerArn, details: details, account: account, notes: details.notes)
    }

    private func remote<T>(_ body: () throws(RemoteError) -> T) throws(RemotePullError) -> T {
        do {
            return try body()
        } catch {
            throw .remote(error)
        }
    }

    /// Adds `PolicyName` and `PolicyId` from ListPolicies to the details' customer managed
    /// policies that lack them.
    static func namingPolicies(_ page: XMLNode, from listed: [XMLNode]) -> XMLNode {
        var byArn: [String: XMLNode] = [:]
        for policy in listed { if let arn = policy.text("Arn") { byArn[arn] = policy } }
        var page = page
        guard let index = page.children.firstIndex(where: { $0.name == "Policies" }) else { return page }
        for (position, member) in page.children[index].children.enumerated() {
            guard let arn = member.text("Arn"), let listing = byArn[arn] else { continue }
            var member = member
            for field in ["PolicyName", "PolicyId"] where member.child(field) == nil {
                if let value = listing.text(field) { member.children.insert(XMLNode(name: field, text: value), at: 0) }
            }
            page.children[index].children[position] = member
        }
        return page
    }

    /// Puts the details' entities in `account` as they are, unresolved references included.
    static func place(_ details: AuthorizationDetails, in account: inout Account) {
        for user in details.users { account.users[Account.key(user.name)] = user }
        for group in details.groups { account.groups[Account.key(group.name)] = group }
        for role in details.roles { account.roles[Account.key(role.name)] = role }
        for var policy in details.policies {
            if policy.description?.isEmpty == true { policy.description = nil }
            account.policies[Account.key(policy.name)] = policy
        }
        for profile in details.instanceProfiles { account.instanceProfiles[Account.key(profile.name)] = profile }
    }

    private func addOwnedState(to account: inout Account) throws(RemoteError) {
        for role in try iam.list("ListRoles", "Roles") {
            guard let name = role.text("RoleName"), var model = account.role(named: name) else { continue }
            let description = role.text("Description") ?? ""
            model.description = description.isEmpty ? nil : description
            model.maxSessionDuration = role.text("MaxSessionDuration").flatMap(Int.init) ?? model.maxSessionDuration
            account.roles[Account.key(name)] = model
        }
        for key in account.policies.keys.sorted() {
            guard var policy = account.policies[key] else { continue }
            let arn = account.arn(of: policy)
            policy.tags = Self.tags(try iam.list("ListPolicyTags", "Tags", QueryParameters(["PolicyArn": arn])))
            account.policies[key] = policy
        }
        account.instanceProfiles = [:]
        for profile in try iam.list("ListInstanceProfiles", "InstanceProfiles") {
            guard let name = profile.text("InstanceProfileName") else { continue }
            var model = InstanceProfile(
                name: name, path: profile.text("Path") ?? "/", id: profile.text("InstanceProfileId") ?? "",
                createDate: Self.date(profile.text("CreateDate")))
            model.roles = profile.members("Roles").compactMap { $0.text("RoleName") }
            // Listings leave tags out; GetInstanceProfile has them (and moto serves it, while its
            // ListInstanceProfileTags fails).
            let full = try iam.call("GetInstanceProfile", QueryParameters(["InstanceProfileName": name]))
            model.tags = Self.tags(full.members("InstanceProfile/Tags"))
            account.instanceProfiles[Account.key(name)] = model
        }
        for key in account.users.keys.sorted() {
            guard var user = account.users[key] else { continue }
            try addCredentials(to: &user, in: &account)
            account.users[key] = user
        }
        account.alias = try iam.list("ListAccountAliases", "AccountAliases").first?.text
        account.passwordPolicy = try passwordPolicy()
    }

    private func addCredentials(to user: inout User, in account: inout Account) throws(RemoteError) {
        let name = QueryParameters(["UserName": user.name])
        do {
            let profile = try iam.call("GetLoginProfile", name)
            let created = Self.date(profile.text("LoginProfile/CreateDate"))
            user.loginProfile = LoginProfile(
                createDate: created, passwordHash: CredentialReportImporter.noPasswordHash,
                passwordResetRequired: profile.text("LoginProfile/PasswordResetRequired") == "true")
        } catch  where error.code == "NoSuchEntity" {
            user.loginProfile = nil
        }
        user.accessKeys = try iam.list("ListAccessKeys", "AccessKeyMetadata", name).compactMap { key in
            guard let id = key.text("AccessKeyId") else { return nil }
            return AccessKey(
                id: id, secretHash: CredentialReportImporter.noSecretHash,
                status: key.text("Status") == "Inactive" ? .inactive : .active,
                createDate: Self.date(key.text("CreateDate")))
        }
        user.mfaDevices = []
        for device in try iam.list("ListMFADevices", "MFADevices", name) {
            guard let serial = device.text("SerialNumber") else { continue }
            let enabled = Self.date(device.text("EnableDate"))
            var model = MFADevice(
                serialNumber: serial, type: serial.hasPrefix("arn:") ? .virtual : .hardware, createDate: enabled)
            model.assignedTo = user.name
            model.enableDate = enabled
            account.mfaDevices[serial] = model
            user.mfaDevices.append(serial)
        }
    }

    private func passwordPolicy() throws(RemoteError) -> PasswordPolicy? {
        let result: XMLNode
        do {
            result = try iam.call("GetAccountPasswordPolicy")
        } catch  where error.code == "NoSuchEntity" {
            return nil
        }
        guard let policy = result.child("PasswordPolicy") else { return nil }
        func flag(_ name: String) -> Bool { policy.text(name) == "true" }
        func number(_ name: String) -> Int { policy.text(name).flatMap(Int.init) ?? 0 }
        return PasswordPolicy(
            minimumPasswordLength: policy.text("MinimumPasswordLength").flatMap(Int.init) ?? 6,
            requireSymbols: flag("RequireSymbols"), requireNumbers: flag("RequireNumbers"),
            requireUppercaseCharacters: flag("RequireUppercaseCharacters"),
            requireLowercaseCharacters: flag("RequireLowercaseCharacters"),
            allowUsersToChangePassword: flag("AllowUsersToChangePassword"), maxPasswordAge: number("MaxPasswordAge"),
            passwordReusePrevention: number("PasswordReusePrevention"), hardExpiry: flag("HardExpiry"))
    }

    static func tags(_ members: [XMLNode]) -> [Tag] {
        members.compactMap { member in
            guard let key = member.text("Key") else { return nil }
            return Tag(key: key, value: member.text("Value") ?? "")
        }
    }

    /// An ISO 8601 date from the response; the epoch when absent, which no real entity has.
    static func date(_ text: String?) -> Timestamp {
        text.flatMap { Timestamp(iso8601: $0) } ?? Timestamp(microseconds: 0)
    }
}

/// Why reading an endpoint failed: a call failed, or the details could not be read as the importer reads them.
public enum RemotePullError: Error, Sendable, CustomStringConvertible {
    case remote(RemoteError)
    case unreadable(ImportError)

    public var description: String {
        switch self {
        case .remote(let error): return "\(error)"
        case .unreadable(let error): return "\(error)"
        }
    }
}
