import Foundation
import IAMCore
import IAMPolicy
import IAMWorkspace

/// `iamconsole audit [export FILE] [filters]`: prints or exports the workspace's audit trail, as
/// lines of text or as a CloudTrail log file (`{"Records": [...]}`).
enum AuditCommand {
    static let usage = """
        usage: iamconsole audit [--workspace PATH] [--principal ARN|NAME] [--action NAME] [--outcome success|failure]
                                [--since ISO8601] [--until ISO8601] [--output json|text] [--max-items N]
               iamconsole audit export FILE [same filters]
        Prints the records of the workspace's audit trail, oldest first; --max-items keeps the newest N.
        --output json (and export) writes them as a CloudTrail log file: {"Records": [...]}.
        """

    struct Options {
        var workspace: String?
        var filter = AuditFilter()
        var output = "text"
        var maxItems: Int?
        var exportPath: String?
    }

    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        if words.contains("--help") || words.first == "help" {
            print(usage)
            return 0
        }
        let options: Options
        do {
            options = try parse(words)
        } catch {
            printError("iamconsole: error: \(error)\n\(usage)")
            return 252
        }
        let path = environment.workspacePath(options.workspace)
        let contents: AuditTrailContents
        do {
            contents = try AuditTrailFile(workspacePath: path).read()
        } catch {
            printError("iamconsole: error: \(error)")
            return 255
        }
        for problem in contents.problems { printError("iamconsole: warning: skipped \(problem)") }
        var records = contents.records.filter(options.filter.matches)
        if let maxItems = options.maxItems { records = Array(records.suffix(maxItems)) }
        if let exportPath = options.exportPath {
            let target = environment.absolute(exportPath)
            let text = JSONWriter.awsCLI(CloudTrailRecord.logFile(records)) + "\n"
            guard FileManager.default.createFile(atPath: target, contents: Data(text.utf8)) else {
                printError("iamconsole: error: cannot write \(target)")
                return 255
            }
            print("Exported \(records.count) record\(records.count == 1 ? "" : "s") to \(target).")
            return 0
        }
        if options.output == "json" {
            print(JSONWriter.awsCLI(CloudTrailRecord.logFile(records)))
        } else {
            for record in records { print(line(record)) }
        }
        return 0
    }

    /// One line per record: time, principal, event, outcome.
    static func line(_ record: CloudTrailRecord) -> String {
        let identity = record.userIdentity
        let who = identity.arn ?? identity.userName.map { "\(identity.type)/\($0)" } ?? identity.type
        let service = record.eventSource.split(separator: ".").first.map(String.init) ?? record.eventSource
        let outcome =
            record.succeeded
            ? "Success" : [record.errorCode, record.errorMessage].compactMap { $0 }.joined(separator: ": ")
        return [record.eventTimeText, who, service + ":" + record.eventName, outcome].joined(separator: "\t")
    }

    /// Appends records of a request that saved nothing; a trail that cannot be written is reported,
    /// not hidden, but does not change the request's own exit code.
    static func append(_ records: [CloudTrailRecord], to workspace: Workspace) {
        do {
            try workspace.appendAudit(records)
        } catch {
            printError("iamconsole: warning: the audit trail was not written: \(error)")
        }
    }

    static func parse(_ words: [String]) throws(UsageError) -> Options {
        var options = Options()
        var rest = words[...]
        if rest.first == "export" {
            rest = rest.dropFirst()
            guard let file = rest.first, !file.hasPrefix("--") else {
                throw UsageError(description: "export needs a FILE")
            }
            options.exportPath = file
            rest = rest.dropFirst()
        }
        while let word = rest.first {
            rest = rest.dropFirst()
            guard word.hasPrefix("--"), let value = rest.first else {
                throw UsageError(
                    description: word.hasPrefix("--")
                        ? "argument \(word): expected one argument" : "unexpected argument '\(word)'")
            }
            rest = rest.dropFirst()
            switch word {
            case "--workspace": options.workspace = value
            case "--principal": options.filter.principal = value
            case "--action": options.filter.action = value
            case "--outcome":
                guard let outcome = AuditFilter.Outcome(rawValue: value.lowercased()) else {
                    throw UsageError(description: "argument --outcome: expected success or failure, found '\(value)'")
                }
                options.filter.outcome = outcome
            case "--since", "--until":
                guard let time = Timestamp(iso8601: value) ?? Timestamp(iso8601: value + "T00:00:00Z") else {
                    throw UsageError(description: "argument \(word): expected an ISO 8601 date-time, found '\(value)'")
                }
                if word == "--since" { options.filter.since = time } else { options.filter.until = time }
            case "--output":
                guard ["json", "text"].contains(value) else {
                    throw UsageError(description: "argument --output: expected json or text, found '\(value)'")
                }
                options.output = value
            case "--max-items":
                guard let count = Int(value), count >= 0 else {
                    throw UsageError(description: "argument --max-items: expected a count, found '\(value)'")
                }
                options.maxItems = count
            default:
                throw UsageError(description: "unknown option \(word)")
            }
        }
        return options
    }
}
