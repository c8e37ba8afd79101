/// Makes a plan's changes on an endpoint, one call at a time in plan order, stopping at the
/// first error.
///
/// Nothing is rolled back: IAM has no transactions. What was done stays done, and the report
/// says exactly which changes were made, which one failed (and how many of its calls had been
/// made), and which were not tried. Running the plan again from a fresh read of the endpoint
/// finishes the job, since a change already made no longer shows in the new plan.
public struct PlanApplier: Sendable {
    public var iam: QueryClient

    /// Creates an applier.
    public init(iam: QueryClient) { self.iam = iam }

    /// Applies `plan`, calling `progress` after each change that completes.
    public func apply(_ plan: RemotePlan, progress: (PlannedChange) -> Void = { _ in }) -> ApplyReport {
        var report = ApplyReport()
        for (index, change) in plan.changes.enumerated() {
            for (callIndex, call) in change.calls.enumerated() {
                do {
                    _ = try iam.call(call.action, call.parameters)
                } catch {
                    report.failure = ApplyFailure(change: change, callsMade: callIndex, error: error)
                    report.notApplied = Array(plan.changes[(index + 1)...])
                    return report
                }
            }
            report.applied.append(change)
            progress(change)
        }
        return report
    }
}

/// The change that failed, how far it got, and the endpoint's error.
public struct ApplyFailure: Sendable, Equatable {
    public var change: PlannedChange
    /// How many of the change's calls were made before the one that failed.
    public var callsMade: Int
    public var error: RemoteError
}

/// What an apply did.
public struct ApplyReport: Sendable, Equatable {
    /// The changes made, in order.
    public var applied: [PlannedChange] = []
    /// The change that failed, if one did.
    public var failure: ApplyFailure?
    /// The changes after the failed one, not tried.
    public var notApplied: [PlannedChange] = []

    /// Whether every change was made.
    public var succeeded: Bool { failure == nil }
}
