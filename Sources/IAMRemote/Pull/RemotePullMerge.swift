import IAMCore
import IAMWorkspace

/// Makes a workspace's account hold what an endpoint holds, keeping what only the workspace knows.
///
/// The entities merge through ``AccountImport`` (the importer's rules: the endpoint's entity
/// replaces the workspace's of the same name, references the result cannot resolve are skipped
/// and reported). Then, unlike a file import, what the endpoint no longer has is removed, since a
/// pull reads everything. Credentials are the endpoint's, with what it cannot tell kept from the
/// workspace: a login profile's password hash and an access key's secret hash stay when the
/// user (same id) and key (same id) are the same; otherwise they are hashes that never verify.
public enum RemotePullMerge {
    /// The account after pulling `snapshot` into `account`, with the summary of what changed.
    /// The analyzers' findings are brought up to date at `now`, after what the endpoint no longer has is
    /// removed: pulled trust policies are analyzed like edited ones.
    public static func merge(
        _ snapshot: RemoteSnapshot, into account: Account, source: String, at now: Timestamp
    ) throws(ImportError) -> (Account, ImportSummary) {
        var summary = ImportSummary()
        var merged = try AccountImport.mergeWithoutAnalysis(
            snapshot.details, into: account, file: source, summary: &summary)
        let remote = snapshot.account
        removeAbsent(from: &merged, remote: remote, summary: &summary)
        for (key, remoteUser) in remote.users {
            guard var user = merged.users[key] else { continue }
            let previous = account.users[key].flatMap { $0.id == remoteUser.id ? $0 : nil }
            user.loginProfile = remoteUser.loginProfile.map { profile in
                guard let kept = previous?.loginProfile else { return profile }
                var profile = profile
                profile.passwordHash = kept.passwordHash
                profile.previousPasswordHashes = kept.previousPasswordHashes
                profile.passwordLastChanged = kept.passwordLastChanged
                return profile
            }
            user.accessKeys = remoteUser.accessKeys.map { key in
                guard let kept = previous?.accessKeys.first(where: { $0.id == key.id }) else { return key }
                var key = key
                key.secretHash = kept.secretHash
                key.lastUsed = kept.lastUsed
                return key
            }
            for serial in user.mfaDevices where !remoteUser.mfaDevices.contains(serial) {
                merged.mfaDevices[serial] = nil
            }
            user.mfaDevices = remoteUser.mfaDevices
            for serial in remoteUser.mfaDevices where merged.mfaDevices[serial] == nil {
                merged.mfaDevices[serial] = remote.mfaDevices[serial]
            }
            merged.users[key] = user
        }
        for (key, role) in remote.roles {
            merged.roles[key]?.description = role.description
            merged.roles[key]?.maxSessionDuration = role.maxSessionDuration
        }
        for (key, policy) in remote.policies { merged.policies[key]?.tags = policy.tags }
        merged.instanceProfiles = remote.instanceProfiles.filter { _, profile in
            profile.roles.allSatisfy { merged.role(named: $0) != nil }
        }
        merged.alias = remote.alias
        merged.passwordPolicy = remote.passwordPolicy
        summary.notes += snapshot.notes.filter { !summary.notes.contains($0) }
        merged.reanalyzeAll(at: now)
        return (merged, summary)
    }

    /// Removes the users, groups, roles and customer managed policies the endpoint does not have.
    private static func removeAbsent(from account: inout Account, remote: Account, summary: inout ImportSummary) {
        var removed: [String: Int] = [:]
        for key in account.users.keys where remote.users[key] == nil {
            for serial in account.users[key]?.mfaDevices ?? [] { account.mfaDevices[serial] = nil }
            account.users[key] = nil
            removed["users", default: 0] += 1
        }
        for key in account.groups.keys where remote.groups[key] == nil {
            account.groups[key] = nil
            removed["groups", default: 0] += 1
        }
        for key in account.roles.keys where remote.roles[key] == nil {
            account.roles[key] = nil
            removed["roles", default: 0] += 1
        }
        for key in account.policies.keys where remote.policies[key] == nil {
            account.policies[key] = nil
            removed["policies", default: 0] += 1
        }
        let groups = Set(account.groups.keys)
        for key in account.users.keys {
            account.users[key]?.groups.removeAll { !groups.contains(Account.key($0)) }
        }
        for (kind, count) in removed.sorted(by: { $0.key < $1.key }) {
            summary.notes.append("removed \(count) \(kind) the endpoint does not have")
        }
    }
}
