import Foundation

/// `iamconsole policy VERB ...`: commands that work on policy documents without a workspace.
///
/// Each verb lives in its own file; adding one is adding a row to ``verbs``.
enum PolicyCommands {
    /// One `policy` verb: its name, a one-line summary for the usage text, and how to run it.
    struct Verb: Sendable {
        let name: String
        let synopsis: String
        let run: @Sendable ([String]) -> Int32
    }

    static let verbs: [Verb] = [
        Verb(name: "validate", synopsis: PolicyValidateCommand.synopsis, run: PolicyValidateCommand.run),
        Verb(name: "evaluate", synopsis: PolicyEvaluateCommand.synopsis, run: PolicyEvaluateCommand.run),
        Verb(name: "test", synopsis: PolicyTestCommand.synopsis, run: PolicyTestCommand.run),
    ]

    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        guard let name = words.first else {
            printError("iamconsole: error: missing policy command\n\(usage)")
            return 252
        }
        if ["help", "--help", "-h"].contains(name) {
            print(usage)
            return 0
        }
        guard let verb = verbs.first(where: { $0.name == name }) else {
            printError("iamconsole: error: unknown policy command '\(name)'\n\(usage)")
            return 252
        }
        return verb.run(Array(words.dropFirst()))
    }

    /// Parsed options, or the exit code once help (0) or a usage error (252) has been printed.
    enum Parsed<Options> {
        case options(Options)
        case exit(Int32)
    }

    /// Turns a verb's argument parsing into options to run with, printing help or the usage error.
    static func options<Options>(_ parsed: Result<Options, UsageError>, synopsis: String) -> Parsed<Options> {
        switch parsed {
        case .success(let options):
            return .options(options)
        case .failure(let error) where error.description == "help":
            print("usage: iamconsole policy \(synopsis)")
            return .exit(0)
        case .failure(let error):
            printError("iamconsole: error: \(error.description)\nusage: iamconsole policy \(synopsis)")
            return .exit(252)
        }
    }

    static var usage: String {
        "usage: " + verbs.map { "iamconsole policy \($0.synopsis)" }.joined(separator: "\n       ")
    }
}
