import Foundation
import IAMCore
import IAMPolicy

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit trail beside a workspace file: `NAME.audit.jsonl`, one CloudTrail record per line.
///
/// Append-only: records are added as whole lines by one `write` on a descriptor opened with
/// `O_APPEND`, under the workspace's lock, then flushed to the disk, so a console and a CLI on the
/// same workspace never interleave or lose each other's lines. When the file would grow past
/// ``maximumBytes`` it is rotated first: `NAME.audit.jsonl` becomes `NAME.audit.1.jsonl`, the older
/// ones move up a number, and the oldest beyond ``keptFiles`` is deleted. Files are private to the
/// owner (mode 0600). Records never hold a secret (see `AuditRedaction`).
public struct AuditTrailFile: Sendable {
    /// The current trail file.
    public let path: String
    /// The size past which the trail is rotated before the next append.
    public var maximumBytes: Int
    /// How many rotated files are kept besides the current one.
    public var keptFiles: Int

    /// The trail of the workspace at `workspacePath` (beside the file a symbolic link points to).
    public init(workspacePath: String, maximumBytes: Int = 10 * 1024 * 1024, keptFiles: Int = 5) {
        self.init(paths: WorkspacePaths(file: workspacePath).resolvingSymbolicLink())
        self.maximumBytes = maximumBytes
        self.keptFiles = keptFiles
    }

    init(paths: WorkspacePaths) {
        path = paths.file + ".audit.jsonl"
        maximumBytes = 10 * 1024 * 1024
        keptFiles = 5
    }

    /// `NAME.audit.N.jsonl`: the Nth most recent rotated file (1 is the newest).
    public func rotatedPath(_ number: Int) -> String {
        String(path.dropLast(".jsonl".count)) + ".\(number).jsonl"
    }

    /// The trail's files that exist, oldest first (the current file last).
    public func existingPaths() -> [String] {
        let candidates = (1...max(keptFiles, 1)).reversed().map(rotatedPath) + [path]
        return candidates.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// One line of JSON per record, each ending in a newline.
    static func lines(_ records: [CloudTrailRecord]) -> Data {
        Data(records.map { JSONWriter.compact($0.json) + "\n" }.joined().utf8)
    }

    /// Appends `records`. Call only while holding the workspace lock.
    func appendHoldingLock(_ records: [CloudTrailRecord]) throws(WorkspaceFileError) {
        guard !records.isEmpty else { return }
        let data = Self.lines(records)
        if let status = try? SystemCalls.status(of: path), status.st_size > 0,
            Int(status.st_size) + data.count > maximumBytes
        {
            try rotate()
        }
        let descriptor: Int32
        do {
            descriptor = try SystemCalls.openFile(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode: 0o600)
        } catch {
            throw WorkspaceFileError(saving: path, error)
        }
        do throws(SystemError) {
            if fchmod(descriptor, 0o600) != 0 { throw SystemError.current }
            try SystemCalls.writeAll(descriptor, data)
            try SystemCalls.sync(descriptor)
        } catch {
            SystemCalls.closeFile(descriptor)
            throw WorkspaceFileError(saving: path, error)
        }
        SystemCalls.closeFile(descriptor)
    }

    /// Shifts every file up one number, dropping the oldest. Call only while holding the lock.
    private func rotate() throws(WorkspaceFileError) {
        let kept = max(keptFiles, 1)
        SystemCalls.unlinkIfPresent(rotatedPath(kept))
        for number in stride(from: kept - 1, through: 1, by: -1) {
            let source = rotatedPath(number)
            guard FileManager.default.fileExists(atPath: source) else { continue }
            do {
                try SystemCalls.moveItem(source, rotatedPath(number + 1))
            } catch {
                throw WorkspaceFileError(saving: path, error, relatedPath: source)
            }
        }
        do {
            try SystemCalls.moveItem(path, rotatedPath(1))
        } catch {
            throw WorkspaceFileError(saving: path, error, relatedPath: rotatedPath(1))
        }
        try? SystemCalls.syncFolder(WorkspacePaths(file: path).folder)
    }

    /// Everything in the trail, oldest first, and the lines that could not be read.
    public func read() throws(WorkspaceFileError) -> AuditTrailContents {
        var contents = AuditTrailContents()
        for file in existingPaths() {
            let data: Data
            do {
                let descriptor = try SystemCalls.openFile(file, O_RDONLY | O_CLOEXEC)
                defer { SystemCalls.closeFile(descriptor) }
                let status = try SystemCalls.status(of: descriptor)
                data = try SystemCalls.readAll(descriptor, expectedSize: Int(status.st_size))
            } catch let failure where failure.code == ENOENT {
                continue  // rotated away between listing and opening
            } catch {
                throw WorkspaceFileError(reading: file, error)
            }
            contents.bytes += data.count
            for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .enumerated() where !line.isEmpty
            {
                do {
                    let value = try JSONParser.parse(String(decoding: line, as: UTF8.self))
                    contents.records.append(try CloudTrailRecord(json: value))
                } catch {
                    contents.problems.append("\(file):\(index + 1): \(error)")
                }
            }
        }
        return contents
    }
}

/// What a trail holds.
public struct AuditTrailContents: Sendable, Equatable {
    /// The records, oldest first.
    public var records: [CloudTrailRecord] = []
    /// `FILE:LINE: problem` for each line that is not a record (e.g. cut short by a full disk).
    public var problems: [String] = []
    /// The size of the trail's files together.
    public var bytes = 0
}
