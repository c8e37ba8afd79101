import Foundation
import IAMCore
import IAMWorkspace

/// `iamconsole-bench --import FILE`: the time to import an authorization-details file (read the
/// bytes, parse, validate every policy, build the account, encode and write the workspace), and
/// Python's `json.load` of the same file in the same run, as the yardstick.
enum ImportBenchmark {
    static func run(file: String, runs: Int) throws {
        let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("iamconsole-import-bench-\(ProcessInfo.processInfo.processIdentifier)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var users = 0
        var parseSamples: [Double] = []
        var totalSamples: [Double] = []
        for run in 0..<runs {
            let workspace = folder + "/workspace-\(run).json"
            var parsed = 0.0
            let total = try seconds {
                var details = AuthorizationDetails()
                parsed = try seconds {
                    let data = try Data(contentsOf: URL(fileURLWithPath: file))
                    details = try AuthorizationDetailsImporter.read(data, file: file)
                }
                guard let id = details.accountId else { throw BenchmarkError("the file names no account") }
                let empty = Account(
                    id: id, name: "Imported", createDate: Timestamp(secondsSince1970: 1_767_225_600),
                    root: RootUser(email: "root@example.com", passwordHash: CredentialReportImporter.noPasswordHash))
                var summary = ImportSummary()
                let account = try AccountImport.merge(
                    details, into: empty, file: file, at: Timestamp(microseconds: 0), summary: &summary)
                users = account.users.count
                _ = try Workspace.create(path: workspace, account: account)
            }
            parseSamples.append(parsed)
            totalSamples.append(total)
        }
        let python = try pythonLoad(file: file, runs: runs)
        let ours = median(totalSamples)
        print(
            String(
                format: "import of %@ (%.1f MB, %d users), median of %d runs:", file, Double(size) / 1e6, users, runs))
        print(String(format: "  read + parse + validate      %.3f s", median(parseSamples)))
        print(String(format: "  whole import (with save)     %.3f s", ours))
        print(String(format: "  Python json.load             %.3f s", python))
        print(String(format: "  ratio import / json.load     %.2fx (goal under 2x)", ours / python))
    }

    /// The median of `runs` timings of `json.load` of the file, in a Python process.
    static func pythonLoad(file: String, runs: Int) throws -> Double {
        let script = """
            import json, statistics, sys, time
            samples = []
            for _ in range(int(sys.argv[2])):
                start = time.perf_counter()
                with open(sys.argv[1], "rb") as f:
                    json.load(f)
                samples.append(time.perf_counter() - start)
            print(statistics.median(samples))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file, String(runs)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw BenchmarkError("python3 json.load failed: \(text)") }
        return value
    }
}
