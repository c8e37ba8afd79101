import IAMCore

/// The user detail page: Permissions, Groups, Tags, Security credentials and Access Advisor,
/// as in the IAM console. Builds plain content from the account; `DetailScreen` draws it.
enum UserDetailScreen {
    static let tabTitles = ["Permissions", "Groups", "Tags", "Security credentials", "Access Advisor"]

    /// The page for `user` as of `now`.
    static func detail(_ user: User, in account: Account, now: Timestamp) -> EntityDetail {
        let row = UserRow(user, in: account, now: now)
        return EntityDetail(
            kind: "User", name: user.name, arn: row.arn,
            summary: [
                ("ARN", row.arn), ("Created", DisplayFormat.dateTime(user.createDate)),
                ("Console access", user.loginProfile == nil ? "Disabled" : "Enabled"),
                ("Last console sign-in", row.consoleLastSignIn),
            ],
            tabs: [
                DetailTab(title: tabTitles[0], lines: permissions(user, in: account)),
                DetailTab(title: tabTitles[1], lines: groups(user, in: account)),
                DetailTab(title: tabTitles[2], lines: tags(user.tags)),
                DetailTab(title: tabTitles[3], lines: credentials(user, in: account, now: now)),
                DetailTab(
                    title: tabTitles[4], lines: AccessAdvisorContent.lines(arn: row.arn, in: account, now: now)),
            ])
    }

    /// The policies the user receives, each saying where it comes from, then the boundary.
    static func permissions(_ user: User, in account: Account) -> [DetailLine] {
        let grants = EffectivePermissions.user(user, in: account)
        var lines = [DetailLine("Permissions policies (\(grants.count))", kind: .heading)]
        lines += DetailLines.table(
            ["Policy name", "Type", "Attached via"], grants.map { [$0.policyName, $0.type, $0.attachedVia] },
            links: grants.map(\.link), arns: grants.map(\.arn),
            empty: "No permissions: the user can do nothing until a policy is attached.")
        lines.append(DetailLine(""))
        lines += boundaryLines(user.permissionsBoundary)
        return lines
    }

    /// The boundary section shared by users and roles.
    static func boundaryLines(_ boundary: String?) -> [DetailLine] {
        guard let boundary else {
            return [
                DetailLine("Permissions boundary", kind: .heading),
                DetailLine("Not set", kind: .muted),
            ]
        }
        return [
            DetailLine("Permissions boundary", kind: .heading),
            DetailLine(
                "\(DisplayFormat.policyName(arn: boundary))  (\(DisplayFormat.policyType(arn: boundary)))",
                link: .policy(boundary), arn: boundary),
        ]
    }

    private static func groups(_ user: User, in account: Account) -> [DetailLine] {
        let groups = user.groups.compactMap { account.group(named: $0) }.sorted {
            $0.name.lowercased() < $1.name.lowercased()
        }
        return [DetailLine("User groups membership (\(groups.count))", kind: .heading)]
            + DetailLines.table(
                ["Group name", "Attached policies"],
                groups.map {
                    [
                        $0.name,
                        DisplayFormat.summary(
                            $0.attachedPolicies.map(DisplayFormat.policyName) + $0.inlinePolicies.map(\.name), shown: 3),
                    ]
                },
                links: groups.map { .group($0.name) }, arns: groups.map { account.arn(of: $0) },
                empty: "Not a member of any group.")
    }

    /// A Tags tab.
    static func tags(_ tags: [Tag]) -> [DetailLine] {
        [DetailLine("Tags (\(tags.count))", kind: .heading)]
            + DetailLines.table(["Key", "Value"], tags.map { [$0.key, $0.value] }, empty: "No tags.")
    }

    private static func credentials(_ user: User, in account: Account, now: Timestamp) -> [DetailLine] {
        var lines = [DetailLine("Console sign-in", kind: .heading)]
        if let profile = user.loginProfile {
            lines.append(DetailLine("Console password: Enabled (r manages console access)", item: .consolePassword))
            lines.append(
                DetailLine(
                    "Password last changed: \(DisplayFormat.age(from: profile.passwordLastChanged, to: now)) ago"))
            lines.append(DetailLine("Last sign-in: \(user.passwordLastUsed.map(DisplayFormat.date) ?? "Never")"))
            if profile.passwordResetRequired { lines.append(DetailLine("Password reset required at next sign-in")) }
        } else {
            lines.append(
                DetailLine("Console password: Not enabled (r enables console access)", item: .consolePassword))
        }
        lines.append(DetailLine(""))
        return lines + CredentialLines.lines(for: .user(user.name), in: account, now: now)
    }
}
