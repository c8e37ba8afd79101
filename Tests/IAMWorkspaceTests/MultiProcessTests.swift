import Foundation
import IAMWorkspace
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The mechanics under real processes (the `workspace-stress` executable): writers killed mid-save, writers
/// racing each other, a lock held by another process.
@Suite("Several processes", .serialized)
struct MultiProcessTests {
    /// Two valid versions of different sizes, each large enough that a save takes a while.
    private static func churnContents() -> (Data, Data) {
        let first = Data(("{\"v\":\"" + String(repeating: "a", count: 3_000_000) + "\"}\n").utf8)
        let second = Data(("{\"v\":\"" + String(repeating: "b", count: 2_500_000) + "\"}\n").utf8)
        return (first, second)
    }

    @Test func aWriterKilledAtAnyMomentLeavesOneCompleteVersion() throws {
        try withTemporaryFolder { folder in
            let (first, second) = Self.churnContents()
            let sources = folder + "/sources"
            try FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: false)
            try first.write(to: URL(fileURLWithPath: sources + "/a"))
            try second.write(to: URL(fileURLWithPath: sources + "/b"))
            let workspace = folder + "/ws"
            let file = WorkspaceFile(path: workspace + "/ws.json")
            // Two saves first, so a backup exists even if the writer is killed before its own first save.
            try file.write(second)
            try file.write(first, overwrite: true)

            var generator = SystemRandomNumberGenerator()
            var roundsKilledMidSave = 0
            for round in 1...20 {
                let writer = try StressProcess(["churn", file.path, sources + "/a", sources + "/b"])
                usleep(UInt32.random(in: 20_000...250_000, using: &generator))
                writer.killNow()

                let now = try file.read().data
                #expect(now == first || now == second, "round \(round): the file is neither version")
                let backup = try bytes(of: file.backupPath)
                #expect(backup == first || backup == second, "round \(round): the backup is neither version")
                // At most the new and the backup staging file of the one killed save.
                let leftOver = try temporaryFiles(in: workspace).count
                #expect(leftOver <= 2, "round \(round): temporary files pile up")
                if leftOver > 0 { roundsKilledMidSave += 1 }
            }
            // Saves take most of the writer's time, so some kills must have hit one; otherwise this proved nothing.
            #expect(roundsKilledMidSave > 0)
            try file.write(second == (try file.read().data) ? first : second, overwrite: true)
            #expect(try temporaryFiles(in: workspace).isEmpty)
            #expect(try entries(of: workspace) == ["ws.json", "ws.json.bak", "ws.json.lock"])
        }
    }

    @Test func twoWritersNeverLoseEachOthersTransactions() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/ws.json"
            #expect(try runStress(["init", path, "2000000"]).status == 0)
            let writers = try (0..<2).map { _ in try StressProcess(["increment", path, "50"]) }
            for result in writers.map({ $0.finish() }) {
                #expect(result.status == 0, "increment failed: \(result.errors)")
            }
            let document = try JSONSerializationFreeCounter.decode(try WorkspaceFile(path: path).read().data)
            #expect(document == 100)
        }
    }

    @Test func aLockHeldTooLongFailsWithTheHoldersPidAndChangesNothing() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json", lockTimeout: .milliseconds(500))
            try file.write(Data("original".utf8))
            let holder = try StressProcess(["hold", file.path, "30"])
            defer { holder.killNow() }
            #expect(holder.waitForLine("locked"))

            let clock = ContinuousClock()
            let start = clock.now
            let error = try #require(throws: WorkspaceFileError.self) {
                try file.update { _ in Data("mine".utf8) }
            }
            let waited = clock.now - start
            #expect(error.kind == .locked)
            #expect(error.lockHolderPID == holder.pid)
            #expect(error.description.contains("locked by another process (pid \(holder.pid))"))
            #expect(error.description.contains(file.path))
            #expect(waited >= .milliseconds(500) && waited < .seconds(3), "gave up after \(waited)")
            #expect(try file.read().data == Data("original".utf8))

            // The kernel drops the lock of a killed holder, so nobody has to clean up after it.
            holder.killNow()
            try file.update { _ in Data("mine".utf8) }
            #expect(try file.read().data == Data("mine".utf8))
        }
    }

    @Test func aFailingDiskWriteLeavesTheOriginalAndNoTemporaryFile() throws {
        try withTemporaryFolder { folder in
            let workspace = folder + "/ws"
            let file = WorkspaceFile(path: workspace + "/ws.json")
            let original = Data("{\"small\": true}\n".utf8)
            try file.write(original)
            let source = folder + "/large"
            try Data(repeating: UInt8(ascii: "z"), count: 1_000_000).write(to: URL(fileURLWithPath: source))

            // The file size limit makes the kernel fail the write with EFBIG, as a full disk fails it with ENOSPC.
            let result = try runStress(["write-limited", file.path, source, "65536"])
            #expect(result.status == 1)
            #expect(result.errors.contains("cannot save \(file.path)"), "message: \(result.errors)")
            #expect(result.errors.contains("the file was not changed"), "message: \(result.errors)")
            #expect(result.errors.split(separator: "\n").count == 1)
            #expect(try file.read().data == original)
            #expect(try entries(of: workspace) == ["ws.json", "ws.json.lock"])
        }
    }
}

/// Reads the counter of the stress document with the typed decoder, as the schema layer will.
private enum JSONSerializationFreeCounter {
    struct Document: Decodable { var counter: Int }

    static func decode(_ data: Data) throws -> Int {
        try JSONDecoder().decode(Document.self, from: data).counter
    }
}
