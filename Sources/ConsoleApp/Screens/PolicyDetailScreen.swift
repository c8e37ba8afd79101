import IAMCore

/// The managed policy detail page: Permissions (the default version's document), Entities
/// attached, Policy versions and Access Advisor.
enum PolicyDetailScreen {
    static let tabTitles = ["Permissions", "Entities attached", "Policy versions", "Access Advisor"]

    /// The page for the customer or AWS managed policy with this ARN, or nil if there is none.
    static func detail(arn: String, in account: Account, now: Timestamp) -> EntityDetail? {
        let name: String
        let description: String?
        let document: String
        let versions: [(id: String, created: Timestamp)]
        let defaultVersion: String
        let created: Timestamp
        if let policy = account.customerPolicy(arn: arn) {
            (name, description, document) = (policy.name, policy.description, policy.defaultDocument)
            versions = policy.versions.reversed().map { ($0.versionId, $0.createDate) }
            (defaultVersion, created) = (policy.defaultVersionId, policy.createDate)
        } else if let policy = AWSManagedPolicyCatalog.policy(arn: arn) {
            (name, description, document) = (policy.name, policy.description, policy.document)
            versions = [(policy.defaultVersionId, policy.updateDate)]
            (defaultVersion, created) = (policy.defaultVersionId, policy.createDate)
        } else {
            return nil
        }
        let versionRows = versions.map { version in
            [
                version.id + (version.id == defaultVersion ? " (Default)" : ""),
                DisplayFormat.dateTime(version.created),
            ]
        }
        let attached = entities(attachedTo: arn, in: account)
        return EntityDetail(
            kind: "Policy", name: name, arn: arn,
            summary: [
                ("ARN", arn), ("Type", DisplayFormat.policyType(arn: arn)), ("Description", description ?? "-"),
                ("Created", DisplayFormat.dateTime(created)),
            ],
            tabs: [
                DetailTab(
                    title: tabTitles[0],
                    lines: [DetailLine("Policy document (version \(defaultVersion))", kind: .heading)]
                        + DetailLines.document(document)),
                DetailTab(
                    title: tabTitles[1],
                    lines: [DetailLine("Entities attached (\(attached.count))", kind: .heading)]
                        + DetailLines.table(
                            ["Entity name", "Entity type", "Attached as"], attached.map(\.cells),
                            links: attached.map(\.route), arns: attached.map(\.arn),
                            empty: "Not attached to any user, group or role.")),
                DetailTab(
                    title: tabTitles[2],
                    lines: [DetailLine("Policy versions (\(versions.count))", kind: .heading)]
                        + DetailLines.table(["Version", "Created"], versionRows, empty: "No versions.")),
                DetailTab(title: tabTitles[3], lines: AccessAdvisorContent.lines(arn: arn, in: account, now: now)),
            ])
    }

    /// One identity a policy is attached to.
    struct Attachment: Sendable, Equatable {
        var cells: [String]
        var route: Route
        var arn: String
    }

    /// The users, groups and roles the policy is attached to (as a permissions policy or a
    /// boundary), users first, each kind by name.
    static func entities(attachedTo arn: String, in account: Account) -> [Attachment] {
        func usage(_ attached: [String], _ boundary: String?) -> String? {
            let parts =
                (attached.contains(arn) ? ["Permissions policy"] : [])
                + (boundary == arn ? ["Permissions boundary"] : [])
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        var result: [Attachment] = []
        for user in Account.inNameOrder(account.users) {
            if let how = usage(user.attachedPolicies, user.permissionsBoundary) {
                result.append(
                    Attachment(cells: [user.name, "User", how], route: .user(user.name), arn: account.arn(of: user)))
            }
        }
        for group in Account.inNameOrder(account.groups) {
            if let how = usage(group.attachedPolicies, nil) {
                result.append(
                    Attachment(
                        cells: [group.name, "Group", how], route: .group(group.name), arn: account.arn(of: group)))
            }
        }
        for role in Account.inNameOrder(account.roles) {
            if let how = usage(role.attachedPolicies, role.permissionsBoundary) {
                result.append(
                    Attachment(cells: [role.name, "Role", how], route: .role(role.name), arn: account.arn(of: role)))
            }
        }
        return result
    }
}
