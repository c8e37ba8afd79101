import Foundation
import IAMPolicy

/// `iamconsole policy evaluate --requests FILE|- [--repeat N] [--trace]`: decides JSON Lines requests offline.
///
/// Each non-blank input line is one request (see ``RequestLineReader``); each output line, in input order,
/// is its result (see ``EvaluationResultJSON``), or `{"line": N, "error": "..."}` for a line that could not
/// be read, after which the run goes on. Blank lines are skipped but still counted for line numbers.
/// `--repeat N` evaluates the parsed requests N times, prints their results once, and prints
/// `decisions/s: D` on standard error, parsing excluded. The exit code is 0 when every line was read,
/// 1 when some line was an error, 2 when the file cannot be read, and 252 for a usage error.
enum PolicyEvaluateCommand {
    static let synopsis = "evaluate --requests FILE|- [--repeat N] [--trace]"

    struct Options {
        var file: String
        var repetitions: Int?
        var trace = false
    }

    /// A line of the input: a request to evaluate, or why it is not one.
    enum Entry {
        case request(RequestLine)
        case error(line: Int, message: String)
    }

    static func run(_ words: [String]) -> Int32 {
        let options: Options
        switch PolicyCommands.options(parse(words), synopsis: synopsis) {
        case .options(let parsed): options = parsed
        case .exit(let code): return code
        }
        let data: Data
        do {
            data = try PolicyValidateCommand.read(options.file)
        } catch {
            printError("iamconsole: error: cannot read \(options.file): \(error.description)")
            return 2
        }
        let entries = readEntries([UInt8](data))
        let requests = entries.compactMap { entry -> EvaluationRequest? in
            if case .request(let line) = entry { return line.request }
            return nil
        }
        let (results, rate) = evaluate(requests, repetitions: options.repetitions ?? 1, trace: options.trace)
        var output = ""
        var failed = false
        var next = results.makeIterator()
        for entry in entries {
            let value: JSONValue
            switch entry {
            case .request(let line):
                guard let result = next.next() else { continue }
                value = EvaluationResultJSON.result(result, names: line.policyNames)
            case .error(let line, let message):
                failed = true
                value = EvaluationResultJSON.error(line: line, message: message)
            }
            output += JSONWriter.compact(value)
            output += "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if options.repetitions != nil {
            printError("decisions/s: \(rate)")
        }
        return failed ? 1 : 0
    }

    /// Splits `bytes` at line feeds (a carriage return before one is dropped) and reads every non-blank line.
    static func readEntries(_ bytes: [UInt8]) -> [Entry] {
        var reader = RequestLineReader()
        var entries: [Entry] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var line = Array(bytes[start..<end])
            start = end + 1
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                entries.append(.request(try reader.read(line)))
            } catch {
                entries.append(.error(line: lineNumber, message: error.message))
            }
        }
        return entries
    }

    /// Evaluates `requests` `repetitions` times; returns the first pass's results and the decisions per second.
    ///
    /// Without a trace, the timed passes keep each decision as an ``DecisionRecord`` (the statements as
    /// positions); the results, with their names and strings, are made after the clock stops, for printing.
    static func evaluate(
        _ requests: [EvaluationRequest], repetitions: Int, trace: Bool
    ) -> ([EvaluationResult], Int) {
        var traced: [EvaluationResult] = []
        var records: [DecisionRecord] = []
        let engine = PolicyEvaluator.Engine()
        var checksum = 0
        let start = DispatchTime.now().uptimeNanoseconds
        // Requests are read in place: copying one out of the array retains each of its fields, inside the timing.
        requests.withUnsafeBufferPointer { requests in
            if trace {
                traced.reserveCapacity(requests.count)
                for index in requests.indices {
                    traced.append(PolicyEvaluator.evaluate(requests[index], trace: true))
                }
                for _ in 1..<max(repetitions, 1) {
                    for index in requests.indices {
                        let result = PolicyEvaluator.evaluate(requests[index], trace: true)
                        checksum &+= result.matchedStatements.count &+ (result.decision == .allowed ? 1 : 0)
                    }
                }
                return
            }
            records.reserveCapacity(requests.count)
            // Passed by address: passed by value, each request would be copied (every field retained) per call.
            guard let base = requests.baseAddress else { return }
            for index in requests.indices {
                // What the request two places on reads is asked for while this one is decided (see `prefetch`).
                if index + 2 < requests.count { engine.prefetch(at: base + index + 2) }
                engine.decide(at: base + index)
                records.append(engine.record())
            }
            for _ in 1..<max(repetitions, 1) {
                for index in requests.indices {
                    if index + 2 < requests.count { engine.prefetch(at: base + index + 2) }
                    let decision = engine.decide(at: base + index)
                    checksum &+= engine.matchedStatementCount &+ (decision == .allowed ? 1 : 0)
                }
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Keeps the repeated passes from being optimised away.
        if checksum == Int.min { printError("") }
        let decisions = Double(requests.count * max(repetitions, 1))
        let rate = elapsed > 0 ? Int((decisions / elapsed).rounded()) : 0
        let results = trace ? traced : zip(records, requests).map { $0.result(for: $1) }
        return (results, rate)
    }

    static func parse(_ words: [String]) -> Result<Options, UsageError> {
        var file: String?
        var repetitions: Int?
        var trace = false
        var index = 0
        while index < words.count {
            let word = words[index]
            switch word {
            case "--help", "-h":
                return .failure(UsageError(description: "help"))
            case "--trace":
                trace = true
                index += 1
            case "--requests", "--repeat":
                guard index + 1 < words.count else {
                    return .failure(UsageError(description: "argument \(word): expected one argument"))
                }
                let value = words[index + 1]
                if word == "--requests" {
                    file = value
                } else {
                    guard let count = Int(value), count >= 1 else {
                        return .failure(
                            UsageError(description: "argument --repeat: expected a positive integer, got '\(value)'"))
                    }
                    repetitions = count
                }
                index += 2
            default:
                if word.hasPrefix("-") {
                    return .failure(UsageError(description: "unknown option \(word)"))
                }
                return .failure(UsageError(description: "unexpected argument '\(word)'"))
            }
        }
        guard let file else {
            return .failure(
                UsageError(description: "the following arguments are required: --requests FILE (or - for stdin)"))
        }
        return .success(Options(file: file, repetitions: repetitions, trace: trace))
    }
}
