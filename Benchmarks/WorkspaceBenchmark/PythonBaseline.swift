import Foundation

/// Python's medians for the same file, from `Benchmarks/python_baseline.py`.
struct PythonBaseline: Decodable {
    var version: String
    /// `json.load` of the workspace file.
    var load: Double
    /// `json.dump` with the workspace's formatting (indent 2, sorted keys, `" : "`, no ASCII escaping).
    var dumpEquivalent: Double
    /// How that dump compares with the workspace file: `identical` or `different`.
    var equivalentMatch: String
    /// Plain `json.dump(obj, f)`: no indent, default separators.
    var dumpPlain: Double
    /// `f.write(json.dumps(obj))`: CPython's C encoder, the fastest way Python writes JSON.
    var dumpsPlain: Double

    /// Runs the script on `file` and parses its one-line JSON answer.
    static func run(script: String, file: String, runs: Int) throws -> PythonBaseline {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, file, String(runs)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("python3 \(script) exited with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(PythonBaseline.self, from: data)
    }
}

/// A failure of the benchmark itself, with a message for the terminal.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
