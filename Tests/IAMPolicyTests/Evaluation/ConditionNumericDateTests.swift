import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.3"
private func age(_ value: String) -> [String: ContextValue] { ["aws:MultiFactorAuthAge": .string(value)] }
private func now(_ value: String) -> [String: ContextValue] { ["aws:CurrentTime": .string(value)] }
private let key = "aws:MultiFactorAuthAge"
private let time = "aws:CurrentTime"

@Suite struct ConditionNumericDateTests {
    static let cases: [EvalCase] = [
        conditionCase("\(rule) NumericEquals", "NumericEquals", key, "\"10\"", age("10"), true),
        conditionCase("\(rule) NumericEquals compares numerically", "NumericEquals", key, "\"10\"", age("10.0"), true),
        conditionCase("\(rule) NumericEquals JSON number", "NumericEquals", key, "10", age("10"), true),
        conditionCase("\(rule) NumericEquals different", "NumericEquals", key, "\"10\"", age("11"), false),
        conditionCase("\(rule) NumericNotEquals", "NumericNotEquals", key, "\"10\"", age("11"), true),
        conditionCase("\(rule) NumericNotEquals equal", "NumericNotEquals", key, "\"10\"", age("10"), false),
        conditionCase("\(rule) NumericNotEquals missing key is true", "NumericNotEquals", key, "\"10\"", [:], true),
        conditionCase("\(rule) NumericLessThan", "NumericLessThan", key, "\"3600\"", age("100"), true),
        conditionCase("\(rule) NumericLessThan boundary", "NumericLessThan", key, "\"3600\"", age("3600"), false),
        conditionCase(
            "\(rule) NumericLessThanEquals boundary", "NumericLessThanEquals", key, "\"3600\"", age("3600"),
            true),
        conditionCase("\(rule) NumericGreaterThan", "NumericGreaterThan", key, "\"5\"", age("5.5"), true),
        conditionCase("\(rule) NumericGreaterThan boundary", "NumericGreaterThan", key, "\"5\"", age("5"), false),
        conditionCase("\(rule) NumericGreaterThanEquals", "NumericGreaterThanEquals", key, "\"5\"", age("5"), true),
        conditionCase("\(rule) Numeric negative decimals", "NumericLessThan", key, "\"-1.5\"", age("-2"), true),
        conditionCase("\(rule) Numeric not a number never matches", "NumericEquals", key, "\"10\"", age("ten"), false),
        conditionCase("\(rule) Numeric missing key false", "NumericLessThan", key, "\"10\"", [:], false),
        conditionCase(
            "\(rule) NumericLessThanIfExists missing key true", "NumericLessThanIfExists", key, "\"10\"",
            [:], true),
        conditionCase("\(rule) Numeric values ORed", "NumericEquals", key, "[\"1\", \"2\"]", age("2"), true),
        conditionCase(
            "\(rule) DateEquals ISO 8601", "DateEquals", time, "\"2024-03-01T12:00:00Z\"",
            now("2024-03-01T12:00:00Z"), true),
        conditionCase(
            "\(rule) DateEquals honours offsets", "DateEquals", time, "\"2024-03-01T12:00:00Z\"",
            now("2024-03-01T14:00:00+02:00"), true),
        conditionCase(
            "\(rule) DateEquals negative offset", "DateEquals", time, "\"2024-03-01T12:00:00Z\"",
            now("2024-03-01T07:00:00-05:00"), true),
        conditionCase(
            "\(rule) DateEquals epoch vs ISO", "DateEquals", time, "\"1709294400\"",
            now("2024-03-01T12:00:00Z"), true),
        conditionCase(
            "\(rule) DateEquals date-only is midnight UTC", "DateEquals", time, "\"2024-03-01\"",
            now("2024-03-01T00:00:00Z"), true),
        conditionCase(
            "\(rule) DateNotEquals", "DateNotEquals", time, "\"2024-03-01\"", now("2024-03-02T00:00:00Z"),
            true),
        conditionCase(
            "\(rule) DateLessThan", "DateLessThan", time, "\"2024-06-01T00:00:00Z\"",
            now("2024-05-31T23:59:59Z"), true),
        conditionCase(
            "\(rule) DateLessThan after", "DateLessThan", time, "\"2024-06-01T00:00:00Z\"",
            now("2024-06-01T00:00:01Z"), false),
        conditionCase(
            "\(rule) DateLessThanEquals equal", "DateLessThanEquals", time, "\"2024-06-01T00:00:00Z\"",
            now("2024-06-01T00:00:00Z"), true),
        conditionCase(
            "\(rule) DateGreaterThan", "DateGreaterThan", time, "\"2020-01-01T00:00:00Z\"",
            now("2024-01-01T00:00:00Z"), true),
        conditionCase(
            "\(rule) DateGreaterThan before", "DateGreaterThan", time, "\"2025-01-01T00:00:00Z\"",
            now("2024-01-01T00:00:00Z"), false),
        conditionCase(
            "\(rule) DateGreaterThanEquals with fractions", "DateGreaterThanEquals", time,
            "\"2024-01-01T00:00:00.500Z\"", now("2024-01-01T00:00:00.750Z"), true),
        conditionCase(
            "\(rule) Date epoch request value", "DateGreaterThan", time, "\"2020-01-01T00:00:00Z\"",
            now("1700000000"), true),
        conditionCase(
            "\(rule) Date unreadable request value", "DateGreaterThan", time, "\"2020-01-01\"",
            now("yesterday"), false),
        conditionCase("\(rule) Date leap day", "DateEquals", time, "\"2024-02-29T00:00:00Z\"", now("1709164800"), true),
        conditionCase(
            "\(rule) DateLessThanIfExists missing key", "DateLessThanIfExists", time, "\"2020-01-01\"", [:],
            true),
        conditionCase(
            "\(rule) Bool true", "Bool", "aws:SecureTransport", "\"true\"",
            ["aws:SecureTransport": .string("true")], true),
        conditionCase(
            "\(rule) Bool JSON true", "Bool", "aws:SecureTransport", "true",
            ["aws:SecureTransport": .string("true")], true),
        conditionCase(
            "\(rule) Bool false vs true", "Bool", "aws:SecureTransport", "\"false\"",
            ["aws:SecureTransport": .string("true")], false),
        conditionCase("\(rule) Bool missing key", "Bool", "aws:MultiFactorAuthPresent", "\"true\"", [:], false),
        conditionCase(
            "\(rule) BoolIfExists missing key", "BoolIfExists", "aws:MultiFactorAuthPresent", "\"false\"",
            [:], true),
        EvalCase(
            rule: "\(rule) Deny + BoolIfExists false: MFA missing is denied",
            identity: [
                allowAll,
                evalDoc(
                    stmt(
                        "Deny", "*", "*",
                        "\"Condition\": {\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}")),
            ],
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule) Deny + Bool false: MFA missing is not denied (condition false)",
            identity: [
                allowAll,
                evalDoc(
                    stmt(
                        "Deny", "*", "*",
                        "\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"false\"}}")),
            ],
            expected: .allowed),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
