import Foundation
import Testing

/// Runs the `iamconsole` binary in a private folder with a controlled environment.
final class CLIRunner: @unchecked Sendable {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let rootPassword = "Remote-Root-Passw0rd!"

    let folder: String
    /// The workspace the runs use (`IAMCONSOLE_WORKSPACE`).
    let workspace: String
    /// Variables added to every run (credentials, for instance).
    var variables: [String: String]

    init(variables: [String: String] = [:]) throws {
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("iamconsole-remote-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        workspace = folder + "/workspace.json"
        self.variables = variables
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs the binary to completion (killing it after `timeout` seconds).
    func run(_ arguments: [String], stdin: String? = nil, timeout: TimeInterval = 60) throws -> Result {
        let binary = try Self.binary()
        let id = UUID().uuidString
        let outPath = folder + "/.\(id).out"
        let errPath = folder + "/.\(id).err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8", "IAMCONSOLE_WORKSPACE": workspace,
            "IAMCONSOLE_TEST_KDF_ITERATIONS": "1000",
        ].merging(variables) { _, new in new }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        if let stdin { pipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try pipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        func read(_ path: String) -> String {
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return Result(status: process.terminationStatus, stdout: read(outPath), stderr: read(errPath))
    }

    /// Runs an `iam` action on the workspace as the root user; fails the test if it fails.
    func iam(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(["iam"] + arguments + ["--root"], stdin: Self.rootPassword + "\n")
        try #require(
            result.status == 0, "iam \(arguments.joined(separator: " ")) failed: \(result.stderr)",
            sourceLocation: sourceLocation)
    }

    /// `<package root>/.build/debug/iamconsole`, found by walking up from this file to Package.swift.
    static func binary(filePath: String = #filePath) throws -> String {
        var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                let binary = folder.appendingPathComponent(".build/debug/iamconsole").path
                try #require(
                    FileManager.default.isExecutableFile(atPath: binary),
                    "the iamconsole binary is missing at \(binary); build it with `swift build`")
                return binary
            }
            folder = folder.deletingLastPathComponent()
        }
        Issue.record("no Package.swift above \(filePath)")
        throw CancellationError()
    }
}
