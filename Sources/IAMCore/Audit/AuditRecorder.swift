import Foundation

/// Who is calling, as far as the audit trail tells: the program and the credentials it used.
public struct AuditCaller: Sendable, Equatable {
    /// The tool's version: the records' `userAgent` and `iamconsole --version` both say it.
    public static let toolVersion = "0.1.0"

    /// The record's `userAgent`.
    public var userAgent: String
    /// The access key that signed the requests, when the caller used one (the CLI with keys).
    public var accessKeyId: String?

    public init(userAgent: String, accessKeyId: String? = nil) {
        self.userAgent = userAgent
        self.accessKeyId = accessKeyId
    }

    /// The full-screen console.
    public static let console = AuditCaller(userAgent: "iamconsole-console/\(toolVersion)")

    /// The command line, signed with `accessKeyId` when given.
    public static func cli(accessKeyId: String? = nil) -> AuditCaller {
        AuditCaller(userAgent: "iamconsole-cli/\(toolVersion)", accessKeyId: accessKeyId)
    }
}

/// Collects the audit records of the requests an `IAMService` answers, until the caller takes
/// them to write them to the trail.
///
/// A reference, so that read-only requests (non-mutating methods) are recorded too, and a copy
/// of a service (a paginating loop) records into the same place. Only the outermost request is
/// recorded when an action calls another one on the way.
public final class AuditRecorder: @unchecked Sendable {
    /// Who the records name as the caller.
    public let caller: AuditCaller
    private let lock = NSLock()
    private var records: [CloudTrailRecord] = []
    private var depth = 0

    public init(caller: AuditCaller = .cli()) {
        self.caller = caller
    }

    /// The records not taken yet, oldest first.
    public var pending: [CloudTrailRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records
    }

    /// Returns the pending records and forgets them.
    public func take() -> [CloudTrailRecord] {
        lock.lock()
        defer { lock.unlock() }
        let taken = records
        records = []
        return taken
    }

    /// Adds a record.
    public func append(_ record: CloudTrailRecord) {
        lock.lock()
        records.append(record)
        lock.unlock()
    }

    /// Enters a request; true when it is the outermost one (the one to record).
    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        depth += 1
        return depth == 1
    }

    func leave() {
        lock.lock()
        depth -= 1
        lock.unlock()
    }
}
