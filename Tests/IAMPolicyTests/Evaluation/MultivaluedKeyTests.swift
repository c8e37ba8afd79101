import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.3 multivalued keys"
private func tags(_ values: [String]) -> [String: ContextValue] { ["aws:TagKeys": .strings(values)] }
private let allowed = "[\"env\", \"team\"]"

@Suite struct MultivaluedKeyTests {
    static let cases: [EvalCase] = [
        conditionCase(
            "\(rule): ForAllValues every value allowed", "ForAllValues:StringEquals", "aws:TagKeys", allowed,
            tags(["env", "team"]), true),
        conditionCase(
            "\(rule): ForAllValues one value not allowed", "ForAllValues:StringEquals", "aws:TagKeys",
            allowed, tags(["env", "cost"]), false),
        conditionCase(
            "\(rule): ForAllValues true on a missing key", "ForAllValues:StringEquals", "aws:TagKeys",
            allowed, [:], true),
        conditionCase(
            "\(rule): ForAllValues true on an empty set", "ForAllValues:StringEquals", "aws:TagKeys",
            allowed, tags([]), true),
        conditionCase(
            "\(rule): ForAllValues single value", "ForAllValues:StringEquals", "aws:TagKeys", allowed,
            tags(["env"]), true),
        conditionCase(
            "\(rule): ForAllValues with StringLike", "ForAllValues:StringLike", "aws:TagKeys", "\"t*\"",
            tags(["team", "tier"]), true),
        conditionCase(
            "\(rule): ForAllValues with a single-valued context string", "ForAllValues:StringEquals",
            "aws:TagKeys", allowed, ["aws:TagKeys": .string("env")], true),
        conditionCase(
            "\(rule): ForAnyValue one value matches", "ForAnyValue:StringEquals", "aws:TagKeys", allowed,
            tags(["cost", "team"]), true),
        conditionCase(
            "\(rule): ForAnyValue no value matches", "ForAnyValue:StringEquals", "aws:TagKeys", allowed,
            tags(["cost", "owner"]), false),
        conditionCase(
            "\(rule): ForAnyValue false on a missing key", "ForAnyValue:StringEquals", "aws:TagKeys",
            allowed, [:], false),
        conditionCase(
            "\(rule): ForAnyValue false on an empty set", "ForAnyValue:StringEquals", "aws:TagKeys",
            allowed, tags([]), false),
        conditionCase(
            "\(rule): ForAnyValue IfExists on a missing key", "ForAnyValue:StringEqualsIfExists",
            "aws:TagKeys", allowed, [:], true),
        conditionCase(
            "\(rule): ForAllValues:StringNotEquals, none forbidden", "ForAllValues:StringNotEquals",
            "aws:TagKeys", "[\"secret\"]", tags(["env", "team"]), true),
        conditionCase(
            "\(rule): ForAllValues:StringNotEquals, one forbidden", "ForAllValues:StringNotEquals",
            "aws:TagKeys", "[\"secret\"]", tags(["env", "secret"]), false),
        conditionCase(
            "\(rule): ForAnyValue:StringNotEquals, one differs", "ForAnyValue:StringNotEquals",
            "aws:TagKeys", "[\"secret\"]", tags(["secret", "env"]), true),
        conditionCase(
            "\(rule): ForAnyValue:StringNotEquals, all forbidden", "ForAnyValue:StringNotEquals",
            "aws:TagKeys", "[\"secret\"]", tags(["secret"]), false),
        conditionCase(
            "\(rule): ForAnyValue:StringLike", "ForAnyValue:StringLike", "aws:TagKeys", "\"cost*\"",
            tags(["env", "cost-center"]), true),
        conditionCase(
            "\(rule): plain operator on a multivalued key is no match (choice)", "StringEquals",
            "aws:TagKeys", allowed, tags(["env", "team"]), false),
        conditionCase(
            "\(rule): plain negated operator on a multivalued key is no match (choice)", "StringNotEquals",
            "aws:TagKeys", "\"secret\"", tags(["env", "team"]), false),
        conditionCase(
            "\(rule): plain operator on a one-element set compares the element", "StringEquals",
            "aws:TagKeys", allowed, tags(["team"]), true),
        conditionCase(
            "\(rule): plain operator on an empty set is a missing key", "StringEquals", "aws:TagKeys",
            allowed, tags([]), false),
        conditionCase(
            "\(rule): ForAnyValue:IpAddress", "ForAnyValue:IpAddress", "aws:SourceIp", "\"10.0.0.0/8\"",
            ["aws:SourceIp": .strings(["192.0.2.1", "10.2.3.4"])], true),
        EvalCase(
            rule: "\(rule): Deny ForAnyValue on a missing key does not deny",
            identity: [
                allowAll,
                evalDoc(
                    stmt(
                        "Deny", "*", "*",
                        "\"Condition\": {\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"secret\"}}")),
            ],
            expected: .allowed),
        EvalCase(
            rule: "\(rule): Deny ForAllValues on a missing key denies",
            identity: [
                allowAll,
                evalDoc(
                    stmt(
                        "Deny", "*", "*",
                        "\"Condition\": {\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"secret\"}}")),
            ],
            expected: .explicitDeny),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
