import Foundation
import IAMCore
import IAMRemote
import IAMWorkspace

/// `iamconsole remote plan`: what would change on the endpoint to make it match the workspace.
enum RemotePlanCommand {
    /// The plan of one run: what the endpoint holds and what would change.
    struct Planned {
        var workspacePath: String
        var snapshot: RemoteSnapshot
        var plan: RemotePlan
    }

    static func run(path: String, connection: RemoteConnection, json: Bool, detailedExitCode: Bool) -> Int32 {
        let planned: Planned
        do {
            planned = try make(path: path, connection: connection)
        } catch {
            printError("iamconsole: error: \(error)")
            return 1
        }
        let printer = RemotePlanPrinter(endpoint: connection.endpoint, planned: planned)
        print(json ? printer.json() : printer.text())
        return detailedExitCode && !planned.plan.isEmpty ? 2 : 0
    }

    /// Reads the workspace and the endpoint and plans; the two must be the same account.
    static func make(path: String, connection: RemoteConnection) throws -> Planned {
        let account = try Workspace(path: path).account
        let snapshot = try RemoteCommand.readEndpoint(connection)
        guard account.id == snapshot.accountId else {
            throw UsageError(
                description: "the workspace \(path) holds account \(account.id), but the endpoint's credentials are "
                    + "of account \(snapshot.accountId) (\(snapshot.callerArn)); refusing to plan changes across accounts"
            )
        }
        let plan = PlanBuilder.plan(
            desired: account, current: snapshot.account, signingKeyId: connection.credentials.accessKeyId)
        return Planned(workspacePath: path, snapshot: snapshot, plan: plan)
    }
}
