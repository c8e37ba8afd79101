import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One workspace file on disk, handled as bytes: reads without a lock, locked read-modify-write transactions,
/// crash-safe saves with a backup, and cheap detection of saves by other processes.
///
/// Beside `NAME` live `NAME.bak` (the previous version), `NAME.lock` (the advisory lock, holding the pid of the last
/// holder) and, only during a save, hidden temporary files `.NAME.tmp-*` (left-overs of killed writers are removed
/// by the next save). Files are created with mode 0600 and missing folders with mode 0700. When `NAME` is a
/// symbolic link, saves go to the file it points to, and these companions live beside that file.
///
/// ```swift
/// let file = WorkspaceFile(path: "team/workspace.json")
/// let stamp = try file.update { current in
///     var account = try current.map(decodeAccount) ?? Account()
///     try account.apply(action)
///     return try encode(account)
/// }
/// ```
public struct WorkspaceFile: Sendable {
    /// The path of the workspace file, as given.
    public let path: String
    /// How long ``update(_:)`` and ``write(_:overwrite:)`` wait for another process's lock before failing.
    public let lockTimeout: Duration
    private let paths: WorkspacePaths

    /// Describes the file at `path`; nothing is touched on disk until a method is called.
    public init(path: String, lockTimeout: Duration = .seconds(5)) {
        self.path = path
        self.lockTimeout = lockTimeout
        self.paths = WorkspacePaths(file: path)
    }

    /// `NAME.bak`: the version before the last save (beside the target when `NAME` is a symbolic link).
    public var backupPath: String { paths.resolvingSymbolicLink().backup }

    /// `NAME.lock`: the sidecar file that carries the lock (beside the target when `NAME` is a symbolic link).
    public var lockPath: String { paths.resolvingSymbolicLink().lock }

    /// Whether a regular file exists at ``path``.
    public func exists() -> Bool {
        guard let status = try? SystemCalls.status(of: path) else { return false }
        return SystemCalls.isRegularFile(status)
    }

    /// Reads the whole file without taking the lock (saves replace the file by an atomic rename, so a reader sees
    /// one complete version), together with the stamp of exactly that version.
    public func read() throws(WorkspaceFileError) -> (data: Data, stamp: FileStamp) {
        guard let version = try readIfPresent() else {
            throw WorkspaceFileError(kind: .notFound, path: path, operation: .read, systemErrorCode: ENOENT)
        }
        return version
    }

    /// The stamp of the file now, from `stat` alone (``FileStamp/contentHash`` is `nil`); `nil` when there is no
    /// regular file at ``path``.
    public func currentStamp() -> FileStamp? {
        guard let status = try? SystemCalls.status(of: path), SystemCalls.isRegularFile(status) else { return nil }
        return FileStamp(status, contentHash: nil)
    }

    /// Whether the file is no longer the version described by `stamp`: replaced, rewritten, or removed.
    ///
    /// This is one `stat`, cheap enough to poll every 200 ms. Only while the stamp's version is younger than
    /// ``racyInterval`` does it also read and hash the file when `stat` shows no change, because a rewrite within
    /// the same timestamp tick, of the same size, into a reused inode would otherwise go unseen (the "racy clean"
    /// case known from git). Pollers that look at least once in that interval therefore see every change.
    public func changed(since stamp: FileStamp) -> Bool {
        guard let now = currentStamp() else { return true }
        guard now.hasSameStatus(as: stamp) else { return true }
        guard let hash = stamp.contentHash, Self.isRacy(stamp) else { return false }
        guard let version = try? readIfPresent() else { return true }
        return !version.stamp.hasSameStatus(as: stamp) || version.stamp.contentHash != hash
    }

    /// How long after a version was written ``changed(since:)`` double-checks by content: longer than the
    /// timestamp granularity of common file systems.
    public static let racyInterval: Duration = .seconds(2)

    /// Runs one locked read-modify-write transaction and returns the stamp of the file afterwards.
    ///
    /// Takes the lock (waiting up to ``lockTimeout``), reads the current bytes (`nil` if the file does not exist)
    /// and passes them to `body`. If `body` returns bytes that differ from the current ones, they are saved
    /// atomically and the old version becomes `NAME.bak`; returning `nil` or identical bytes leaves the file
    /// untouched. The lock is released before returning, also when `body` throws.
    ///
    /// - Returns: the stamp of the saved or unchanged file; `nil` only if there is still no file.
    /// - Throws: ``WorkspaceFileError`` for file problems, or whatever `body` throws. Either way the file is
    ///   unchanged.
    @discardableResult
    public func update(_ body: (Data?) throws -> Data?) throws -> FileStamp? {
        try locked { paths in try updateHoldingLock(paths, body) }
    }

    /// ``update(_:)`` for a caller that already holds the lock through ``locked(_:)``.
    func updateHoldingLock(_ paths: WorkspacePaths, _ body: (Data?) throws -> Data?) throws -> FileStamp? {
        let current = try readIfPresent()
        guard let new = try body(current?.data) else { return current?.stamp }
        if let current, current.data == new { return current.stamp }
        return try AtomicSave.save(new, replacing: current?.data, at: paths)
    }

    /// Runs `body` holding the workspace lock (waiting up to ``lockTimeout``), with the paths of the file the lock
    /// guards; the files beside the workspace (the audit trail) are written under the same lock.
    func locked<T>(_ body: (WorkspacePaths) throws -> T) throws -> T {
        let paths = self.paths.resolvingSymbolicLink()
        let lock = try lockForSaving(paths)
        let result: T
        do {
            result = try body(paths)
        } catch {
            lock.release()
            throw error
        }
        lock.release()
        return result
    }

    /// Saves `data` under the lock without looking at the current content, e.g. to create a new workspace.
    ///
    /// - Parameter overwrite: when `false` (the default) an existing file is an ``WorkspaceFileError/Kind/alreadyExists``
    ///   error; when `true` it is replaced and becomes `NAME.bak`. Identical bytes are not rewritten.
    @discardableResult
    public func write(_ data: Data, overwrite: Bool = false) throws(WorkspaceFileError) -> FileStamp {
        let paths = self.paths.resolvingSymbolicLink()
        let lock = try lockForSaving(paths)
        let current = try readIfPresent()
        if let current {
            guard overwrite else {
                throw WorkspaceFileError(kind: .alreadyExists, path: path, operation: .save, systemErrorCode: EEXIST)
            }
            if current.data == data {
                lock.release()
                return current.stamp
            }
        }
        let stamp = try AtomicSave.save(data, replacing: current?.data, at: paths)
        lock.release()
        return stamp
    }

    private func lockForSaving(_ paths: WorkspacePaths) throws(WorkspaceFileError) -> FileLock {
        guard !paths.name.isEmpty else {
            throw WorkspaceFileError(kind: .isDirectory, path: path, operation: .save, systemErrorCode: EISDIR)
        }
        try paths.createFolder()
        return try FileLock(paths, timeout: lockTimeout)
    }

    /// Reads the file and stamps it from the same open descriptor, so data and stamp describe one version.
    private func readIfPresent() throws(WorkspaceFileError) -> (data: Data, stamp: FileStamp)? {
        let descriptor: Int32
        do {
            // Non-blocking, so that a FIFO at the path is reported instead of hanging the reader.
            descriptor = try SystemCalls.openFile(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        } catch let failure where failure.code == ENOENT {
            return nil
        } catch {
            throw WorkspaceFileError(reading: path, error)
        }
        defer { SystemCalls.closeFile(descriptor) }
        do {
            let status = try SystemCalls.status(of: descriptor)
            if SystemCalls.isDirectory(status) {
                throw WorkspaceFileError(kind: .isDirectory, path: path, operation: .read, systemErrorCode: EISDIR)
            }
            guard SystemCalls.isRegularFile(status) else {
                throw WorkspaceFileError(kind: .notRegularFile, path: path, operation: .read)
            }
            let data = try SystemCalls.readAll(descriptor, expectedSize: Int(status.st_size))
            return (data, FileStamp(status, contentHash: ContentHash.of(data)))
        } catch let error as WorkspaceFileError {
            throw error
        } catch let error as SystemError {
            throw WorkspaceFileError(reading: path, error)
        } catch {
            throw WorkspaceFileError(kind: .readFailed, path: path, operation: .read)
        }
    }

    private static func isRacy(_ stamp: FileStamp) -> Bool {
        let (seconds, attoseconds) = racyInterval.components
        let interval = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let written = max(stamp.modificationTime, stamp.changeTime)
        return SystemCalls.nowNanoseconds() - written < interval
    }
}
