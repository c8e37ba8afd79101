import ConsoleApp
import IAMCore

/// Error a source throws when the workspace cannot be read.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// A source whose data the test scripts: each `changedOnDisk()` call takes the next entry of
/// `changes`; a non-nil entry reports a change and becomes what the next load returns.
@MainActor
final class ScriptedSource: AccountSource {
    var current: Result<AccountSnapshot, FixtureError>
    var changes: [Result<AccountSnapshot, FixtureError>?]
    private(set) var loads = 0

    init(_ account: Account, changes: [Result<AccountSnapshot, FixtureError>?] = []) {
        current = .success(Fixtures.snapshot(account))
        self.changes = changes
    }

    init(failing error: String) {
        current = .failure(FixtureError(description: error))
        changes = []
    }

    func loadSnapshot() throws -> AccountSnapshot {
        loads += 1
        return try current.get()
    }

    func changedOnDisk() -> Bool {
        guard !changes.isEmpty, let next = changes.removeFirst() else { return false }
        current = next
        return true
    }
}

/// A fixed clock for the console's ages.
struct FrozenClock: IAMClock {
    func now() -> Timestamp { Fixtures.now }
}

enum Fixtures {
    /// 2026-01-01T00:00:00Z: every age in the tests is computed against this.
    static let now = Timestamp(secondsSince1970: 1_767_225_600)
    static let cjkName = "山田太郎"

    static func snapshot(_ account: Account) -> AccountSnapshot {
        AccountSnapshot(
            account: account, workspacePath: "/home/ops/acme.iamws.json", principal: "not signed in (read-only)")
    }

    /// The sample account plus: a CJK-named user, alice with a virtual MFA device and an old
    /// active key, erin in three groups with a security key, and a role with a service trust.
    static func account() -> Account {
        var account = SampleAccount.make(
            now: now, random: SeededRandomSource(seed: "console-fixture"), iterations: 1000)
        let day: Int64 = 86_400
        var cjk = User(name: cjkName, path: "/", id: "AIDAEXAMPLECJKUSER01", createDate: now.adding(seconds: -10 * day))
        cjk.groups = ["Developers"]
        account.users[Account.key(cjkName)] = cjk

        var erin = User(
            name: "erin", path: "/ops/", id: "AIDAEXAMPLEERINUSER1", createDate: now.adding(seconds: -30 * day))
        erin.groups = ["Developers", "Auditors", "Admins"]
        erin.loginProfile = LoginProfile(
            createDate: now.adding(seconds: -30 * day), passwordHash: "x", passwordResetRequired: false)
        let keySerial = "arn:aws:iam::111122223333:mfa/erin-key"
        var key = MFADevice(serialNumber: keySerial, type: .securityKey, createDate: now.adding(seconds: -29 * day))
        key.assignedTo = "erin"
        account.mfaDevices[keySerial] = key
        erin.mfaDevices = [keySerial]
        account.users["erin"] = erin

        let aliceSerial = "arn:aws:iam::111122223333:mfa/alice"
        var virtual = MFADevice(serialNumber: aliceSerial, type: .virtual, createDate: now.adding(seconds: -5 * day))
        virtual.assignedTo = "alice"
        account.mfaDevices[aliceSerial] = virtual
        account.users["alice"]?.mfaDevices = [aliceSerial]

        // Access advisor's activity: alice used IAM three days ago and S3 200 days ago.
        if let alice = account.user(named: "alice") {
            let arn = account.arn(of: alice)
            account.recordActivity(
                principalARN: arn, action: "iam:ListUsers", region: "us-east-1", at: now.adding(seconds: -3 * day))
            account.recordActivity(
                principalARN: arn, action: "s3:GetObject", region: "eu-west-1", at: now.adding(seconds: -200 * day))
        }
        return account
    }

    /// An account with `count` extra users named `user00000`….
    static func large(users count: Int) -> Account {
        var account = account()
        for number in 0..<count {
            let name = "user" + String(repeating: "0", count: max(0, 5 - String(number).count)) + String(number)
            var user = User(name: name, path: "/bulk/", id: "AIDA\(number)", createDate: now.adding(seconds: -86_400))
            user.groups = number % 3 == 0 ? ["Developers"] : []
            account.users[name] = user
        }
        return account
    }
}
