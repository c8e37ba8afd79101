import IAMPolicy
import Testing

/// A plan keeps each statement's conditions in its records (``PackedCondition``) and evaluates the common
/// ones there, against the bytes and readings of the request's prepared context. These tests check that
/// every operator family, negated and `IfExists` forms, set qualifiers, odd values (non-ASCII, unreadable
/// numbers, dates and addresses, IPv6) and missing or multivalued keys decide exactly as the traced scan of
/// the statement does (*Condition operators*; *Conditions with multiple context keys or values*).
@Suite struct PackedConditionTests {
    static let conditions: [String] = [
        #"{"StringEquals": {"aws:PrincipalTag/team": ["a", "Ünï"]}}"#,
        #"{"StringNotEquals": {"aws:PrincipalTag/team": "a"}}"#,
        #"{"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": ["A", "ÜNÏ"]}}"#,
        #"{"StringNotEqualsIgnoreCase": {"aws:PrincipalTag/team": "A"}}"#,
        #"{"StringLike": {"aws:PrincipalTag/team": ["a*", "?n*"]}}"#,
        #"{"StringNotLikeIfExists": {"aws:PrincipalTag/team": "a*"}}"#,
        #"{"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}}"#,
        #"{"ForAnyValue:StringEquals": {"aws:PrincipalTag/team": ["a", "b"]}}"#,
        #"{"ForAllValues:StringLike": {"aws:PrincipalTag/team": ["a*", "b"]}}"#,
        #"{"NumericLessThan": {"aws:MultiFactorAuthAge": ["3600", "x"]}}"#,
        #"{"NumericGreaterThanEquals": {"aws:MultiFactorAuthAge": "10"}}"#,
        #"{"NumericNotEquals": {"aws:MultiFactorAuthAge": "10.0"}}"#,
        #"{"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}"#,
        #"{"DateGreaterThanEquals": {"aws:CurrentTime": ["2026-06-15", "1780000000"]}}"#,
        #"{"DateNotEquals": {"aws:CurrentTime": "2026-06-15T09:30:00Z"}}"#,
        #"{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"#,
        #"{"BoolIfExists": {"aws:MultiFactorAuthPresent": ["false", "TRUE"]}}"#,
        #"{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}"#,
        #"{"NotIpAddress": {"aws:SourceIp": "198.51.100.7/32"}}"#,
        #"{"ArnLike": {"aws:PrincipalTag/team": "arn:aws:iam::*:user/*"}}"#,
        #"{"Null": {"aws:PrincipalTag/team": "false"}}"#,
        #"{"BinaryEquals": {"aws:PrincipalTag/team": "YQ=="}}"#,
    ]

    static let contexts: [[String: ContextValue]] = [
        [:],
        [
            "aws:PrincipalTag/team": .string("a"), "aws:MultiFactorAuthAge": .string("10"),
            "aws:CurrentTime": .string("2026-06-15T09:30:00Z"), "aws:MultiFactorAuthPresent": .string("true"),
            "aws:SourceIp": .string("203.0.113.9"),
        ],
        [
            "aws:principaltag/TEAM": .string("ünï"), "aws:MultiFactorAuthAge": .string("ten"),
            "aws:CurrentTime": .string("yesterday"), "aws:MultiFactorAuthPresent": .string("TRUE"),
            "aws:SourceIp": .string("2001:db8::1"),
        ],
        [
            "aws:PrincipalTag/team": .string("arn:aws:iam::111122223333:user/alice"),
            "aws:MultiFactorAuthPresent": .string("Fålse"), "aws:SourceIp": .string("not an address"),
            "aws:CurrentTime": .string("1780000000"), "aws:MultiFactorAuthAge": .string("3600"),
        ],
        ["aws:PrincipalTag/team": .strings(["a", "b"]), "aws:SourceIp": .strings(["198.51.100.7"])],
        ["aws:PrincipalTag/team": .strings([]), "aws:MultiFactorAuthPresent": .strings(["true"])],
        ["aws:PrincipalTag/team": .string("alice"), "aws:MultiFactorAuthPresent": .string("")],
        // Values past the first 64 KiB of the prepared block keep no byte range there: the text is read instead.
        [
            "aws:MultiFactorAuthAge": .string(String(repeating: "7", count: 70_000)),
            "aws:PrincipalTag/team": .string("a"), "aws:SourceIp": .string("203.0.113.9"),
            "aws:CurrentTime": .string("2026-06-15T09:30:00Z"),
        ],
    ]

    /// Each condition, alone and after another, in an `Allow` and a `Deny`, against each context.
    @Test func packedConditionsDecideAsTheTracedScan() throws {
        var plans = PolicySetPlans()
        let engine = PolicyEvaluator.Engine()
        for (number, condition) in Self.conditions.enumerated() {
            let previous = Self.conditions[(number + 1) % Self.conditions.count]
            let policy = try ParsedPolicy(
                name: "p\(number)",
                text: evalDoc(
                    stmt("Allow", "s3:GetObject", "*", "\"Condition\": \(condition)"),
                    stmt("Deny", "s3:GetObject", "arn:aws:s3:::denied/*", "\"Condition\": \(condition)"),
                    stmt(
                        "Allow", "s3:PutObject", "*", "\"Condition\": \(previous.dropLast()), \(condition.dropFirst())")
                ))
            for context in Self.contexts {
                for (action, resource) in [
                    ("s3:GetObject", "arn:aws:s3:::bucket/k"), ("s3:GetObject", "arn:aws:s3:::denied/k"),
                    ("s3:PutObject", "arn:aws:s3:::bucket/k"),
                ] {
                    var request = EvaluationRequest(
                        principal: alice, action: action, resource: resource, context: context,
                        identityPolicies: [policy])
                    plans.attach(to: &request)
                    #expect(request.hasPolicySetPlan)
                    let decision = engine.decide(request)
                    let fast = engine.result(for: request)
                    let full = PolicyEvaluator.evaluate(request, trace: true)
                    let note = "\(condition) \(context) \(action) \(resource)"
                    #expect(decision == full.decision, "\(note)")
                    #expect(fast.matchedStatements == full.matchedStatements, "\(note)")
                    #expect(fast.missingContextKeys == full.missingContextKeys, "\(note)")
                }
            }
        }
    }

    /// The decisions themselves, for the values the packed form reads most: a test of the rules, not only
    /// of agreement with the traced scan.
    @Test(arguments: [
        (#"{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}"#, "10", Decision.allowed),
        (#"{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}"#, "3600", .implicitDeny),
        (#"{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}"#, "soon", .implicitDeny),
        (#"{"StringEqualsIgnoreCase": {"aws:MultiFactorAuthAge": "ABC"}}"#, "abc", .allowed),
        (#"{"StringNotLike": {"aws:MultiFactorAuthAge": "a*"}}"#, "abc", .implicitDeny),
        (#"{"IpAddress": {"aws:MultiFactorAuthAge": "10.0.0.0/8"}}"#, "10.1.2.3", .allowed),
        (#"{"IpAddress": {"aws:MultiFactorAuthAge": "10.0.0.0/8"}}"#, "11.1.2.3", .implicitDeny),
        (#"{"Bool": {"aws:MultiFactorAuthAge": "true"}}"#, "True", .allowed),
        (#"{"DateGreaterThan": {"aws:MultiFactorAuthAge": "2026-01-01"}}"#, "2026-06-15T09:30:00Z", .allowed),
    ])
    func packedConditionDecisions(condition: String, value: String, expected: Decision) throws {
        let policy = try ParsedPolicy(
            name: "p", text: evalDoc(stmt("Allow", "s3:GetObject", "*", "\"Condition\": \(condition)")))
        var request = EvaluationRequest(
            principal: alice, action: "s3:GetObject", resource: "arn:aws:s3:::b/k",
            context: ["aws:MultiFactorAuthAge": .string(value)], identityPolicies: [policy])
        var plans = PolicySetPlans()
        plans.attach(to: &request)
        #expect(PolicyEvaluator.Engine().decide(request) == expected)
    }
}
