import Foundation
import IAMCore

/// The `iamconsole` command line: the console, `iam` actions, and `workspace` commands.
public enum IAMConsoleMain {
    /// Runs the command line and returns the process exit code.
    @MainActor
    public static func run(_ arguments: [String]) -> Int32 {
        let environment = CLIEnvironment.current
        var words = Array(arguments.dropFirst())
        if let first = words.first {
            switch first {
            case "iam":
                return IAMCommand.run(Array(words.dropFirst()), environment: environment)
            case "sts":
                return STSCommands.run(Array(words.dropFirst()), environment: environment)
            case "workspace":
                return WorkspaceCommands.run(Array(words.dropFirst()), environment: environment)
            case "policy":
                return PolicyCommands.run(Array(words.dropFirst()), environment: environment)
            case "mfa":
                return MFACommands.run(Array(words.dropFirst()), environment: environment)
            case "checklist":
                return ChecklistCommand.run(Array(words.dropFirst()), environment: environment)
            case "audit":
                return AuditCommand.run(Array(words.dropFirst()), environment: environment)
            case "remote":
                return RemoteCommand.run(Array(words.dropFirst()), environment: environment)
            case "analyzer", "accessanalyzer":
                return AnalyzerTable.run(Array(words.dropFirst()), environment: environment)
            case "s3api", "kms", "sqs", "lambda", "secretsmanager", "organizations":
                return IAMCommand.run(
                    Array(words.dropFirst()), environment: environment, group: ServiceTables.group(first))
            case "help", "--help", "-h":
                print(usage)
                return 0
            case "--version":
                print("iamconsole \(version)")
                return 0
            default:
                break
            }
        }
        var options = ConsoleLauncher.Options()
        while !words.isEmpty {
            let word = words.removeFirst()
            switch word {
            case "--workspace":
                guard !words.isEmpty else { return usageError("argument --workspace: expected one argument") }
                options.workspace = words.removeFirst()
            case "--ascii": options.ascii = true
            case "--no-color": options.noColor = true
            case "--mouse": options.mouse = true
            case "--theme":
                guard !words.isEmpty else { return usageError("argument --theme: expected one argument") }
                options.theme = words.removeFirst()
            case "--keys":
                guard !words.isEmpty else { return usageError("argument --keys: expected a key bindings file") }
                options.keys = words.removeFirst()
            case "--dump-screen":
                guard !words.isEmpty else { return usageError("argument --dump-screen: expected WIDTHxHEIGHT") }
                let parts = words.removeFirst().split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
                    return usageError("argument --dump-screen: expected WIDTHxHEIGHT, e.g. 80x24")
                }
                options.dumpScreen = (parts[0], parts[1])
            default:
                return usageError("unknown command or option '\(word)'")
            }
        }
        return ConsoleLauncher.run(options, environment: environment)
    }

    static let version = AuditCaller.toolVersion

    static let usage = """
        usage: iamconsole [--workspace PATH] [--theme NAME] [--ascii] [--no-color] [--keys FILE] [--mouse]
               iamconsole iam <action> [flags]          (run `iamconsole iam help` for the actions)
               iamconsole sts assume-role|get-session-token|get-caller-identity [flags]
               iamconsole workspace init|check|show [flags]
               iamconsole checklist [--output text|json] [--strict]
               iamconsole mfa register-security-key|import-hardware-token|code [flags]
               iamconsole policy validate FILE [--type TYPE] [--output text|json]
               iamconsole policy evaluate --requests FILE|- [--repeat N] [--trace]
               iamconsole policy test FILE [--workspace PATH]
               iamconsole remote pull|plan|apply [--endpoint URL] [--profile NAME] [...]
               iamconsole audit [export FILE] [--principal P] [--action A] [--outcome success|failure] [...]
               iamconsole s3api|kms|sqs|lambda|secretsmanager <action> [flags]   (resource-based policies)
               iamconsole analyzer <action> [flags]     (Access Analyzer: findings, archive rules, validate-policy)
               iamconsole organizations <action> [flags]

        With no command, opens the full-screen console on the workspace: --workspace PATH, else
        $IAMCONSOLE_WORKSPACE, else $XDG_DATA_HOME/iamconsole/workspace.json (created with the
        sample account on first use).
        """

    static func usageError(_ message: String) -> Int32 {
        printError("iamconsole: error: \(message)\n\(usage)")
        return 252
    }
}
