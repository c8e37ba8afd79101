import Foundation
import IAMPolicy
import Testing

/// The engine compares a resource pattern's literal leading segments by a number both sides get when they
/// are made (the request when it is prepared, the policy when it is parsed), and stores short globs with a
/// one-word header and long ones with three. These tests check, against the traced scan, that the numbers are
/// exact whichever side is made first, and that patterns and globs on both sides of their long forms' boundaries
/// match.
@Suite struct PackedResourcePatternTests {
    /// A request made before any policy names its account gets the same number as the pattern parsed later.
    @Test func aRequestMadeBeforeItsPolicyMatches() throws {
        let account = String(UInt64.random(in: 100_000_000_000...999_999_999_999))
        let resource = "arn:aws:ec2:eu-north-1:\(account):instance/i-1"
        let early = EvaluationRequest(
            principal: alice, action: "ec2:StartInstances", resource: resource, identityPolicies: [])
        let policy = try ParsedPolicy(
            name: "p",
            text: evalDoc(
                stmt("Allow", "ec2:StartInstances", "arn:aws:ec2:eu-north-1:\(account):instance/*"),
                stmt("Deny", "ec2:StartInstances", "arn:aws:ec2:eu-north-1:\(account)0:instance/*")))
        var request = early
        request.identityPolicies = [policy]
        try expectEngineEqualsTrace(request, .allowed, "made before the policy")
        // Other bytes (case, a longer account) get other numbers.
        for other in [
            "arn:aws:ec2:EU-north-1:\(account):instance/i-1", "arn:aws:ec2:eu-north-1:\(account)0:instance/i-1",
            "arn:aws:ec2:eu-north-1:\(account.dropLast()):instance/i-1",
        ] {
            request.resource = other
            let expected: Decision = other.contains("\(account)0") ? .explicitDeny : .implicitDeny
            try expectEngineEqualsTrace(request, expected, other)
        }
    }

    /// Numbers beyond 16 bits take a pattern's long form: after 70,000 distinct leading runs, a pattern with
    /// a new one still matches its resources, and only them.
    @Test func numbersBeyondSixteenBitsMatch() throws {
        for number in 0..<35_000 {
            _ = EvaluationRequest(
                principal: alice, action: "s3:GetObject", resource: "arn:aws:x:r\(number):a\(number):y")
        }
        let account = String(UInt64.random(in: 100_000_000_000...999_999_999_999))
        let policy = try ParsedPolicy(
            name: "p", text: evalDoc(stmt("Allow", "sqs:SendMessage", "arn:aws:sqs:us-east-1:\(account):queue-*")))
        for (resource, expected) in [
            ("arn:aws:sqs:us-east-1:\(account):queue-1", Decision.allowed),
            ("arn:aws:sqs:us-east-1:\(account)1:queue-1", .implicitDeny),
        ] {
            var request = EvaluationRequest(
                principal: alice, action: "sqs:SendMessage", resource: resource, identityPolicies: [policy])
            try expectEngineEqualsTrace(request, expected, resource)
            var plans = PolicySetPlans()
            plans.attach(to: &request)
            try expectEngineEqualsTrace(request, expected, "\(resource), planned")
        }
    }

    /// A pattern about as long as a policy may be (128 Ki characters) matches as the traced scan does.
    @Test func theLongestPatternMatches() throws {
        let tail = String(repeating: "k", count: 130_000)
        let policy = try ParsedPolicy(
            name: "p", text: evalDoc(stmt("Allow", "s3:GetObject", "arn:aws:s3:::b/\(tail)*")))
        var plans = PolicySetPlans()
        for (resource, expected) in [
            ("arn:aws:s3:::b/\(tail)", Decision.allowed), ("arn:aws:s3:::b/\(tail.dropLast())", .implicitDeny),
        ] {
            var request = EvaluationRequest(
                principal: alice, action: "s3:GetObject", resource: resource, identityPolicies: [policy])
            try expectEngineEqualsTrace(request, expected, "\(resource.count)")
            plans.attach(to: &request)
            try expectEngineEqualsTrace(request, expected, "\(resource.count), planned")
        }
    }

    /// Globs of every length around the long form's boundary (8,191 elements), in the tail and in a segment.
    @Test(arguments: [8189, 8190, 8191, 8192, 8193, 20000])
    func longGlobsMatchAsTheTracedScan(_ length: Int) throws {
        let tail = String(repeating: "k", count: length)
        let region = String(repeating: "r", count: length)
        let policy = try ParsedPolicy(
            name: "p",
            text: evalDoc(
                stmt("Allow", "s3:GetObject", "arn:aws:s3:::bucket/\(tail)"),
                stmt("Allow", "s3:PutObject", "arn:aws:s3:*:\(region)::bucket/*"),
                stmt("Allow", "s3:DeleteObject", "arn:aws:s3:::*\(tail)")))
        let cases: [(String, String, Decision)] = [
            ("s3:GetObject", "arn:aws:s3:::bucket/\(tail)", .allowed),
            ("s3:GetObject", "arn:aws:s3:::bucket/\(tail)k", .implicitDeny),
            ("s3:GetObject", "arn:aws:s3:::bucket/\(tail.dropLast())", .implicitDeny),
            ("s3:PutObject", "arn:aws:s3:x:\(region)::bucket/key", .allowed),
            ("s3:PutObject", "arn:aws:s3:x:\(region)r::bucket/key", .implicitDeny),
            ("s3:DeleteObject", "arn:aws:s3:::other/x\(tail)", .allowed),
            ("s3:DeleteObject", "arn:aws:s3:::other/\(tail.dropLast())", .implicitDeny),
        ]
        var plans = PolicySetPlans()
        for (action, resource, expected) in cases {
            var request = EvaluationRequest(
                principal: alice, action: action, resource: resource, identityPolicies: [policy])
            try expectEngineEqualsTrace(request, expected, "\(action) \(length)")
            plans.attach(to: &request)
            #expect(request.hasPolicySetPlan)
            try expectEngineEqualsTrace(request, expected, "\(action) \(length), planned")
        }
    }

    private func expectEngineEqualsTrace(
        _ request: EvaluationRequest, _ expected: Decision, _ note: String
    ) throws {
        let engine = PolicyEvaluator.Engine()
        let decision = engine.decide(request)
        let fast = engine.result(for: request)
        let full = PolicyEvaluator.evaluate(request, trace: true)
        #expect(decision == expected, "\(note)")
        #expect(full.decision == expected, "\(note)")
        #expect(fast.matchedStatements == full.matchedStatements, "\(note)")
    }
}
