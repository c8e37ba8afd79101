import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.4"
private let homeResource = "arn:aws:s3:::bucket/home/${aws:username}/*"

private func homeCase(
    _ note: String, principal: EvaluationPrincipal = alice, resource: String,
    pattern: String =
        homeResource, version: String? = "2012-10-17", context: [String: ContextValue] = [:], _ allowed: Bool
) -> EvalCase {
    EvalCase(
        rule: "\(rule) \(note)", principal: principal, resource: resource, context: context,
        identity: [evalDoc(stmt("Allow", "s3:*", pattern), version: version)],
        expected: allowed ? .allowed : .implicitDeny)
}

@Suite struct PolicyVariableTests {
    static let cases: [EvalCase] = [
        homeCase("aws:username derived for an IAM user", resource: "arn:aws:s3:::bucket/home/alice/notes.txt", true),
        homeCase("aws:username: another user's folder", resource: "arn:aws:s3:::bucket/home/bob/notes.txt", false),
        homeCase(
            "explicit context value wins", resource: "arn:aws:s3:::bucket/home/zed/x",
            context: ["aws:username": .string("zed")], true),
        homeCase(
            "no aws:username for a role session: Resource matches nothing", principal: deployerSession,
            resource: "arn:aws:s3:::bucket/home/Deployer/x", false),
        homeCase(
            "Version 2008-10-17: variable is literal text", resource: "arn:aws:s3:::bucket/home/alice/x",
            version: "2008-10-17", false),
        homeCase(
            "no Version: variable is literal text", resource: "arn:aws:s3:::bucket/home/alice/x", version: nil,
            false),
        homeCase(
            "no Version: literal text matches itself", resource: "arn:aws:s3:::bucket/home/${aws:username}/x",
            version: nil, true),
        homeCase(
            "default value when the key is missing", principal: deployerSession,
            resource: "arn:aws:s3:::bucket/home/shared/x",
            pattern: "arn:aws:s3:::bucket/home/${aws:username, 'shared'}/*",
            true),
        homeCase(
            "default is not used when the key has a value", resource: "arn:aws:s3:::bucket/home/shared/x",
            pattern: "arn:aws:s3:::bucket/home/${aws:username, 'shared'}/*", false),
        homeCase(
            "principal tag with default", resource: "arn:aws:s3:::bucket/company-wide/x",
            pattern: "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*", true),
        homeCase(
            "principal tag value", resource: "arn:aws:s3:::bucket/blue/x",
            pattern: "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*",
            context: ["aws:PrincipalTag/team": .string("blue")],
            true),
        homeCase(
            "${*} is a literal star", resource: "arn:aws:s3:::bucket/a*b",
            pattern: "arn:aws:s3:::bucket/a${*}b", true),
        homeCase(
            "${*} is not a wildcard", resource: "arn:aws:s3:::bucket/axyzb", pattern: "arn:aws:s3:::bucket/a${*}b",
            false),
        homeCase(
            "${?} is a literal question mark", resource: "arn:aws:s3:::bucket/what?",
            pattern: "arn:aws:s3:::bucket/what${?}", true),
        homeCase(
            "${$} is a literal dollar", resource: "arn:aws:s3:::bucket/$5", pattern: "arn:aws:s3:::bucket/${$}5",
            true),
        homeCase(
            "substituted value is literal, not a wildcard", resource: "arn:aws:s3:::bucket/home/anything/x",
            context: ["aws:username": .string("*")], false),
        homeCase(
            "variable only after the fifth colon: literal in the account",
            resource:
                "arn:aws:s3:::bucket/x", pattern: "arn:aws:s3::${aws:PrincipalAccount}:bucket/*", false),
        homeCase(
            "multivalued key cannot be a variable", resource: "arn:aws:s3:::bucket/env/x",
            pattern: "arn:aws:s3:::bucket/${aws:TagKeys}/*", context: ["aws:TagKeys": .strings(["env", "team"])],
            false),
        conditionCase(
            "\(rule) variable in StringEquals", "StringEquals", "s3:prefix", "\"home/${aws:username}/\"",
            ["s3:prefix": .string("home/alice/")], true),
        conditionCase(
            "\(rule) variable in StringLike keeps the pattern's wildcards", "StringLike", "s3:prefix",
            "\"home/${aws:username}/*\"", ["s3:prefix": .string("home/alice/docs")], true),
        conditionCase(
            "\(rule) unresolved variable: StringEquals does not match", "StringEquals", "aws:ResourceTag/team",
            "\"${aws:PrincipalTag/team}\"", ["aws:ResourceTag/team": .string("blue")], false),
        conditionCase(
            "\(rule) unresolved variable: StringNotEquals matches (doc example)", "StringNotEquals",
            "aws:ResourceTag/team", "\"${aws:PrincipalTag/team}\"", ["aws:ResourceTag/team": .string("blue")], true),
        conditionCase(
            "\(rule) resolved variable: StringNotEquals on equal tags", "StringNotEquals",
            "aws:ResourceTag/team", "\"${aws:PrincipalTag/team}\"",
            ["aws:ResourceTag/team": .string("blue"), "aws:PrincipalTag/team": .string("blue")], false),
        conditionCase(
            "\(rule) variable in ArnLike", "ArnLike", "aws:SourceArn",
            "\"arn:aws:iam::111122223333:user/${aws:username}\"",
            ["aws:SourceArn": .string("arn:aws:iam::111122223333:user/alice")], true),
        conditionCase(
            "\(rule) no variables in Numeric values", "NumericEquals", "s3:max-keys", "\"${aws:username}\"",
            ["s3:max-keys": .string("5")], false),
        conditionCase(
            "\(rule) aws:PrincipalArn of a user is its ARN", "StringEquals", "aws:PrincipalArn",
            "\"\(alice.arn)\"", [:], true),
        EvalCase(
            rule: "\(rule) aws:PrincipalArn of a role session is the role ARN", principal: deployerSession,
            identity: [
                evalDoc(
                    stmt(
                        "Allow", "*", "*",
                        "\"Condition\": {\"StringEquals\": {\"aws:PrincipalArn\": \"\(roleArnA)\"}}"))
            ], expected: .allowed),
        conditionCase(
            "\(rule) variable in 2008 condition value is literal", "StringEquals", "s3:prefix",
            "\"${aws:username}\"", ["s3:prefix": .string("alice")], false, version: "2008-10-17"),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
