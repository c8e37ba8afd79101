import Foundation
import IAMCore
import IAMRemote
import IAMWorkspace

/// `iamconsole remote pull`: the endpoint's account into the workspace, all or nothing.
enum RemotePullCommand {
    static func run(
        _ parsed: WorkspaceOptions, path: String, connection: RemoteConnection, environment: CLIEnvironment
    ) -> Int32 {
        let source = "\(connection.endpoint) GetAccountAuthorizationDetails"
        do {
            let snapshot = try RemoteCommand.readEndpoint(connection)
            var summary = ImportSummary()
            if FileManager.default.fileExists(atPath: path) {
                let workspace = try Workspace(path: path)
                try workspace.update { account in
                    guard account.id == snapshot.accountId else {
                        throw ImportError(
                            file: path, location: nil,
                            message: "the workspace holds account \(account.id), but the endpoint's credentials are "
                                + "of account \(snapshot.accountId); pull into another workspace (--workspace PATH)")
                    }
                    let (merged, result) = try RemotePullMerge.merge(
                        snapshot, into: account, source: source, at: try environment.clock().now())
                    summary = result
                    return (merged, ())
                }
            } else {
                var base = try WorkspaceImportCommand.newAccount(
                    snapshot.accountId, parsed.options, environment: environment, dryRun: false)
                if parsed.options["account-name"] == nil, let alias = snapshot.account.alias { base.name = alias }
                let (merged, result) = try RemotePullMerge.merge(
                    snapshot, into: base, source: source, at: try environment.clock().now())
                summary = result
                _ = try Workspace.create(path: path, account: merged)
            }
            print(summary.lines.joined(separator: "\n"))
            print("Pulled account \(snapshot.accountId) from \(connection.endpoint) into \(path).")
            return 0
        } catch {
            printError("iamconsole: error: \(error)")
            printError("Nothing was pulled; \(path) is unchanged.")
            return 1
        }
    }
}
