import Foundation
import IAMCore

/// How many entities of each kind the benchmark account holds.
struct AccountSize {
    var users = 5000
    var groups = 300
    var roles = 1000
    var policies = 2000
}

/// Builds a realistic account through `IAMService` as root, so every entity passes the same checks
/// as in real use. Ids come from a `SeededRandomSource` and dates from a clock that steps a little
/// on every action, so the same sizes always give the same file.
enum AccountBuilder {
    static let accountId = "210987654321"
    static let partnerAccount = "444455556666"
    static let teams = ["payments", "search", "identity", "analytics", "platform", "mobile", "billing", "support"]
    static let awsPolicies = [
        "ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "IAMUserChangePassword", "AmazonEC2ReadOnlyAccess",
        "CloudWatchReadOnlyAccess", "AmazonDynamoDBReadOnlyAccess",
    ]

    /// The account, and the policy quota the service was given (the standard one is too small).
    static func build(_ size: AccountSize) throws -> (account: Account, policyQuota: Int) {
        let clock = SteppingClock(start: Timestamp(secondsSince1970: 1_735_689_600))
        let random = SeededRandomSource(seed: "iamconsole-bench")
        let root = RootUser(email: "cloud-admins@acme.example", passwordHash: hashShaped(random))
        var account = Account(id: accountId, name: "Acme Production", createDate: clock.now(), root: root)
        account.alias = "acme-prod"
        var quotas = Quotas.standard
        quotas.users = max(quotas.users, size.users)
        quotas.groups = max(quotas.groups, size.groups)
        quotas.roles = max(quotas.roles, size.roles)
        quotas.policies = max(quotas.policies, size.policies)
        var service = IAMService(account: account, clock: clock, random: random, quotas: quotas)
        service.recordsAudit = false
        var pick = Picker(seed: 42)
        let policyARNs = try createPolicies(&service, size.policies, &pick)
        let groupNames = try createGroups(&service, size.groups, policyARNs, &pick)
        try createRoles(&service, size.roles, policyARNs, &pick)
        try createUsers(&service, size.users, groupNames, policyARNs, &pick)
        account = service.account
        addLoginProfiles(&account, random: random, clock: clock, &pick)
        return (account, quotas.policies)
    }

    private static func createPolicies(
        _ service: inout IAMService, _ count: Int, _ pick: inout Picker
    ) throws -> [String] {
        var arns: [String] = []
        for index in 0..<count {
            let team = teams[index % teams.count]
            let name = "\(team)-\(Documents.services[index % Documents.services.count].0)-access-\(index)"
            let path = "/\(team)/"
            var revision = 1
            _ = try service.createPolicy(
                CreatePolicyRequest(
                    policyName: name,
                    policyDocument: Documents.managed(
                        team: team, index: index, revision: revision, account: accountId, pick: &pick),
                    path: path, description: "Access for the \(team) team's service number \(index)",
                    tags: [Tag(key: "team", value: team), Tag(key: "cost-center", value: "cc-\(1000 + index % 40)")]),
                as: .root)
            let arn = ResourceNames.policy(accountId, path: path, name: name)
            for _ in 0..<pick.int(3) {
                revision += 1
                _ = try service.createPolicyVersion(
                    CreatePolicyVersionRequest(
                        policyArn: arn,
                        policyDocument: Documents.managed(
                            team: team, index: index, revision: revision, account: accountId, pick: &pick),
                        setAsDefault: pick.chance(70)),
                    as: .root)
            }
            arns.append(arn)
        }
        return arns
    }

    private static func createGroups(
        _ service: inout IAMService, _ count: Int, _ policies: [String], _ pick: inout Picker
    ) throws -> [String] {
        var names: [String] = []
        for index in 0..<count {
            let team = teams[index % teams.count]
            let name = "\(team)-\(["developers", "operators", "readers", "admins"][index / teams.count % 4])-\(index)"
            _ = try service.createGroup(CreateGroupRequest(groupName: name, path: "/\(team)/"), as: .root)
            for _ in 0..<(1 + pick.int(3)) {
                try attach(&service, policies, &pick, AttachPolicyRequest(groupName: name, policyArn: ""))
            }
            names.append(name)
        }
        return names
    }

    private static func createRoles(
        _ service: inout IAMService, _ count: Int, _ policies: [String], _ pick: inout Picker
    ) throws {
        let purposes = ["ec2 instances", "Lambda functions", "ECS tasks", "the partner account's deploy pipeline"]
        for index in 0..<count {
            let team = teams[index % teams.count]
            let name = "\(team)-service-role-\(index)"
            _ = try service.createRole(
                CreateRoleRequest(
                    roleName: name,
                    assumeRolePolicyDocument: Documents.trust(kind: index, externalAccount: partnerAccount),
                    path: "/service/\(team)/",
                    description: "Role assumed by \(purposes[index % 4]) of the \(team) team",
                    maxSessionDuration: [3600, 7200, 43200][pick.int(3)],
                    tags: [Tag(key: "team", value: team), Tag(key: "env", value: pick.chance(50) ? "prod" : "staging")]),
                as: .root)
            for _ in 0..<(1 + pick.int(3)) {
                try attach(&service, policies, &pick, AttachPolicyRequest(roleName: name, policyArn: ""))
            }
        }
    }

    private static func createUsers(
        _ service: inout IAMService, _ count: Int, _ groups: [String], _ policies: [String], _ pick: inout Picker
    ) throws {
        for index in 0..<count {
            let team = teams[pick.int(teams.count)]
            let name = "user.\(index).\(team)@acme.example"
            _ = try service.createUser(
                CreateUserRequest(
                    userName: name, path: "/people/\(team)/",
                    tags: [
                        Tag(key: "team", value: team), Tag(key: "employee-id", value: "E\(100_000 + index)"),
                        Tag(key: "manager", value: "user.\(index / 10).\(team)@acme.example"),
                    ]), as: .root)
            if !groups.isEmpty {
                for _ in 0..<(1 + pick.int(3)) {
                    _ = try service.addUserToGroup(
                        GroupMembershipRequest(groupName: groups[pick.int(groups.count)], userName: name), as: .root)
                }
            }
            if pick.chance(20) {
                _ = try service.putInlinePolicy(
                    PutInlinePolicyRequest(
                        userName: name, policyName: "self-service",
                        policyDocument: Documents.inline(user: name, account: accountId)), as: .root)
            }
            for _ in 0..<pick.int(3) {
                try attach(&service, policies, &pick, AttachPolicyRequest(userName: name, policyArn: ""))
            }
            if pick.chance(40) {
                for _ in 0..<(1 + pick.int(2)) {
                    _ = try service.createAccessKey(AccessKeyUserRequest(userName: name), as: .root)
                }
            }
        }
    }

    /// Attaches a customer policy (most of the time) or an AWS managed one.
    private static func attach(
        _ service: inout IAMService, _ policies: [String], _ pick: inout Picker, _ template: AttachPolicyRequest
    ) throws {
        var request = template
        if policies.isEmpty || pick.chance(25) {
            request.policyArn = "arn:aws:iam::aws:policy/\(awsPolicies[pick.int(awsPolicies.count)])"
        } else {
            request.policyArn = policies[pick.int(policies.count)]
        }
        _ = try service.attachPolicy(request, as: .root)
    }

    /// Console passwords for about 60% of users, set directly with hash-shaped strings: the real
    /// PBKDF2 cost (600,000 iterations) would take minutes and is not what is measured.
    private static func addLoginProfiles(
        _ account: inout Account, random: any RandomSource, clock: SteppingClock, _ pick: inout Picker
    ) {
        for key in account.users.keys.sorted() where pick.chance(60) {
            var profile = LoginProfile(
                createDate: clock.now(), passwordHash: hashShaped(random), passwordResetRequired: pick.chance(10))
            if pick.chance(30) { profile.previousPasswordHashes = [hashShaped(random)] }
            account.users[key]?.loginProfile = profile
            if pick.chance(80) { account.users[key]?.passwordLastUsed = clock.now() }
        }
    }

    /// A string shaped like `PasswordHasher`'s output, without the cost.
    private static func hashShaped(_ random: any RandomSource) -> String {
        let salt = Data(random.bytes(16)).base64EncodedString()
        let hash = Data(random.bytes(32)).base64EncodedString()
        return "pbkdf2-sha256$\(PasswordHasher.defaultIterations)$\(salt)$\(hash)"
    }
}

/// A clock that moves 47 seconds forward every time it is read, so entities get distinct dates.
final class SteppingClock: IAMClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp

    init(start: Timestamp) { current = start }

    func now() -> Timestamp {
        lock.lock()
        defer { lock.unlock() }
        current = current.adding(seconds: 47)
        return current
    }
}
