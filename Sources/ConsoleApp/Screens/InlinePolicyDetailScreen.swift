import IAMCore

/// An inline policy's page: where it is embedded and its document (the IAM console shows an
/// inline policy's JSON on the identity's Permissions tab; here it gets a page of its own so
/// Enter, `e` and `d` work on it like on a managed policy).
enum InlinePolicyDetailScreen {
    /// The inline policies of `owner`, or nil when the identity no longer exists.
    static func policies(of owner: EntityRef, in account: Account) -> [InlinePolicy]? {
        switch owner {
        case .user(let name): return account.user(named: name)?.inlinePolicies
        case .group(let name): return account.group(named: name)?.inlinePolicies
        case .role(let name): return account.role(named: name)?.inlinePolicies
        }
    }

    /// The ARN of the identity the policy is embedded in (inline policies have none of their own).
    static func ownerARN(_ owner: EntityRef, in account: Account) -> String? {
        switch owner {
        case .user(let name): return account.user(named: name).map { account.arn(of: $0) }
        case .group(let name): return account.group(named: name).map { account.arn(of: $0) }
        case .role(let name): return account.role(named: name).map { account.arn(of: $0) }
        }
    }

    /// The page for `owner`'s inline policy `name`, or nil when either is gone.
    static func detail(_ owner: EntityRef, name: String, in account: Account) -> EntityDetail? {
        guard let policy = policies(of: owner, in: account)?.first(where: { $0.name == name }),
            let arn = ownerARN(owner, in: account)
        else { return nil }
        return EntityDetail(
            kind: "Inline policy", name: policy.name, arn: arn,
            summary: [
                ("Embedded in", owner.label), ("Owner ARN", arn), ("Type", "Customer inline"),
                ("Size", "\(policy.document.utf8.count) bytes"),
            ],
            tabs: [
                DetailTab(
                    title: "Permissions",
                    lines: [DetailLine("Policy document (e edits it, d deletes the policy)", kind: .heading)]
                        + DetailLines.document(policy.document))
            ])
    }
}
