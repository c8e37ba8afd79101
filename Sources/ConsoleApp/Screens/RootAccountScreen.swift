import IAMCore

/// The Root account page: the account and the root user's sign-in facts, and its Security
/// credentials (MFA devices and access keys) with the same keys as a user's tab. Only root can
/// change them, as in AWS.
enum RootAccountScreen {
    static func detail(in account: Account, now: Timestamp) -> EntityDetail {
        EntityDetail(
            kind: "Root user", name: account.root.email, arn: account.rootARN,
            summary: [
                ("Account ID", account.id), ("Account alias", account.alias ?? "-"), ("Account name", account.name),
                ("Email", account.root.email),
                ("Password last used", account.root.passwordLastUsed.map(DisplayFormat.dateTime) ?? "Never"),
                (
                    "Password changed",
                    account.root.passwordLastChanged.map { DisplayFormat.age(from: $0, to: now) + " ago" } ?? "-"
                ),
            ],
            tabs: [
                DetailTab(
                    title: "Security credentials", lines: CredentialLines.lines(for: .root, in: account, now: now))
            ])
    }
}
