import Foundation
import IAMCore
import IAMWorkspace

/// `iamconsole workspace import`: builds or updates a workspace from AWS CLI output, all or nothing.
enum WorkspaceImportCommand {
    static let usage = """
        usage: iamconsole workspace import [--authorization-details FILE] [--credential-report CSV]
                                           [--cloudtrail LOG...] [--root-email EMAIL] [--account-name NAME]
                                           [--dry-run] [--workspace PATH]
        FILE is the output of `aws iam get-account-authorization-details`; CSV is an IAM credential report;
        each LOG is a CloudTrail log file ({"Records": [...]}, gzipped or not), `aws cloudtrail lookup-events`
        output, or a folder searched for *.json and *.json.gz files.
        A new workspace needs FILE, and reads the root password from standard input (or prompts for it).
        """

    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        guard
            let parsed = WorkspaceOptions.parse(
                words,
                valued: ["authorization-details", "credential-report", "workspace", "root-email", "account-name"],
                listed: ["cloudtrail"], switches: ["dry-run", "help"], usage: usage)
        else { return 252 }
        if parsed.switches.contains("help") {
            print(usage)
            return 0
        }
        let detailsPath = parsed.options["authorization-details"]
        let reportPath = parsed.options["credential-report"]
        let trailPaths = parsed.lists["cloudtrail"] ?? []
        guard detailsPath != nil || reportPath != nil || !trailPaths.isEmpty else {
            printError(
                "iamconsole: error: one of the arguments --authorization-details --credential-report --cloudtrail "
                    + "is required\n\(usage)")
            return 252
        }
        let path = environment.workspacePath(parsed.options["workspace"])
        let dryRun = parsed.switches.contains("dry-run")
        do {
            let details = try detailsPath.map { (file) throws -> AuthorizationDetails in try readDetails(file) }
            let report = try reportPath.map { (csvPath) throws -> (String, String) in (csvPath, try readText(csvPath)) }
            let trailFiles = try CloudTrailFiles.expand(trailPaths)
            let now = try environment.clock().now()
            var summary = ImportSummary()
            func apply(_ account: Account) throws -> Account {
                summary = ImportSummary()
                var result = account
                if let details, let detailsPath {
                    result = try AccountImport.merge(
                        details, into: result, file: detailsPath, at: now, summary: &summary)
                }
                if let (csvPath, text) = report {
                    result = try CredentialReportImporter.apply(text, file: csvPath, to: result, summary: &summary)
                }
                if !trailFiles.isEmpty {
                    result = try CloudTrailFiles.apply(trailFiles, to: result, now: now, summary: &summary)
                }
                return result
            }
            if FileManager.default.fileExists(atPath: path) {
                let workspace = try Workspace(path: path)
                if dryRun {
                    _ = try apply(workspace.account)
                } else {
                    try workspace.update { account in (try apply(account), ()) }
                }
            } else {
                guard let details, let detailsPath else {
                    printError(
                        "\(path): no such workspace; --credential-report and --cloudtrail add to an existing "
                            + "workspace (create one with --authorization-details or `workspace init`)")
                    return 1
                }
                guard let accountId = details.accountId else {
                    printError(
                        "\(detailsPath): the file lists no users, groups, roles or customer managed policies, "
                            + "so the account id is unknown; nothing to create")
                    return 1
                }
                let account = try apply(
                    try newAccount(accountId, parsed.options, environment: environment, dryRun: dryRun))
                if !dryRun { _ = try Workspace.create(path: path, account: account) }
            }
            print(summary.lines.joined(separator: "\n"))
            print(dryRun ? "Dry run: \(path) was not changed." : "Imported into \(path).")
            return 0
        } catch let error as ImportError {
            printError("\(error)")
            printError("Nothing was imported; \(path) is unchanged.")
            return 1
        } catch {
            printError("iamconsole: error: \(error)")
            printError("Nothing was imported; \(path) is unchanged.")
            return 1
        }
    }

    private static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: path, location: nil, message: "cannot read the file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func readDetails(_ path: String) throws -> AuthorizationDetails {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: path, location: nil, message: "cannot read the file")
        }
        let onTerminal = isatty(STDERR_FILENO) == 1
        let details = try AuthorizationDetailsImporter.read(data, file: path) { read, total in
            guard onTerminal else { return }
            FileHandle.standardError.write(Data("\rReading \(path): \(read) of \(total) entities".utf8))
        }
        if onTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        return details
    }

    /// The account a new workspace starts from: the file's account id, and a root user whose
    /// password comes from standard input as with `workspace init`.
    static func newAccount(
        _ id: String, _ options: [String: String], environment: CLIEnvironment, dryRun: Bool
    ) throws -> Account {
        let clock = try environment.clock()
        let email = options["root-email"] ?? "root@\(id).example.com"
        try IAMService.checkEmail(email)
        var hash = CredentialReportImporter.noPasswordHash
        if !dryRun {
            guard let password = SecretInput.read(prompt: "Root password for the new workspace: ") else {
                throw ImportError(
                    file: "standard input", location: nil,
                    message: "a new workspace needs a root password on standard input; none was given")
            }
            try IAMService.checkRootPassword(password)
            hash = PasswordHasher.hash(
                password, random: environment.random(perProcess: false), iterations: environment.kdfIterations)
        }
        let root = RootUser(email: email, passwordHash: hash)
        return Account(id: id, name: options["account-name"] ?? "Imported \(id)", createDate: clock.now(), root: root)
    }
}
