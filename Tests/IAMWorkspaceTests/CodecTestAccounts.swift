import Foundation
import IAMCore

/// Accounts that exercise the workspace format: one with every member filled and awkward text,
/// and a large varied one of the benchmark's size.
enum CodecTestAccounts {
    static func date(_ seconds: Int64, micros: Int64 = 0) -> Timestamp {
        Timestamp(microseconds: seconds * 1_000_000 + micros)
    }

    /// Text that needs escaping or is not ASCII: quotes, backslashes, slashes, every control
    /// character, DEL, accents, an emoji, a line separator and a byte-order mark.
    static let awkward: String = {
        var text = "q\"uote\\back/slash é 😀 \u{2028}\u{2029}\u{FEFF}\u{7F}"
        for code in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(code))) }
        return text
    }()

    /// Every entity, every optional member set, and the empty arrays that are always written.
    static func everything() -> Account {
        var root = RootUser(email: "root@example.com", passwordHash: "pbkdf2$1$salt$hash")
        root.passwordLastUsed = date(1_700_000_000, micros: 5)
        root.passwordLastChanged = date(1_600_000_000)
        var account = Account(id: "123456789012", name: "Kitchen \(awkward)", createDate: date(0), root: root)
        account.alias = "alias-é"

        var user = User(name: "Ünïcode", path: "/a/b/", id: "AIDAEXAMPLE0000000001", createDate: date(1_000))
        user.tags = [Tag(key: "k", value: awkward), Tag(key: "", value: "")]
        user.groups = ["Admins"]
        user.inlinePolicies = [InlinePolicy(name: "p", document: #"{"Version":"2012-10-17","Statement":[]}"#)]
        user.attachedPolicies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
        user.permissionsBoundary = "arn:aws:iam::123456789012:policy/Boundary"
        var profile = LoginProfile(
            createDate: date(2_000, micros: 123_456), passwordHash: "h", passwordResetRequired: true)
        profile.previousPasswordHashes = ["old1", "old2"]
        user.loginProfile = profile
        var key = AccessKey(id: "AKIAEXAMPLE000000001", secretHash: "ab", status: .inactive, createDate: date(3_000))
        key.lastUsed = AccessKeyLastUsed(date: date(4_000), serviceName: "s3", region: "eu-west-1")
        user.accessKeys = [
            key, AccessKey(id: "AKIAEXAMPLE000000002", secretHash: "cd", status: .active, createDate: date(5)),
        ]
        user.mfaDevices = ["arn:aws:iam::123456789012:mfa/u"]
        user.passwordLastUsed = date(-86_401, micros: 999_999)
        user.signingCertificates = 2
        user.sshPublicKeys = -3
        user.serviceSpecificCredentials = 1
        account.users[Account.key(user.name)] = user
        let bare = User(name: "bare", path: "/", id: "AIDAEXAMPLE0000000002", createDate: date(1))
        account.users[Account.key(bare.name)] = bare

        var group = Group(name: "Admins", path: "/", id: "AGPAEXAMPLE0000000001", createDate: date(10))
        group.inlinePolicies = [InlinePolicy(name: "g", document: "{}")]
        group.attachedPolicies = ["arn:aws:iam::aws:policy/AdministratorAccess"]
        account.groups[Account.key(group.name)] = group
        let emptyGroup = Group(name: "Empty", path: "/", id: "AGPAEXAMPLE0000000002", createDate: date(11))
        account.groups[Account.key(emptyGroup.name)] = emptyGroup

        var role = Role(
            name: "R", path: "/service/", id: "AROAEXAMPLE0000000001", createDate: date(20),
            assumeRolePolicyDocument: awkward)
        role.description = "a role"
        role.maxSessionDuration = 43_200
        role.tags = [Tag(key: "team", value: "x")]
        role.inlinePolicies = [InlinePolicy(name: "r", document: "{}")]
        role.attachedPolicies = ["arn:aws:iam::123456789012:policy/P"]
        role.permissionsBoundary = "arn:aws:iam::123456789012:policy/Boundary"
        role.lastUsed = RoleLastUsed(date: date(30), region: nil)
        account.roles[Account.key(role.name)] = role
        var plainRole = Role(
            name: "plain", path: "/", id: "AROAEXAMPLE0000000002", createDate: date(21), assumeRolePolicyDocument: "{}")
        plainRole.lastUsed = RoleLastUsed(date: date(31), region: "us-east-1")
        account.roles[Account.key(plainRole.name)] = plainRole

        var policy = ManagedPolicy(
            name: "P", path: "/", id: "ANPAEXAMPLE0000000001", description: nil, createDate: date(40), document: awkward
        )
        policy.versions.append(PolicyVersion(versionId: "v2", document: "{}", createDate: date(41)))
        policy.defaultVersionId = "v2"
        policy.nextVersionNumber = 3
        policy.tags = [Tag(key: "a", value: "b")]
        account.policies[Account.key(policy.name)] = policy
        let described = ManagedPolicy(
            name: "Boundary", path: "/x/", id: "ANPAEXAMPLE0000000002", description: "d", createDate: date(42),
            document: "{}")
        account.policies[Account.key(described.name)] = described

        var instanceProfile = InstanceProfile(name: "IP", path: "/", id: "AIPAEXAMPLE0000000001", createDate: date(50))
        instanceProfile.roles = ["R"]
        instanceProfile.tags = [Tag(key: "k", value: "v")]
        account.instanceProfiles[Account.key(instanceProfile.name)] = instanceProfile
        let emptyProfile = InstanceProfile(name: "empty", path: "/", id: "AIPAEXAMPLE0000000002", createDate: date(51))
        account.instanceProfiles[Account.key(emptyProfile.name)] = emptyProfile

        var device = MFADevice(
            serialNumber: "arn:aws:iam::123456789012:mfa/u", type: .securityKey, createDate: date(60))
        device.assignedTo = "Ünïcode"
        device.enableDate = date(61)
        device.seed = "SEED"
        device.credentialId = "cred"
        device.tags = [Tag(key: "k", value: "v")]
        device.lastUsedStep = 58_925_000
        device.driftSteps = -2
        account.mfaDevices[device.serialNumber] = device
        let spare = MFADevice(serialNumber: "GAHT12345678", type: .hardware, createDate: date(62))
        account.mfaDevices[spare.serialNumber] = spare

        account.passwordPolicy = PasswordPolicy(
            minimumPasswordLength: 12, requireSymbols: true, requireNumbers: false, requireUppercaseCharacters: true,
            requireLowercaseCharacters: false, allowUsersToChangePassword: true, maxPasswordAge: 90,
            passwordReusePrevention: 5, hardExpiry: false)
        account.auditTrail = [
            AuditEvent(
                time: date(70), principal: "arn:aws:iam::123456789012:root", action: "iam:CreateUser",
                resource: "arn:aws:iam::123456789012:user/bare", outcome: "Success"),
            AuditEvent(
                time: date(71, micros: 1), principal: "p", action: "iam:DeleteUser", resource: awkward,
                outcome: "NoSuchEntity"),
        ]
        return account
    }

    /// `everything()` with STS temporary credentials: every optional member set on one, none on the others.
    static func withTemporaryCredentials() -> Account {
        var account = everything()
        var assumed = TemporaryCredential(
            accessKeyId: "ASIAEXAMPLE000000001", secretHash: "ef", sessionTokenHash: "01", source: .assumeRole,
            createDate: date(80), expiration: date(3_680, micros: 7))
        assumed.roleName = "R"
        assumed.roleSessionName = "s@e.x"
        assumed.mfaSerialNumber = "arn:aws:iam::123456789012:mfa/u"
        assumed.mfaAuthenticatedAt = date(79)
        assumed.sessionPolicy = awkward
        assumed.tags = [Tag(key: "project", value: awkward)]
        account.temporaryCredentials[assumed.accessKeyId] = assumed
        var token = TemporaryCredential(
            accessKeyId: "ASIAEXAMPLE000000002", secretHash: "23", sessionTokenHash: "45", source: .getSessionToken,
            createDate: date(81), expiration: date(43_281))
        token.userName = "bare"
        account.temporaryCredentials[token.accessKeyId] = token
        let rootToken = TemporaryCredential(
            accessKeyId: "ASIAEXAMPLE000000003", secretHash: "67", sessionTokenHash: "89", source: .getSessionToken,
            createDate: date(82), expiration: date(3_682))
        account.temporaryCredentials[rootToken.accessKeyId] = rootToken
        return account
    }

    /// A large account shaped like the benchmark's: thousands of entities with varied members.
    static func large(users: Int = 5_000, groups: Int = 300, roles: Int = 1_000, policies: Int = 2_000) -> Account {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let document =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*"}]}"#
        var account = Account(
            id: "210987654321", name: "large", createDate: date(1_600_000_000),
            root: RootUser(email: "r@example.com", passwordHash: "h"))
        for index in 0..<policies {
            var policy = ManagedPolicy(
                name: "Policy\(index)", path: "/team\(index % 7)/", id: "ANPA\(index)",
                description: index % 3 == 0 ? nil : "policy \(index)", createDate: date(1_600_000_000 + Int64(index)),
                document: document)
            for version in 2..<(2 + next(3)) {
                policy.versions.append(
                    PolicyVersion(
                        versionId: "v\(version)", document: document + "\n",
                        createDate: date(1_600_100_000 + Int64(index), micros: Int64(next(1_000_000)))))
                policy.nextVersionNumber = version + 1
            }
            policy.tags = [Tag(key: "owner", value: "team\(index % 7)"), Tag(key: "cost", value: "\(index)")]
            account.policies[Account.key(policy.name)] = policy
        }
        for index in 0..<groups {
            var group = Group(
                name: "Group\(index)", path: "/", id: "AGPA\(index)", createDate: date(1_600_200_000 + Int64(index)))
            group.attachedPolicies = (0...next(3)).map {
                "arn:aws:iam::210987654321:policy/team\($0)/Policy\(next(policies))"
            }
            account.groups[Account.key(group.name)] = group
        }
        for index in 0..<roles {
            var role = Role(
                name: "Role\(index)", path: "/service-role/", id: "AROA\(index)",
                createDate: date(1_600_300_000 + Int64(index)), assumeRolePolicyDocument: document)
            role.description = "role \(index)"
            role.maxSessionDuration = 3600 * (1 + next(12))
            role.tags = [Tag(key: "env", value: index % 2 == 0 ? "prod" : "dev")]
            role.attachedPolicies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
            account.roles[Account.key(role.name)] = role
        }
        for index in 0..<users {
            var user = User(
                name: "user.\(index)@example.com", path: "/team\(index % 7)/", id: "AIDA\(index)",
                createDate: date(1_600_400_000 + Int64(index)))
            user.tags = [Tag(key: "team", value: "\(index % 7)"), Tag(key: "email", value: "user\(index)@example.com")]
            user.groups = (0...next(3)).map { _ in "Group\(next(groups))" }
            if next(5) == 0 { user.inlinePolicies = [InlinePolicy(name: "inline", document: document)] }
            if next(5) < 2 {
                user.accessKeys = [
                    AccessKey(
                        id: "AKIA\(index)", secretHash: String(repeating: "ab", count: 32), status: .active,
                        createDate: date(1_600_500_000))
                ]
            }
            if next(5) < 3 {
                var profile = LoginProfile(
                    createDate: date(1_600_600_000), passwordHash: "pbkdf2-sha256$600000$salt$hash\(index)",
                    passwordResetRequired: next(2) == 0)
                if next(3) == 0 { profile.previousPasswordHashes = ["old\(index)"] }
                user.loginProfile = profile
                user.passwordLastUsed = date(1_600_700_000, micros: Int64(next(1_000_000)))
            }
            account.users[Account.key(user.name)] = user
        }
        return account
    }
}
