import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.1.8 cross-account"
private let namesBob = "{\"AWS\": \"\(bob.arn)\"}"
private let namesAccountB = "{\"AWS\": \"\(accountB)\"}"

@Suite struct CrossAccountTests {
    static let cases: [EvalCase] = [
        EvalCase(
            rule: "\(rule): identity allow without resource policy is an implicit deny", principal: bob,
            resourceAccount: accountA, identity: [allowAll], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): resource policy without identity allow is an implicit deny", principal: bob,
            resourceAccount: accountA, resourcePolicy: resourceDoc(principal: namesBob), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): both sides allow", principal: bob, resourceAccount: accountA, identity: [allowS3],
            resourcePolicy: resourceDoc(principal: namesBob), expected: .allowed),
        EvalCase(
            rule: "\(rule): resource policy naming the account, identity allows", principal: bob,
            resourceAccount: accountA, identity: [allowS3], resourcePolicy: resourceDoc(principal: namesAccountB),
            expected: .allowed),
        EvalCase(
            rule: "\(rule): resource policy naming the account root ARN", principal: bob,
            resourceAccount: accountA, identity: [allowS3],
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"arn:aws:iam::444455556666:root\"}"), expected: .allowed),
        EvalCase(
            rule: "\(rule): resource policy '*'", principal: bob, resourceAccount: accountA, identity: [allowS3],
            resourcePolicy: resourceDoc(principal: "\"*\""), expected: .allowed),
        EvalCase(
            rule: "\(rule): resource policy '*' still needs the trusted side's identity allow", principal: bob,
            resourceAccount: accountA, resourcePolicy: resourceDoc(principal: "\"*\""), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): naming the user does not bypass its boundary", principal: bob,
            resourceAccount: accountA, identity: [allowS3], boundary: allowEC2,
            resourcePolicy: resourceDoc(principal: namesBob), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): boundary that allows", principal: bob, resourceAccount: accountA,
            identity: [allowS3], boundary: allowS3, resourcePolicy: resourceDoc(principal: namesBob),
            expected: .allowed),
        EvalCase(
            rule: "\(rule): SCPs of the trusted account apply", principal: bob, resourceAccount: accountA,
            identity: [allowS3], resourcePolicy: resourceDoc(principal: namesBob), scps: [[allowEC2]],
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): explicit deny in the resource policy is final", principal: bob,
            resourceAccount: accountA, identity: [allowS3],
            resourcePolicy: evalDoc(
                stmt("Allow", "s3:*", "*", "\"Principal\": \(namesBob)"),
                stmt("Deny", "s3:GetObject", "*", "\"Principal\": \(namesAccountB)")), expected: .explicitDeny),
        EvalCase(
            rule: "\(rule): explicit deny in the identity policy is final", principal: bob,
            resourceAccount: accountA, identity: [allowS3, denyAll], resourcePolicy: resourceDoc(principal: namesBob),
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule): resource policy naming a different account", principal: bob,
            resourceAccount: accountA, identity: [allowS3],
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"\(accountA)\"}"),
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): role session named by role ARN, session policy limits",
            principal: EvaluationPrincipal(
                arn: "arn:aws:sts::444455556666:assumed-role/Reader/s", accountId: accountB,
                kind: .assumedRole(roleArn: "arn:aws:iam::444455556666:role/Reader")), resourceAccount: accountA,
            identity: [allowS3],
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"arn:aws:iam::444455556666:role/Reader\"}"),
            session: [allowEC2], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): role session named by session ARN, identity allows",
            principal: EvaluationPrincipal(
                arn: "arn:aws:sts::444455556666:assumed-role/Reader/s", accountId: accountB,
                kind: .assumedRole(roleArn: "arn:aws:iam::444455556666:role/Reader")), resourceAccount: accountA,
            identity: [allowS3],
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"arn:aws:sts::444455556666:assumed-role/Reader/s\"}"),
            expected: .allowed),
        EvalCase(
            rule: "\(rule): resourceAccount equal to the principal's is same-account", principal: alice,
            resourceAccount: accountA, resourcePolicy: resourceDoc(principal: "{\"AWS\": \"\(alice.arn)\"}"),
            expected: .allowed),
        EvalCase(
            rule: "\(rule): root of another account needs the resource policy",
            principal: EvaluationPrincipal(
                arn: "arn:aws:iam::444455556666:root", accountId: accountB, kind: .root), resourceAccount: accountA,
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): root of another account allowed when its account is named",
            principal: EvaluationPrincipal(arn: "arn:aws:iam::444455556666:root", accountId: accountB, kind: .root),
            resourceAccount: accountA, resourcePolicy: resourceDoc(principal: namesAccountB), expected: .allowed),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
