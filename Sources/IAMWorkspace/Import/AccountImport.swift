import IAMCore

/// Applies imported authorization details to an account.
///
/// The file is the truth for the entities it lists: a user, group, role, customer managed policy or
/// instance profile in the file replaces the workspace's entity of the same name (names compare
/// case-insensitively, as in IAM). Entities the file does not list are kept, since a `--filter`ed
/// file says nothing about the kinds it leaves out. What the file cannot say is kept from the
/// replaced entity when it is the same entity (same unique id): a user's credentials, a role's
/// description and session duration, a policy's tags. References the result cannot resolve
/// (a group, a customer managed policy, or an AWS managed policy outside the built-in catalog)
/// are skipped and reported.
public enum AccountImport {
    /// AWS's quota of users per account; larger imports work and are noted.
    static let userQuota = 5_000

    /// Merges `details` into `account`, recording counts and skipped items in `summary`. The analyzers'
    /// findings are brought up to date at `now`: imported trust policies are analyzed like edited ones.
    public static func merge(
        _ details: AuthorizationDetails, into account: Account, file: String, at now: Timestamp,
        summary: inout ImportSummary
    ) throws(ImportError) -> Account {
        var merged = try mergeWithoutAnalysis(details, into: account, file: file, summary: &summary)
        merged.reanalyzeAll(at: now)
        return merged
    }

    /// As ``merge(_:into:file:at:summary:)``, leaving the findings to the caller, which changes the account
    /// further before they are brought up to date.
    public static func mergeWithoutAnalysis(
        _ details: AuthorizationDetails, into account: Account, file: String, summary: inout ImportSummary
    ) throws(ImportError) -> Account {
        var account = account
        if let id = details.accountId, id != account.id {
            throw ImportError(
                file: file, location: nil,
                message: "the file describes account \(id), but the workspace holds account \(account.id)")
        }
        for policy in details.policies { account.importPolicy(policy, placeholderId: details, summary: &summary) }
        for group in details.groups {
            let key = Account.key(group.name)
            summary.count("groups", created: account.groups[key] == nil)
            account.groups[key] = group
        }
        for role in details.roles { account.importRole(role, summary: &summary) }
        for profile in details.instanceProfiles {
            let key = Account.key(profile.name)
            summary.count("instance profiles", created: account.instanceProfiles[key] == nil)
            account.instanceProfiles[key] = profile
        }
        for user in details.users { account.importUser(user, summary: &summary) }
        for arn in details.awsManagedPolicies where AWSManagedPolicyCatalog.policy(arn: arn) == nil {
            summary.skipped.append(
                "AWS managed policy \(arn): not in the built-in catalog, so its document is unknown; "
                    + "attachments of it are skipped")
        }
        account.resolveReferences(details, summary: &summary)
        if account.users.count > userQuota {
            summary.notes.append(
                "the workspace holds \(account.users.count) users, more than AWS's quota of \(userQuota) per account")
        }
        if !details.policiesWithoutId.isEmpty {
            summary.notes.append(
                "\(details.policiesWithoutId.count) customer managed policies had no PolicyId in the file; "
                    + "they keep their workspace id, or get an ANPA id derived from their ARN")
        }
        summary.notes += details.notes
        return account
    }
}

extension Account {
    fileprivate mutating func importPolicy(
        _ policy: ManagedPolicy, placeholderId details: AuthorizationDetails, summary: inout ImportSummary
    ) {
        let key = Account.key(policy.name)
        var policy = policy
        if let existing = policies[key] {
            if details.policiesWithoutId.contains(key) { policy.id = existing.id }
            if existing.id == policy.id { policy.tags = existing.tags }
        }
        summary.count("policies", created: policies[key] == nil)
        policies[key] = policy
    }

    fileprivate mutating func importRole(_ role: Role, summary: inout ImportSummary) {
        let key = Account.key(role.name)
        var role = role
        if let existing = roles[key], existing.id == role.id {
            role.description = existing.description
            role.maxSessionDuration = existing.maxSessionDuration
        }
        summary.count("roles", created: roles[key] == nil)
        roles[key] = role
    }

    fileprivate mutating func importUser(_ user: User, summary: inout ImportSummary) {
        let key = Account.key(user.name)
        var user = user
        if let existing = users[key] {
            if existing.id == user.id {
                user.loginProfile = existing.loginProfile
                user.accessKeys = existing.accessKeys
                user.mfaDevices = existing.mfaDevices
                user.passwordLastUsed = existing.passwordLastUsed
                user.signingCertificates = existing.signingCertificates
                user.sshPublicKeys = existing.sshPublicKeys
                user.serviceSpecificCredentials = existing.serviceSpecificCredentials
            } else {
                // A different identity under the same name (deleted and re-created in AWS): the old
                // user's MFA devices go with it.
                for serial in existing.mfaDevices { mfaDevices[serial] = nil }
            }
        }
        summary.count("users", created: users[key] == nil)
        users[key] = user
    }

    private func knowsManagedPolicy(_ arn: String) -> Bool {
        customerPolicy(arn: arn) != nil || AWSManagedPolicyCatalog.policy(arn: arn) != nil
    }

    private func kept(
        _ arns: [String], owner: String, known: inout [String: Bool], summary: inout ImportSummary
    ) -> [String] {
        arns.filter { arn in
            if knows(arn, &known) { return true }
            summary.skipped.append(
                "\(owner): attachment of \(arn) skipped: the policy is neither in the file nor in the workspace")
            return false
        }
    }

    /// ``knowsManagedPolicy(_:)`` remembered per ARN: thousands of entities attach the same few policies.
    private func knows(_ arn: String, _ known: inout [String: Bool]) -> Bool {
        if let answer = known[arn] { return answer }
        let answer = knowsManagedPolicy(arn)
        known[arn] = answer
        return answer
    }

    private func keptBoundary(
        _ arn: String?, owner: String, known: inout [String: Bool], summary: inout ImportSummary
    ) -> String? {
        guard let arn, !knows(arn, &known) else { return arn }
        summary.skipped.append(
            "\(owner): permissions boundary \(arn) skipped: the policy is neither in the file nor in the workspace")
        return nil
    }

    /// Drops the imported entities' references that do not resolve, reporting each one.
    fileprivate mutating func resolveReferences(_ details: AuthorizationDetails, summary: inout ImportSummary) {
        var known: [String: Bool] = [:]
        for imported in details.users {
            let key = Account.key(imported.name)
            guard var user = users[key] else { continue }
            let owner = "user \(user.name)"
            user.groups = user.groups.filter { name in
                if groups[Account.key(name)] != nil { return true }
                summary.skipped.append(
                    "\(owner): membership of group \(name) skipped: the group is neither in the file nor in the workspace"
                )
                return false
            }
            user.attachedPolicies = kept(user.attachedPolicies, owner: owner, known: &known, summary: &summary)
            user.permissionsBoundary = keptBoundary(
                user.permissionsBoundary, owner: owner, known: &known, summary: &summary)
            users[key] = user
        }
        for imported in details.groups {
            let key = Account.key(imported.name)
            guard var group = groups[key] else { continue }
            group.attachedPolicies = kept(
                group.attachedPolicies, owner: "group \(group.name)", known: &known, summary: &summary)
            groups[key] = group
        }
        for imported in details.roles {
            let key = Account.key(imported.name)
            guard var role = roles[key] else { continue }
            role.attachedPolicies = kept(
                role.attachedPolicies, owner: "role \(role.name)", known: &known, summary: &summary)
            role.permissionsBoundary = keptBoundary(
                role.permissionsBoundary, owner: "role \(role.name)", known: &known, summary: &summary)
            roles[key] = role
        }
    }
}
