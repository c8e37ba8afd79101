/// Everything the account overview screen shows, as plain preformatted data so the screen
/// needs nothing from the IAM model.
public struct AccountOverview: Sendable, Equatable {
    public var accountId: String
    public var accountAlias: String?
    public var accountName: String
    public var rootEmail: String
    /// The workspace file the console is showing.
    public var workspacePath: String
    /// Who is signed in, such as `root` or `user/alice`.
    public var principal: String
    /// Summary numbers in display order (Users, Groups, Roles, …).
    public var counts: [OverviewCount]
    public var users: [OverviewUser]

    /// Creates an overview.
    public init(
        accountId: String, accountAlias: String?, accountName: String, rootEmail: String,
        workspacePath: String, principal: String, counts: [OverviewCount], users: [OverviewUser]
    ) {
        self.accountId = accountId
        self.accountAlias = accountAlias
        self.accountName = accountName
        self.rootEmail = rootEmail
        self.workspacePath = workspacePath
        self.principal = principal
        self.counts = counts
        self.users = users
    }
}

/// One labelled number of the account summary.
public struct OverviewCount: Sendable, Equatable {
    public var label: String
    public var value: Int

    /// Creates a count.
    public init(label: String, value: Int) {
        self.label = label
        self.value = value
    }
}

/// One row of the users table.
public struct OverviewUser: Sendable, Equatable {
    public var name: String
    public var path: String
    /// The creation time, already formatted for display.
    public var created: String

    /// Creates a user row.
    public init(name: String, path: String, created: String) {
        self.name = name
        self.path = path
        self.created = created
    }
}

/// Where the console gets its data, and how it learns that the data changed.
///
/// Another process may edit the workspace while the console is open: the console calls
/// `changedOnDisk()` on every input tick (about every 200 ms) and reloads when it says yes.
@MainActor
public protocol AccountOverviewSource: AnyObject {
    /// Reads the current overview. A thrown error's description is shown in the status line.
    func loadOverview() throws -> AccountOverview
    /// True when the data changed since the last `loadOverview()`; must be cheap.
    func changedOnDisk() -> Bool
}
