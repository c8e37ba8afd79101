import Foundation
import IAMCore
import IAMRemote
import IAMWorkspace

/// `iamconsole remote pull|plan|apply`: reads an account through an IAM endpoint, and makes the
/// endpoint match the workspace.
enum RemoteCommand {
    static let usage = """
        usage: iamconsole remote pull [--endpoint URL] [--workspace PATH] [--root-email EMAIL] [--account-name NAME]
               iamconsole remote plan [--endpoint URL] [--workspace PATH] [--output text|json] [--detailed-exitcode]
               iamconsole remote apply [--endpoint URL] [--workspace PATH] [--auto-approve]
        common: [--profile NAME] [--region REGION] [--sts-endpoint URL]
        The endpoint defaults to https://iam.amazonaws.com. Credentials come from --profile (in
        $AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials), else AWS_ACCESS_KEY_ID and
        AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN), else the profile in AWS_PROFILE, else [default].
        pull reads the endpoint's account into the workspace (all or nothing); plan shows what apply
        would change on the endpoint to make it match the workspace; apply makes those changes in
        dependency order and stops at the first error (run it again to finish).
        plan exits 0, or with --detailed-exitcode 2 when there are changes; errors exit 1.
        """

    static let valued: Set<String> = [
        "endpoint", "sts-endpoint", "region", "profile", "workspace", "output", "root-email", "account-name",
    ]
    static let switches: Set<String> = ["help", "detailed-exitcode", "auto-approve"]

    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        guard let verb = words.first, !verb.hasPrefix("--") else {
            if words.first == "--help" {
                print(usage)
                return 0
            }
            printError("iamconsole: error: remote needs a command: pull, plan or apply\n\(usage)")
            return 252
        }
        guard ["pull", "plan", "apply"].contains(verb) else {
            printError("iamconsole: error: unknown remote command '\(verb)'\n\(usage)")
            return 252
        }
        guard
            let parsed = WorkspaceOptions.parse(
                Array(words.dropFirst()), valued: valued, switches: switches, usage: usage)
        else { return 252 }
        if parsed.switches.contains("help") {
            print(usage)
            return 0
        }
        if let extra = parsed.positional.first {
            printError("iamconsole: error: unexpected argument '\(extra)'\n\(usage)")
            return 252
        }
        let output = parsed.options["output"] ?? "text"
        guard ["text", "json"].contains(output) else {
            printError("iamconsole: error: argument --output: expected text or json, found '\(output)'")
            return 252
        }
        let path = environment.workspacePath(parsed.options["workspace"])
        let connection: RemoteConnection
        do {
            connection = try connect(parsed, environment: environment)
        } catch {
            printError("iamconsole: error: \(error)")
            return 1
        }
        switch verb {
        case "pull": return RemotePullCommand.run(parsed, path: path, connection: connection, environment: environment)
        case "plan":
            return RemotePlanCommand.run(
                path: path, connection: connection, json: output == "json",
                detailedExitCode: parsed.switches.contains("detailed-exitcode"))
        default:
            return RemoteApplyCommand.run(
                path: path, connection: connection, autoApprove: parsed.switches.contains("auto-approve"))
        }
    }

    /// The clients for the endpoint, with credentials resolved as the AWS CLI resolves them.
    static func connect(_ parsed: WorkspaceOptions, environment: CLIEnvironment) throws -> RemoteConnection {
        let resolver = CredentialsResolver(environment: environment.variables)
        let credentials = try resolver.resolve(profile: parsed.options["profile"])
        return try RemoteConnection(
            endpoint: parsed.options["endpoint"], stsEndpoint: parsed.options["sts-endpoint"],
            region: parsed.options["region"] ?? resolver.region, credentials: credentials)
    }

    /// Reads the endpoint, printing progress to standard error on a terminal.
    static func readEndpoint(_ connection: RemoteConnection) throws -> RemoteSnapshot {
        if isatty(STDERR_FILENO) == 1 { printError("Reading \(connection.endpoint) ...") }
        return try RemoteAccountReader(iam: connection.iam, sts: connection.sts).read()
    }
}
