import IAMPolicy

/// Something a checklist item points at, so a reader can go and fix it.
public enum ChecklistEntity: Sendable, Hashable {
    case root
    case user(String)
    case group(String)
    case role(String)
    case passwordPolicy

    /// `root`, `user alice`, `password policy`.
    public var label: String {
        switch self {
        case .root: return "root"
        case .user(let name): return name
        case .group(let name): return "group \(name)"
        case .role(let name): return "role \(name)"
        case .passwordPolicy: return "password policy"
        }
    }
}

/// One check of the security checklist: whether the account passes, why, and what fails.
public struct ChecklistItem: Sendable, Equatable {
    /// A stable name for scripts (`root-mfa`).
    public var id: String
    /// The guideline, as a sentence.
    public var title: String
    public var passed: Bool
    /// What was found: the reason it passes, or what to do.
    public var detail: String
    /// The entities that fail it, in a stable order.
    public var failing: [ChecklistEntity]
}

/// The overview's "IAM Guidelines & Best Practices" as checks over the account.
public enum SecurityChecklist {
    /// Keys and unused credentials are flagged after this many days.
    public static let staleDays: Int64 = 90
    /// The root user counts as used for daily work when it signed in within this many days.
    public static let rootQuietDays: Int64 = 30
    /// A strong policy: at least this long, every character type, some reuse prevention.
    public static let strongMinimumLength = 12

    /// Every check, in the order the Dashboard lists them.
    public static func evaluate(_ account: Account, at now: Timestamp) -> [ChecklistItem] {
        let users = Account.inNameOrder(account.users)
        let days = { (from: Timestamp) -> Int64 in (now.seconds - from.seconds) / 86_400 }
        var items: [ChecklistItem] = []

        let rootMFA = !account.root.mfaDevices.isEmpty
        items.append(
            ChecklistItem(
                id: "root-mfa", title: "The root user has MFA", passed: rootMFA,
                detail: rootMFA ? "An MFA device protects the root user." : "Assign an MFA device to the root user.",
                failing: rootMFA ? [] : [.root]))

        let rootKeys = account.root.accessKeys.filter { $0.status == .active }.count
        items.append(
            ChecklistItem(
                id: "root-access-keys", title: "The root user has no active access keys", passed: rootKeys == 0,
                detail: rootKeys == 0
                    ? "No programmatic access as root."
                    : "Delete the root user's \(rootKeys) active access key\(rootKeys == 1 ? "" : "s"); use IAM users or roles.",
                failing: rootKeys == 0 ? [] : [.root]))

        let rootRecent = account.root.passwordLastUsed.map { days($0) < rootQuietDays } ?? false
        items.append(
            ChecklistItem(
                id: "root-unused", title: "The root user is not used for daily work", passed: !rootRecent,
                detail: rootRecent
                    ? "The root user signed in within the last \(rootQuietDays) days: use IAM users for daily work."
                    : "No root sign-in in the last \(rootQuietDays) days.",
                failing: rootRecent ? [.root] : []))

        let policy = account.passwordPolicy
        let strong =
            policy.map {
                $0.minimumPasswordLength >= strongMinimumLength && $0.requireSymbols && $0.requireNumbers
                    && $0.requireUppercaseCharacters && $0.requireLowercaseCharacters
                    && $0.passwordReusePrevention > 0
            } ?? false
        items.append(
            ChecklistItem(
                id: "password-policy", title: "A strong password policy", passed: strong,
                detail: strong
                    ? "At least \(strongMinimumLength) characters, every character type, reuse prevented."
                    : "Set a policy of at least \(strongMinimumLength) characters with every character type and "
                        + "reuse prevention.", failing: strong ? [] : [.passwordPolicy]))

        let noMFA = users.filter { $0.loginProfile != nil && $0.mfaDevices.isEmpty }.map {
            ChecklistEntity.user($0.name)
        }
        items.append(
            ChecklistItem(
                id: "user-mfa", title: "Every user with a console password has MFA", passed: noMFA.isEmpty,
                detail: noMFA.isEmpty
                    ? "All console users use MFA."
                    : "\(noMFA.count) console user\(noMFA.count == 1 ? " has" : "s have") no MFA.",
                failing: noMFA))

        let direct = users.filter { !$0.attachedPolicies.isEmpty || !$0.inlinePolicies.isEmpty }
            .map { ChecklistEntity.user($0.name) }
        items.append(
            ChecklistItem(
                id: "permissions-through-groups", title: "Users get their permissions through groups",
                passed: direct.isEmpty,
                detail: direct.isEmpty
                    ? "No user has policies of its own."
                    : "\(direct.count) user\(direct.count == 1 ? " has" : "s have") policies attached or inline: move them to groups.",
                failing: direct))

        var inlineAdmins: [ChecklistEntity] = []
        for user in users where user.inlinePolicies.contains(where: { grantsEverything($0.document) }) {
            inlineAdmins.append(.user(user.name))
        }
        for group in Account.inNameOrder(account.groups)
        where group.inlinePolicies.contains(where: { grantsEverything($0.document) }) {
            inlineAdmins.append(.group(group.name))
        }
        for role in Account.inNameOrder(account.roles)
        where role.inlinePolicies.contains(where: { grantsEverything($0.document) }) {
            inlineAdmins.append(.role(role.name))
        }
        items.append(
            ChecklistItem(
                id: "no-inline-admin", title: "No inline policy grants full access", passed: inlineAdmins.isEmpty,
                detail: inlineAdmins.isEmpty
                    ? "Full access, where needed, comes from managed policies."
                    : "Inline policies allow every action on every resource: use AdministratorAccess on a group.",
                failing: inlineAdmins))

        var oldKeys: [ChecklistEntity] = []
        if account.root.accessKeys.contains(where: { $0.status == .active && days($0.createDate) > staleDays }) {
            oldKeys.append(.root)
        }
        oldKeys += users.filter { user in
            user.accessKeys.contains { $0.status == .active && days($0.createDate) > staleDays }
        }.map { .user($0.name) }
        items.append(
            ChecklistItem(
                id: "key-rotation", title: "Access keys are rotated within \(staleDays) days", passed: oldKeys.isEmpty,
                detail: oldKeys.isEmpty
                    ? "Every active key is younger than \(staleDays) days."
                    : "Rotate: create a new key, move applications to it, deactivate and delete the old one.",
                failing: oldKeys))

        let unused = users.filter { user in
            let passwordIdle =
                user.loginProfile.map { profile in
                    days(user.passwordLastUsed ?? profile.createDate) > staleDays
                } ?? false
            let keyIdle = user.accessKeys.contains { key in
                key.status == .active && days(key.lastUsed?.date ?? key.createDate) > staleDays
            }
            return passwordIdle || keyIdle
        }.map { ChecklistEntity.user($0.name) }
        items.append(
            ChecklistItem(
                id: "unused-credentials", title: "No credentials unused for \(staleDays) days", passed: unused.isEmpty,
                detail: unused.isEmpty
                    ? "Every password and active key was used recently."
                    : "Remove or deactivate passwords and keys nobody uses.", failing: unused))

        let programmatic = users.filter { user in
            user.loginProfile == nil && user.accessKeys.contains { $0.status == .active }
        }.map { ChecklistEntity.user($0.name) }
        items.append(
            ChecklistItem(
                id: "roles-for-services", title: "Applications and AWS services use roles",
                passed: programmatic.isEmpty,
                detail: programmatic.isEmpty
                    ? "No user exists only to hold access keys."
                    : "These users only hold access keys: give the application a role instead.",
                failing: programmatic))
        return items
    }

    /// The share of checks passed, 0–100.
    public static func score(_ items: [ChecklistItem]) -> Int {
        items.isEmpty ? 100 : items.filter(\.passed).count * 100 / items.count
    }

    /// Whether a policy document has an Allow statement for every action (`*`) on every resource.
    static func grantsEverything(_ document: String) -> Bool {
        guard let policy = try? ParsedPolicy(name: "check", text: document) else { return false }
        return policy.statements.contains { statement in
            guard statement.effect == .allow, case .listed(let actions) = statement.actions,
                case .listed(let resources) = statement.resources
            else { return false }
            return actions.contains { $0 == "*" || $0 == "*:*" } && resources.contains("*")
        }
    }
}
