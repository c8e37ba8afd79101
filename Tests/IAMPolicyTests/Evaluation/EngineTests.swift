import IAMPolicy
import Testing

/// ``PolicyEvaluator/Engine`` matches action and resource patterns by their shape (literal, prefix, suffix,
/// contains) in a packed index, reuses its buffers, and keeps results as positions. These tests check it
/// against the traced scan, which matches every statement with the general glob: on the whole corpus
/// with one engine reused throughout, and on patterns and values built to reach every shape and edge.
@Suite struct EngineTests {
    @Test func oneEngineReusedOverTheCorpusEqualsTheTracedScan() throws {
        let engine = PolicyEvaluator.Engine()
        for testCase in ActionIndexTests.corpus + ActionIndexTests.indexCases {
            let request = try testCase.request()
            let decision = engine.decide(request)
            let full = PolicyEvaluator.evaluate(request, trace: true)
            let record = engine.record()
            for result in [engine.result(for: request), record.result(for: request)] {
                #expect(result.decision == full.decision, "\(testCase.rule)")
                #expect(result.matchedStatements == full.matchedStatements, "\(testCase.rule)")
                #expect(result.missingContextKeys == full.missingContextKeys, "\(testCase.rule)")
                #expect(result.denialReason == full.denialReason, "\(testCase.rule)")
                #expect(result.trace == nil)
            }
            #expect(decision == full.decision && record.decision == decision, "\(testCase.rule)")
            #expect(engine.matchedStatementCount == full.matchedStatements.count, "\(testCase.rule)")
        }
    }

    static let actionPatterns = [
        "s3:GetObject", "s3:Get*", "s3:*Object", "s3:*Obj*", "s3:*", "s3:**", "s3:G?tObject", "s3:Get*Obj*",
        "s3:*Object*", "s3:", "s3:getobject", "S3:GETOBJECT", "*", "*:GetObject", "s?:Get*", "s3*:*", "s3",
        "s3:Gét*", "s3:*é", "s3:Get:Object", "s3:Get:*", "iam:*", "s3:PutObject",
    ]
    static let actions = [
        "s3:GetObject", "S3:getOBJECT", "s3:GetObjectAcl", "s3:PutObject", "s3:Object", "s3:", "s3", "s3:Get",
        "s3:GetObj", "s3:Gét", "s3:Gétx", "s3:xé", "s3:Get:Object", "s3:Get:", "s3express:GetObject",
        "iam:GetObject", "", ":GetObject", "s3:GetObjectObject",
    ]

    /// Every action pattern, alone, as `NotAction`, and mixed with others, against every action.
    @Test(arguments: actionPatterns) func actionShapesEqualTheGlob(_ pattern: String) throws {
        let condition = "\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": \"a\"}}"
        let statements = [
            stmt("Allow", pattern), "{\"Effect\": \"Deny\", \"NotAction\": \"\(pattern)\", \"Resource\": \"*\"}",
            stmt("Allow", "\(pattern)|s3:List*", "*", condition), stmt("Deny", "iam:*|\(pattern)", "*", condition),
        ]
        for statement in statements {
            let policy = try ParsedPolicy(name: "p", text: evalDoc(statement))
            for action in Self.actions {
                try expectEngineEqualsTrace(
                    EvaluationRequest(principal: alice, action: action, resource: "*", identityPolicies: [policy]),
                    "\(statement) / \(action)")
            }
        }
    }

    static let resourcePatterns = [
        "*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/key", "arn:aws:s3:::*/key", "arn:aws:s3:::bu*et/k?y",
        "arn:aws:s3:::*", "arn:aws:s3:::bucket*", "arn:aws:s3:::*bucket", "arn:aws:s3:::*cke*",
        "arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:us-*-1:*:instance/i-1", "arn:aws:ec2:?s-east-1:*:*",
        "arn:aws:*", "arn:aws:s3", "arn:aws:s3:", "arn:aws:s*:::bucket/key", "arn:*:s3:::bucket/key", "arn",
        "bucket/*", "*/key", "arn:aws:sns:us-east-1:111122223333:topic:sub:*", "arn:aws:s3:::bucket/${*}",
        "arn:aws:s3:::bucket/${aws:username}/*", "arn:aws:s3:::bucket/${aws:PrincipalTag/missing}",
        "arn:aws:s3:::bucket/ké*",
        // Literal leading segments of every length around eight bytes, then segments of every shape.
        "arn:aws:lambda:*:111122223333:function:*", "arn:aws:lambda:us-*:111122223333:function:f*",
        "arn:aws:lambda:*-1:*:function:*f", "arn:aws:lambda:*st*:111122223333:function:x",
        "arn:aws:lambda:u?-east-1:1111*:function:*", "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
        "arn:aws:ec2:us-east-1:1111222233334:instance/*", "arn:aws:ec2:us-east-1::instance/*", "arn:aws:ec2:::*",
        "arn:aws:ec2:us-east-1:111122223333:", "arn:aws:ec2:us-east-1:111122223333:*", "arn:a:", "arn:aw",
        "arn:aws:sns:us-east-1:111122223333:topic:*", "arn:aws:sns:us-east-1:111122223333:*:sub:x", "arn:*",
        "arn:aws:lambda:us-east-1:111122223333:function:f:*", "arn:aws:lambda:us-east-1:*:*:*",
    ]
    static let resources = [
        "*", "arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", "arn:aws:s3:::other/key",
        "arn:aws:s3:::bucket/alice/notes", "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
        "arn:aws:ec2:us-west-1:444455556666:instance/i-1", "arn:aws:s3", "arn:aws:s3:", "arn:aws:s3::",
        "arn:aws:sns:us-east-1:111122223333:topic:sub:x", "bucket/key", "arn:aws:s3:::bucket/ké", "arn:aws:s3:::",
        "ARN:aws:s3:::bucket/key", "arn:aws:s3:::bucket/key:with:colons",
        "arn:aws:lambda:us-east-1:111122223333:function:f", "arn:aws:lambda:us-east-1:111122223333:function:f:1",
        "arn:aws:lambda:eu-west-1:111122223333:function:ff", "arn:aws:lambda:us-east-1:1111222233:function:x",
        "arn:aws:ec2:us-east-1::instance/i-1", "arn:aws:ec2:::", "arn:aws:ec2:us-east-1:111122223333:",
        "arn:a:", "arn:aw", "arn:", "arn:aws:lambda:us-east-1:111122223333", "",
    ]

    /// Every resource pattern as `Resource` and `NotResource`, against every resource.
    @Test(arguments: resourcePatterns) func resourceShapesEqualTheGlob(_ pattern: String) throws {
        let statements = [
            stmt("Allow", "s3:*|ec2:*|sns:*", pattern),
            "{\"Effect\": \"Allow\", \"Action\": \"*\", \"NotResource\": \"\(pattern)\"}",
            stmt("Allow", "*", "\(pattern)|arn:aws:s3:::zzz"),
        ]
        for statement in statements {
            let policy = try ParsedPolicy(name: "p", text: evalDoc(statement))
            for resource in Self.resources {
                try expectEngineEqualsTrace(
                    EvaluationRequest(
                        principal: alice, action: "s3:GetObject", resource: resource, identityPolicies: [policy]),
                    "\(statement) / \(resource)")
            }
        }
    }

    /// A request that is changed after it was made is evaluated with its new context and principal.
    @Test func changingTheContextOrPrincipalIsSeen() throws {
        let policy = try ParsedPolicy(
            name: "p",
            text: evalDoc(
                stmt(
                    "Allow", "s3:GetObject", "arn:aws:s3:::bucket/${aws:username}",
                    "\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": \"data\"}}")))
        var request = EvaluationRequest(
            principal: alice, action: "s3:GetObject", resource: "arn:aws:s3:::bucket/alice",
            context: ["aws:PrincipalTag/team": .string("data")], identityPolicies: [policy])
        let engine = PolicyEvaluator.Engine()
        #expect(engine.decide(request) == .allowed)
        request.context = ["AWS:PrincipalTag/Team": .string("other")]
        #expect(engine.decide(request) == .implicitDeny)
        request.context = [:]
        request.context["aws:principaltag/TEAM"] = .string("data")
        #expect(engine.decide(request) == .allowed)
        request.principal = bob
        #expect(engine.decide(request) == .implicitDeny)
        request.resource = "arn:aws:s3:::bucket/bob"
        #expect(engine.decide(request) == .allowed)
    }

    /// Keys that differ in bytes but are equal as Swift strings (canonical equivalence) are one key, in the
    /// context and among the missing keys, as with the dictionary and `contains` the evaluator used before.
    @Test func canonicallyEquivalentKeysAreOneKey() throws {
        let precomposed = "aws:PrincipalTag/caf\u{E9}"
        let decomposed = "aws:PrincipalTag/cafe\u{301}"
        let policy = try ParsedPolicy(
            name: "p",
            text: evalDoc(
                stmt("Allow", "*", "*", "\"Condition\": {\"StringEquals\": {\"\(precomposed)\": \"x\"}}"),
                stmt("Allow", "*", "*", "\"Condition\": {\"StringEquals\": {\"\(decomposed)\": \"x\"}}"),
                stmt("Allow", "*", "*", "\"Condition\": {\"StringEquals\": {\"a\u{37E}b\": \"x\"}}"),
                stmt("Allow", "*", "*", "\"Condition\": {\"StringEquals\": {\"a;b\": \"x\"}}")))
        for context: [String: ContextValue] in [[:], [decomposed: .string("x")], ["A;B": .string("x")]] {
            try expectEngineEqualsTrace(
                EvaluationRequest(
                    principal: alice, action: "s3:GetObject", resource: "*", context: context,
                    identityPolicies: [policy]), "\(context)")
        }
        let result = PolicyEvaluator.evaluate(
            EvaluationRequest(principal: alice, action: "s3:GetObject", resource: "*", identityPolicies: [policy]))
        #expect(result.missingContextKeys == [precomposed, "a\u{37E}b"])
    }

    /// IPv4 text the fast reader accepts, and text it leaves to the full reader, decide alike.
    @Test(arguments: [
        ("10.1.2.3", "10.0.0.0/8", true), ("010.001.002.003", "10.0.0.0/8", true), ("10.1.2.3", "10.0.0.0/08", true),
        ("11.1.2.3", "10.0.0.0/8", false), ("256.1.2.3", "0.0.0.0/0", false), ("10.1.2", "0.0.0.0/0", false),
        ("10.1.2.3/", "0.0.0.0/0", false), ("10.1.2.3/33", "0.0.0.0/0", false), ("10.1.2.3/+8", "10.0.0.0/8", true),
        ("1.2.3.4", "1.2.3.4/32", true), ("1.2.3.5", "1.2.3.4/31", true), ("1.2.3.6", "1.2.3.4/31", false),
        ("1.2.3.4", "1.2.3.4/+32", true), ("0001.2.3.4", "0.0.0.0/0", false), ("::1", "0.0.0.0/0", false),
        ("2001:db8::1", "2001:db8::/32", true), ("2001:db8::1", "2001:db8::/128", false),
        ("2001:db8::", "2001:db8::/128", true), ("2001:db8:0:0:1::", "2001:db8::/65", true),
        ("2001:db8:0:0:8000::", "2001:db8::/65", false), ("2001:db8:0:0:7fff::", "2001:db8::/65", true),
    ])
    func ipAddressesReadAlike(_ address: String, _ range: String, _ inside: Bool) throws {
        try expectDecision(
            conditionCase(
                "IpAddress \(address) in \(range)", "IpAddress", "aws:SourceIp", "\"\(range)\"",
                ["aws:SourceIp": .string(address)], inside))
    }

    private func expectEngineEqualsTrace(_ request: EvaluationRequest, _ note: String) throws {
        let fast = PolicyEvaluator.evaluate(request)
        let full = PolicyEvaluator.evaluate(request, trace: true)
        #expect(fast.decision == full.decision, "\(note)")
        #expect(fast.matchedStatements == full.matchedStatements, "\(note)")
        #expect(fast.missingContextKeys == full.missingContextKeys, "\(note)")
        #expect(fast.denialReason == full.denialReason, "\(note)")
    }
}
