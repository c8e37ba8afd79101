import Foundation
import IAMCore

/// What the CLI reads from its environment: which workspace, and the testing-only clock and randomness.
struct CLIEnvironment {
    let variables: [String: String]
    let currentDirectory: String

    static var current: CLIEnvironment {
        CLIEnvironment(
            variables: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// `--workspace PATH`, else `$IAMCONSOLE_WORKSPACE`, else `$XDG_DATA_HOME/iamconsole/workspace.json`
    /// (`~/.local/share/iamconsole/workspace.json` when XDG_DATA_HOME is unset).
    func workspacePath(_ option: String?) -> String {
        if let option, !option.isEmpty { return absolute(option) }
        if let path = variables["IAMCONSOLE_WORKSPACE"], !path.isEmpty { return absolute(path) }
        let dataHome =
            variables["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (variables["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/iamconsole/workspace.json"
    }

    func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : currentDirectory + "/" + path }

    /// The clock: the real one, or the instant in `IAMCONSOLE_TEST_NOW` (for tests only).
    func clock() throws -> any IAMClock {
        guard let text = variables["IAMCONSOLE_TEST_NOW"], !text.isEmpty else { return SystemClock() }
        guard let instant = Timestamp(iso8601: text) else {
            throw UsageError(description: "IAMCONSOLE_TEST_NOW is not an ISO 8601 date-time: '\(text)'")
        }
        return FixedClock(instant)
    }

    /// Randomness: the system's, or a reproducible stream seeded by `IAMCONSOLE_TEST_SEED` (for tests only).
    /// `perProcess` mixes in the process id, so concurrent processes with one seed draw different ids; a new
    /// workspace (`workspace init`) leaves it out so the same seed always makes the same bytes.
    func random(perProcess: Bool = true) -> any RandomSource {
        guard let seed = variables["IAMCONSOLE_TEST_SEED"], !seed.isEmpty else { return SystemRandomSource() }
        guard perProcess else { return SeededRandomSource(seed: seed) }
        return SeededRandomSource(seed: seed + "|" + String(ProcessInfo.processInfo.processIdentifier))
    }

    /// The Region of requests: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1` (IAM's own).
    var region: String {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = variables[name], !value.isEmpty { return value }
        }
        return "us-east-1"
    }

    /// The password KDF cost: the default, or `IAMCONSOLE_TEST_KDF_ITERATIONS` (for fast tests only).
    var kdfIterations: Int {
        variables["IAMCONSOLE_TEST_KDF_ITERATIONS"].flatMap(Int.init).map { max(1, $0) }
            ?? PasswordHasher.defaultIterations
    }
}

/// Reads a secret from standard input: prompts without echo on a terminal, reads one line otherwise.
/// Secrets never come from the command line, where other users could read them in the process list.
enum SecretInput {
    static func read(prompt: String) -> String? {
        if isatty(STDIN_FILENO) == 1, let raw = getpass(prompt) {
            return String(cString: raw)
        }
        guard let line = readLine(strippingNewline: true) else { return nil }
        return line
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
