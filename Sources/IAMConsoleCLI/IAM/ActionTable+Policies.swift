import IAMCore

extension ActionTable {
    static let policies: [ActionSpec] = [
        ActionSpec(
            cliName: "create-policy", operation: "CreatePolicy", summary: "Creates a customer managed policy.",
            flags: [policyName, flag("path"), policyDocument, flag("description"), tags], mutates: true,
            resultKeys: nil, call: ActionCall.make(CreatePolicyRequest.self) { try $0.createPolicy($1, as: $2) }),
        ActionSpec(
            cliName: "get-policy", operation: "GetPolicy", summary: "Describes a managed policy.", flags: [policyArn],
            mutates: false, resultKeys: nil,
            call: ActionCall.make(PolicyArnRequest.self) { try $0.getPolicy($1, as: $2) }),
        ActionSpec(
            cliName: "list-policies", operation: "ListPolicies", summary: "Lists managed policies.",
            flags: [
                flag("scope", "All, AWS or Local."), flag("only-attached", .boolean), pathPrefix,
                flag("policy-usage-filter", "PermissionsPolicy or PermissionsBoundary."),
            ], mutates: false, resultKeys: ["Policies"],
            call: ActionCall.make(ListPoliciesRequest.self) { try $0.listPolicies($1, as: $2) }),
        ActionSpec(
            cliName: "delete-policy", operation: "DeletePolicy", summary: "Deletes a customer managed policy.",
            flags: [policyArn], mutates: true, resultKeys: nil,
            call: ActionCall.make(PolicyArnRequest.self) { try $0.deletePolicy($1, as: $2) }),
        ActionSpec(
            cliName: "tag-policy", operation: "TagPolicy", summary: "Adds tags to a customer managed policy.",
            flags: [policyArn, flag("tags", .tags, required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(TagRequest.self) { try $0.tag($1, as: $2) }),
        ActionSpec(
            cliName: "untag-policy", operation: "UntagPolicy", summary: "Removes tags from a customer managed policy.",
            flags: [policyArn, flag("tag-keys", .stringList, required: true)], mutates: true, resultKeys: nil,
            call: ActionCall.make(UntagRequest.self) { try $0.untag($1, as: $2) }),
        ActionSpec(
            cliName: "list-policy-tags", operation: "ListPolicyTags", summary: "Lists a policy's tags.",
            flags: [policyArn], mutates: false, resultKeys: ["Tags"],
            call: ActionCall.make(ListTagsRequest.self) { try $0.listTags($1, as: $2) }),
        ActionSpec(
            cliName: "create-policy-version", operation: "CreatePolicyVersion", summary: "Adds a policy version.",
            flags: [policyArn, policyDocument, flag("set-as-default", .boolean)], mutates: true, resultKeys: nil,
            call: ActionCall.make(CreatePolicyVersionRequest.self) { try $0.createPolicyVersion($1, as: $2) }),
        ActionSpec(
            cliName: "get-policy-version", operation: "GetPolicyVersion", summary: "Shows a policy version's document.",
            flags: [policyArn, versionId], mutates: false, resultKeys: nil,
            call: ActionCall.make(PolicyVersionRequest.self) { try $0.getPolicyVersion($1, as: $2) }),
        ActionSpec(
            cliName: "list-policy-versions", operation: "ListPolicyVersions", summary: "Lists a policy's versions.",
            flags: [policyArn], mutates: false, resultKeys: ["Versions"],
            call: ActionCall.make(ListPolicyVersionsRequest.self) { try $0.listPolicyVersions($1, as: $2) }),
        ActionSpec(
            cliName: "delete-policy-version", operation: "DeletePolicyVersion",
            summary: "Deletes a non-default version.",
            flags: [policyArn, versionId], mutates: true, resultKeys: nil,
            call: ActionCall.make(PolicyVersionRequest.self) { try $0.deletePolicyVersion($1, as: $2) }),
        ActionSpec(
            cliName: "set-default-policy-version", operation: "SetDefaultPolicyVersion",
            summary: "Makes a version the default.", flags: [policyArn, versionId], mutates: true, resultKeys: nil,
            call: ActionCall.make(PolicyVersionRequest.self) { try $0.setDefaultPolicyVersion($1, as: $2) }),
    ]

    static let attachments: [ActionSpec] =
        IdentityKind.allCases.flatMap { kind -> [ActionSpec] in
            let nameFlag = kind == .user ? userName : kind == .group ? groupName : roleName
            return [
                ActionSpec(
                    cliName: "attach-\(kind.rawValue.lowercased())-policy", operation: "Attach\(kind.rawValue)Policy",
                    summary: "Attaches a managed policy to a \(kind.rawValue.lowercased()).",
                    flags: [nameFlag, policyArn],
                    mutates: true, resultKeys: nil,
                    call: ActionCall.make(AttachPolicyRequest.self) { try $0.attachPolicy($1, as: $2) }),
                ActionSpec(
                    cliName: "detach-\(kind.rawValue.lowercased())-policy", operation: "Detach\(kind.rawValue)Policy",
                    summary: "Detaches a managed policy from a \(kind.rawValue.lowercased()).",
                    flags: [nameFlag, policyArn],
                    mutates: true, resultKeys: nil,
                    call: ActionCall.make(AttachPolicyRequest.self) { try $0.detachPolicy($1, as: $2) }),
                ActionSpec(
                    cliName: "list-attached-\(kind.rawValue.lowercased())-policies",
                    operation: "ListAttached\(kind.rawValue)Policies",
                    summary: "Lists the managed policies attached to a \(kind.rawValue.lowercased()).",
                    flags: [nameFlag, flag("path-prefix")], mutates: false, resultKeys: ["AttachedPolicies"],
                    call: ActionCall.make(ListAttachedPoliciesRequest.self) { try $0.listAttachedPolicies($1, as: $2) }),
            ]
        } + [
            ActionSpec(
                cliName: "list-entities-for-policy", operation: "ListEntitiesForPolicy",
                summary: "Lists the users, groups and roles a policy is attached to.",
                flags: [
                    policyArn, flag("entity-filter", "User, Role, Group, LocalManagedPolicy or AWSManagedPolicy."),
                    flag("path-prefix"), flag("policy-usage-filter"),
                ], mutates: false, resultKeys: ["PolicyGroups", "PolicyUsers", "PolicyRoles"],
                call: ActionCall.make(ListEntitiesForPolicyRequest.self) { try $0.listEntitiesForPolicy($1, as: $2) })
        ]

    static let inline: [ActionSpec] = IdentityKind.allCases.flatMap { kind -> [ActionSpec] in
        let nameFlag = kind == .user ? userName : kind == .group ? groupName : roleName
        let noun = kind.rawValue.lowercased()
        return [
            ActionSpec(
                cliName: "put-\(noun)-policy", operation: "Put\(kind.rawValue)Policy",
                summary: "Adds or replaces an inline policy of a \(noun).",
                flags: [nameFlag, policyName, policyDocument],
                mutates: true, resultKeys: nil,
                call: ActionCall.make(PutInlinePolicyRequest.self) { try $0.putInlinePolicy($1, as: $2) }),
            ActionSpec(
                cliName: "get-\(noun)-policy", operation: "Get\(kind.rawValue)Policy",
                summary: "Shows an inline policy of a \(noun).", flags: [nameFlag, policyName], mutates: false,
                resultKeys: nil,
                call: ActionCall.make(InlinePolicyRequest.self) { try $0.getInlinePolicy($1, as: $2) }),
            ActionSpec(
                cliName: "delete-\(noun)-policy", operation: "Delete\(kind.rawValue)Policy",
                summary: "Deletes an inline policy of a \(noun).", flags: [nameFlag, policyName], mutates: true,
                resultKeys: nil,
                call: ActionCall.make(InlinePolicyRequest.self) { try $0.deleteInlinePolicy($1, as: $2) }),
            ActionSpec(
                cliName: "list-\(noun)-policies", operation: "List\(kind.rawValue)Policies",
                summary: "Lists the inline policies of a \(noun).", flags: [nameFlag], mutates: false,
                resultKeys: ["PolicyNames"],
                call: ActionCall.make(ListInlinePoliciesRequest.self) { try $0.listInlinePolicies($1, as: $2) }),
        ]
    }

    static let boundaries: [ActionSpec] = [IdentityKind.user, .role].flatMap { kind -> [ActionSpec] in
        let nameFlag = kind == .user ? userName : roleName
        let noun = kind.rawValue.lowercased()
        return [
            ActionSpec(
                cliName: "put-\(noun)-permissions-boundary", operation: "Put\(kind.rawValue)PermissionsBoundary",
                summary: "Sets the permissions boundary of a \(noun).",
                flags: [nameFlag, flag("permissions-boundary", required: true)], mutates: true, resultKeys: nil,
                call: ActionCall.make(PutPermissionsBoundaryRequest.self) { try $0.putPermissionsBoundary($1, as: $2) }),
            ActionSpec(
                cliName: "delete-\(noun)-permissions-boundary", operation: "Delete\(kind.rawValue)PermissionsBoundary",
                summary: "Removes the permissions boundary of a \(noun).", flags: [nameFlag], mutates: true,
                resultKeys: nil,
                call: ActionCall.make(DeletePermissionsBoundaryRequest.self) {
                    try $0.deletePermissionsBoundary($1, as: $2)
                }),
        ]
    }
}
