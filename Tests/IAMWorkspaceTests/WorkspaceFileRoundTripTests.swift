import Foundation
import IAMWorkspace
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Saving and reading")
struct WorkspaceFileRoundTripTests {
    @Test func savedBytesReadBackWithOwnerOnlyModeAndOnlyBackupAndLockBeside() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            let first = Data(#"{"version": 1}"#.utf8)
            let second = Data(#"{"version": 2}"#.utf8)

            try file.write(first)
            #expect(try file.read().data == first)
            #expect(try entries(of: folder) == ["ws.json", "ws.json.lock"])

            try file.update { current in
                #expect(current == first)
                return second
            }
            #expect(try file.read().data == second)
            #expect(try bytes(of: file.backupPath) == first)
            #expect(try entries(of: folder) == ["ws.json", "ws.json.bak", "ws.json.lock"])
            #expect(try mode(of: file.path) == 0o600)
            #expect(try mode(of: file.backupPath) == 0o600)
            #expect(try mode(of: file.lockPath) == 0o600)
        }
    }

    @Test func backupHoldsTheVersionBeforeTheLastSave() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            for version in 1...4 {
                try file.write(Data("v\(version)".utf8), overwrite: true)
            }
            #expect(try bytes(of: file.path) == Data("v4".utf8))
            #expect(try bytes(of: file.backupPath) == Data("v3".utf8))
        }
    }

    @Test func savingIdenticalBytesLeavesTheFileAlone() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            let content = Data("same".utf8)
            let saved = try file.write(content)
            let rewritten = try #require(try file.update { _ in content })
            let overwritten = try file.write(content, overwrite: true)
            let untouched = try #require(try file.update { _ in nil })
            let now = try #require(file.currentStamp())

            for stamp in [rewritten, overwritten, untouched, now] {
                #expect(stamp.hasSameStatus(as: saved))
            }
            #expect(!FileManager.default.fileExists(atPath: file.backupPath))
        }
    }

    @Test func firstSaveCreatesMissingFoldersPrivately() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/team/prod/ws.json")
            #expect(!file.exists())
            let stamp = try #require(
                try file.update { current in
                    #expect(current == nil)
                    return Data("{}".utf8)
                })
            #expect(file.exists())
            #expect(stamp.contentHash == ContentHash.of(Data("{}".utf8)))
            #expect(try mode(of: folder + "/team") == 0o700)
            #expect(try mode(of: folder + "/team/prod") == 0o700)
        }
    }

    @Test func updateReturningNilOnAMissingFileCreatesNothing() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            let stamp = try file.update { _ in nil }
            #expect(stamp == nil)
            #expect(!file.exists())
        }
    }

    @Test func aThrowingTransactionChangesNothingAndReleasesTheLock() throws {
        struct Refused: Error {}
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json", lockTimeout: .milliseconds(200))
            try file.write(Data("original".utf8))
            #expect(throws: Refused.self) {
                try file.update { _ in throw Refused() }
            }
            #expect(try file.read().data == Data("original".utf8))
            try file.update { _ in Data("next".utf8) }
            #expect(try file.read().data == Data("next".utf8))
        }
    }

    @Test func writeRefusesToReplaceAnExistingFileUnlessAsked() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            try file.write(Data("original".utf8))
            let error = try #require(throws: WorkspaceFileError.self) {
                try file.write(Data("other".utf8))
            }
            #expect(error.kind == .alreadyExists)
            #expect(error.description.contains(file.path))
            #expect(try file.read().data == Data("original".utf8))
        }
    }

    @Test func transactionsInOneProcessExcludeEachOther() throws {
        try withTemporaryFolder { folder in
            let console = WorkspaceFile(path: folder + "/ws.json")
            let command = WorkspaceFile(path: folder + "/ws.json", lockTimeout: .milliseconds(100))
            try console.update { _ in
                let error = try #require(throws: WorkspaceFileError.self) {
                    try command.update { _ in Data("command".utf8) }
                }
                #expect(error.kind == .locked)
                #expect(error.lockHolderPID == getpid())
                return Data("console".utf8)
            }
            #expect(try console.read().data == Data("console".utf8))
        }
    }

    @Test func savesWriteThroughASymbolicLink() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: false)
            let target = WorkspaceFile(path: folder + "/real/ws.json")
            try target.write(Data("one".utf8))
            try FileManager.default.createSymbolicLink(atPath: folder + "/ws.json", withDestinationPath: "real/ws.json")
            let link = WorkspaceFile(path: folder + "/ws.json")

            try link.update { _ in Data("two".utf8) }
            let destination = try FileManager.default.destinationOfSymbolicLink(atPath: link.path)
            #expect(destination == "real/ws.json")
            #expect(try target.read().data == Data("two".utf8))
            #expect(try bytes(of: target.backupPath) == Data("one".utf8))
            #expect(link.backupPath == target.backupPath)
            #expect(try entries(of: folder) == ["real", "ws.json"])
        }
    }

    @Test func aTwentyMegabyteWorkspaceReadsAndSavesWellUnderASecond() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            let size = 20_000_000
            var content = Data(repeating: UInt8(ascii: "x"), count: size)
            try file.write(content)
            content[size / 2] = UInt8(ascii: "y")
            let clock = ContinuousClock()
            let save = try clock.measure { try file.update { _ in content } }
            var read = Data()
            let load = try clock.measure { read = try file.read().data }
            #expect(read == content)
            #expect(save < .seconds(1), "saving 20 MB took \(save)")
            #expect(load < .seconds(1), "reading 20 MB took \(load)")
        }
    }
}
