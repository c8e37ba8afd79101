import IAMCore
import IAMWorkspace

/// Feeds the console from a workspace file, reloading when another process saves it.
@MainActor
public final class WorkspaceOverviewSource: AccountOverviewSource {
    private let workspace: Workspace
    private let principal: String

    /// `principal` is how the signed-in identity is shown in the header.
    public init(workspace: Workspace, principal: String) {
        self.workspace = workspace
        self.principal = principal
    }

    public func loadOverview() throws -> AccountOverview {
        if workspace.changedOnDisk() { try workspace.reload() }
        return Self.overview(of: workspace.account, path: workspace.file.path, principal: principal)
    }

    public func changedOnDisk() -> Bool { workspace.changedOnDisk() }

    /// The overview the console draws for an account.
    public nonisolated static func overview(of account: Account, path: String, principal: String) -> AccountOverview {
        let users = account.users.values.sorted { $0.name.lowercased() < $1.name.lowercased() }.map { user in
            OverviewUser(name: user.name, path: user.path, created: String(user.createDate.iso8601.prefix(10)))
        }
        let counts = [
            OverviewCount(label: "Users", value: account.users.count),
            OverviewCount(label: "User groups", value: account.groups.count),
            OverviewCount(label: "Roles", value: account.roles.count),
            OverviewCount(label: "Policies", value: account.policies.count),
            OverviewCount(label: "Instance profiles", value: account.instanceProfiles.count),
            OverviewCount(label: "MFA devices", value: account.mfaDevices.count),
        ]
        return AccountOverview(
            accountId: account.id, accountAlias: account.alias, accountName: account.name,
            rootEmail: account.root.email, workspacePath: path, principal: principal, counts: counts, users: users)
    }
}
