import IAMCore
import IAMWorkspace

/// Feeds the console from a workspace file, reloading when another process saves it.
@MainActor
public final class WorkspaceOverviewSource: AccountSource {
    private let workspace: Workspace
    private let principal: String

    /// `principal` is how the signed-in identity is shown in the header.
    public init(workspace: Workspace, principal: String) {
        self.workspace = workspace
        self.principal = principal
    }

    public func loadSnapshot() throws -> AccountSnapshot {
        if workspace.changedOnDisk() { try workspace.reload() }
        return AccountSnapshot(account: workspace.account, workspacePath: workspace.file.path, principal: principal)
    }

    public func changedOnDisk() -> Bool { workspace.changedOnDisk() }
}
