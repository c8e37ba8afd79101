import IAMCore
import IAMWorkspace

/// Feeds the console from a workspace file, reloading when another process saves it, and saves
/// the console's changes through `Workspace.update` (never writing the file itself).
@MainActor
public final class WorkspaceOverviewSource: AccountSource {
    private let workspace: Workspace
    private let principal: String
    private let clock: any IAMClock
    private let random: any RandomSource

    /// `principal` is how the header shows the identity before anyone signs in; `clock` and
    /// `random` are handed to the `IAMService` every change runs on.
    public init(
        workspace: Workspace, principal: String, clock: any IAMClock = SystemClock(),
        random: any RandomSource = SystemRandomSource()
    ) {
        self.workspace = workspace
        self.principal = principal
        self.clock = clock
        self.random = random
    }

    /// Opens the workspace file at `path`.
    public convenience init(
        path: String, principal: String = "not signed in", clock: any IAMClock = SystemClock(),
        random: any RandomSource = SystemRandomSource()
    ) throws {
        self.init(workspace: try Workspace(path: path), principal: principal, clock: clock, random: random)
    }

    public func loadSnapshot() throws -> AccountSnapshot {
        if workspace.changedOnDisk() { try workspace.reload() }
        let trail = workspace.auditTrail
        return AccountSnapshot(
            account: workspace.account, workspacePath: workspace.file.path, principal: principal,
            auditRecords: { (try? trail.read().records) ?? [] })
    }

    public func changedOnDisk() -> Bool { workspace.changedOnDisk() }

    public func perform<Result>(
        as principal: Principal, _ change: (inout IAMService) throws -> Result
    ) throws -> Result {
        // Saves the change and appends every request's audit record, refused ones included.
        try workspace.perform(caller: .console, clock: clock, random: random) { service in try change(&service) }
    }
}
