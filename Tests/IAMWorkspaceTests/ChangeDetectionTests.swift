import Foundation
import IAMCore
import IAMWorkspace
import Testing

@Suite("Change detection")
struct ChangeDetectionTests {
    @Test func anUnchangedFileIsNotReportedAsChanged() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            try file.write(Data("one".utf8))
            let (_, stamp) = try file.read()
            #expect(!file.changed(since: stamp))
            let statOnly = try #require(file.currentStamp())
            #expect(statOnly.contentHash == nil)
            #expect(!file.changed(since: statOnly))
        }
    }

    @Test func aNewWorkspaceIsUnchangedUntilAnotherWriterSaves() throws {
        try withTemporaryFolder { folder in
            let account = Account(
                id: "123456789012", name: "Test", createDate: Timestamp(secondsSince1970: 1_795_000_000),
                root: RootUser(email: "root@example.com", passwordHash: ""))
            let workspace = try Workspace.create(path: folder + "/ws.json", account: account)
            #expect(workspace.account == account)
            #expect(!workspace.changedOnDisk())
            #expect(try Workspace(path: folder + "/ws.json").account == account)
            try WorkspaceFile(path: folder + "/ws.json").update { _ in Data("{}".utf8) }
            #expect(workspace.changedOnDisk())
        }
    }

    @Test func aSaveThroughAnotherInstanceIsSeen() throws {
        try withTemporaryFolder { folder in
            let console = WorkspaceFile(path: folder + "/ws.json")
            let cli = WorkspaceFile(path: folder + "/ws.json")
            try console.write(Data("one".utf8))
            let (_, stamp) = try console.read()
            try cli.update { _ in Data("two, longer".utf8) }
            #expect(console.changed(since: stamp))
        }
    }

    @Test func aSaveByAnotherProcessIsSeen() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            #expect(try runStress(["init", file.path, "10"]).status == 0)
            let (_, stamp) = try file.read()
            #expect(try runStress(["increment", file.path, "1"]).status == 0)
            #expect(file.changed(since: stamp))
        }
    }

    @Test func aSameSizeRewriteIsSeenByInode() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            let other = WorkspaceFile(path: file.path)
            try file.write(Data("aaaa".utf8))
            let (_, stamp) = try file.read()
            try other.write(Data("bbbb".utf8), overwrite: true)
            let now = try #require(file.currentStamp())
            #expect(now.size == stamp.size)
            #expect(now.inode != stamp.inode)
            #expect(file.changed(since: stamp))
        }
    }

    @Test func aSameSizeRewriteInPlaceIsSeen() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            try file.write(Data("aaaa".utf8))
            let (_, stamp) = try file.read()
            // An editor that writes into the existing file keeps the inode and the size.
            let handle = try #require(FileHandle(forWritingAtPath: file.path))
            try handle.write(contentsOf: Data("bbbb".utf8))
            try handle.close()
            #expect(try #require(file.currentStamp()).inode == stamp.inode)
            #expect(file.changed(since: stamp))
        }
    }

    @Test func aRewriteThatStatCannotSeeIsCaughtByContentWhileTheVersionIsFresh() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            try file.write(Data("aaaa".utf8))
            let (_, stamp) = try file.read()
            let hash = try #require(stamp.contentHash)
            // The same status with other content: what a rewrite within one timestamp tick into a reused inode
            // looks like to stat.
            let lookalike = FileStamp(
                device: stamp.device, inode: stamp.inode, size: stamp.size,
                modificationTime: stamp.modificationTime, changeTime: stamp.changeTime, contentHash: hash ^ 1)
            #expect(file.changed(since: lookalike))
            #expect(!file.changed(since: stamp))
        }
    }

    @Test func aRemovedFileCountsAsChanged() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            try file.write(Data("one".utf8))
            let (_, stamp) = try file.read()
            try FileManager.default.removeItem(atPath: file.path)
            #expect(file.changed(since: stamp))
            #expect(file.currentStamp() == nil)
        }
    }

    @Test func stampsOfSavesMatchStampsOfReads() throws {
        try withTemporaryFolder { folder in
            let file = WorkspaceFile(path: folder + "/ws.json")
            let saved = try #require(try file.update { _ in Data("content".utf8) })
            let (_, read) = try file.read()
            #expect(saved == read)
            #expect(!file.changed(since: saved))
        }
    }
}
