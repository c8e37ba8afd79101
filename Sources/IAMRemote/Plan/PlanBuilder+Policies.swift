import IAMCore

extension PlanBuilder {
    /// IAM keeps at most five versions of a managed policy.
    static let versionLimit = 5

    /// Customer managed policies: created with their default document, given a new default
    /// version when the default document differs, deleted (with their other versions) last.
    ///
    /// Version ids are the endpoint's to number, so versions are not copied one by one: the
    /// endpoint's default version is made to say what the workspace's default says, by making an
    /// existing version with that document the default, or by creating a version (deleting the
    /// oldest non-default version first when five exist).
    mutating func planPolicies() {
        for key in Self.keys(desired.policies) {
            guard let policy = desired.policies[key] else { continue }
            guard let existing = current.policies[key] else {
                planCreate(policy)
                continue
            }
            let arn = current.arn(of: existing)
            if existing.path != policy.path {
                note(
                    "policy \(policy.name): the workspace's path is \(policy.path) but the endpoint's is "
                        + "\(existing.path); IAM cannot change a policy's path (delete and re-create it by hand)")
            }
            planDefaultVersion(policy, existing: existing, arn: arn)
            planTags(
                "policy \(policy.name)", action: "Policy", target: QueryParameters(["PolicyArn": arn]),
                desired: policy.tags, current: existing.tags)
        }
        for key in Self.keys(current.policies) where desired.policies[key] == nil {
            guard let policy = current.policies[key] else { continue }
            let arn = current.arn(of: policy)
            var calls = policy.versions.filter { $0.versionId != policy.defaultVersionId }.map { version in
                PlannedCall("DeletePolicyVersion", QueryParameters(["PolicyArn": arn, "VersionId": version.versionId]))
            }
            calls.append(PlannedCall("DeletePolicy", QueryParameters(["PolicyArn": arn])))
            add(PlannedChange(.delete, .deletePolicies, "delete policy \(policy.name) (\(arn))", calls: calls))
        }
    }

    private mutating func planCreate(_ policy: ManagedPolicy) {
        var parameters = QueryParameters([
            "PolicyName": policy.name, "Path": policy.path, "PolicyDocument": policy.defaultDocument,
        ])
        parameters.add("Description", policy.description.flatMap { $0.isEmpty ? nil : $0 })
        parameters.addTags(policy.tags)
        var details = ["path \(policy.path)"]
        if let description = policy.description, !description.isEmpty { details.append("description \(description)") }
        if !policy.tags.isEmpty { details.append("tags \(Self.tagList(policy.tags))") }
        if policy.versions.count > 1 {
            note(
                "policy \(policy.name): only its default version (\(policy.defaultVersionId)) is created; "
                    + "the endpoint numbers its own versions")
        }
        add(
            PlannedChange(
                .create, .createPolicies, "create policy \(policy.name)", details: details,
                document: DocumentChange(old: nil, new: PolicyDocumentForm.pretty(policy.defaultDocument)),
                calls: [PlannedCall("CreatePolicy", parameters)]))
    }

    private mutating func planDefaultVersion(_ policy: ManagedPolicy, existing: ManagedPolicy, arn: String) {
        let wanted = policy.defaultDocument
        guard !PolicyDocumentForm.same(existing.defaultDocument, wanted) else { return }
        let document = DocumentChange(
            old: PolicyDocumentForm.pretty(existing.defaultDocument), new: PolicyDocumentForm.pretty(wanted))
        if let version = existing.versions.first(where: { PolicyDocumentForm.same($0.document, wanted) }) {
            add(
                PlannedChange(
                    .update, .updatePolicies,
                    "set default version of policy \(policy.name) to \(version.versionId) (it holds the workspace's document)",
                    document: document,
                    calls: [
                        PlannedCall(
                            "SetDefaultPolicyVersion",
                            QueryParameters(["PolicyArn": arn, "VersionId": version.versionId]))
                    ]))
            return
        }
        var calls: [PlannedCall] = []
        var details: [String] = []
        if existing.versions.count >= Self.versionLimit,
            let oldest = existing.versions.filter({ $0.versionId != existing.defaultVersionId })
                .min(by: { $0.createDate < $1.createDate })
        {
            calls.append(
                PlannedCall("DeletePolicyVersion", QueryParameters(["PolicyArn": arn, "VersionId": oldest.versionId])))
            details.append("deletes its oldest version \(oldest.versionId) first (IAM keeps at most 5)")
        }
        calls.append(
            PlannedCall(
                "CreatePolicyVersion",
                QueryParameters(["PolicyArn": arn, "PolicyDocument": wanted, "SetAsDefault": "true"])
            ))
        add(
            PlannedChange(
                .update, .updatePolicies, "create a new default version of policy \(policy.name)", details: details,
                document: document, calls: calls))
    }
}
