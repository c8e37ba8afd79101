import Foundation

/// A realistic demo account for learning and for the console's first run: users in groups, roles for
/// EC2, Lambda and another account, customer managed policies with versions, a boundary, an instance
/// profile and a password policy. Its credentials are public and documented (`SampleAccount.credentials`).
public enum SampleAccount {
    /// The demo account's sign-in details, shown on the sign-in screen and in the README.
    public enum Credentials {
        public static let accountId = "111122223333"
        public static let alias = "acme-demo"
        public static let rootEmail = "root@acme.example"
        public static let rootPassword = "Acme-Root-2026!"
        /// Console password of the users `alice`, `bob` and `carol`.
        public static let userPassword = "Demo-User-2026!"
        /// `alice`'s access key (an administrator).
        public static let aliceAccessKeyId = "AKIAEXAMPLEALICEKEYA"
        public static let aliceSecretAccessKey = "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"
        /// `carol`'s access key (read-only auditor).
        public static let carolAccessKeyId = "AKIAEXAMPLECAROLKEYA"
        public static let carolSecretAccessKey = "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"
    }

    /// Builds the demo account. `now` is the moment the account is "opened"; entities are dated in the
    /// months before it so ages look real. `iterations` is the password KDF cost.
    public static func make(
        now: Timestamp, random: any RandomSource = SystemRandomSource(),
        iterations: Int = PasswordHasher.defaultIterations
    ) -> Account {
        let created = now.adding(seconds: -400 * 86_400)
        let root = RootUser(
            email: Credentials.rootEmail,
            passwordHash: PasswordHasher.hash(Credentials.rootPassword, random: random, iterations: iterations))
        var account = Account(id: Credentials.accountId, name: "Acme Demo", createDate: created, root: root)
        account.alias = Credentials.alias
        account.root.passwordLastChanged = created
        let clock = SteppingClock(start: created.adding(seconds: 86_400))
        var service = IAMService(account: account, clock: clock, random: random)
        service.recordsAudit = false
        do {
            try populate(&service, clock: clock, random: random, iterations: iterations)
            try SampleResources.populate(&service)
        } catch {
            // The sample is fixed data that the tests build on every run; a failure here is a bug there.
            assertionFailure("sample account failed: \(error)")
        }
        account = service.account
        account.passwordPolicy = PasswordPolicy(
            minimumPasswordLength: 12, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true,
            requireLowercaseCharacters: true, allowUsersToChangePassword: true, maxPasswordAge: 90,
            passwordReusePrevention: 5, hardExpiry: false)
        // The policy's 90-day maximum age would send every demo user to the change-password step and
        // make the documented demo password stop working: their passwords were set three weeks ago.
        for (offset, name) in ["alice", "bob", "carol"].enumerated() {
            account.users[Account.key(name)]?.loginProfile?.passwordLastChanged = now.adding(
                seconds: -Int64(21 + offset) * 86_400)
        }
        return account
    }

    // swiftlint-style length is acceptable here: the sample is one script of steps, easier to read whole.
    private static func populate(
        _ service: inout IAMService, clock: SteppingClock, random: any RandomSource, iterations: Int
    ) throws(IAMError) {
        let root = Principal.root
        let id = Credentials.accountId
        func policy(_ name: String) -> String { "arn:aws:iam::aws:policy/\(name)" }
        func own(_ path: String, _ name: String) -> String { "arn:aws:iam::\(id):policy\(path)\(name)" }

        for (name, path) in [("Admins", "/"), ("Developers", "/engineering/"), ("Auditors", "/")] {
            _ = try service.createGroup(CreateGroupRequest(groupName: name, path: path), as: root)
            clock.advance(days: 1)
        }
        _ = try service.createPolicy(
            CreatePolicyRequest(
                policyName: "DenyWithoutMFA", policyDocument: SampleDocuments.denyWithoutMFA,
                description: "Denies everything except MFA self-service until the caller signs in with MFA."), as: root)
        _ = try service.createPolicy(
            CreatePolicyRequest(
                policyName: "DeployArtifacts", policyDocument: SampleDocuments.deployArtifactsV1, path: "/ci/",
                description: "Lets CI upload build artifacts and read their parameters."), as: root)
        clock.advance(days: 20)
        _ = try service.createPolicyVersion(
            CreatePolicyVersionRequest(
                policyArn: own("/ci/", "DeployArtifacts"), policyDocument: SampleDocuments.deployArtifactsV2,
                setAsDefault: true), as: root)
        _ = try service.createPolicy(
            CreatePolicyRequest(
                policyName: "DeveloperBoundary", policyDocument: SampleDocuments.developerBoundary,
                description: "The most a developer-created identity may ever do."), as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(groupName: "Admins", policyArn: policy("AdministratorAccess")), as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(groupName: "Developers", policyArn: policy("PowerUserAccess")), as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(groupName: "Developers", policyArn: own("/", "DenyWithoutMFA")), as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(groupName: "Auditors", policyArn: policy("SecurityAudit")), as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(groupName: "Auditors", policyArn: policy("ReadOnlyAccess")), as: root)
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(
                groupName: "Developers", policyName: "ManageOwnAccessKeys",
                policyDocument: SampleDocuments.manageOwnKeys),
            as: root)

        let people: [(String, String, [String], [Tag])] = [
            ("alice", "/", ["Admins"], [Tag(key: "team", value: "platform"), Tag(key: "cost-center", value: "1001")]),
            ("bob", "/engineering/", ["Developers"], [Tag(key: "team", value: "payments")]),
            ("carol", "/", ["Auditors"], [Tag(key: "team", value: "security")]),
            ("dave", "/engineering/", ["Developers", "Auditors"], [Tag(key: "team", value: "payments")]),
        ]
        for (name, path, groups, tags) in people {
            clock.advance(days: 7)
            _ = try service.createUser(CreateUserRequest(userName: name, path: path, tags: tags), as: root)
            for group in groups {
                _ = try service.addUserToGroup(GroupMembershipRequest(groupName: group, userName: name), as: root)
            }
        }
        _ = try service.putPermissionsBoundary(
            PutPermissionsBoundaryRequest(userName: "dave", permissionsBoundary: own("/", "DeveloperBoundary")),
            as: root)
        clock.advance(days: 3)
        _ = try service.createUser(
            CreateUserRequest(userName: "deploy-bot", path: "/service/", tags: [Tag(key: "owner", value: "ci")]),
            as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(userName: "deploy-bot", policyArn: own("/ci/", "DeployArtifacts")), as: root)
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(
                userName: "deploy-bot", policyName: "ReadBuildParameters",
                policyDocument: SampleDocuments.readParameters),
            as: root)

        var account = service.account
        let now = clock.now()
        for name in ["alice", "bob", "carol"] {
            let key = Account.key(name)
            let created = account.users[key]?.createDate ?? now
            account.users[key]?.loginProfile = LoginProfile(
                createDate: created,
                passwordHash: PasswordHasher.hash(Credentials.userPassword, random: random, iterations: iterations),
                passwordResetRequired: false)
        }
        account.users["alice"]?.passwordLastUsed = now.adding(seconds: 86_400 * 2)
        let aliceCreated = account.users["alice"]?.createDate ?? now
        let carolCreated = account.users["carol"]?.createDate ?? now
        account.users["alice"]?.accessKeys = [
            AccessKey(
                id: Credentials.aliceAccessKeyId, secretHash: SecretHasher.hash(Credentials.aliceSecretAccessKey),
                status: .active, createDate: aliceCreated)
        ]
        account.users["carol"]?.accessKeys = [
            AccessKey(
                id: Credentials.carolAccessKeyId, secretHash: SecretHasher.hash(Credentials.carolSecretAccessKey),
                status: .active, createDate: carolCreated)
        ]
        service.replaceAccount(account)

        clock.advance(days: 5)
        _ = try service.createRole(
            CreateRoleRequest(
                roleName: "app-server", assumeRolePolicyDocument: SampleDocuments.trustEC2,
                description: "Role for the application servers.", tags: [Tag(key: "app", value: "storefront")]),
            as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(roleName: "app-server", policyArn: policy("AmazonS3ReadOnlyAccess")), as: root)
        _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: "app-server"), as: root)
        _ = try service.addRoleToInstanceProfile(
            InstanceProfileRoleRequest(instanceProfileName: "app-server", roleName: "app-server"), as: root)
        _ = try service.createRole(
            CreateRoleRequest(
                roleName: "thumbnailer", assumeRolePolicyDocument: SampleDocuments.trustLambda,
                description: "Lambda function that makes image thumbnails."), as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(roleName: "thumbnailer", policyArn: policy("service-role/AWSLambdaBasicExecutionRole")),
            as: root)
        _ = try service.createRole(
            CreateRoleRequest(
                roleName: "auditor-readonly", assumeRolePolicyDocument: SampleDocuments.trustOtherAccount,
                description: "Assumed by the security account for audits.", maxSessionDuration: 7200),
            as: root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(roleName: "auditor-readonly", policyArn: policy("SecurityAudit")), as: root)
    }
}

/// A clock the sample builder moves forward between steps, so entities get realistic dates.
final class SteppingClock: IAMClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp

    init(start: Timestamp) { current = start }

    func now() -> Timestamp {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(days: Int64) {
        lock.lock()
        current = current.adding(seconds: days * 86_400)
        lock.unlock()
    }
}
