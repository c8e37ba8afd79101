import Foundation
import IAMCore

/// An open workspace: the account loaded from the file, and transactional changes that never lose
/// another process's work. Every change re-reads the file under the lock, applies the action to the
/// newest account, and saves atomically only if the action changed something.
public final class Workspace: @unchecked Sendable {
    public let file: WorkspaceFile
    /// The account as of the last load or save.
    public private(set) var account: Account
    /// The file's stamp as of the last load or save, for change detection.
    public private(set) var stamp: FileStamp?
    private let lock = NSLock()

    /// Opens an existing workspace file.
    public init(path: String) throws(WorkspaceError) {
        file = WorkspaceFile(path: path)
        let contents: (data: Data, stamp: FileStamp)
        do {
            contents = try file.read()
        } catch {
            throw WorkspaceError(path: nil, location: nil, message: error.description)
        }
        account = try WorkspaceCodec.decode(contents.data, path: path)
        stamp = contents.stamp
    }

    /// Creates a new workspace file holding `account`; refuses to replace an existing file unless `overwrite`.
    public static func create(
        path: String, account: Account, overwrite: Bool = false
    ) throws(WorkspaceError)
        -> Workspace
    {
        let file = WorkspaceFile(path: path)
        let data = try WorkspaceCodec.encode(account)
        let stamp: FileStamp
        do {
            stamp = try file.write(data, overwrite: overwrite)
        } catch {
            throw WorkspaceError(path: nil, location: nil, message: error.description)
        }
        // The bytes just written decode to `account` (the codec round-trips), so no need to read them back.
        return Workspace(file: file, account: account, stamp: stamp)
    }

    private init(file: WorkspaceFile, account: Account, stamp: FileStamp) {
        self.file = file
        self.account = account
        self.stamp = stamp
    }

    /// Whether another process has saved the file since this workspace last read or wrote it.
    public func changedOnDisk() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let stamp else { return true }
        return file.changed(since: stamp)
    }

    /// Re-reads the file (after another process changed it).
    public func reload() throws(WorkspaceError) {
        let contents: (data: Data, stamp: FileStamp)
        do {
            contents = try file.read()
        } catch {
            throw WorkspaceError(path: nil, location: nil, message: error.description)
        }
        let fresh = try WorkspaceCodec.decode(contents.data, path: file.path)
        lock.lock()
        account = fresh
        stamp = contents.stamp
        lock.unlock()
    }

    /// Runs one change against the newest account on disk, under the file lock, and saves the result.
    ///
    /// `body` gets the current account and returns the new one and a result; returning the account
    /// unchanged writes nothing. An error thrown by `body` leaves the file untouched and propagates.
    public func update<Result>(_ body: (Account) throws -> (Account, Result)) throws -> Result {
        try update(recording: nil, body)
    }

    /// ``update(_:)`` that also appends the records `recorder` collected to the audit trail beside
    /// the file, under the same lock: after the save when `body` succeeds, and also when it throws,
    /// since refused requests belong in the trail although they change nothing.
    ///
    /// A save also moves the events of a workspace written before the trail existed out of the
    /// account and into the trail (see `LegacyAuditEvents`).
    public func update<Result>(
        recording recorder: AuditRecorder?, _ body: (Account) throws -> (Account, Result)
    ) throws -> Result {
        var result: Result?
        let path = file.path
        let trail = auditTrail
        let newStamp = try file.locked { paths in
            let stamp: FileStamp?
            do {
                stamp = try file.updateHoldingLock(paths) { (current: Data?) throws -> Data? in
                    guard let current else {
                        throw WorkspaceError(path: path, location: nil, message: "the workspace file was removed")
                    }
                    let latest = try WorkspaceCodec.decode(current, path: path)
                    var (changed, value) = try body(latest)
                    result = value
                    if changed != latest, let legacy = LegacyAuditEvents.extract(from: changed) {
                        // Written before the save that drops them: a failed save then leaves them twice, never nowhere.
                        try trail.appendHoldingLock(legacy.records)
                        changed = legacy.account
                    }
                    self.lock.lock()
                    self.account = changed
                    self.lock.unlock()
                    return changed == latest ? nil : try WorkspaceCodec.encode(changed)
                }
            } catch {
                try? trail.appendHoldingLock(recorder?.take() ?? [])
                throw error
            }
            do {
                try trail.appendHoldingLock(recorder?.take() ?? [])
            } catch {
                throw WorkspaceError(
                    path: path, location: nil, message: "the change was saved, but its audit record was not: \(error)")
            }
            return stamp
        }
        lock.lock()
        if let newStamp { stamp = newStamp } else { stamp = file.currentStamp() }
        lock.unlock()
        guard let result else {
            throw WorkspaceError(path: path, location: nil, message: "the change did not run")
        }
        return result
    }
}
