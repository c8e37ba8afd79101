import IAMCore

/// The Dashboard: resource counts and the security checklist at a glance.
struct DashboardSummary: Sendable, Equatable {
    /// One labelled number.
    struct Count: Sendable, Equatable {
        var label: String
        var value: Int
    }

    var accountName: String
    var rootEmail: String
    var counts: [Count]
    /// The security checklist (IAM's guidelines as checks), in order.
    var checklist: [ChecklistItem]
    /// The share of checks passed, 0–100.
    var score: Int

    /// Computes the summary as of `now`.
    init(_ account: Account, now: Timestamp) {
        accountName = account.name
        rootEmail = account.root.email
        let keys = account.users.values.reduce(0) { $0 + $1.accessKeys.count }
        counts = [
            Count(label: "Users", value: account.users.count),
            Count(label: "User groups", value: account.groups.count),
            Count(label: "Roles", value: account.roles.count),
            Count(label: "Customer managed policies", value: account.policies.count),
            Count(label: "Identity providers", value: 0),
            Count(label: "MFA devices", value: account.mfaDevices.count),
            Count(label: "Access keys", value: keys),
            Count(label: "Instance profiles", value: account.instanceProfiles.count),
        ]
        checklist = SecurityChecklist.evaluate(account, at: now)
        score = SecurityChecklist.score(checklist)
    }
}
