import IAMCore

/// What the console shows: the account value and where it came from.
public struct AccountSnapshot: Sendable, Equatable {
    /// The account as last loaded.
    public var account: Account
    /// The workspace file the account was read from.
    public var workspacePath: String
    /// Who is signed in, as the header shows it (`not signed in (read-only)` until sign-in exists).
    public var principal: String

    /// Creates a snapshot.
    public init(account: Account, workspacePath: String, principal: String) {
        self.account = account
        self.workspacePath = workspacePath
        self.principal = principal
    }
}

/// Where the console gets its account, and how it learns that the account changed.
///
/// Screens never read the workspace file: they get `Account` values from a source. Another
/// process may save the workspace while the console is open, so the console calls
/// `changedOnDisk()` on every input tick (about every 200 ms) and reloads when it says yes.
@MainActor
public protocol AccountSource: AnyObject {
    /// Reads the current account. A thrown error's description is shown in the status line.
    func loadSnapshot() throws -> AccountSnapshot
    /// True when the data changed since the last `loadSnapshot()`; must be cheap.
    func changedOnDisk() -> Bool
}
