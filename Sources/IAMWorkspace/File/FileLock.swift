import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock on the workspace's sidecar lock file, held until this value is destroyed.
///
/// `flock` rather than `fcntl` locks: `flock` locks belong to the open file description, so two `WorkspaceFile`
/// values in one process exclude each other too, and closing an unrelated descriptor never drops the lock.
/// The lock file is opened close-on-exec so that child processes never inherit it.
struct FileLock: ~Copyable {
    private let descriptor: Int32

    /// Waits up to `timeout` for the lock on `paths.lock`, then records this process id in it.
    init(_ paths: WorkspacePaths, timeout: Duration) throws(WorkspaceFileError) {
        let lockPath = paths.lock
        let descriptor: Int32
        do {
            descriptor = try SystemCalls.openFile(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, mode: 0o600)
        } catch {
            throw WorkspaceFileError(saving: paths.file, error, relatedPath: lockPath)
        }
        let clock = ContinuousClock()
        let start = clock.now
        var pause = Duration.milliseconds(1)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                SystemCalls.closeFile(descriptor)
                throw WorkspaceFileError(saving: paths.file, SystemError(code: code), relatedPath: lockPath)
            }
            let waited = clock.now - start
            if waited >= timeout {
                let holder = Self.recordedHolder(descriptor)
                SystemCalls.closeFile(descriptor)
                throw WorkspaceFileError(
                    kind: .locked, path: paths.file, operation: .save, relatedPath: lockPath, lockHolderPID: holder,
                    waited: timeout)
            }
            Self.sleep(min(pause, timeout - waited))
            pause = min(pause * 2, .milliseconds(25))
        }
        self.descriptor = descriptor
        Self.recordHolder(descriptor)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        SystemCalls.closeFile(descriptor)
    }

    /// Releases the lock; calling it at the end of a transaction also keeps the lock alive until that point.
    consuming func release() {
        flock(descriptor, LOCK_UN)
        SystemCalls.closeFile(descriptor)
        discard self
    }

    /// Best effort: the pid only makes the timeout message useful, so a failed write is not an error.
    private static func recordHolder(_ descriptor: Int32) {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    private static func recordedHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR {
            request = remaining
        }
    }
}
