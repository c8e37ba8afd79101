import IAMCore

extension Workspace {
    /// The audit trail beside this workspace file.
    public var auditTrail: AuditTrailFile { AuditTrailFile(workspacePath: file.path) }

    /// Runs `change` on an `IAMService` over the newest account, saves what it changed, and appends
    /// the audit record of every request it made to the trail, refused ones included.
    ///
    /// ```swift
    /// let user = try workspace.perform(caller: .console) { service in
    ///     try service.createUser(CreateUserRequest(userName: "erin"), as: principal)
    /// }
    /// ```
    @discardableResult
    public func perform<Result>(
        caller: AuditCaller, clock: any IAMClock = SystemClock(), random: any RandomSource = SystemRandomSource(),
        _ change: (inout IAMService) throws -> Result
    ) throws -> Result {
        let recorder = AuditRecorder(caller: caller)
        return try update(recording: recorder) { account in
            var service = IAMService(account: account, clock: clock, random: random)
            service.auditRecorder = recorder
            let result = try change(&service)
            return (service.account, result)
        }
    }

    /// Appends records of requests that changed nothing to save (reads, and requests made on a
    /// service outside ``perform(caller:clock:random:_:)``), under the workspace lock.
    public func appendAudit(_ records: [CloudTrailRecord]) throws {
        guard !records.isEmpty else { return }
        let trail = auditTrail
        try file.locked { _ in try trail.appendHoldingLock(records) }
    }
}
