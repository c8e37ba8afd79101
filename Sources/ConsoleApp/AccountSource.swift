import IAMCore

/// What the console shows: the account value and where it came from.
public struct AccountSnapshot: Sendable, Equatable {
    /// The account as last loaded.
    public var account: Account
    /// The workspace file the account was read from.
    public var workspacePath: String
    /// Who is signed in, as the header shows it (the console shows the signed-in principal instead).
    public var principal: String
    /// Reads the audit trail when the Audit log view first asks (it can be large), oldest first.
    public var auditRecords: @Sendable () -> [CloudTrailRecord]

    /// Creates a snapshot.
    public init(
        account: Account, workspacePath: String, principal: String,
        auditRecords: @escaping @Sendable () -> [CloudTrailRecord] = { [] }
    ) {
        self.account = account
        self.workspacePath = workspacePath
        self.principal = principal
        self.auditRecords = auditRecords
    }

    public static func == (lhs: AccountSnapshot, rhs: AccountSnapshot) -> Bool {
        lhs.account == rhs.account && lhs.workspacePath == rhs.workspacePath && lhs.principal == rhs.principal
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
    /// Runs one change as `principal` against the newest account and saves the result at once.
    ///
    /// `change` gets an `IAMService` over the account as it stands now (re-read under the
    /// workspace lock, so a change another process saved is never lost) and calls its actions;
    /// when it throws (an `IAMError` such as `AccessDenied`), nothing is saved and the error
    /// propagates unchanged.
    func perform<Result>(
        as principal: Principal, _ change: (inout IAMService) throws -> Result
    ) throws -> Result
}

/// Thrown by sources that cannot save changes.
public struct ReadOnlySourceError: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "This workspace is open read-only: changes cannot be saved." }
}

extension AccountSource {
    /// Sources are read-only unless they say otherwise.
    public func perform<Result>(
        as principal: Principal, _ change: (inout IAMService) throws -> Result
    ) throws -> Result {
        throw ReadOnlySourceError()
    }
}
