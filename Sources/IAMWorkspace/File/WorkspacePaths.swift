import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files that belong to one workspace file: its folder, the backup, the lock, and the temporary files of saves.
struct WorkspacePaths: Sendable {
    let file: String
    let folder: String
    let name: String

    init(file: String) {
        self.file = file
        if let slash = file.lastIndex(of: "/") {
            let folderPart = String(file[..<slash])
            folder = folderPart.isEmpty ? "/" : folderPart
            name = String(file[file.index(after: slash)...])
        } else {
            folder = "."
            name = file
        }
    }

    /// The paths of the file a symbolic link at `file` points to, so that a save writes through the link instead of
    /// replacing it, and processes that reach the file by different names share one lock.
    func resolvingSymbolicLink() -> WorkspacePaths {
        var status = stat()
        guard lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(file, nil) else {
            return self
        }
        defer { free(resolved) }
        return WorkspacePaths(file: String(cString: resolved))
    }

    /// The previous version, replaced atomically by every save.
    var backup: String { file + ".bak" }

    /// The sidecar that carries the advisory lock; the data file itself cannot, since saves replace it.
    var lock: String { file + ".lock" }

    /// Every temporary file of a save starts with this name; any such file found while holding the lock was left by
    /// a writer that died, because only the lock holder creates them.
    var temporaryPrefix: String { "." + name + ".tmp-" }

    func newTemporaryPath(purpose: String) -> String {
        let unique = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return folder + "/" + temporaryPrefix + "\(getpid())-\(unique).\(purpose)"
    }

    /// Removes temporary files left by writers that were killed mid-save. Call only while holding the lock.
    func removeStaleTemporaryFiles() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let prefix = temporaryPrefix
        for entry in names where entry.hasPrefix(prefix) {
            SystemCalls.unlinkIfPresent(folder + "/" + entry)
        }
    }

    /// Creates the missing folders above the file, each private to the owner.
    func createFolder() throws(WorkspaceFileError) {
        if let status = try? SystemCalls.status(of: folder) {
            guard SystemCalls.isDirectory(status) else { throw notAFolder(folder) }
            return
        }
        var prefix = folder.hasPrefix("/") ? "" : "."
        var created: [String] = []
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            let parent = prefix.isEmpty ? "/" : prefix
            prefix += "/" + component
            do {
                try SystemCalls.makeFolder(prefix, mode: 0o700)
                created.append(parent)
            } catch let failure where failure.code == EEXIST {
                let status = try? SystemCalls.status(of: prefix)
                guard let status, SystemCalls.isDirectory(status) else { throw notAFolder(prefix) }
            } catch let failure where failure.code == ENOTDIR {
                throw notAFolder(parent)
            } catch {
                throw WorkspaceFileError(saving: file, error, relatedPath: prefix)
            }
        }
        // New folder entries must survive a crash as surely as the file inside them.
        for parent in created {
            try? SystemCalls.syncFolder(parent)
        }
    }

    private func notAFolder(_ path: String) -> WorkspaceFileError {
        WorkspaceFileError(kind: .notAFolder, path: file, operation: .save, relatedPath: path)
    }
}

extension WorkspaceFileError {
    /// Classifies an `errno` from reading `path`.
    init(reading path: String, _ failure: SystemError, relatedPath: String? = nil) {
        let kind: Kind
        switch failure.code {
        case ENOENT: kind = .notFound
        case EACCES, EPERM: kind = .permissionDenied
        case EISDIR: kind = .isDirectory
        case ENOTDIR: kind = .notAFolder
        default: kind = .readFailed
        }
        self.init(
            kind: kind, path: path, operation: .read, relatedPath: relatedPath, systemErrorCode: failure.code)
    }

    /// Classifies an `errno` from saving `path`.
    init(saving path: String, _ failure: SystemError, relatedPath: String? = nil) {
        let kind: Kind
        switch failure.code {
        case EACCES, EPERM: kind = .permissionDenied
        case EISDIR: kind = .isDirectory
        case ENOTDIR: kind = .notAFolder
        default: kind = .writeFailed
        }
        self.init(
            kind: kind, path: path, operation: .save, relatedPath: relatedPath, systemErrorCode: failure.code)
    }
}
