import Foundation
import IAMCore
import IAMWorkspace

/// The first line of `swift --version`, or a note that it could not be run.
func swiftVersion() -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "--version"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return "Swift version unknown" }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init) ?? "Swift version unknown"
}

func runBenchmark() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    if let file = options.importFile {
        try ImportBenchmark.run(file: file, runs: options.runs)
        return
    }
    guard options.console || options.reports || FileManager.default.fileExists(atPath: options.pythonScript) else {
        throw BenchmarkError(
            "cannot find \(options.pythonScript): run from the package root or pass --python-script PATH")
    }
    var built: (account: Account, policyQuota: Int)?
    let buildTime = try seconds { built = try AccountBuilder.build(options.size) }
    guard let built else { throw BenchmarkError("the account was not built") }
    print(String(format: "built the account through IAMService in %.1f s (not measured)", buildTime))
    if options.reports {
        ReportsBenchmark.run(account: built.account, runs: options.runs)
        return
    }

    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("iamconsole-bench-\(ProcessInfo.processInfo.processIdentifier)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer {
        if options.keep {
            print("kept \(folder)")
        } else {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
    let path = folder + "/workspace.json"
    _ = try Workspace.create(path: path, account: built.account)
    if options.console {
        try MainActor.assumeIsolated { try ConsoleBenchmark.run(path: path, users: options.size.users) }
        return
    }

    let ours = try WorkspaceTimes.run(path: path, account: built.account, runs: options.runs)
    let python = try PythonBaseline.run(script: options.pythonScript, file: path, runs: options.runs)
    let report = Report(
        options: options, policyQuota: built.policyQuota, ours: ours, python: python, swiftVersion: swiftVersion())
    print(report.render())
}

do {
    try runBenchmark()
} catch {
    FileHandle.standardError.write(Data("iamconsole-bench: \(error)\n".utf8))
    exit(1)
}
