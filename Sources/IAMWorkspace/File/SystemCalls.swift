import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `errno` value from a failed system call, before it is given its workspace context.
struct SystemError: Error {
    let code: Int32

    static var current: SystemError { SystemError(code: errno) }
}

/// Thin wrappers over the POSIX calls the workspace needs, retrying on `EINTR` and reporting `errno`.
enum SystemCalls {
    static func status(of path: String) throws(SystemError) -> stat {
        var result = stat()
        guard stat(path, &result) == 0 else { throw .current }
        return result
    }

    static func status(of descriptor: Int32) throws(SystemError) -> stat {
        var result = stat()
        guard fstat(descriptor, &result) == 0 else { throw .current }
        return result
    }

    static func isDirectory(_ status: stat) -> Bool {
        status.st_mode & S_IFMT == S_IFDIR
    }

    static func isRegularFile(_ status: stat) -> Bool {
        status.st_mode & S_IFMT == S_IFREG
    }

    static func openFile(_ path: String, _ flags: Int32, mode: mode_t = 0) throws(SystemError) -> Int32 {
        while true {
            let descriptor = flags & O_CREAT != 0 ? open(path, flags, mode) : open(path, flags)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw .current }
        }
    }

    /// Reads to the end of the file into one buffer of the expected size, handed to `Data` without a copy.
    static func readAll(_ descriptor: Int32, expectedSize: Int) throws(SystemError) -> Data {
        // One spare byte lets the final read see end-of-file without growing the buffer.
        var capacity = max(expectedSize + 1, 4096)
        guard var buffer = malloc(capacity) else { throw SystemError(code: ENOMEM) }
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    throw SystemError(code: ENOMEM)
                }
                buffer = grown
            }
            let got = read(descriptor, buffer + count, capacity - count)
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                let failure = SystemError.current
                free(buffer)
                throw failure
            }
        }
        if count == 0 {
            free(buffer)
            return Data()
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    static func writeAll(_ descriptor: Int32, _ data: Data) throws(SystemError) {
        let failure: SystemError? = data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, base + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    // A zero-byte write without an error code would loop forever; call it an I/O error.
                    return written < 0 ? .current : SystemError(code: EIO)
                }
            }
            return nil
        }
        if let failure { throw failure }
    }

    static func sync(_ descriptor: Int32) throws(SystemError) {
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw .current }
        }
    }

    /// Makes a rename or link in `folder` durable.
    static func syncFolder(_ folder: String) throws(SystemError) {
        let descriptor = try openFile(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { closeFile(descriptor) }
        do {
            try sync(descriptor)
        } catch let failure where failure.code == EINVAL {
            // Some file systems cannot sync a folder; the rename is as durable as they allow.
        }
    }

    static func closeFile(_ descriptor: Int32) {
        _ = close(descriptor)
    }

    static func moveItem(_ source: String, _ target: String) throws(SystemError) {
        guard rename(source, target) == 0 else { throw .current }
    }

    static func hardLink(_ source: String, _ target: String) throws(SystemError) {
        guard link(source, target) == 0 else { throw .current }
    }

    static func unlinkIfPresent(_ path: String) {
        _ = unlink(path)
    }

    static func makeFolder(_ path: String, mode: mode_t) throws(SystemError) {
        guard mkdir(path, mode) == 0 else { throw .current }
    }

    static func nowNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
