/// Everything the account overview screen shows, as plain preformatted data so the screen
/// needs nothing from the IAM model.
public struct AccountOverview: Sendable, Equatable {
    /// The 12-digit account id.
    public var accountId: String
    /// The account alias, if one is set.
    public var accountAlias: String?
    /// The account name.
    public var accountName: String
    /// The root user's email address.
    public var rootEmail: String
    /// The workspace file the console is showing.
    public var workspacePath: String
    /// Who is signed in, such as `root` or `user/alice`.
    public var principal: String
    /// Summary numbers in display order (Users, Groups, Roles, …).
    public var counts: [OverviewCount]
    /// IAM users, in display order.
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
    /// What is counted, such as `Users`.
    public var label: String
    /// The number.
    public var value: Int

    /// Creates a count.
    public init(label: String, value: Int) {
        self.label = label
        self.value = value
    }
}

/// One row of the users table.
public struct OverviewUser: Sendable, Equatable {
    /// The user name.
    public var name: String
    /// The IAM path, such as `/` or `/engineering/`.
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
