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
        do {
            _ = try file.write(data, overwrite: overwrite)
        } catch {
            throw WorkspaceError(path: nil, location: nil, message: error.description)
        }
        return try Workspace(path: path)
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
        var result: Result?
        let path = file.path
        let newStamp = try file.update { (current: Data?) throws -> Data? in
            guard let current else {
                throw WorkspaceError(path: path, location: nil, message: "the workspace file was removed")
            }
            let latest = try WorkspaceCodec.decode(current, path: path)
            let (changed, value) = try body(latest)
            result = value
            self.lock.lock()
            self.account = changed
            self.lock.unlock()
            return changed == latest ? nil : try WorkspaceCodec.encode(changed)
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
