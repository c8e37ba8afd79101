import Foundation
import Testing

/// `iamconsole remote` arguments: help, a missing or unknown command, bad options, credentials files.
@Suite struct RemoteCommandUsageTests {
    @Test func helpAndUsageErrors() throws {
        let cli = try CLIRunner()
        let help = try cli.run(["remote", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("iamconsole remote plan [--endpoint URL]"))
        let missing = try cli.run(["remote"])
        #expect(missing.status == 252)
        #expect(missing.stderr.contains("remote needs a command: pull, plan or apply"))
        let unknown = try cli.run(["remote", "sync", "--endpoint", "http://127.0.0.1:1"])
        #expect(unknown.status == 252)
        #expect(unknown.stderr.contains("unknown remote command 'sync'"))
        let option = try cli.run(["remote", "plan", "--force"])
        #expect(option.status == 252)
        #expect(option.stderr.contains("unknown option --force"))
        let output = try cli.run(["remote", "plan", "--output", "yaml"])
        #expect(output.status == 252)
        #expect(output.stderr.contains("argument --output: expected text or json, found 'yaml'"))
    }

    @Test func aMalformedCredentialsFileIsReportedAtItsLine() throws {
        let cli = try CLIRunner()
        let path = cli.folder + "/creds"
        try Data("[default]\naws_access_key_id = AKIAX\nthis is not a setting\n".utf8).write(
            to: URL(fileURLWithPath: path))
        cli.variables = ["AWS_SHARED_CREDENTIALS_FILE": path]
        let result = try cli.run(["remote", "plan", "--endpoint", "http://127.0.0.1:1"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(path):3: expected a [profile] header or a 'key = value' setting, found 'this is not a setting'"))
        try Data("[default]\naws_access_key_id = AKIAX\naws_secret_access_key = s\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let profile = try cli.run(["remote", "plan", "--endpoint", "http://127.0.0.1:1", "--profile", "prod"])
        #expect(profile.stderr.contains("\(path): no profile [prod] in the file (it has default)"))
    }
}
