import Foundation
import IAMRemote

/// `iamconsole remote apply`: makes the plan's changes, in dependency order, stopping at the first error.
enum RemoteApplyCommand {
    static func run(path: String, connection: RemoteConnection, autoApprove: Bool) -> Int32 {
        let onTerminal = isatty(STDIN_FILENO) == 1
        guard autoApprove || onTerminal else {
            printError(
                "iamconsole: error: remote apply asks for confirmation on a terminal; standard input is not one, "
                    + "so pass --auto-approve to apply without asking")
            return 252
        }
        let planned: RemotePlanCommand.Planned
        do {
            planned = try RemotePlanCommand.make(path: path, connection: connection)
        } catch {
            printError("iamconsole: error: \(error)")
            return 1
        }
        let printer = RemotePlanPrinter(endpoint: connection.endpoint, planned: planned)
        print(printer.text())
        let plan = planned.plan
        guard !plan.isEmpty else { return 0 }
        if !autoApprove {
            let what = plan.changes.count == 1 ? "this change" : "these \(plan.changes.count) changes"
            print("\nApply \(what) to \(connection.endpoint)? Only 'yes' is accepted: ", terminator: "")
            fflush(nil)  // all streams: naming `stdout` is not concurrency-safe in Swift 6
            guard readLine(strippingNewline: true) == "yes" else {
                print("Apply cancelled; nothing was changed.")
                return 1
            }
        }
        print("")
        let report = PlanApplier(iam: connection.iam).apply(plan) { change in
            print("applied: \(change.effect.symbol) \(change.summary)")
        }
        guard let failure = report.failure else {
            print("\nApply complete: \(report.applied.count) change\(report.applied.count == 1 ? "" : "s") applied.")
            return 0
        }
        printError(failureReport(report, failure: failure, total: plan.changes.count))
        return 1
    }

    /// What was applied, what failed and how far it got, and what was not tried.
    static func failureReport(_ report: ApplyReport, failure: ApplyFailure, total: Int) -> String {
        let change = failure.change
        var lines = ["", "Error: \(change.effect.symbol) \(change.summary) failed: \(failure.error)"]
        if failure.callsMade > 0 {
            let made = change.calls.prefix(failure.callsMade).map(\.action).joined(separator: ", ")
            lines.append(
                "  \(failure.callsMade) of its \(change.calls.count) calls were made (\(made)); "
                    + "\(change.calls[failure.callsMade].action) failed")
        }
        lines.append("Applied \(report.applied.count) of \(total) changes\(report.applied.isEmpty ? "." : ":")")
        lines += report.applied.map { "  \($0.effect.symbol) \($0.summary)" }
        lines.append("Not applied: \(report.notApplied.count + 1) (the failed change and those after it)")
        lines += ([change] + report.notApplied).map { "  \($0.effect.symbol) \($0.summary)" }
        lines.append(
            "Fix the cause and run `iamconsole remote apply` again: it reads the endpoint anew and plans only what is left."
        )
        return lines.joined(separator: "\n")
    }
}
