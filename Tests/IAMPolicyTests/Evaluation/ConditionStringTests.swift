import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.3"
private let user: [String: ContextValue] = ["aws:username": .string("alice")]

@Suite struct ConditionStringTests {
    static let cases: [EvalCase] = [
        conditionCase("\(rule) StringEquals exact", "StringEquals", "aws:username", "\"alice\"", user, true),
        conditionCase(
            "\(rule) StringEquals is case-sensitive", "StringEquals", "aws:username", "\"Alice\"", user, false),
        conditionCase("\(rule) StringEquals has no wildcards", "StringEquals", "aws:username", "\"al*\"", user, false),
        conditionCase(
            "\(rule) StringEquals values are ORed", "StringEquals", "aws:username", "[\"bob\", \"alice\"]",
            user, true),
        conditionCase(
            "\(rule) StringEquals none of the values", "StringEquals", "aws:username", "[\"bob\", \"carol\"]",
            user, false),
        conditionCase(
            "\(rule) key names are case-insensitive", "StringEquals", "AWS:UserName", "\"alice\"", user, true),
        conditionCase(
            "\(rule) context key spelled in another case", "StringEquals", "aws:username", "\"alice\"",
            ["AWS:USERNAME": .string("alice")], true),
        conditionCase(
            "\(rule) missing key: condition false", "StringEquals", "aws:PrincipalTag/team", "\"x\"", [:],
            false),
        conditionCase(
            "\(rule) StringNotEquals: value differs", "StringNotEquals", "aws:username", "\"bob\"", user, true),
        conditionCase(
            "\(rule) StringNotEquals: value equal", "StringNotEquals", "aws:username", "\"alice\"", user, false),
        conditionCase(
            "\(rule) StringNotEquals is NOR over values", "StringNotEquals", "aws:username",
            "[\"bob\", \"alice\"]", user, false),
        conditionCase(
            "\(rule) StringNotEquals: none of the values", "StringNotEquals", "aws:username",
            "[\"bob\", \"carol\"]", user, true),
        conditionCase(
            "\(rule) negated operator: missing key is true", "StringNotEquals", "aws:PrincipalTag/team",
            "\"x\"", [:], true),
        conditionCase(
            "\(rule) StringEqualsIgnoreCase", "StringEqualsIgnoreCase", "aws:username", "\"ALICE\"", user,
            true),
        conditionCase(
            "\(rule) StringEqualsIgnoreCase different", "StringEqualsIgnoreCase", "aws:username", "\"ALICIA\"",
            user, false),
        conditionCase(
            "\(rule) StringNotEqualsIgnoreCase equal ignoring case", "StringNotEqualsIgnoreCase",
            "aws:username", "\"ALICE\"", user, false),
        conditionCase(
            "\(rule) StringNotEqualsIgnoreCase different", "StringNotEqualsIgnoreCase", "aws:username",
            "\"BOB\"", user, true),
        conditionCase(
            "\(rule) StringEqualsIgnoreCase non-ASCII", "StringEqualsIgnoreCase", "aws:PrincipalTag/city",
            "\"ZÜRICH\"", ["aws:PrincipalTag/city": .string("zürich")], true),
        conditionCase("\(rule) StringLike '*'", "StringLike", "aws:username", "\"al*\"", user, true),
        conditionCase("\(rule) StringLike '?'", "StringLike", "aws:username", "\"al?ce\"", user, true),
        conditionCase("\(rule) StringLike is case-sensitive", "StringLike", "aws:username", "\"AL*\"", user, false),
        conditionCase("\(rule) StringLike no match", "StringLike", "aws:username", "\"bo*\"", user, false),
        conditionCase("\(rule) StringLike whole-string", "StringLike", "aws:username", "\"lic\"", user, false),
        conditionCase(
            "\(rule) StringLike spans ':' unlike ArnLike", "StringLike", "aws:SourceArn",
            "\"arn:aws:someservice:*:111122223333:finance/*\"",
            ["aws:SourceArn": .string("arn:aws:someservice:us-west-2:extra:111122223333:finance/x")], true),
        conditionCase("\(rule) StringNotLike matching value", "StringNotLike", "aws:username", "\"al*\"", user, false),
        conditionCase(
            "\(rule) StringNotLike: missing key is true (doc)", "StringNotLike", "aws:PrincipalTag/x", "\"a*\"",
            [:], true),
        conditionCase(
            "\(rule) StringNotLike NOR over values", "StringNotLike", "aws:username", "[\"b*\", \"c*\"]", user,
            true),
        conditionCase(
            "\(rule) IfExists: missing key is true", "StringEqualsIfExists", "aws:PrincipalTag/team",
            "\"x\"", [:], true),
        conditionCase(
            "\(rule) IfExists: present key behaves like the operator", "StringEqualsIfExists",
            "aws:username", "\"bob\"", user, false),
        conditionCase(
            "\(rule) IfExists: present key that matches", "StringLikeIfExists", "aws:username", "\"a*\"",
            user, true),
        conditionCase(
            "\(rule) condition values may be JSON numbers", "StringEquals", "aws:PrincipalTag/level", "7",
            ["aws:PrincipalTag/level": .string("7")], true),
        conditionCase(
            "\(rule) condition values may be JSON Booleans", "StringEquals", "aws:PrincipalTag/on", "true",
            ["aws:PrincipalTag/on": .string("true")], true),
        EvalCase(
            rule: "\(rule) Deny + StringNotEqualsIfExists still denies when the tag is missing",
            identity: [
                allowAll,
                evalDoc(
                    stmt(
                        "Deny", "*", "*",
                        "\"Condition\": {\"StringNotEqualsIfExists\": {\"aws:ResourceTag/team\": \"blue\"}}")),
            ],
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule) operators in one block are ANDed: one fails",
            context: ["aws:username": .string("alice"), "aws:PrincipalTag/team": .string("red")],
            identity: [
                evalDoc(
                    stmt(
                        "Allow", "*", "*",
                        "\"Condition\": {\"StringEquals\": {\"aws:username\": \"alice\"}, \"StringLike\": {\"aws:PrincipalTag/team\": \"b*\"}}"
                    ))
            ],
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) operators in one block are ANDed: both hold",
            context: ["aws:username": .string("alice"), "aws:PrincipalTag/team": .string("blue")],
            identity: [
                evalDoc(
                    stmt(
                        "Allow", "*", "*",
                        "\"Condition\": {\"StringEquals\": {\"aws:username\": \"alice\"}, \"StringLike\": {\"aws:PrincipalTag/team\": \"b*\"}}"
                    ))
            ],
            expected: .allowed),
        EvalCase(
            rule: "\(rule) keys under one operator are ANDed",
            context: ["aws:username": .string("alice"), "aws:PrincipalTag/team": .string("red")],
            identity: [
                evalDoc(
                    stmt(
                        "Allow", "*", "*",
                        "\"Condition\": {\"StringEquals\": {\"aws:username\": \"alice\", \"aws:PrincipalTag/team\": \"blue\"}}"
                    ))
            ],
            expected: .implicitDeny),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
