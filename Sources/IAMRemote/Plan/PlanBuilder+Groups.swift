import IAMCore

extension PlanBuilder {
    /// Groups: created before members join, path updated, inline and attached policies matched,
    /// deleted (after detaching and deleting their policies) once members have left.
    mutating func planGroups() {
        for key in Self.keys(desired.groups) {
            guard let group = desired.groups[key] else { continue }
            let existing = current.groups[key]
            if let existing {
                if existing.path != group.path {
                    add(
                        PlannedChange(
                            .update, .updateEntities,
                            "move group \(group.name) from path \(existing.path) to \(group.path)",
                            calls: [
                                PlannedCall(
                                    "UpdateGroup", QueryParameters(["GroupName": group.name, "NewPath": group.path]))
                            ]
                        ))
                }
            } else {
                add(
                    PlannedChange(
                        .create, .createGroups, "create group \(group.name)", details: ["path \(group.path)"],
                        calls: [
                            PlannedCall("CreateGroup", QueryParameters(["GroupName": group.name, "Path": group.path]))
                        ]))
            }
            planInline(.group, group.name, desired: group.inlinePolicies, current: existing?.inlinePolicies ?? [])
            planAttachments(
                .group, group.name, desired: group.attachedPolicies, current: existing?.attachedPolicies ?? [])
        }
        for key in Self.keys(current.groups) where desired.groups[key] == nil {
            guard let group = current.groups[key] else { continue }
            var calls = group.attachedPolicies.map {
                PlannedCall("DetachGroupPolicy", QueryParameters(["GroupName": group.name, "PolicyArn": $0]))
            }
            calls += group.inlinePolicies.map {
                PlannedCall("DeleteGroupPolicy", QueryParameters(["GroupName": group.name, "PolicyName": $0.name]))
            }
            calls.append(PlannedCall("DeleteGroup", QueryParameters(["GroupName": group.name])))
            add(PlannedChange(.delete, .deleteGroups, "delete group \(group.name)", calls: calls))
        }
    }
}
