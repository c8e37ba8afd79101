import Foundation
import IAMWorkspace
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Errors a user can cause")
struct WorkspaceFileErrorTests {
    @Test func aMissingFileIsNamed() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/nothing.json")
            let error = try #require(throws: WorkspaceFileError.self) { try file.read() }
            #expect(error.kind == .notFound)
            #expect(error.description == "workspace file not found: \(file.path)")
            #expect(try entries(of: folder).isEmpty)
        }
    }

    @Test func anUnreadableFileIsReportedAndKept() throws {
        // Permission bits do not stop root, which is who runs these tests in the container; the folder-in-place
        // case below covers the unreadable path there.
        guard getuid() != 0 else { return }
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json", lockTimeout: .milliseconds(200))
            try file.write(Data("secret".utf8))
            #expect(chmod(file.path, 0) == 0)
            defer { _ = chmod(file.path, 0o600) }
            let error = try #require(throws: WorkspaceFileError.self) { try file.read() }
            #expect(error.kind == .permissionDenied)
            #expect(error.description == "cannot read \(file.path): permission denied")
            #expect(throws: WorkspaceFileError.self) { try file.update { _ in Data("other".utf8) } }
            #expect(chmod(file.path, 0o600) == 0)
            #expect(try bytes(of: file.path) == Data("secret".utf8))
        }
    }

    @Test func aFolderAtThePathIsReportedAndKept() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            try FileManager.default.createDirectory(atPath: file.path, withIntermediateDirectories: false)
            try Data("inside".utf8).write(to: URL(fileURLWithPath: file.path + "/keep"))

            let read = try #require(throws: WorkspaceFileError.self) { try file.read() }
            #expect(read.kind == .isDirectory)
            #expect(read.description == "cannot read \(file.path): it is a folder, not a file")
            #expect(!file.exists())
            let update = try #require(throws: WorkspaceFileError.self) { try file.update { _ in Data("x".utf8) } }
            #expect(update.kind == .isDirectory)
            let write = try #require(throws: WorkspaceFileError.self) {
                try file.write(Data("x".utf8), overwrite: true)
            }
            #expect(write.kind == .isDirectory)
            #expect(try bytes(of: file.path + "/keep") == Data("inside".utf8))
            #expect(try entries(of: folder) == ["ws.json", "ws.json.lock"])
        }
    }

    @Test func aFileWhereAFolderMustBeIsReportedAndKept() throws {
        try withTemporaryFolder { folder in
            let blocker = folder + "/team"
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
            let file = WorkspaceFile(path: blocker + "/prod/ws.json")

            let error = try #require(throws: WorkspaceFileError.self) { try file.update { _ in Data("{}".utf8) } }
            #expect(error.kind == .notAFolder)
            #expect(error.relatedPath == blocker)
            #expect(error.description == "cannot save \(file.path): \(blocker) is a file, not a folder")
            #expect(try bytes(of: blocker) == Data("not a folder".utf8))
            let read = try #require(throws: WorkspaceFileError.self) { try file.read() }
            #expect(read.kind == .notAFolder)
        }
    }

    @Test func aPathInsideAVirtualFileSystemFailsCleanly() throws {
        let file = WorkspaceFile(path: "/proc/self/iamconsole-test/ws.json")
        let error = try #require(throws: WorkspaceFileError.self) { try file.write(Data("{}".utf8)) }
        #expect(error.operation == .save)
        #expect(error.description.hasPrefix("cannot save \(file.path): "))
        #expect(!error.description.contains("\n"))
    }

    @Test func aReadOnlyFolderRefusesTheSaveAndKeepsTheFile() throws {
        // Root writes into read-only folders anyway; the disk-failure test covers a refused write there.
        guard getuid() != 0 else { return }
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json", lockTimeout: .milliseconds(200))
            try file.write(Data("original".utf8))
            #expect(chmod(folder, 0o500) == 0)
            defer { _ = chmod(folder, 0o700) }
            let error = try #require(throws: WorkspaceFileError.self) {
                try file.update { _ in Data("other".utf8) }
            }
            #expect(error.kind == .permissionDenied)
            #expect(try bytes(of: file.path) == Data("original".utf8))
        }
    }

    @Test func messagesAreOneLineAndNameThePath() {
        let errors = [
            WorkspaceFileError(
                kind: .locked, path: "/w/ws.json", operation: .save, lockHolderPID: 42, waited: .seconds(5)),
            WorkspaceFileError(kind: .locked, path: "/w/ws.json", operation: .save),
            WorkspaceFileError(kind: .writeFailed, path: "/w/ws.json", operation: .save, systemErrorCode: ENOSPC),
            WorkspaceFileError(kind: .readFailed, path: "/w/ws.json", operation: .read, systemErrorCode: EIO),
            WorkspaceFileError(kind: .notRegularFile, path: "/w/ws.json", operation: .read),
        ]
        #expect(
            errors[0].description
                == "cannot save /w/ws.json: locked by another process (pid 42); gave up after waiting 5 s "
                + "(the file was not changed)")
        #expect(errors[1].description.contains("locked by another process;"))
        #expect(errors[2].description == "cannot save /w/ws.json: no space left on device (the file was not changed)")
        #expect(errors[3].description == "cannot read /w/ws.json: input/output error")
        for error in errors {
            #expect(error.description.contains("/w/ws.json"))
            #expect(!error.description.contains("\n"))
        }
    }
}
