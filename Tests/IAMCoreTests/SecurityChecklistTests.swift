import Foundation
import Testing

@testable import IAMCore

/// Each checklist rule passing and failing, with the entities that fail it.
@Suite("Security checklist")
struct SecurityChecklistTests {
    static let now = TestAccount.now.adding(seconds: 200 * 86_400)

    /// An account that passes every check.
    static func clean() -> Account {
        var account = TestAccount.make().account
        account.root.mfaDevices = ["arn:aws:iam::123456789012:mfa/root"]
        account.passwordPolicy = PasswordPolicy(
            minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true,
            requireLowercaseCharacters: true, passwordReusePrevention: 24)
        var user = User(name: "ana", path: "/", id: "AIDAEXAMPLEANA000001", createDate: TestAccount.now)
        user.groups = ["Admins"]
        user.loginProfile = LoginProfile(createDate: TestAccount.now, passwordHash: "h", passwordResetRequired: false)
        user.passwordLastUsed = now.adding(seconds: -86_400)
        user.mfaDevices = ["arn:aws:iam::123456789012:mfa/ana"]
        account.users["ana"] = user
        return account
    }

    private func item(_ id: String, _ account: Account) throws -> ChecklistItem {
        try #require(SecurityChecklist.evaluate(account, at: Self.now).first { $0.id == id })
    }

    @Test func aCleanAccountPassesEverything() {
        let items = SecurityChecklist.evaluate(Self.clean(), at: Self.now)
        #expect(items.count == 10)
        let failing = items.filter { !$0.passed }.map(\.id)
        #expect(failing.isEmpty, "\(failing)")
        #expect(SecurityChecklist.score(items) == 100)
    }

    @Test func rootRules() throws {
        var account = Self.clean()
        account.root.mfaDevices = []
        account.root.accessKeys = [
            AccessKey(id: "AKIAROOTEXAMPLE00001", secretHash: "x", status: .active, createDate: TestAccount.now)
        ]
        account.root.passwordLastUsed = Self.now.adding(seconds: -3600)
        #expect(try item("root-mfa", account).failing == [.root])
        #expect(try item("root-access-keys", account).failing == [.root])
        #expect(try item("root-unused", account).failing == [.root])
        #expect(try item("key-rotation", account).failing == [.root])
        let items = SecurityChecklist.evaluate(account, at: Self.now)
        #expect(SecurityChecklist.score(items) == 60)
    }

    @Test func passwordPolicyRule() throws {
        var account = Self.clean()
        account.passwordPolicy = nil
        #expect(try item("password-policy", account).failing == [.passwordPolicy])
        account.passwordPolicy = PasswordPolicy(minimumPasswordLength: 14, requireSymbols: false)
        let weak = try item("password-policy", account)
        #expect(!weak.passed)
    }

    @Test func userRules() throws {
        var account = Self.clean()
        var bob = User(name: "bob", path: "/", id: "AIDAEXAMPLEBOB000001", createDate: TestAccount.now)
        bob.loginProfile = LoginProfile(createDate: TestAccount.now, passwordHash: "h", passwordResetRequired: false)
        bob.attachedPolicies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
        bob.inlinePolicies = [
            InlinePolicy(
                name: "All",
                document: #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#)
        ]
        account.users["bob"] = bob
        var bot = User(name: "bot", path: "/service/", id: "AIDAEXAMPLEBOT000001", createDate: TestAccount.now)
        bot.accessKeys = [
            AccessKey(id: "AKIABOTEXAMPLE000001", secretHash: "x", status: .active, createDate: TestAccount.now)
        ]
        account.users["bot"] = bot
        #expect(try item("user-mfa", account).failing == [.user("bob")])
        #expect(try item("permissions-through-groups", account).failing == [.user("bob")])
        #expect(try item("no-inline-admin", account).failing == [.user("bob")])
        // bob never signed in, 200 days after his password was set; bot's key is 200 days old and unused.
        #expect(try item("unused-credentials", account).failing == [.user("bob"), .user("bot")])
        #expect(try item("key-rotation", account).failing == [.user("bot")])
        #expect(try item("roles-for-services", account).failing == [.user("bot")])
    }

    @Test func inlineAdminOnGroupsAndRolesToo() throws {
        var account = Self.clean()
        var group = Group(name: "Ops", path: "/", id: "AGPAEXAMPLEOPS000001", createDate: TestAccount.now)
        group.inlinePolicies = [
            InlinePolicy(
                name: "Star",
                document:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*:*"],"Resource":["*"]}]}"#)
        ]
        account.groups["ops"] = group
        #expect(try item("no-inline-admin", account).failing == [.group("Ops")])
        // A deny of everything is not a grant.
        account.groups["ops"]?.inlinePolicies = [
            InlinePolicy(
                name: "Deny",
                document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#)
        ]
        let denied = try item("no-inline-admin", account)
        #expect(denied.passed)
    }
}
