import IAMPolicy
import Testing

/// Context keys compare case-insensitively whatever the context's size and the key's spelling; a missing key
/// is reported as the policy spells it.
@Suite struct RequestContextLookupTests {
    static let policy = evalDoc(
        stmt("Allow", "s3:GetObject", "*", "\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/Team\": \"data\"}}"))

    @Test(arguments: [1, 3, 16, 17, 40]) func keysMatchInAnyCase(_ size: Int) throws {
        var context: [String: ContextValue] = [:]
        for number in 0..<(size - 1) { context["Extra:Key\(number)"] = .string("x") }
        for spelling in ["AWS:PRINCIPALTAG/TEAM", "aws:principaltag/team", "Aws:PrincipalTag/team"] {
            context["aws:PrincipalTag/Team"] = nil
            context[spelling] = .string("data")
            let allowed = EvalCase(
                rule: "context of \(size) keys, key spelled \(spelling)", context: context, identity: [Self.policy],
                expected: .allowed)
            try expectDecision(allowed)
            #expect(try allowed.evaluate().decision == .allowed)
            var other = allowed
            other.context[spelling] = .string("other")
            #expect(try other.evaluate().decision == .implicitDeny)
            context[spelling] = nil
        }
        let missing = try EvalCase(rule: "missing", context: context, identity: [Self.policy], expected: .implicitDeny)
            .evaluate()
        #expect(missing.missingContextKeys == ["aws:PrincipalTag/Team"])
    }
}

/// Keys outside ASCII: the context's keys are lowered only when some key has an ASCII capital (a shortcut of
/// `RequestContext` that these tests pin down, so a faster lookup keeps it).
@Suite struct RequestContextNonASCIITests {
    static func decision(_ context: [String: ContextValue], key: String) throws -> Decision {
        let condition = "\"Condition\": {\"StringEquals\": {\"\(key)\": \"v\"}}"
        return try EvalCase(
            rule: "non-ASCII key", context: context, identity: [evalDoc(stmt("Allow", "s3:GetObject", "*", condition))],
            expected: .allowed
        ).evaluate().decision
    }

    @Test func nonASCIIKeys() throws {
        #expect(try Self.decision(["tag:été": .string("v")], key: "tag:Été") == .allowed)
        #expect(try Self.decision(["tag:été": .string("v")], key: "tag:été") == .allowed)
        // No ASCII capital anywhere: keys are used as they are, so `É` is not lowered.
        #expect(try Self.decision(["tag:Été": .string("v")], key: "tag:été") == .implicitDeny)
        // An ASCII capital somewhere: every key is lowered.
        #expect(try Self.decision(["tag:Été": .string("v"), "X": .string("y")], key: "tag:été") == .allowed)
    }
}
