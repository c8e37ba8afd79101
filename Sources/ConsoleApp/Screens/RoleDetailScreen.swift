import IAMCore

/// The role detail page: Permissions, Trust relationships, Tags and Access Advisor.
enum RoleDetailScreen {
    static let tabTitles = ["Permissions", "Trust relationships", "Tags", "Access Advisor"]

    /// The page for `role` as of `now`.
    static func detail(_ role: Role, in account: Account, now: Timestamp) -> EntityDetail {
        let row = RoleRow(role, in: account, now: now)
        let grants = EffectivePermissions.own(
            inline: role.inlinePolicies, attached: role.attachedPolicies, owner: .role(role.name))
        var permissions = [DetailLine("Permissions policies (\(grants.count))", kind: .heading)]
        permissions += DetailLines.table(
            ["Policy name", "Type", "Attached via"], grants.map { [$0.policyName, $0.type, $0.attachedVia] },
            links: grants.map(\.link), arns: grants.map(\.arn),
            empty: "No permissions policies.")
        permissions.append(DetailLine(""))
        permissions += UserDetailScreen.boundaryLines(role.permissionsBoundary)
        let trusted = TrustedEntities.describe(role.assumeRolePolicyDocument)
        let trust =
            [
                DetailLine(
                    "Trusted entities: \(trusted.isEmpty ? "None" : trusted.joined(separator: ", "))", kind: .heading)
            ]
            + DetailLines.document(role.assumeRolePolicyDocument)
        return EntityDetail(
            kind: "Role", name: role.name, arn: row.arn,
            summary: [
                ("ARN", row.arn), ("Created", DisplayFormat.dateTime(role.createDate)),
                ("Description", role.description ?? "-"),
                ("Max session", "\(role.maxSessionDuration / 3600) hour\(role.maxSessionDuration == 3600 ? "" : "s")"),
                ("Last activity", row.lastActivity),
            ],
            tabs: [
                DetailTab(title: tabTitles[0], lines: permissions),
                DetailTab(title: tabTitles[1], lines: trust),
                DetailTab(title: tabTitles[2], lines: UserDetailScreen.tags(role.tags)),
                DetailTab(
                    title: tabTitles[3], lines: AccessAdvisorContent.lines(arn: row.arn, in: account, now: now)),
            ])
    }
}
