import ConsoleApp
import Foundation
import IAMCore
import IAMWorkspace

/// A temporary workspace file holding the sample account (KDF cost 1000), removed by `remove()`.
@MainActor
struct WorkspaceFixture {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("console-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("workspace.json").path
        let account = SampleAccount.make(
            now: Fixtures.now, random: SeededRandomSource(seed: "console-edit"), iterations: 1000)
        _ = try Workspace.create(path: path, account: account)
    }

    /// A source over the file with the frozen clock.
    func source() throws -> WorkspaceOverviewSource {
        try WorkspaceOverviewSource(path: path, clock: FrozenClock(), random: SeededRandomSource(seed: "edits"))
    }

    /// The file's bytes.
    func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The account the file holds now, decoded afresh.
    func account() throws -> Account { try Workspace(path: path).account }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
