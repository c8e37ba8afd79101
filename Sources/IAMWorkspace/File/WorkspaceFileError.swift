import Foundation

/// A failure of the workspace file mechanics that a user can cause or fix: a missing or unreadable file, a folder
/// in the way, a lock held too long, a disk that refuses the write.
///
/// Every error leaves the workspace file exactly as it was. `description` is one line saying what failed and where,
/// suitable for a status bar or a CLI error.
public struct WorkspaceFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, independent of the wording.
    public enum Kind: Sendable, Equatable {
        /// The workspace file does not exist.
        case notFound
        /// The operating system refused access to the file, its folder, or its lock file.
        case permissionDenied
        /// A folder sits where the workspace file should be.
        case isDirectory
        /// Something that is neither a folder nor a regular file (a FIFO, a device) sits at the path.
        case notRegularFile
        /// A part of the path that must be a folder is a file (``WorkspaceFileError/relatedPath`` names it).
        case notAFolder
        /// ``WorkspaceFile/write(_:overwrite:)`` was asked not to overwrite, and the file exists.
        case alreadyExists
        /// Another process held the lock for longer than the timeout.
        case locked
        /// Reading failed for another reason (an I/O error).
        case readFailed
        /// Saving failed (disk full, quota, read-only file system, I/O error); the original file is untouched.
        case writeFailed
    }

    /// Whether the failure happened while reading or while saving.
    public enum Operation: String, Sendable, Equatable {
        /// Reading the file or checking its state.
        case read
        /// Taking the lock, creating folders, writing, or renaming.
        case save
    }

    /// What went wrong.
    public let kind: Kind
    /// The workspace file the operation was about.
    public let path: String
    /// Whether the failure happened while reading or while saving.
    public let operation: Operation
    /// The file or folder the failing system call was about, when it is not ``path`` itself (the folder, the lock
    /// file, a path component that is not a folder).
    public let relatedPath: String?
    /// The `errno` value reported by the system, if any.
    public let systemErrorCode: Int32?
    /// For ``Kind/locked``: the process id recorded by the lock holder, when it could be read.
    public let lockHolderPID: Int32?
    /// For ``Kind/locked``: how long the operation waited for the lock.
    public let waited: Duration?

    /// Creates an error; most callers only read errors thrown by ``WorkspaceFile``.
    public init(
        kind: Kind, path: String, operation: Operation, relatedPath: String? = nil, systemErrorCode: Int32? = nil,
        lockHolderPID: Int32? = nil, waited: Duration? = nil
    ) {
        self.kind = kind
        self.path = path
        self.operation = operation
        self.relatedPath = relatedPath
        self.systemErrorCode = systemErrorCode
        self.lockHolderPID = lockHolderPID
        self.waited = waited
    }

    /// One line: what failed, where, and why.
    public var description: String {
        let reason = systemErrorCode.map(Self.reason(for:)) ?? "unknown error"
        let verb = operation == .read ? "cannot read" : "cannot save"
        let unchanged = operation == .save ? " (the file was not changed)" : ""
        let via = relatedPath.map { " (\($0))" } ?? ""
        switch kind {
        case .notFound:
            return "workspace file not found: \(path)\(via)"
        case .permissionDenied:
            return "\(verb) \(path): permission denied\(via)\(unchanged)"
        case .isDirectory:
            return "\(verb) \(path): \(relatedPath ?? "it") is a folder, not a file"
        case .notRegularFile:
            return "\(verb) \(path): it is not a regular file"
        case .notAFolder:
            return "\(verb) \(path): \(relatedPath ?? "a part of the path") is a file, not a folder"
        case .alreadyExists:
            return "\(verb) \(path): the file already exists and overwriting was not requested"
        case .locked:
            let holder = lockHolderPID.map { "another process (pid \($0))" } ?? "another process"
            let wait = waited.map { " after waiting \(Self.format($0))" } ?? ""
            return "\(verb) \(path): locked by \(holder); gave up\(wait)\(unchanged)"
        case .readFailed, .writeFailed:
            return "\(verb) \(path): \(reason)\(via)\(unchanged)"
        }
    }

    private static func reason(for code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }

    private static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(milliseconds) ms"
    }
}
