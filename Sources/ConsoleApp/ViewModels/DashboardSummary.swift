import IAMCore

/// The Dashboard: resource counts and the security recommendations at a glance.
struct DashboardSummary: Sendable, Equatable {
    /// One labelled number.
    struct Count: Sendable, Equatable {
        var label: String
        var value: Int
    }

    /// One security recommendation and whether the account follows it.
    struct Recommendation: Sendable, Equatable {
        var isMet: Bool
        var text: String
    }

    /// Keys older than this many days are flagged for rotation.
    static let keyRotationDays = 90

    var accountName: String
    var rootEmail: String
    var counts: [Count]
    var recommendations: [Recommendation]

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
        var items: [Recommendation] = []
        let rootMFA = !account.root.mfaDevices.isEmpty
        items.append(
            Recommendation(
                isMet: rootMFA, text: rootMFA ? "Root user has MFA" : "Add MFA for the root user"))
        let rootKeys = account.root.accessKeys.count
        items.append(
            Recommendation(
                isMet: rootKeys == 0,
                text: rootKeys == 0
                    ? "Root user has no active access keys" : "Delete the root user's access keys (\(rootKeys))"))
        let withoutMFA = account.users.values.filter { $0.loginProfile != nil && $0.mfaDevices.isEmpty }
            .map(\.name).sorted { $0.lowercased() < $1.lowercased() }
        items.append(
            Recommendation(
                isMet: withoutMFA.isEmpty,
                text: withoutMFA.isEmpty
                    ? "Every user with a console password has MFA"
                    : "\(withoutMFA.count) users with console passwords have no MFA: "
                        + DisplayFormat.summary(withoutMFA, shown: 3)))
        var oldKeys: [String] = []
        for user in account.users.values {
            for key in user.accessKeys where key.status == .active {
                if DisplayFormat.days(from: key.createDate, to: now) > Self.keyRotationDays {
                    oldKeys.append(user.name)
                }
            }
        }
        items.append(
            Recommendation(
                isMet: oldKeys.isEmpty,
                text: oldKeys.isEmpty
                    ? "No active access keys older than \(Self.keyRotationDays) days"
                    : "\(oldKeys.count) active access keys older than \(Self.keyRotationDays) days: "
                        + DisplayFormat.summary(oldKeys, shown: 3)))
        recommendations = items
    }
}
