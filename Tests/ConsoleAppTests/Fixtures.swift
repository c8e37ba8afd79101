import ConsoleApp

/// Error a source throws when the workspace cannot be read.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// A source whose data the test scripts: each `changedOnDisk()` call takes the next entry of
/// `changes`; a non-nil entry reports a change and becomes what the next load returns.
@MainActor
final class ScriptedSource: AccountOverviewSource {
    var current: Result<AccountOverview, FixtureError>
    var changes: [Result<AccountOverview, FixtureError>?]
    private(set) var loads = 0

    init(_ overview: AccountOverview, changes: [Result<AccountOverview, FixtureError>?] = []) {
        current = .success(overview)
        self.changes = changes
    }

    init(failing error: String) {
        current = .failure(FixtureError(description: error))
        changes = []
    }

    func loadOverview() throws -> AccountOverview {
        loads += 1
        return try current.get()
    }

    func changedOnDisk() -> Bool {
        guard !changes.isEmpty, let next = changes.removeFirst() else { return false }
        current = next
        return true
    }
}

enum Fixtures {
    static func overview(
        users: [OverviewUser] = defaultUsers, accountName: String = "Acme Production"
    ) -> AccountOverview {
        AccountOverview(
            accountId: "123456789012", accountAlias: "acme-prod", accountName: accountName,
            rootEmail: "root@acme.example", workspacePath: "/home/ops/workspaces/acme-prod.iamws.json",
            principal: "root",
            counts: [
                OverviewCount(label: "Users", value: users.count), OverviewCount(label: "Groups", value: 2),
                OverviewCount(label: "Roles", value: 3), OverviewCount(label: "Policies", value: 7),
                OverviewCount(label: "MFA devices", value: 1), OverviewCount(label: "Access keys", value: 4),
            ],
            users: users)
    }

    static let defaultUsers = [
        OverviewUser(name: "alice", path: "/", created: "2024-01-02 10:00:00"),
        OverviewUser(name: "bob", path: "/engineering/", created: "2024-02-03 11:30:00"),
        OverviewUser(name: "carol", path: "/finance/", created: "2024-03-04 09:15:00"),
    ]

    static func manyUsers(_ count: Int) -> [OverviewUser] {
        (0..<count).map { OverviewUser(name: "user\($0)", path: "/", created: "2024-01-01 00:00:00") }
    }
}
