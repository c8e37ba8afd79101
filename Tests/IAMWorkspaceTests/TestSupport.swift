import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder for one test, removed when the test ends.
func withTemporaryFolder(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("iamworkspace-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer {
        // Tests that chmod things away must not leave undeletable folders behind.
        _ = chmod(folder, 0o700)
        try? FileManager.default.removeItem(atPath: folder)
    }
    try body(folder)
}

/// The names in `folder`, sorted.
func entries(of folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

/// The permission bits of `path`.
func mode(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let permissions = try #require(attributes[.posixPermissions] as? NSNumber)
    return permissions.intValue & 0o777
}

func bytes(of path: String) throws -> Data {
    try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
}

func temporaryFiles(in folder: String) throws -> [String] {
    try entries(of: folder).filter { $0.contains(".tmp-") }
}

/// The `workspace-stress` executable that `swift test` builds next to the test bundle.
func stressExecutable(filePath: String = #filePath) throws -> String {
    var candidates: [URL] = []
    if let runner = CommandLine.arguments.first {
        candidates.append(URL(fileURLWithPath: runner).deletingLastPathComponent())
    }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL)
    // Tests/IAMWorkspaceTests/TestSupport.swift -> package root.
    let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug"))
    let found = candidates.map { $0.appendingPathComponent("workspace-stress").path }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(
        found,
        "workspace-stress not found in \(candidates.map(\.path)); build it with `swift build --product workspace-stress`"
    )
}

/// A running `workspace-stress` process.
final class StressProcess {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: try stressExecutable())
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Blocks until the process prints a line equal to `line`; false if it ends first.
    func waitForLine(_ line: String) -> Bool {
        var seen = ""
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return false }
            seen += String(decoding: chunk, as: UTF8.self)
            if seen.split(separator: "\n").contains(Substring(line)) { return true }
        }
    }

    /// Waits for the end and returns the exit status, the output and the error output.
    func finish() -> (status: Int32, output: String, errors: String) {
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func killNow() {
        _ = kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// Runs `workspace-stress` to completion.
@discardableResult
func runStress(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    try StressProcess(arguments).finish()
}
