import Foundation
import Testing

/// What one run of the `iamconsole` binary produced.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Standard output parsed as a JSON object.
    func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(
            parsed as? [String: Any], "stdout is not a JSON object: \(stdout)", sourceLocation: sourceLocation)
    }
}

/// Which access key a run signs with.
enum Caller {
    case alice
    case carol
    case key(id: String, secret: String)
    case nobody

    static let aliceKeyId = "AKIAEXAMPLEALICEKEYA"
    static let aliceSecret = "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"
    static let carolKeyId = "AKIAEXAMPLECAROLKEYA"
    static let carolSecret = "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"

    var variables: [String: String] {
        switch self {
        case .alice: return ["AWS_ACCESS_KEY_ID": Self.aliceKeyId, "AWS_SECRET_ACCESS_KEY": Self.aliceSecret]
        case .carol: return ["AWS_ACCESS_KEY_ID": Self.carolKeyId, "AWS_SECRET_ACCESS_KEY": Self.carolSecret]
        case .key(let id, let secret): return ["AWS_ACCESS_KEY_ID": id, "AWS_SECRET_ACCESS_KEY": secret]
        case .nobody: return [:]
        }
    }
}

/// A running `iamconsole` process whose output goes to files in the sandbox.
struct RunningProcess {
    let process: Process
    let stdoutPath: String
    let stderrPath: String

    /// Waits for the exit (killing the process after `timeout`) and collects its output.
    func wait(timeout: TimeInterval = 30) -> RunResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        let out = FileManager.default.contents(atPath: stdoutPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let err = FileManager.default.contents(atPath: stderrPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return RunResult(status: process.terminationStatus, stdout: out, stderr: err)
    }
}

/// One test's private folder, with a workspace path in it and a controlled environment for the binary.
final class Sandbox {
    static let now = "2026-03-01T12:00:00Z"

    let folder: String
    /// The workspace file that runs use through `$IAMCONSOLE_WORKSPACE`.
    let workspace: String
    private var runCount = 0
    private let lock = NSLock()

    init() throws {
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("iamconsole-cli-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        workspace = folder + "/workspace.json"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Creates the sample workspace (`workspace init --sample`) and fails the test if that fails.
    func initSample(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(["workspace", "init", "--sample"], as: .nobody)
        try #require(result.status == 0, "workspace init failed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// The environment of a run: nothing inherited from the test process except what is listed here.
    func environment(as caller: Caller, extra: [String: String] = [:]) -> [String: String] {
        var variables = [
            "PATH": "/usr/bin:/bin",
            "HOME": folder,
            "LANG": "C.UTF-8",
            "IAMCONSOLE_WORKSPACE": workspace,
            "IAMCONSOLE_TEST_NOW": Self.now,
            "IAMCONSOLE_TEST_SEED": "cli-tests",
            "IAMCONSOLE_TEST_KDF_ITERATIONS": "1000",
        ]
        variables.merge(caller.variables) { _, new in new }
        variables.merge(extra) { _, new in new }
        return variables
    }

    /// Starts the binary without waiting for it.
    func start(
        _ arguments: [String], as caller: Caller = .alice, stdin: String? = nil, extra: [String: String] = [:]
    ) throws -> RunningProcess {
        let binary = try iamconsoleBinary()
        lock.lock()
        runCount += 1
        let number = runCount
        lock.unlock()
        let stdoutPath = folder + "/.run-\(number).out"
        let stderrPath = folder + "/.run-\(number).err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment(as: caller, extra: extra)
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        if let stdin {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(stdin.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
            try process.run()
        }
        return RunningProcess(process: process, stdoutPath: stdoutPath, stderrPath: stderrPath)
    }

    /// Runs the binary to completion.
    func run(
        _ arguments: [String], as caller: Caller = .alice, stdin: String? = nil, extra: [String: String] = [:],
        timeout: TimeInterval = 30
    ) throws -> RunResult {
        try start(arguments, as: caller, stdin: stdin, extra: extra).wait(timeout: timeout)
    }

    /// Runs `iamconsole iam ARGS...` as `caller`.
    func iam(_ arguments: String..., as caller: Caller = .alice) throws -> RunResult {
        try run(["iam"] + arguments, as: caller)
    }

    /// Runs an `iam` action that must succeed and returns its parsed JSON output (empty when it prints nothing).
    @discardableResult
    func ok(
        _ arguments: String..., as caller: Caller = .alice, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws -> [String: Any]
    {
        let result = try run(["iam"] + arguments, as: caller)
        try #require(
            result.status == 0, "iam \(arguments.joined(separator: " ")) failed: \(result.stderr)",
            sourceLocation: sourceLocation)
        #expect(result.stderr == "", sourceLocation: sourceLocation)
        if result.stdout.isEmpty { return [:] }
        return try result.json(sourceLocation: sourceLocation)
    }

    /// The workspace file's bytes.
    func workspaceBytes(sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        try #require(
            FileManager.default.contents(atPath: workspace), "cannot read \(workspace)", sourceLocation: sourceLocation)
    }

    /// Writes a file in the sandbox and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// `<package root>/.build/debug/iamconsole`, found by walking up from this file to `Package.swift`.
func iamconsoleBinary(filePath: String = #filePath) throws -> String {
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while folder.path != "/" {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            let binary = folder.appendingPathComponent(".build/debug/iamconsole").path
            try #require(
                FileManager.default.isExecutableFile(atPath: binary),
                "the iamconsole binary is missing at \(binary); build it with `swift build` (swift test builds it)")
            return binary
        }
        folder = folder.deletingLastPathComponent()
    }
    Issue.record("no Package.swift above \(filePath)")
    throw CancellationError()
}

/// Values of `key` in each object of `list`.
func values(_ list: Any?, _ key: String) -> [String] {
    ((list as? [[String: Any]]) ?? []).compactMap { $0[key] as? String }
}
