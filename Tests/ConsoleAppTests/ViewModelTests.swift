import IAMCore
import Testing

@testable import ConsoleApp

@Suite("View models")
struct ViewModelTests {
    let account = Fixtures.account()

    func userRow(_ name: String) throws -> UserRow {
        let user = try #require(account.user(named: name))
        return UserRow(user, in: account, now: Fixtures.now)
    }

    @Test func effectivePermissionsSayWhereEachPolicyComesFrom() throws {
        let dave = try #require(account.user(named: "dave"))
        let grants = EffectivePermissions.user(dave, in: account)
        #expect(
            grants.map { "\($0.policyName)|\($0.type)|\($0.attachedVia)" } == [
                "SecurityAudit|AWS managed|Group Auditors",
                "ReadOnlyAccess|AWS managed|Group Auditors",
                "ManageOwnAccessKeys|Customer inline|Group Developers",
                "PowerUserAccess|AWS managed|Group Developers",
                "DenyWithoutMFA|Customer managed|Group Developers",
            ])
        let bot = try #require(account.user(named: "deploy-bot"))
        #expect(
            EffectivePermissions.user(bot, in: account).map { "\($0.policyName)|\($0.attachedVia)" } == [
                "ReadBuildParameters|Inline", "DeployArtifacts|Attached directly",
            ])
    }

    @Test func trustedEntitiesComeFromTheTrustPolicyPrincipal() {
        let names = ["app-server", "thumbnailer", "auditor-readonly"]
        let derived = names.map { TrustedEntities.summary(account.role(named: $0)?.assumeRolePolicyDocument ?? "") }
        #expect(derived == ["AWS service: ec2", "AWS service: lambda", "Account: 999988887777"])
        let mixed = """
            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["123456789012", "arn:aws:iam::123456789012:role/x"],
             "Federated": "cognito-identity.amazonaws.com"}}, {"Effect": "Deny", "Principal": "*"}]}
            """
        #expect(
            TrustedEntities.describe(mixed) == [
                "Account: 123456789012", "AWS: arn:aws:iam::123456789012:role/x",
                "Identity provider: cognito-identity.amazonaws.com",
            ])
        #expect(TrustedEntities.describe("not json") == ["Unknown"])
    }

    @Test func userColumnsFollowTheIAMConsole() throws {
        let alice = try userRow("alice")
        #expect(alice.mfa == "Virtual")
        #expect(alice.accessKeyId == "AKIAEXAMPLEALICEKEYA (Active)")
        #expect(alice.accessKeyAge.hasSuffix(" days"))
        #expect(alice.consoleLastSignIn.count == 10)
        let erin = try userRow("erin")
        #expect(erin.mfa == "Security key")
        #expect(erin.groups == "Admins, Auditors + 1 more")
        #expect(erin.passwordAge == "30 days")
        #expect(erin.consoleLastSignIn == "Never")
        #expect(erin.accessKeyId == "None" && erin.accessKeyAge == "None")
        let dave = try userRow("dave")
        #expect(dave.consoleLastSignIn == "None" && dave.passwordAge == "None" && dave.mfa == "None")
        #expect(dave.groups == "Auditors, Developers")
        #expect(dave.lastActivity == "Never")
    }

    @Test func policiesListMergesCustomerAndAWSManaged() {
        let index = AccountIndex(snapshot: Fixtures.snapshot(account), now: Fixtures.now)
        let rows = index.policies.rows
        let deny = rows.first { $0[0] == "DenyWithoutMFA" }
        #expect(deny?[1] == "Customer managed")
        #expect(deny?[2] == "Permissions policy (1)")
        #expect(rows.first { $0[0] == "DeveloperBoundary" }?[2] == "Permissions boundary (1)")
        #expect(rows.first { $0[0] == "SecurityAudit" }?[1] == "AWS managed")
        #expect(rows.first { $0[0] == "SecurityAudit" }?[2] == "Permissions policy (2)")
        #expect(rows.contains { $0[1] == "AWS managed - job function" })
        #expect(rows.count == account.policies.count + AWSManagedPolicyCatalog.all.count)
    }

    @Test func dashboardRunsTheSecurityChecklist() {
        let summary = DashboardSummary(account, now: Fixtures.now)
        #expect(summary.checklist.count == 10)
        #expect(summary.checklist.first { $0.id == "root-mfa" }?.passed == false)
        #expect(summary.checklist.first { $0.id == "user-mfa" }?.failing == [.user("bob"), .user("carol")])
        #expect(summary.score == SecurityChecklist.score(summary.checklist))
        #expect(summary.counts.first == DashboardSummary.Count(label: "Users", value: 7))
    }

    @Test func filterIsCaseInsensitiveAndFast() {
        let index = AccountIndex(snapshot: Fixtures.snapshot(Fixtures.large(users: 10_000)), now: Fixtures.now)
        #expect(index.users.matching("ALICE").map { index.users.keys[$0] } == ["alice"])
        #expect(index.users.matching("").count == 10_007)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = index.users.matching("user0999") }
        // A few ms in release; debug builds are several times slower, so the bound is loose.
        #expect(elapsed < .milliseconds(250))
    }
}
