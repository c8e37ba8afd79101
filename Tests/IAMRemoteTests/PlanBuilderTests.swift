import IAMCore
import IAMRemote
import Testing

/// The plan: which changes, and the order apply makes them in.
@Suite struct PlanBuilderTests {
    static let id = "123456789012"
    static let time = Timestamp(secondsSince1970: 1_780_000_000)
    static let allowS3 = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
    static let allowLogs =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}"#
    static let trust =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#

    static func account() -> Account {
        Account(id: id, name: "test", createDate: time, root: RootUser(email: "root@example.com", passwordHash: "x"))
    }

    static func policy(_ name: String, _ document: String) -> ManagedPolicy {
        ManagedPolicy(
            name: name, path: "/", id: "ANPA\(name.uppercased())", description: nil, createDate: time,
            document: document)
    }

    static func summaries(_ plan: RemotePlan) -> [String] { plan.changes.map { "\($0.effect.symbol) \($0.summary)" } }

    @Test func equalAccountsPlanNothing() {
        var account = Self.account()
        account.users["alice"] = User(name: "alice", path: "/", id: "AIDA1", createDate: Self.time)
        var remote = account
        // Ids and dates are the endpoint's; documents differing only in white space and order are the same.
        remote.users["alice"]?.id = "other-id"
        account.policies["p"] = Self.policy("p", Self.allowS3)
        remote.policies["p"] = Self.policy(
            "p", #"{ "Statement": [ {"Resource":"*","Action":"s3:*","Effect":"Allow"} ], "Version": "2012-10-17" }"#)
        let plan = PlanBuilder.plan(desired: account, current: remote, signingKeyId: nil)
        #expect(plan.isEmpty)
        #expect(plan.notes.isEmpty)
    }

    @Test func createsBeforeAttachingAndDeletesLast() throws {
        var desired = Self.account()
        var current = Self.account()
        desired.policies["logs"] = Self.policy("logs", Self.allowLogs)
        var group = Group(name: "ops", path: "/", id: "AGPA1", createDate: Self.time)
        group.attachedPolicies = ["arn:aws:iam::123456789012:policy/logs"]
        desired.groups["ops"] = group
        var carol = User(name: "carol", path: "/", id: "AIDA2", createDate: Self.time)
        carol.groups = ["ops"]
        carol.permissionsBoundary = "arn:aws:iam::123456789012:policy/logs"
        desired.users["carol"] = carol
        var role = Role(
            name: "web", path: "/", id: "AROA1", createDate: Self.time, assumeRolePolicyDocument: Self.trust)
        role.attachedPolicies = ["arn:aws:iam::123456789012:policy/logs"]
        desired.roles["web"] = role
        var profile = InstanceProfile(name: "web", path: "/", id: "AIPA1", createDate: Self.time)
        profile.roles = ["web"]
        desired.instanceProfiles["web"] = profile

        current.policies["old"] = Self.policy("old", Self.allowS3)
        current.policies["old"]?.versions.append(
            PolicyVersion(versionId: "v2", document: Self.allowLogs, createDate: Self.time))
        var oldGroup = Group(name: "legacy", path: "/", id: "AGPA9", createDate: Self.time)
        oldGroup.attachedPolicies = ["arn:aws:iam::123456789012:policy/old"]
        current.groups["legacy"] = oldGroup
        var bob = User(name: "bob", path: "/", id: "AIDA9", createDate: Self.time)
        bob.groups = ["legacy"]
        bob.accessKeys = [AccessKey(id: "AKIABOB", secretHash: "", status: .active, createDate: Self.time)]
        bob.loginProfile = LoginProfile(createDate: Self.time, passwordHash: "", passwordResetRequired: false)
        current.users["bob"] = bob
        var oldProfile = InstanceProfile(name: "batch", path: "/", id: "AIPA9", createDate: Self.time)
        oldProfile.roles = ["batch"]
        current.instanceProfiles["batch"] = oldProfile
        current.roles["batch"] = Role(
            name: "batch", path: "/", id: "AROA9", createDate: Self.time, assumeRolePolicyDocument: Self.trust)

        let plan = PlanBuilder.plan(desired: desired, current: current, signingKeyId: nil)
        #expect(
            Self.summaries(plan) == [
                "+ create policy logs",
                "+ create group ops",
                "+ create user carol",
                "+ create role web",
                "+ create instance profile web",
                "+ attach policy arn:aws:iam::123456789012:policy/logs to group ops",
                "+ add user carol to group ops",
                "+ attach policy arn:aws:iam::123456789012:policy/logs to role web",
                "+ add role web to instance profile web",
                "- delete instance profile batch",
                "- delete user bob",
                "- delete group legacy",
                "- delete role batch",
                "- delete policy old (arn:aws:iam::123456789012:policy/old)",
            ])
        let createUser = try #require(plan.changes.first { $0.summary == "create user carol" })
        #expect(createUser.calls.first?.parameters["PermissionsBoundary"] == "arn:aws:iam::123456789012:policy/logs")
        let deleteBob = try #require(plan.changes.first { $0.summary == "delete user bob" })
        #expect(
            deleteBob.calls.map(\.action) == [
                "DeleteLoginProfile", "DeleteAccessKey", "RemoveUserFromGroup", "DeleteUser",
            ])
        let deleteProfile = try #require(plan.changes.first { $0.summary == "delete instance profile batch" })
        #expect(deleteProfile.calls.map(\.action) == ["RemoveRoleFromInstanceProfile", "DeleteInstanceProfile"])
        let deletePolicy = try #require(plan.changes.last)
        #expect(deletePolicy.calls.map(\.action) == ["DeletePolicyVersion", "DeletePolicy"])
        #expect(deletePolicy.calls.first?.parameters["VersionId"] == "v2")
        #expect(plan.count(.create) == 9)
        #expect(plan.count(.delete) == 5)
    }

    @Test func grantsBeforeRevokesAndUpdatesInPlace() throws {
        var current = Self.account()
        var alice = User(name: "alice", path: "/", id: "AIDA1", createDate: Self.time)
        alice.attachedPolicies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
        alice.inlinePolicies = [InlinePolicy(name: "s3", document: Self.allowS3)]
        alice.tags = [Tag(key: "team", value: "dev"), Tag(key: "old", value: "x")]
        alice.accessKeys = [
            AccessKey(id: "AKIAKEEP", secretHash: "", status: .active, createDate: Self.time),
            AccessKey(id: "AKIASIGNER", secretHash: "", status: .active, createDate: Self.time),
            AccessKey(id: "AKIAGONE", secretHash: "", status: .active, createDate: Self.time),
        ]
        current.users["alice"] = alice
        var role = Role(
            name: "web", path: "/", id: "AROA1", createDate: Self.time, assumeRolePolicyDocument: Self.trust)
        role.description = "old"
        current.roles["web"] = role

        var desired = current
        desired.users["alice"]?.attachedPolicies = ["arn:aws:iam::aws:policy/PowerUserAccess"]
        desired.users["alice"]?.inlinePolicies = [InlinePolicy(name: "s3", document: Self.allowLogs)]
        desired.users["alice"]?.tags = [Tag(key: "team", value: "ops")]
        desired.users["alice"]?.accessKeys = [
            AccessKey(id: "AKIAKEEP", secretHash: "", status: .inactive, createDate: Self.time)
        ]
        desired.roles["web"]?.description = "new"
        desired.roles["web"]?.maxSessionDuration = 7200
        desired.roles["web"]?.assumeRolePolicyDocument = Self.trust.replacingOccurrences(of: "ec2", with: "lambda")

        let plan = PlanBuilder.plan(desired: desired, current: current, signingKeyId: "AKIASIGNER")
        #expect(
            Self.summaries(plan) == [
                "~ update tags of user alice",
                "~ deactivate access key AKIAKEEP of user alice",
                "~ update role web trust policy",
                "~ update role web settings",
                "~ update inline policy s3 of user alice",
                "+ attach policy arn:aws:iam::aws:policy/PowerUserAccess to user alice",
                "- delete access key AKIAGONE of user alice",
                "- detach policy arn:aws:iam::aws:policy/ReadOnlyAccess from user alice",
            ])
        #expect(
            plan.notes == [
                "user alice: access key AKIASIGNER is not in the workspace but is kept, since it signs these requests"
            ])
        let tags = try #require(plan.changes.first)
        #expect(tags.calls.map(\.action) == ["UntagUser", "TagUser"])
        #expect(tags.details == ["+ team=ops", "- old"])
        let trust = try #require(plan.changes.first { $0.summary == "update role web trust policy" })
        #expect(trust.document?.old?.contains("ec2.amazonaws.com") == true)
        #expect(trust.document?.new?.contains("lambda.amazonaws.com") == true)
        let settings = try #require(plan.changes.first { $0.summary == "update role web settings" })
        #expect(settings.details == ["description: old -> new", "max session duration: 3600s -> 7200s"])
    }

    @Test func leavesAttachedAWSManagedPoliciesTheCatalogLacks() {
        var current = Self.account()
        var alice = User(name: "alice", path: "/", id: "AIDA1", createDate: Self.time)
        alice.attachedPolicies = [
            "arn:aws:iam::aws:policy/NoSuchPolicyInTheCatalog", "arn:aws:iam::aws:policy/ReadOnlyAccess",
        ]
        alice.permissionsBoundary = "arn:aws:iam::aws:policy/NoSuchPolicyInTheCatalog"
        current.users["alice"] = alice
        var desired = current
        desired.users["alice"]?.attachedPolicies = []
        desired.users["alice"]?.permissionsBoundary = nil
        let plan = PlanBuilder.plan(desired: desired, current: current, signingKeyId: nil)
        #expect(Self.summaries(plan) == ["- detach policy arn:aws:iam::aws:policy/ReadOnlyAccess from user alice"])
        #expect(plan.notes.count == 2)
        #expect(plan.notes.allSatisfy { $0.contains("NoSuchPolicyInTheCatalog") })
    }

    @Test func keepsPolicyVersionsWithinFive() throws {
        var current = Self.account()
        var policy = Self.policy("p", Self.allowS3)
        for number in 2...5 {
            policy.versions.append(
                PolicyVersion(
                    versionId: "v\(number)",
                    document: Self.allowS3.replacingOccurrences(of: "s3:*", with: "s3:Get\(number)"),
                    createDate: Self.time.adding(seconds: Int64(number))))
        }
        policy.defaultVersionId = "v1"
        current.policies["p"] = policy
        var desired = current
        desired.policies["p"] = Self.policy("p", Self.allowLogs)
        let plan = PlanBuilder.plan(desired: desired, current: current, signingKeyId: nil)
        let change = try #require(plan.changes.first)
        #expect(plan.changes.count == 1)
        #expect(change.summary == "create a new default version of policy p")
        #expect(change.calls.map(\.action) == ["DeletePolicyVersion", "CreatePolicyVersion"])
        #expect(change.calls.first?.parameters["VersionId"] == "v2")
        #expect(change.calls.last?.parameters["SetAsDefault"] == "true")

        // A version that already holds the document becomes the default instead.
        desired.policies["p"] = Self.policy("p", Self.allowS3.replacingOccurrences(of: "s3:*", with: "s3:Get3"))
        let reuse = PlanBuilder.plan(desired: desired, current: current, signingKeyId: nil)
        #expect(reuse.changes.map(\.calls).first?.map(\.action) == ["SetDefaultPolicyVersion"])
        #expect(reuse.changes.first?.calls.first?.parameters["VersionId"] == "v3")
    }

    @Test func notesWhatCannotBeCarried() {
        let current = Self.account()
        var desired = current
        var dave = User(name: "dave", path: "/", id: "AIDA3", createDate: Self.time)
        dave.loginProfile = LoginProfile(createDate: Self.time, passwordHash: "h", passwordResetRequired: true)
        dave.accessKeys = [AccessKey(id: "AKIALOCAL", secretHash: "h", status: .active, createDate: Self.time)]
        desired.users["dave"] = dave
        desired.alias = "corp"
        desired.passwordPolicy = PasswordPolicy(minimumPasswordLength: 14, maxPasswordAge: 90)
        let plan = PlanBuilder.plan(desired: desired, current: current, signingKeyId: nil)
        #expect(
            Self.summaries(plan) == [
                "+ create account alias corp", "+ set the account password policy", "+ create user dave",
            ])
        let policy = plan.changes[1].calls.first?.parameters
        #expect(policy?["MinimumPasswordLength"] == "14")
        #expect(policy?["MaxPasswordAge"] == "90")
        #expect(policy?["PasswordReusePrevention"] == nil)
        #expect(plan.notes.count == 2)
        #expect(plan.notes.first?.hasPrefix("user dave: has a console password in the workspace only") == true)
        #expect(plan.notes.last?.contains("AKIALOCAL") == true)
    }
}
