import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The steps of one crash-safe save. Call only while holding the workspace lock, with the folder in place.
///
/// At every moment the workspace file is either the complete old version or the complete new one: the new bytes
/// reach the disk under a temporary name first, the old version is moved to the backup name by a hard link (no
/// copy, and the workspace file is never absent), and one `rename` swaps the new version in.
enum AtomicSave {
    static func save(
        _ data: Data, replacing previous: Data?, at paths: WorkspacePaths
    ) throws(WorkspaceFileError) -> FileStamp {
        paths.removeStaleTemporaryFiles()
        let temporary = paths.newTemporaryPath(purpose: "new")
        do {
            try writeDurably(data, to: temporary, folder: paths.folder)
        } catch {
            SystemCalls.unlinkIfPresent(temporary)
            throw WorkspaceFileError(saving: paths.file, error.failure, relatedPath: error.relatedPath)
        }
        if let previous {
            do {
                try backUp(previous, paths)
            } catch {
                SystemCalls.unlinkIfPresent(temporary)
                throw error
            }
        }
        do {
            try SystemCalls.moveItem(temporary, paths.file)
        } catch {
            SystemCalls.unlinkIfPresent(temporary)
            throw WorkspaceFileError(saving: paths.file, error)
        }
        // The new version is in place and visible whatever happens next; reporting a failed folder sync as a failed
        // save would make the caller believe the old content is still there.
        try? SystemCalls.syncFolder(paths.folder)
        do {
            let status = try SystemCalls.status(of: paths.file)
            return FileStamp(status, contentHash: ContentHash.of(data))
        } catch {
            throw WorkspaceFileError(reading: paths.file, error)
        }
    }

    /// Replaces `NAME.bak` with the current version: a second name for the current file when the file system
    /// supports hard links, a copy of `previous` otherwise.
    private static func backUp(_ previous: Data, _ paths: WorkspacePaths) throws(WorkspaceFileError) {
        let staging = paths.newTemporaryPath(purpose: "bak")
        do {
            try SystemCalls.hardLink(paths.file, staging)
        } catch {
            do {
                try writeDurably(previous, to: staging, folder: paths.folder)
            } catch {
                SystemCalls.unlinkIfPresent(staging)
                throw WorkspaceFileError(saving: paths.file, error.failure, relatedPath: error.relatedPath)
            }
        }
        do {
            try SystemCalls.moveItem(staging, paths.backup)
        } catch {
            SystemCalls.unlinkIfPresent(staging)
            throw WorkspaceFileError(saving: paths.file, error, relatedPath: paths.backup)
        }
        // After a crash between the backup and the swap, the backup already is the current file; renaming a name
        // onto another name of the same file does nothing and leaves the staging name behind.
        SystemCalls.unlinkIfPresent(staging)
    }

    private struct WriteFailure: Error {
        let failure: SystemError
        let relatedPath: String?
    }

    /// Creates `path` owner-only from the first instant, writes `data`, and flushes it to the disk.
    private static func writeDurably(_ data: Data, to path: String, folder: String) throws(WriteFailure) {
        let descriptor: Int32
        do {
            descriptor = try SystemCalls.openFile(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600)
        } catch {
            throw WriteFailure(failure: error, relatedPath: folder)
        }
        do throws(SystemError) {
            // The umask can only remove bits; this makes the mode exactly 0600 whatever it is.
            if fchmod(descriptor, 0o600) != 0 { throw SystemError.current }
            try SystemCalls.writeAll(descriptor, data)
            try SystemCalls.sync(descriptor)
        } catch {
            SystemCalls.closeFile(descriptor)
            throw WriteFailure(failure: error, relatedPath: nil)
        }
        // Some file systems report deferred write errors only at close.
        if close(descriptor) != 0 && errno != EINTR {
            throw WriteFailure(failure: .current, relatedPath: nil)
        }
    }
}
