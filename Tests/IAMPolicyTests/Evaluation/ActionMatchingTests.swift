import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.2 Action"

private func actionCase(_ note: String, _ pattern: String, _ action: String, _ matches: Bool) -> EvalCase {
    EvalCase(
        rule: "\(rule): \(note)", action: action, resource: "*",
        identity: [evalDoc(stmt("Allow", pattern, "*"))], expected: matches ? .allowed : .implicitDeny)
}

private func notActionCase(
    _ note: String, _ pattern: String, _ action: String, _ resource: String, _ allowed: Bool
)
    -> EvalCase
{
    EvalCase(
        rule: "\(rule) NotAction: \(note)", action: action, resource: resource,
        identity: [
            evalDoc("{\"Effect\": \"Allow\", \"NotAction\": \(jsonList(pattern)), \"Resource\": \"arn:aws:s3:::*\"}")
        ],
        expected: allowed ? .allowed : .implicitDeny)
}

@Suite struct ActionMatchingTests {
    static let cases: [EvalCase] = [
        actionCase("exact", "iam:ListUsers", "iam:ListUsers", true),
        actionCase("case-insensitive action name", "iam:listusers", "iam:ListUsers", true),
        actionCase("case-insensitive service prefix", "IAM:ListUsers", "iam:ListUsers", true),
        actionCase("request in odd case", "iam:ListAccessKeys", "IAM:listaccesskeys", true),
        actionCase("different action", "iam:ListUsers", "iam:ListRoles", false),
        actionCase("prefix of the action is not the action", "iam:List", "iam:ListUsers", false),
        actionCase("'*' matches every action", "*", "ec2:RunInstances", true),
        actionCase("service wildcard", "s3:*", "s3:GetObject", true),
        actionCase("service prefix is literal: s3:* vs s3express", "s3:*", "s3express:CreateSession", false),
        actionCase("service wildcard of another service", "ec2:*", "s3:GetObject", false),
        actionCase("trailing wildcard", "iam:List*", "iam:ListUsers", true),
        actionCase("trailing wildcard, other verb", "iam:List*", "iam:GetUser", false),
        actionCase("leading wildcard", "iam:*User", "iam:CreateUser", true),
        actionCase("leading wildcard, other suffix", "iam:*User", "iam:CreateUsers", false),
        actionCase("middle wildcard", "iam:*Access*", "iam:ListAccessKeys", true),
        actionCase("'?' is one character", "iam:?etUser", "iam:GetUser", true),
        actionCase("'?' needs exactly one character", "iam:?GetUser", "iam:GetUser", false),
        actionCase("two '?'", "s3:Get??ject", "s3:GetObject", true),
        actionCase("wildcard is case-insensitive too", "s3:get*", "s3:GetObject", true),
        actionCase("one of a list", "ec2:*|s3:GetObject", "s3:GetObject", true),
        actionCase("none of a list", "ec2:*|s3:PutObject", "s3:GetObject", false),
        actionCase("'*' alone after the colon", "sts:*", "sts:AssumeRole", true),
        actionCase("wildcard service", "*:GetObject", "s3:GetObject", true),
        actionCase("empty name after colon", "s3:", "s3:GetObject", false),
        notActionCase(
            "everything except the listed action", "s3:DeleteBucket", "s3:GetObject", "arn:aws:s3:::bucket/key", true),
        notActionCase(
            "the listed action is excluded", "s3:DeleteBucket", "s3:DeleteBucket", "arn:aws:s3:::bucket", false),
        notActionCase(
            "Resource still scopes: nothing outside S3", "s3:DeleteBucket", "iam:ListUsers",
            "arn:aws:iam::111122223333:user/x", false),
        notActionCase("case-insensitive exclusion", "S3:deletebucket", "s3:DeleteBucket", "arn:aws:s3:::bucket", false),
        notActionCase("wildcard exclusion", "s3:Delete*", "s3:DeleteObject", "arn:aws:s3:::bucket/key", false),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
