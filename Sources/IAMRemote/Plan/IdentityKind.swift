import IAMCore

/// The parts of the IAM API that users, groups and roles share, by kind: the names of their
/// actions and parameters (`PutUserPolicy` with `UserName`, `PutRolePolicy` with `RoleName`...).
struct IdentityKind: Sendable {
    /// `User`, `Group` or `Role`, as in action names.
    let type: String
    /// `user`, `group` or `role`, as in sentences.
    var noun: String { type.lowercased() }
    /// `UserName`, `GroupName` or `RoleName`.
    var nameParameter: String { type + "Name" }

    static let user = IdentityKind(type: "User")
    static let group = IdentityKind(type: "Group")
    static let role = IdentityKind(type: "Role")

    func parameters(_ name: String, _ rest: KeyValuePairs<String, String> = [:]) -> QueryParameters {
        var parameters = QueryParameters()
        parameters.add(nameParameter, name)
        for (key, value) in rest { parameters.add(key, value) }
        return parameters
    }
}

extension PlanBuilder {
    /// Puts, updates and deletes inline policies of one identity.
    mutating func planInline(
        _ kind: IdentityKind, _ name: String, desired: [InlinePolicy], current: [InlinePolicy]
    ) {
        for policy in desired {
            let existing = current.first { $0.name == policy.name }
            if let existing, PolicyDocumentForm.same(existing.document, policy.document) { continue }
            add(
                PlannedChange(
                    existing == nil ? .create : .update, .grant,
                    existing == nil
                        ? "put inline policy \(policy.name) on \(kind.noun) \(name)"
                        : "update inline policy \(policy.name) of \(kind.noun) \(name)",
                    document: DocumentChange(
                        old: existing.map { PolicyDocumentForm.pretty($0.document) },
                        new: PolicyDocumentForm.pretty(policy.document)),
                    calls: [
                        PlannedCall(
                            "Put\(kind.type)Policy",
                            kind.parameters(name, ["PolicyName": policy.name, "PolicyDocument": policy.document]))
                    ]))
        }
        for policy in current where !desired.contains(where: { $0.name == policy.name }) {
            add(
                PlannedChange(
                    .delete, .revoke, "delete inline policy \(policy.name) of \(kind.noun) \(name)",
                    calls: [PlannedCall("Delete\(kind.type)Policy", kind.parameters(name, ["PolicyName": policy.name]))]
                ))
        }
    }

    /// Attaches and detaches managed policies of one identity.
    mutating func planAttachments(_ kind: IdentityKind, _ name: String, desired: [String], current: [String]) {
        for arn in desired where !current.contains(arn) {
            add(
                PlannedChange(
                    .create, .grant, "attach policy \(arn) to \(kind.noun) \(name)",
                    calls: [PlannedCall("Attach\(kind.type)Policy", kind.parameters(name, ["PolicyArn": arn]))]))
        }
        for arn in current where !desired.contains(arn) {
            if Self.isUnknownAWSManaged(arn) {
                note(
                    "\(kind.noun) \(name): \(arn) is attached at the endpoint but is not in the built-in catalog of "
                        + "AWS managed policies, so a workspace cannot hold it; it is left attached")
                continue
            }
            add(
                PlannedChange(
                    .delete, .revoke, "detach policy \(arn) from \(kind.noun) \(name)",
                    calls: [PlannedCall("Detach\(kind.type)Policy", kind.parameters(name, ["PolicyArn": arn]))]))
        }
    }

    /// An AWS managed policy the built-in catalog lacks: a pull skips its attachments (the
    /// workspace cannot resolve it), so its absence from a workspace is no wish to detach it.
    static func isUnknownAWSManaged(_ arn: String) -> Bool {
        AWSManagedPolicyCatalog.isAWSManagedARN(arn) && AWSManagedPolicyCatalog.policy(arn: arn) == nil
    }

    /// Sets or removes the permissions boundary of a user or role.
    mutating func planBoundary(_ kind: IdentityKind, _ name: String, desired: String?, current: String?) {
        guard desired != current else { return }
        if desired == nil, let current, Self.isUnknownAWSManaged(current) {
            note(
                "\(kind.noun) \(name): its permissions boundary \(current) is not in the built-in catalog of AWS "
                    + "managed policies, so a workspace cannot hold it; it is left in place")
            return
        }
        if let desired {
            add(
                PlannedChange(
                    current == nil ? .create : .update, .grant,
                    "set permissions boundary of \(kind.noun) \(name) to \(desired)",
                    calls: [
                        PlannedCall(
                            "Put\(kind.type)PermissionsBoundary",
                            kind.parameters(name, ["PermissionsBoundary": desired]))
                    ]))
        } else if let current {
            add(
                PlannedChange(
                    .delete, .revoke, "remove permissions boundary \(current) from \(kind.noun) \(name)",
                    calls: [PlannedCall("Delete\(kind.type)PermissionsBoundary", kind.parameters(name))]))
        }
    }

    /// Adds, changes and removes tags with `TagX`/`UntagX`; keys compare case-insensitively, as in IAM.
    mutating func planTags(
        _ what: String, action type: String, target: QueryParameters, desired: [Tag], current: [Tag]
    ) {
        let currentByKey = Dictionary(
            current.map { ($0.key.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let desiredKeys = Set(desired.map { $0.key.lowercased() })
        let changed = desired.filter { currentByKey[$0.key.lowercased()] != $0 }
        let removed = current.filter { !desiredKeys.contains($0.key.lowercased()) }
        guard !changed.isEmpty || !removed.isEmpty else { return }
        var calls: [PlannedCall] = []
        if !removed.isEmpty {
            var parameters = target
            parameters.addList("TagKeys", removed.map(\.key))
            calls.append(PlannedCall("Untag\(type)", parameters))
        }
        if !changed.isEmpty {
            var parameters = target
            parameters.addTags(changed)
            calls.append(PlannedCall("Tag\(type)", parameters))
        }
        add(
            PlannedChange(
                .update, .updateEntities, "update tags of \(what)",
                details: changed.map { "+ \($0.key)=\($0.value)" } + removed.map { "- \($0.key)" }, calls: calls))
    }

    /// `key=value, key=value`.
    static func tagList(_ tags: [Tag]) -> String { tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") }
}
