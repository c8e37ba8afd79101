import IAMCore

extension ActionTable {
    static let contextEntries = FlagSpec(
        name: "context-entries", member: "ContextEntries", kind: .structureList, required: false,
        help: "ContextKeyName=aws:MultiFactorAuthPresent,ContextKeyValues=true,ContextKeyType=boolean ...",
        listMembers: ["ContextKeyValues"])

    static let simulationFlags: [FlagSpec] = [
        flag("action-names", .stringList, required: true, "Actions to simulate, e.g. iam:CreateUser s3:GetObject."),
        flag("resource-arns", .stringList, "Resources to simulate (default *)."),
        flag("permissions-boundary-policy-input-list", .documentList, "A boundary to use instead."),
        flag("resource-policy", .document, "A resource-based policy to include."),
        flag("resource-owner", "The account (or its root ARN) that owns the resource."),
        flag("caller-arn", "The ARN of the caller, for resource policies."), contextEntries,
    ]

    static let simulation: [ActionSpec] = [
        ActionSpec(
            cliName: "simulate-principal-policy", operation: "SimulatePrincipalPolicy",
            summary: "Simulates a user's, group's or role's policies for actions and resources.",
            flags: [
                flag("policy-source-arn", required: true, "The user, group or role."),
                flag("policy-input-list", .documentList, "More identity policies to include."),
            ] + simulationFlags, mutates: false, resultKeys: ["EvaluationResults"],
            call: ActionCall.make(SimulatePolicyRequest.self) { try $0.simulatePrincipalPolicy($1, as: $2) }),
        ActionSpec(
            cliName: "simulate-custom-policy", operation: "SimulateCustomPolicy",
            summary: "Simulates the given policies for actions and resources.",
            flags: [flag("policy-input-list", .documentList, required: true, "Identity policies to simulate.")]
                + simulationFlags, mutates: false, resultKeys: ["EvaluationResults"],
            call: ActionCall.make(SimulatePolicyRequest.self) { try $0.simulateCustomPolicy($1, as: $2) }),
    ]
}
