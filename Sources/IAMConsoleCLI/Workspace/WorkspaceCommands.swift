import Foundation
import IAMCore
import IAMWorkspace

/// `iamconsole workspace init|check|show|import|export-policies|export-cloudformation`.
enum WorkspaceCommands {
    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        guard let verb = words.first else {
            printError(usage)
            return 252
        }
        switch verb {
        case "import": return WorkspaceImportCommand.run(Array(words.dropFirst()), environment: environment)
        case "export-policies", "export-cloudformation":
            return WorkspaceExportCommand.run(verb, Array(words.dropFirst()), environment: environment)
        default: break
        }
        var options: [String: String] = [:]
        var switches = Set<String>()
        var index = 1
        let valued: Set<String> = ["workspace", "account-id", "alias", "account-name", "root-email"]
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--") else {
                printError("iamconsole: error: unexpected argument '\(word)'\n\(usage)")
                return 252
            }
            let name = String(word.dropFirst(2))
            if valued.contains(name) {
                guard index + 1 < words.count else {
                    printError("iamconsole: error: argument --\(name): expected one argument")
                    return 252
                }
                options[name] = words[index + 1]
                index += 2
            } else if ["sample", "force", "help"].contains(name) {
                switches.insert(name)
                index += 1
            } else {
                printError("iamconsole: error: unknown option \(word)\n\(usage)")
                return 252
            }
        }
        if switches.contains("help") {
            print(usage)
            return 0
        }
        let path = environment.workspacePath(options["workspace"])
        switch verb {
        case "init": return initialize(path: path, options: options, switches: switches, environment: environment)
        case "check": return check(path: path)
        case "show": return show(path: path)
        default:
            printError("iamconsole: error: unknown workspace command '\(verb)'\n\(usage)")
            return 252
        }
    }

    static let usage = """
        usage: iamconsole workspace init [--sample] [--account-id ID] [--alias ALIAS] [--account-name NAME]
                                         [--root-email EMAIL] [--force] [--workspace PATH]
               iamconsole workspace check [--workspace PATH]
               iamconsole workspace show [--workspace PATH]
               iamconsole workspace import [--authorization-details FILE] [--credential-report CSV]
                                           [--cloudtrail LOG...] [--dry-run]
               iamconsole workspace export-policies DIR [--workspace PATH]
               iamconsole workspace export-cloudformation FILE [--workspace PATH]
        init reads the root password from standard input (or prompts for it); --sample creates the demo account.
        """

    static func initialize(
        path: String, options: [String: String], switches: Set<String>, environment: CLIEnvironment
    )
        -> Int32
    {
        let clock: any IAMClock
        do {
            clock = try environment.clock()
        } catch {
            printError("iamconsole: error: \(error)")
            return 252
        }
        let random = environment.random(perProcess: false)
        var account: Account
        if switches.contains("sample") {
            account = SampleAccount.make(now: clock.now(), random: random, iterations: environment.kdfIterations)
        } else {
            guard let email = options["root-email"] else {
                printError("iamconsole: error: the following arguments are required: --root-email (or use --sample)")
                return 252
            }
            let accountId =
                options["account-id"] ?? String((0..<12).map { _ in Character(String(Int.random(in: 0...9))) })
            guard accountId.count == 12, accountId.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                printError("iamconsole: error: argument --account-id: must be 12 digits, found '\(accountId)'")
                return 252
            }
            do {
                try IAMService.checkEmail(email)
            } catch {
                printError("iamconsole: error: argument --root-email: \(error.message)")
                return 252
            }
            guard let password = SecretInput.read(prompt: "Root password: ") else {
                printError("iamconsole: error: the root password is read from standard input; none was given")
                return 252
            }
            do {
                try IAMService.checkRootPassword(password)
            } catch {
                printError("iamconsole: error: root password: \(error.message)")
                return 252
            }
            let root = RootUser(
                email: email,
                passwordHash: PasswordHasher.hash(password, random: random, iterations: environment.kdfIterations))
            account = Account(
                id: accountId, name: options["account-name"] ?? "My Account", createDate: clock.now(), root: root)
        }
        if let id = options["account-id"], switches.contains("sample") { account.id = id }
        if let name = options["account-name"] { account.name = name }
        if let alias = options["alias"] {
            do {
                try NameRules.checkAccountAlias(alias)
            } catch {
                printError("iamconsole: error: argument --alias: \(error.message)")
                return 252
            }
            account.alias = alias
        }
        do {
            _ = try Workspace.create(path: path, account: account, overwrite: switches.contains("force"))
        } catch {
            printError("iamconsole: error: \(error)")
            return 1
        }
        print("Created workspace \(path) for account \(account.id)\(account.alias.map { " (\($0))" } ?? "").")
        return 0
    }

    static func check(path: String) -> Int32 {
        let workspace: Workspace
        do {
            workspace = try Workspace(path: path)
        } catch {
            printError("\(error)")
            return 1
        }
        var problems = WorkspaceChecker.check(workspace.account).map { "\(path): \($0)" }
        do {
            problems += try workspace.auditTrail.read().problems
        } catch {
            problems.append("\(error)")
        }
        for problem in problems { printError(problem) }
        if problems.isEmpty {
            print("\(path): OK (schema version \(WorkspaceCodec.schemaVersion))")
            return 0
        }
        printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") found")
        return 1
    }

    static func show(path: String) -> Int32 {
        let workspace: Workspace
        do {
            workspace = try Workspace(path: path)
        } catch {
            printError("\(error)")
            return 1
        }
        let account = workspace.account
        let policy =
            account.passwordPolicy.map { "custom (minimum length \($0.minimumPasswordLength))" } ?? "IAM default"
        let lines = [
            "Workspace       \(path)",
            "Account         \(account.id)\(account.alias.map { " (\($0))" } ?? "")  \(account.name)",
            "Root user       \(account.root.email)\(account.root.mfaDevices.isEmpty ? "  (no MFA)" : "  (MFA)")",
            "Users           \(account.users.count)",
            "User groups     \(account.groups.count)",
            "Roles           \(account.roles.count)",
            "Policies        \(account.policies.count) customer managed",
            "Instance prof.  \(account.instanceProfiles.count)",
            "MFA devices     \(account.mfaDevices.count)",
            "Password policy \(policy)",
            "Sign-in log     \(account.auditTrail.count) recent attempt\(account.auditTrail.count == 1 ? "" : "s")",
            "Audit trail     \(trailSummary(workspace))",
        ]
        print(lines.joined(separator: "\n"))
        return 0
    }

    /// `N records in PATH (SIZE bytes)`, or why the trail could not be read.
    static func trailSummary(_ workspace: Workspace) -> String {
        let trail = workspace.auditTrail
        do {
            let contents = try trail.read()
            let count = contents.records.count
            return "\(count) record\(count == 1 ? "" : "s") in \(trail.path) (\(contents.bytes) bytes)"
        } catch {
            return "unreadable: \(error)"
        }
    }
}
