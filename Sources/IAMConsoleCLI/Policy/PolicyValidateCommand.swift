import Foundation
import IAMPolicy

/// `iamconsole policy validate FILE [--type TYPE] [--output text|json]`: IAM Access Analyzer-style findings.
///
/// Text output is one `FILE:LINE:COL: SEVERITY: MESSAGE (ISSUE_CODE)` line per finding; JSON output
/// is Access Analyzer's `validate-policy` response. The exit code is 1 when any finding is an error,
/// 0 otherwise, 2 when the file cannot be read, and 252 for a usage error.
enum PolicyValidateCommand {
    static let synopsis = "validate FILE|- [--type identity|trust|resource|boundary|scp] [--output text|json]"

    enum OutputFormat: String {
        case text, json
    }

    struct Options {
        var file: String
        var kind: PolicyKind = .identity
        var output: OutputFormat = .text
    }

    static let kinds: [String: PolicyKind] = [
        "identity": .identity, "managed": .managed, "trust": .trust, "resource": .resource, "boundary": .boundary,
        "scp": .scp,
    ]

    static func run(_ words: [String]) -> Int32 {
        let options: Options
        switch PolicyCommands.options(parse(words), synopsis: synopsis) {
        case .options(let parsed): options = parsed
        case .exit(let code): return code
        }
        let data: Data
        do {
            data = try read(options.file)
        } catch {
            printError("iamconsole: error: cannot read \(options.file): \(error.description)")
            return 2
        }
        let findings = PolicyLinter.validate(data, kind: options.kind)
        switch options.output {
        case .text:
            let name = options.file == "-" ? "<stdin>" : options.file
            for finding in findings {
                print(
                    "\(name):\(finding.location.line):\(finding.location.column): \(finding.findingType.word): "
                        + "\(finding.findingDetails) (\(finding.issueCode))")
            }
        case .json:
            print(PolicyFindingJSON.validatePolicyResponse(findings))
        }
        return findings.contains { $0.findingType == .error } ? 1 : 0
    }

    static func parse(_ words: [String]) -> Result<Options, UsageError> {
        var file: String?
        var kind = PolicyKind.identity
        var output = OutputFormat.text
        var index = 0
        while index < words.count {
            let word = words[index]
            switch word {
            case "--help", "-h":
                return .failure(UsageError(description: "help"))
            case "--type", "--output":
                guard index + 1 < words.count else {
                    return .failure(UsageError(description: "argument \(word): expected one argument"))
                }
                let value = words[index + 1]
                if word == "--type" {
                    guard let parsed = kinds[value] else {
                        return .failure(
                            UsageError(
                                description: "argument --type: invalid choice: '\(value)' "
                                    + "(choose from identity, trust, resource, boundary, scp)"))
                    }
                    kind = parsed
                } else {
                    guard let parsed = OutputFormat(rawValue: value) else {
                        return .failure(
                            UsageError(
                                description: "argument --output: invalid choice: '\(value)' (choose from text, json)"))
                    }
                    output = parsed
                }
                index += 2
            default:
                if word.hasPrefix("-"), word != "-" {
                    return .failure(UsageError(description: "unknown option \(word)"))
                }
                if file != nil {
                    return .failure(UsageError(description: "unexpected argument '\(word)'"))
                }
                file = word
                index += 1
            }
        }
        guard let file else {
            return .failure(UsageError(description: "the following arguments are required: FILE (or - for stdin)"))
        }
        return .success(Options(file: file, kind: kind, output: output))
    }

    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// The bytes of `path`, or of standard input for `-`.
    static func read(_ path: String) throws(ReadError) -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(description: "no such file")
        }
        if isDirectory.boolValue { throw ReadError(description: "it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: "permission denied or unreadable")
        }
        return data
    }
}
