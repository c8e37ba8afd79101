import IAMCore

/// The user group detail page: Users, Permissions and Access Advisor.
enum GroupDetailScreen {
    static let tabTitles = ["Users", "Permissions", "Access Advisor"]

    /// The page for `group` as of `now`.
    static func detail(_ group: Group, in account: Account, now: Timestamp) -> EntityDetail {
        let members = account.members(ofGroup: group.name)
        let grants = EffectivePermissions.own(
            inline: group.inlinePolicies, attached: group.attachedPolicies, owner: .group(group.name))
        let arn = account.arn(of: group)
        return EntityDetail(
            kind: "User group", name: group.name, arn: arn,
            summary: [("ARN", arn), ("Created", DisplayFormat.dateTime(group.createDate)), ("Path", group.path)],
            tabs: [
                DetailTab(
                    title: tabTitles[0],
                    lines: [DetailLine("Users in this group (\(members.count))", kind: .heading)]
                        + DetailLines.table(
                            ["User name", "Path", "Created"],
                            members.map { [$0.name, $0.path, DisplayFormat.date($0.createDate)] },
                            links: members.map { .user($0.name) }, arns: members.map { account.arn(of: $0) },
                            empty: "No users in this group.")),
                DetailTab(
                    title: tabTitles[1],
                    lines: [DetailLine("Permissions policies (\(grants.count))", kind: .heading)]
                        + DetailLines.table(
                            ["Policy name", "Type", "Attached via"],
                            grants.map { [$0.policyName, $0.type, $0.attachedVia] },
                            links: grants.map(\.link), arns: grants.map(\.arn),
                            empty: "No policies: members get nothing from this group.")),
                DetailTab(title: tabTitles[2], lines: AccessAdvisorContent.lines(arn: arn, in: account, now: now)),
            ])
    }
}
