import IAMPolicy
import Testing

/// A request with a ``PolicySetPlans`` plan reads its identity and boundary statements from per-action lists
/// built in advance instead of policy by policy. These tests check that the engine with plans gives what
/// the traced scan of every statement gives (decision, statements, missing keys, reason): on the whole
/// corpus with one set of plans shared by all cases, and on policy sets built to reach every action shape,
/// `NotAction`, resources with variables, boundaries, SCPs, resource and session policies.
@Suite struct PolicySetPlanTests {
    @Test func corpusWithPlansEqualsTheTracedScan() throws {
        var plans = PolicySetPlans()
        let engine = PolicyEvaluator.Engine()
        for testCase in ActionIndexTests.corpus + ActionIndexTests.indexCases {
            var request = try testCase.request()
            plans.attach(to: &request)
            #expect(request.hasPolicySetPlan == !request.identityPolicies.isEmpty, "\(testCase.rule)")
            try expectEngineEqualsTrace(request, engine, testCase.rule)
        }
    }

    static let documents: [String] = {
        let condition = "\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": \"a\"}}"
        let missing = "\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"
        let documents = [
            evalDoc(
                stmt("Allow", EngineTests.actionPatterns.prefix(8).joined(separator: "|"), "arn:aws:s3:::bucket/*"),
                stmt("Deny", "s3:PutObject|iam:CreateUser", "*", missing),
                "{\"Effect\": \"Allow\", \"NotAction\": \"s3:Get*\", \"Resource\": \"*\", \(condition)}"),
            evalDoc(
                stmt("Allow", EngineTests.actionPatterns.dropFirst(8).joined(separator: "|"), "*", condition),
                stmt("Allow", "s3:GetObject", "arn:aws:s3:::bucket/${aws:username}/*"),
                "{\"Effect\": \"Deny\", \"NotAction\": \"s3:GetObject\", \"NotResource\": \"arn:aws:s3:::bucket/*\"}"),
            evalDoc(
                stmt("Allow", "s3:GetObject|S3:GETOBJECT|s3:Gét*|ec2:DescribeInstances", "arn:aws:*"),
                stmt("Deny", "s3:GetObject", "arn:aws:s3:::bucket/key", missing)),
        ]
        return documents
    }()

    static let policies = documents.enumerated().compactMap {
        try? ParsedPolicy(name: "p\($0.offset)", text: $0.element)
    }

    static let boundary = try? ParsedPolicy(
        name: "boundary",
        text: evalDoc(stmt("Allow", "s3:*|ec2:Describe*"), stmt("Deny", "s3:PutObject", "*", "")))

    /// Every action of ``EngineTests/actions`` against policy sets in several orders, with and without a
    /// boundary and the other kinds of policy, through plans shared between the requests.
    @Test func adversarialSetsEqualTheTracedScan() throws {
        #expect(Self.policies.count == 3 && Self.boundary != nil)
        let sets: [[ParsedPolicy]] = [
            Self.policies, Self.policies.reversed(), [Self.policies[1]], [Self.policies[0], Self.policies[0]],
        ]
        let scp = try ParsedPolicy(name: "scp", text: evalDoc(stmt("Allow", "s3:*|ec2:*")))
        let resourcePolicy = try ParsedPolicy(
            name: "resource", text: resourceDoc(principal: "{\"AWS\": \"\(alice.arn)\"}", action: "s3:GetObject"))
        var plans = PolicySetPlans()
        let engine = PolicyEvaluator.Engine()
        for policies in sets {
            for boundary in [nil, Self.boundary] {
                for action in EngineTests.actions + ["s3:PutObject", "iam:CreateUser", "ec2:DescribeInstances"] {
                    for resource in ["*", bucketObject, "arn:aws:s3:::bucket/alice/x", "arn:aws:s3:::other/key"] {
                        for variant in 0..<3 {
                            var request = EvaluationRequest(
                                principal: alice, action: action, resource: resource,
                                context: variant == 0 ? [:] : ["aws:PrincipalTag/team": .string("a")],
                                identityPolicies: policies, permissionsBoundary: boundary,
                                resourcePolicy: variant == 2 ? resourcePolicy : nil, scps: variant == 1 ? [[scp]] : [])
                            plans.attach(to: &request)
                            #expect(request.hasPolicySetPlan)
                            engine.prefetch(request)
                            try expectEngineEqualsTrace(request, engine, "\(action) \(resource) \(variant)")
                        }
                    }
                }
            }
        }
    }

    /// Changing the policies drops the plan, so a plan never answers for policies it was not built from.
    @Test func changingThePoliciesDropsThePlan() throws {
        var plans = PolicySetPlans()
        var request = EvaluationRequest(
            principal: alice, action: "s3:GetObject", resource: bucketObject, identityPolicies: Self.policies)
        plans.attach(to: &request)
        #expect(request.hasPolicySetPlan)
        request.identityPolicies.removeLast()
        #expect(!request.hasPolicySetPlan)
        plans.attach(to: &request)
        #expect(request.hasPolicySetPlan)
        request.permissionsBoundary = Self.boundary
        #expect(!request.hasPolicySetPlan)
        let engine = PolicyEvaluator.Engine()
        try expectEngineEqualsTrace(request, engine, "after the change")
        // The same texts parsed again are other objects: they get their own plan, with the same results.
        request.identityPolicies = try Self.documents.enumerated().map {
            try ParsedPolicy(name: "p\($0.offset)", text: $0.element)
        }
        plans.attach(to: &request)
        #expect(request.hasPolicySetPlan)
        try expectEngineEqualsTrace(request, engine, "reparsed")
    }

    /// A request's list is found when its plan is attached: changing its action finds the new action's list
    /// (or none), and keeps the plan, which depends only on the policies.
    @Test func changingTheActionFindsItsList() throws {
        var plans = PolicySetPlans()
        var request = EvaluationRequest(
            principal: alice, action: "s3:GetObject", resource: bucketObject,
            context: ["aws:PrincipalTag/team": .string("a")], identityPolicies: Self.policies)
        plans.attach(to: &request)
        let engine = PolicyEvaluator.Engine()
        for action in ["s3:PutObject", "S3:GETOBJECT", "iam:CreateUser", "sqs:SendMessage", "s3:GetObject"] {
            request.action = action
            #expect(request.hasPolicySetPlan)
            engine.prefetch(request)
            try expectEngineEqualsTrace(request, engine, "after changing the action to \(action)")
        }
    }

    /// A record names its policy's slot in 12 bits: a set of more than 4,096 policies gets no plan, and is
    /// evaluated policy by policy with the same result.
    @Test func moreThan4096PoliciesAreEvaluatedWithoutAPlan() throws {
        let allow = try ParsedPolicy(name: "allow", text: evalDoc(stmt("Allow", "s3:GetObject", bucketObject)))
        let deny = try ParsedPolicy(name: "deny", text: evalDoc(stmt("Deny", "s3:GetObject", bucketObject)))
        var plans = PolicySetPlans()
        let engine = PolicyEvaluator.Engine()
        for (policies, planned) in [
            (Array(repeating: allow, count: 4096), true), (Array(repeating: allow, count: 4096) + [deny], false),
        ] {
            var request = EvaluationRequest(
                principal: alice, action: "s3:GetObject", resource: bucketObject, identityPolicies: policies)
            plans.attach(to: &request)
            #expect(request.hasPolicySetPlan == planned)
            try expectEngineEqualsTrace(request, engine, "\(policies.count) policies")
        }
    }
}
