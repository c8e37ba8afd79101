import Foundation
import IAMCore
import IAMRemote
import IAMWorkspace
import Testing

/// Reading, planning and applying through the library against a real moto_server.
@Suite(.enabled(if: MotoServer.isInstalled, MotoServer.missing))
struct MotoRemoteLibraryTests {
    static let allow =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
    static let trust = MotoRemoteCommandTests.trust

    static func read(_ moto: MotoServer, pageSize: Int? = nil) throws -> RemoteSnapshot {
        let connection = try moto.connection(pageSize: pageSize)
        return try RemoteAccountReader(iam: connection.iam, sts: connection.sts).read()
    }

    /// Plans from a fresh read and applies; returns the report.
    static func converge(_ moto: MotoServer, to desired: Account) throws -> ApplyReport {
        let plan = PlanBuilder.plan(
            desired: desired, current: try read(moto).account, signingKeyId: MotoServer.credentials.accessKeyId)
        return PlanApplier(iam: try moto.connection().iam).apply(plan)
    }

    static func planAfter(_ moto: MotoServer, desired: Account) throws -> RemotePlan {
        PlanBuilder.plan(
            desired: desired, current: try read(moto).account, signingKeyId: MotoServer.credentials.accessKeyId)
    }

    @Test func aStalePlanStopsAtTheFirstErrorAndAFreshOneFinishes() throws {
        let moto = try MotoServer()
        var desired = try Self.read(moto).account
        desired.policies["read"] = ManagedPolicy(
            name: "read", path: "/", id: "ANPAREAD", description: "read objects", createDate: desired.createDate,
            document: Self.allow)
        desired.groups["ops"] = Group(name: "ops", path: "/", id: "AGPAOPS", createDate: desired.createDate)
        var erin = User(name: "erin", path: "/", id: "AIDAERIN", createDate: desired.createDate)
        erin.groups = ["ops"]
        erin.attachedPolicies = ["arn:aws:iam::123456789012:policy/read"]
        desired.users["erin"] = erin
        let plan = PlanBuilder.plan(desired: desired, current: try Self.read(moto).account, signingKeyId: nil)
        #expect(plan.changes.count == 5)

        // Someone creates the group between the plan and the apply.
        try moto.call("CreateGroup", ["GroupName": "ops"])
        let report = PlanApplier(iam: try moto.connection().iam).apply(plan)
        #expect(report.applied.map(\.summary) == ["create policy read"])
        let failure = try #require(report.failure)
        #expect(failure.change.summary == "create group ops")
        #expect(failure.callsMade == 0)
        #expect(failure.error.code == "EntityAlreadyExists")
        #expect(
            report.notApplied.map(\.summary) == [
                "create user erin", "add user erin to group ops",
                "attach policy arn:aws:iam::123456789012:policy/read to user erin",
            ])

        let rest = try Self.planAfter(moto, desired: desired)
        #expect(rest.changes.map(\.summary) == report.notApplied.map(\.summary))
        let finished = try Self.converge(moto, to: desired)
        #expect(finished.succeeded)
        #expect(finished.applied.count == 3)
        #expect(try Self.planAfter(moto, desired: desired).isEmpty)
        let policy = try moto.call("GetPolicy", ["PolicyArn": "arn:aws:iam::123456789012:policy/read"])
        #expect(policy.text("Policy/Description") == "read objects")
    }

    @Test func newDefaultVersionStaysWithinFiveVersions() throws {
        let moto = try MotoServer()
        let arn = "arn:aws:iam::123456789012:policy/rotating"
        try moto.call("CreatePolicy", ["PolicyName": "rotating", "PolicyDocument": Self.allow])
        for number in 2...5 {
            try moto.call(
                "CreatePolicyVersion",
                [
                    "PolicyArn": arn,
                    "PolicyDocument": Self.allow.replacingOccurrences(of: "GetObject", with: "Get\(number)"),
                ])
        }
        var desired = try Self.read(moto).account
        #expect(desired.policies["rotating"]?.versions.count == 5)
        let wanted = Self.allow.replacingOccurrences(of: "GetObject", with: "PutObject")
        desired.policies["rotating"] = ManagedPolicy(
            name: "rotating", path: "/", id: "x", description: nil, createDate: desired.createDate, document: wanted)
        let report = try Self.converge(moto, to: desired)
        #expect(report.succeeded, "\(String(describing: report.failure))")
        let after = try Self.read(moto).account.policies["rotating"]
        #expect(after?.versions.count == 5)
        // v1 was the default, so the oldest other version made room.
        #expect(after?.versions.map(\.versionId) == ["v1", "v3", "v4", "v5", "v6"])
        #expect(after?.defaultVersionId == "v6")
        #expect(try Self.planAfter(moto, desired: desired).isEmpty)
    }

    @Test func rolesProfilesTagsAndAccountSettingsRoundTrip() throws {
        let moto = try MotoServer()
        try moto.call("CreateAccountAlias", ["AccountAlias": "before"])
        var desired = try Self.read(moto).account
        var role = Role(
            name: "web", path: "/app/", id: "AROAWEB", createDate: desired.createDate,
            assumeRolePolicyDocument: Self.trust)
        role.description = "web servers"
        role.maxSessionDuration = 7200
        role.tags = [Tag(key: "tier", value: "front")]
        role.inlinePolicies = [InlinePolicy(name: "objects", document: Self.allow)]
        desired.roles["web"] = role
        var profile = InstanceProfile(name: "web", path: "/", id: "AIPAWEB", createDate: desired.createDate)
        profile.roles = ["web"]
        desired.instanceProfiles["web"] = profile
        var policy = ManagedPolicy(
            name: "tagged", path: "/team/", id: "ANPATAG", description: nil, createDate: desired.createDate,
            document: Self.allow)
        policy.tags = [Tag(key: "owner", value: "sec")]
        desired.policies["tagged"] = policy
        desired.alias = "after"
        desired.passwordPolicy = PasswordPolicy(
            minimumPasswordLength: 14, requireSymbols: true, allowUsersToChangePassword: true, maxPasswordAge: 90,
            passwordReusePrevention: 5)

        let report = try Self.converge(moto, to: desired)
        #expect(report.succeeded, "\(String(describing: report.failure))")
        let remaining = try Self.planAfter(moto, desired: desired)
        #expect(remaining.changes.map(\.summary) == [])
        let remote = try Self.read(moto).account
        #expect(remote.alias == "after")
        #expect(remote.passwordPolicy?.minimumPasswordLength == 14)
        #expect(remote.role(named: "web")?.maxSessionDuration == 7200)
        #expect(remote.instanceProfile(named: "web")?.roles == ["web"])
        #expect(remote.policies["tagged"]?.tags == [Tag(key: "owner", value: "sec")])
    }

    @Test func pullKeepsTheWorkspacesSecretsAndDropsWhatTheEndpointLost() throws {
        let moto = try MotoServer()
        try moto.call("CreateUser", ["UserName": "alice"])
        let key = try moto.call("CreateAccessKey", ["UserName": "alice"])
        let keyId = try #require(key.text("AccessKey/AccessKeyId"))
        try moto.call("CreateLoginProfile", ["UserName": "alice", "Password": "Moto-Passw0rd-123!"])
        try moto.call("CreateUser", ["UserName": "bot"])
        let first = try Self.read(moto)
        let base = Account(
            id: first.accountId, name: "pulled", createDate: first.account.createDate,
            root: RootUser(email: "root@example.com", passwordHash: "root-hash"))
        var (account, summary) = try RemotePullMerge.merge(
            first, into: base, source: "moto", at: Timestamp(microseconds: 0))
        #expect(summary.created["users"] == 2)
        #expect(account.user(named: "alice")?.accessKeys.map(\.id) == [keyId])
        #expect(account.user(named: "alice")?.accessKeys.first?.secretHash == CredentialReportImporter.noSecretHash)
        #expect(account.user(named: "alice")?.loginProfile?.passwordHash == CredentialReportImporter.noPasswordHash)
        account.users["alice"]?.accessKeys[0].secretHash = "known-secret-hash"
        account.users["alice"]?.loginProfile?.passwordHash = "known-password-hash"

        try moto.call("DeleteUser", ["UserName": "bot"])
        try moto.call("UpdateAccessKey", ["UserName": "alice", "AccessKeyId": keyId, "Status": "Inactive"])
        let second = try Self.read(moto)
        let (merged, secondSummary) = try RemotePullMerge.merge(
            second, into: account, source: "moto", at: Timestamp(microseconds: 0))
        #expect(merged.user(named: "bot") == nil)
        #expect(secondSummary.notes.contains("removed 1 users the endpoint does not have"))
        let alice = try #require(merged.user(named: "alice"))
        #expect(alice.accessKeys.first?.secretHash == "known-secret-hash")
        #expect(alice.accessKeys.first?.status == .inactive)
        #expect(alice.loginProfile?.passwordHash == "known-password-hash")
        #expect(merged.root.passwordHash == "root-hash")
    }

    @Test func readsEveryPageOfAPaginatedList() throws {
        let moto = try MotoServer()
        for name in ["a", "b", "c"] {
            try moto.call("CreatePolicy", ["PolicyName": name, "PolicyDocument": Self.allow])
        }
        let connection = try moto.connection(pageSize: 1)
        let pages = try connection.iam.pages("ListPolicies", QueryParameters(["Scope": "Local"]))
        // moto ends with an empty page after the last full one; what counts is every item, once.
        #expect(pages.count >= 3)
        #expect(pages.flatMap { $0.members("Policies") }.compactMap { $0.text("PolicyName") } == ["a", "b", "c"])
        let snapshot = try Self.read(moto, pageSize: 1)
        #expect(snapshot.account.policies.keys.sorted() == ["a", "b", "c"])
        #expect(snapshot.account.policies["a"]?.id.isEmpty == false)
    }

    /// moto checks signatures once its first N requests are spent (INITIAL_NO_AUTH_ACTION_COUNT):
    /// it recomputes each signature with the key's secret, as AWS does.
    @Test func motoVerifiesTheSignatures() throws {
        let moto = try MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
        try moto.call("CreateUser", ["UserName": "admin"])
        try moto.call(
            "PutUserPolicy",
            [
                "UserName": "admin", "PolicyName": "all",
                "PolicyDocument":
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
            ])
        let created = try moto.call("CreateAccessKey", ["UserName": "admin"])
        let id = try #require(created.text("AccessKey/AccessKeyId"))
        let secret = try #require(created.text("AccessKey/SecretAccessKey"))
        func connection(_ id: String, _ secret: String) throws -> RemoteConnection {
            try RemoteConnection(
                endpoint: moto.endpoint, stsEndpoint: nil, region: "us-east-1",
                credentials: AWSCredentials(accessKeyId: id, secretAccessKey: secret, source: "test"))
        }
        let signed = try connection(id, secret)
        let user = try signed.iam.call("GetUser", QueryParameters(["UserName": "admin"]))
        #expect(user.text("User/UserName") == "admin")
        let snapshot = try RemoteAccountReader(iam: signed.iam, sts: signed.sts).read()
        #expect(snapshot.account.user(named: "admin")?.accessKeys.map(\.id) == [id])
        // The plan keeps the user whose key signs, though the workspace lacks it.
        let plan = PlanBuilder.plan(
            desired: Account(
                id: snapshot.accountId, name: "empty", createDate: snapshot.account.createDate,
                root: RootUser(email: "root@example.com", passwordHash: "x")), current: snapshot.account,
            signingKeyId: id)
        #expect(plan.isEmpty)
        #expect(
            plan.notes == ["user admin is not in the workspace but is kept, since its access key signs these requests"])

        let wrongSecret = try connection(id, secret + "x")
        #expect {
            try wrongSecret.iam.call("GetUser")
        } throws: { ($0 as? RemoteError)?.code == "SignatureDoesNotMatch" }
        let unknownKey = try connection("AKIANOTAKEYATALL000", secret)
        #expect {
            try unknownKey.sts.call("GetCallerIdentity")
        } throws: { ($0 as? RemoteError)?.code == "InvalidClientTokenId" }
    }

    @Test func theEndpointsErrorsComeBackWithCodeAndMessage() throws {
        let moto = try MotoServer()
        #expect {
            try moto.call("GetUser", ["UserName": "nobody"])
        } throws: { error in
            guard case .service(let action, let code, let message, let status, _) = error as? RemoteError else {
                return false
            }
            return action == "GetUser" && code == "NoSuchEntity"
                && message == "The user with name nobody cannot be found."
                && status == 404
        }
        #expect {
            try moto.call("CreatePolicy", ["PolicyName": "bad", "PolicyDocument": "{\"Version\":\"2012-10-17\"}"])
        } throws: { error in (error as? RemoteError)?.code == "MalformedPolicyDocument" }
    }
}
