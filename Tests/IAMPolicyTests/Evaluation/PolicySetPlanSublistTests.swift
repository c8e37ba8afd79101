import Testing

@testable import IAMPolicy

/// A ``PolicySetPlan`` cuts each action's list by the run of the resource up to its fifth colon: a request
/// reads only the statements its resource can match. These tests check that the engine then gives what the
/// traced scan of every statement gives, for every shape of resource pattern and request resource, that a
/// request reads the sublist of its own resource (and finds it again when its action or resource changes),
/// and that a list whose cut would be too large stays whole.
@Suite struct PolicySetPlanSublistTests {
    static let east = "arn:aws:ec2:us-east-1:111122223333:"
    static let west = "arn:aws:ec2:us-west-2:111122223333:"

    /// Statements of every resource shape for `ec2:StartInstances`: bound to one region, to either of two,
    /// with a wildcard region, `*`, `NotResource`, a policy variable, a non-ARN text and no bound at all.
    static let documents = [
        evalDoc(
            stmt("Allow", "ec2:StartInstances", east + "instance/*"),
            stmt("Allow", "ec2:StartInstances|ec2:StopInstances", west + "instance/*"),
            stmt("Deny", "ec2:StartInstances", east + "instance/i-0bad", "\"Sid\": \"DenyBad\""),
            stmt("Allow", "ec2:StartInstances", east + "volume/*|" + west + "volume/*"),
            stmt("Allow", "ec2:StartInstances", "arn:aws:ec2:*:111122223333:instance/i-0any")),
        evalDoc(
            stmt("Allow", "ec2:*", "*", "\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"),
            "{\"Effect\": \"Deny\", \"Action\": \"ec2:StartInstances\", \"NotResource\": \"\(east)instance/*\"}",
            stmt("Allow", "ec2:StartInstances", east + "instance/${aws:username}"),
            stmt("Allow", "ec2:StartInstances", "i-0text*"),
            stmt("Allow", "ec2:StartInstances", east + "instance/i-0mixed|arn:aws:ec2:eu-*:111122223333:*")),
    ]

    static let resources = [
        east + "instance/i-0abc", east + "instance/i-0bad", east + "instance/alice", east + "volume/v-1",
        west + "instance/i-0any", west + "volume/v-2", "arn:aws:ec2:eu-west-1:111122223333:instance/i-0mixed",
        "arn:aws:ec2:ap-southeast-2:111122223333:instance/i-0any", "arn:aws:ec2:us-east-1:444455556666:instance/x",
        "i-0text1", "*", "arn:aws:ec2:us-east-1", "arn:aws:ec2:us-east-1:111122223333",
        "arn:aws:ec2:us-east-1:111122223333:instance:extra:colons",
    ]

    @Test func everyResourceShapeEqualsTheTracedScan() throws {
        let policies = try Self.documents.enumerated().map { try ParsedPolicy(name: "p\($0.offset)", text: $0.element) }
        var plans = PolicySetPlans()
        let engine = PolicyEvaluator.Engine()
        for set in [policies, policies.reversed(), [policies[0]]] {
            for action in ["ec2:StartInstances", "ec2:StopInstances", "ec2:RebootInstances"] {
                for resource in Self.resources {
                    for context: [String: ContextValue] in [[:], ["aws:MultiFactorAuthPresent": .string("true")]] {
                        var request = EvaluationRequest(
                            principal: alice, action: action, resource: resource, context: context,
                            identityPolicies: set)
                        plans.attach(to: &request)
                        #expect(request.hasPolicySetPlan)
                        try expectEngineEqualsTrace(request, engine, "\(action) \(resource)")
                    }
                }
            }
        }
    }

    /// Changing the resource (or the action) finds the sublist of the new one: a request moved from one
    /// region to another is not decided against the first region's statements.
    @Test func changingTheResourceFindsItsSublist() throws {
        let policies = try Self.documents.enumerated().map { try ParsedPolicy(name: "p\($0.offset)", text: $0.element) }
        var plans = PolicySetPlans()
        var request = EvaluationRequest(
            principal: alice, action: "ec2:StartInstances", resource: Self.east + "instance/i-0abc",
            identityPolicies: [policies[0]])
        plans.attach(to: &request)
        let engine = PolicyEvaluator.Engine()
        #expect(engine.decide(request) == .allowed)
        for resource in Self.resources {
            request.resource = resource
            #expect(request.hasPolicySetPlan)
            try expectEngineEqualsTrace(request, engine, "after changing the resource to \(resource)")
        }
        request.resource = Self.west + "instance/i-0abc"
        #expect(engine.decide(request) == .allowed)
        request.resource = Self.east + "instance/i-0bad"
        #expect(engine.decide(request) == .explicitDeny)
        request.action = "ec2:StopInstances"
        #expect(engine.decide(request) == .implicitDeny)
        try expectEngineEqualsTrace(request, engine, "after changing the action")
    }

    /// The sublist of a resource holds the statements it can match: those bound to its region and those
    /// bound to none; a resource of no listed region, or without five colons, reads only the unbound ones.
    @Test func aRequestReadsOnlyTheStatementsItsResourceCanMatch() throws {
        let policy = try ParsedPolicy(name: "p0", text: Self.documents[0])
        var plans = PolicySetPlans()
        func recordCount(_ resource: String) -> Int {
            var request = EvaluationRequest(
                principal: alice, action: "ec2:StartInstances", resource: resource, identityPolicies: [policy])
            plans.attach(to: &request)
            guard let plan = request.policySetPlan, let list = plan.list else { return -1 }
            return Int(plan.words[list.lowerBound]) | Int(plan.words[list.lowerBound + 1]) << 16
        }
        // East: its two instance statements, its volume statement (bound to east or west) and the wildcard one.
        #expect(recordCount(Self.east + "instance/i-0abc") == 4)
        #expect(recordCount(Self.west + "instance/i-0abc") == 3)
        #expect(recordCount("arn:aws:ec2:eu-west-1:111122223333:instance/i-0any") == 1)
        #expect(recordCount("i-0text1") == 1)
        #expect(recordCount("*") == 1)
    }

    /// Statements bound to many different runs, behind one that is bound to none: cutting would write the
    /// unbound ones in every sublist, more than eight times the list, so the list stays whole, and decides the same.
    @Test func aListWhoseCutIsTooLargeStaysWhole() throws {
        let regional = (0..<40).map { stmt("Allow", "ec2:StartInstances", "arn:aws:ec2:r\($0):111122223333:*") }
        let unbound = (0..<10).map { stmt("Deny", "ec2:StartInstances", "arn:aws:ec2:*:111122223333:x\($0)") }
        let policy = try ParsedPolicy(
            name: "wide", text: "{\"Statement\": [" + (unbound + regional).joined(separator: ",") + "]}")
        var plans = PolicySetPlans()
        let engine = PolicyEvaluator.Engine()
        for region in ["r0", "r39", "r40"] {
            var request = EvaluationRequest(
                principal: alice, action: "ec2:StartInstances", resource: "arn:aws:ec2:\(region):111122223333:x1",
                identityPolicies: [policy])
            plans.attach(to: &request)
            let list = try #require(request.policySetPlan?.list)
            let words = try #require(request.policySetPlan?.words)
            #expect(Int(words[list.lowerBound]) == 50, "\(region)")
            try expectEngineEqualsTrace(request, engine, region)
        }
    }
}

/// A plan whose cut lists would pass the bound on its size is built with whole lists instead, rather than
/// not at all.
@Suite struct PolicySetPlanBoundTests {
    @Test func aCutTooLargeForThePlanFallsBackToWholeLists() throws {
        let regional = (0..<6).map { stmt("Allow", "ec2:StartInstances", "arn:aws:ec2:r\($0):111122223333:*") }
        let unbound = (0..<3).map { stmt("Deny", "ec2:StartInstances", "arn:aws:ec2:*:111122223333:x\($0)") }
        let policy = try ParsedPolicy(
            name: "p", text: "{\"Statement\": [" + (unbound + regional).joined(separator: ",") + "]}")
        var cut = PolicySetPlanBuilder(policies: [policy])
        let cutBuilt = cut.build()
        #expect(cutBuilt)
        var whole = PolicySetPlanBuilder(policies: [policy], wordLimit: cut.words.count - 1)
        let wholeBuilt = whole.build()
        #expect(wholeBuilt)
        #expect(whole.words.count < cut.words.count)
        // Below even the whole lists' size, there is no plan.
        var none = PolicySetPlanBuilder(policies: [policy], wordLimit: whole.words.count - 1)
        let noneBuilt = none.build()
        #expect(!noneBuilt)
    }
}
