import ConsoleApp
import IAMPolicy
import IAMRemote

/// A plan as text (a diff-like list, with policy document diffs) or as JSON.
struct RemotePlanPrinter {
    let endpoint: String
    let planned: RemotePlanCommand.Planned

    var plan: RemotePlan { planned.plan }

    /// The header line: endpoint, account, caller, workspace.
    var header: String {
        "Endpoint \(endpoint) (account \(planned.snapshot.accountId), as \(planned.snapshot.callerArn)); "
            + "workspace \(planned.workspacePath)"
    }

    func text() -> String {
        var lines = [header, ""]
        if plan.isEmpty {
            lines.append("No changes. The endpoint matches the workspace.")
        } else {
            for change in plan.changes { lines += Self.lines(change) }
        }
        if !plan.notes.isEmpty {
            lines += ["", "Not planned:"]
            lines += plan.notes.map { "  ! \($0)" }
        }
        if !plan.isEmpty {
            lines += [
                "",
                "Plan: \(plan.count(.create)) to create, \(plan.count(.update)) to update, \(plan.count(.delete)) to delete.",
            ]
        }
        return lines.joined(separator: "\n")
    }

    /// A change's summary line, its details, and its document (whole when new, a diff when changed).
    static func lines(_ change: PlannedChange) -> [String] {
        var lines = ["\(change.effect.symbol) \(change.summary)"]
        lines += change.details.map { "      \($0)" }
        if let document = change.document, let new = document.new {
            if let old = document.old {
                lines += PolicyLineDiff.diff(old: old, new: new).map { "    \($0.rendered)" }
            } else {
                lines += new.split(separator: "\n", omittingEmptySubsequences: false).map { "    +\($0)" }
            }
        }
        return lines
    }

    func json() -> String {
        let changes: [JSONValue] = plan.changes.map { change in
            var members = [
                JSONMember(key: "Effect", value: .string(change.effect.rawValue)),
                JSONMember(key: "Summary", value: .string(change.summary)),
                JSONMember(key: "Details", value: .array(change.details.map { .string($0) })),
            ]
            if let document = change.document {
                members.append(
                    JSONMember(
                        key: "Document",
                        value: .object([
                            JSONMember(key: "Old", value: document.old.map { .string($0) } ?? .null),
                            JSONMember(key: "New", value: document.new.map { .string($0) } ?? .null),
                        ])))
            }
            let calls: [JSONValue] = change.calls.map { call in
                .object([
                    JSONMember(key: "Action", value: .string(call.action)),
                    JSONMember(
                        key: "Parameters",
                        value: .object(call.parameters.pairs.map { JSONMember(key: $0.name, value: .string($0.value)) })
                    ),
                ])
            }
            members.append(JSONMember(key: "Calls", value: .array(calls)))
            return .object(members)
        }
        let value = JSONValue.object([
            JSONMember(key: "Endpoint", value: .string(endpoint)),
            JSONMember(key: "AccountId", value: .string(planned.snapshot.accountId)),
            JSONMember(key: "Caller", value: .string(planned.snapshot.callerArn)),
            JSONMember(key: "Workspace", value: .string(planned.workspacePath)),
            JSONMember(key: "Changes", value: .array(changes)),
            JSONMember(key: "Notes", value: .array(plan.notes.map { .string($0) })),
            JSONMember(
                key: "Summary",
                value: .object([
                    JSONMember(key: "Create", value: .number(String(plan.count(.create)))),
                    JSONMember(key: "Update", value: .number(String(plan.count(.update)))),
                    JSONMember(key: "Delete", value: .number(String(plan.count(.delete)))),
                ])),
        ])
        return JSONWriter.awsCLI(value)
    }
}
