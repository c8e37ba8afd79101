import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The identity of one version of the workspace file: what `stat` says about it, plus a fingerprint of the bytes
/// when the stamp was taken from a read or a save.
///
/// Every save renames a freshly written file into place, so a save by any process changes ``inode``; ``size`` and
/// the times catch editors that rewrite the file in place. Compare stamps with ``WorkspaceFile/changed(since:)``,
/// which also covers a rewrite within one timestamp tick.
public struct FileStamp: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The device holding the file.
    public let device: UInt64
    /// The inode number; a new one for every atomic save.
    public let inode: UInt64
    /// The size in bytes.
    public let size: Int64
    /// The last modification time, in nanoseconds since 1970.
    public let modificationTime: Int64
    /// The last status-change time, in nanoseconds since 1970.
    public let changeTime: Int64
    /// ``ContentHash`` of the bytes, when the stamp came from reading or saving them; `nil` for a stat-only stamp.
    public let contentHash: UInt64?

    /// Creates a stamp from its parts (mostly for tests and for restoring a stamp that was stored).
    public init(
        device: UInt64, inode: UInt64, size: Int64, modificationTime: Int64, changeTime: Int64, contentHash: UInt64?
    ) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationTime = modificationTime
        self.changeTime = changeTime
        self.contentHash = contentHash
    }

    init(_ status: stat, contentHash: UInt64?) {
        #if canImport(Darwin)
        let modified = status.st_mtimespec
        let changed = status.st_ctimespec
        #else
        let modified = status.st_mtim
        let changed = status.st_ctim
        #endif
        self.init(
            device: UInt64(truncatingIfNeeded: status.st_dev),
            inode: UInt64(truncatingIfNeeded: status.st_ino),
            size: Int64(status.st_size),
            modificationTime: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            changeTime: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
            contentHash: contentHash
        )
    }

    /// Whether `other` describes the same file version as far as `stat` can tell (the content hash is ignored).
    public func hasSameStatus(as other: FileStamp) -> Bool {
        device == other.device && inode == other.inode && size == other.size
            && modificationTime == other.modificationTime && changeTime == other.changeTime
    }

    /// A short summary for logs: inode, size and modification time.
    public var description: String {
        let hash = contentHash.map { " hash " + String($0, radix: 16) } ?? ""
        return "inode \(inode), \(size) bytes, modified \(modificationTime) ns\(hash)"
    }
}
