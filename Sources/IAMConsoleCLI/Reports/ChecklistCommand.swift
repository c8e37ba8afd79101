import Foundation
import IAMCore
import IAMPolicy
import IAMWorkspace

/// `iamconsole checklist [--workspace PATH] [--output text|json] [--strict]`: the security
/// checklist the Dashboard shows, for scripts and CI (with `--strict`, exit 1 when a check fails).
enum ChecklistCommand {
    static let usage = "usage: iamconsole checklist [--workspace PATH] [--output text|json] [--strict]"

    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        var workspacePath: String?
        var output = "text"
        var strict = false
        var rest = words[...]
        while let word = rest.popFirst() {
            switch word {
            case "--workspace":
                guard let value = rest.popFirst() else {
                    return usageError("argument --workspace: expected one argument")
                }
                workspacePath = value
            case "--output":
                guard let value = rest.popFirst(), ["text", "json"].contains(value) else {
                    return usageError("argument --output: expected text or json")
                }
                output = value
            case "--strict": strict = true
            case "help", "--help", "-h":
                print(usage)
                return 0
            default: return usageError("unknown option '\(word)'")
            }
        }
        let account: Account
        let now: Timestamp
        do {
            account = try Workspace(path: environment.workspacePath(workspacePath)).account
            now = try environment.clock().now()
        } catch {
            printError("iamconsole: error: \(error)")
            return 255
        }
        let items = SecurityChecklist.evaluate(account, at: now)
        let score = SecurityChecklist.score(items)
        if output == "json" {
            let checks: [JSONValue] = items.map { item in
                .object([
                    JSONMember(key: "Id", value: .string(item.id)),
                    JSONMember(key: "Title", value: .string(item.title)),
                    JSONMember(key: "Passed", value: .bool(item.passed)),
                    JSONMember(key: "Detail", value: .string(item.detail)),
                    JSONMember(key: "Failing", value: .array(item.failing.map { .string($0.label) })),
                ])
            }
            print(
                JSONWriter.awsCLI(
                    .object([
                        JSONMember(key: "Score", value: .number(String(score))),
                        JSONMember(key: "Checks", value: .array(checks)),
                    ])))
        } else {
            print(
                "Security checklist for \(account.id): \(score)% (\(items.filter(\.passed).count) of \(items.count) passed)"
            )
            for item in items {
                let failing = item.failing.isEmpty ? "" : " [" + item.failing.map(\.label).joined(separator: ", ") + "]"
                print("\(item.passed ? "PASS" : "FAIL")  \(item.title)\(failing)")
                if !item.passed { print("      \(item.detail)") }
            }
        }
        return strict && items.contains { !$0.passed } ? 1 : 0
    }

    private static func usageError(_ message: String) -> Int32 {
        printError("iamconsole: error: \(message)\n\(usage)")
        return 252
    }
}
