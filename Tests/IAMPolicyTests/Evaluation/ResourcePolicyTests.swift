import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.1.3"
private let namesAlice = "{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}"
private let namesRole = "{\"AWS\": \"\(roleArnA)\"}"
private let namesSession = "{\"AWS\": \"\(sessionArnA)\"}"
private let namesAccountRoot = "{\"AWS\": \"arn:aws:iam::111122223333:root\"}"
private let namesAccountID = "{\"AWS\": \"111122223333\"}"

@Suite struct ResourcePolicyTests {
    static let cases: [EvalCase] = [
        EvalCase(
            rule: "\(rule) user ARN named: allowed with no identity policy",
            resourcePolicy: resourceDoc(principal: namesAlice), expected: .allowed),
        EvalCase(
            rule: "\(rule) user ARN named: allowed although identity allows only other services",
            identity: [allowEC2], resourcePolicy: resourceDoc(principal: namesAlice), expected: .allowed),
        EvalCase(
            rule: "\(rule) user ARN named: allowed even if the boundary implicitly denies",
            boundary: allowEC2, resourcePolicy: resourceDoc(principal: namesAlice), expected: .allowed),
        EvalCase(
            rule: "\(rule) user ARN named: boundary explicit deny still wins", boundary: denyAll,
            resourcePolicy: resourceDoc(principal: namesAlice), expected: .explicitDeny),
        EvalCase(
            rule: "\(rule) user ARN named: identity explicit deny still wins", identity: [denyAll],
            resourcePolicy: resourceDoc(principal: namesAlice), expected: .explicitDeny),
        EvalCase(
            rule: "\(rule) resource policy for another action grants nothing",
            resourcePolicy: resourceDoc(principal: namesAlice, action: "s3:PutObject"), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) resource policy naming another user grants nothing",
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"\(bob.arn)\"}"), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) statement without Principal in a resource policy applies to no one",
            resourcePolicy: evalDoc(stmt("Allow", "s3:*")), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) role ARN named, session asks: allowed without identity policy",
            principal: deployerSession, resourcePolicy: resourceDoc(principal: namesRole), expected: .allowed),
        EvalCase(
            rule: "\(rule) role ARN named: limited by boundary implicit deny", principal: deployerSession,
            boundary: allowEC2, resourcePolicy: resourceDoc(principal: namesRole), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) role ARN named: boundary that allows lets it through", principal: deployerSession,
            boundary: allowS3, resourcePolicy: resourceDoc(principal: namesRole), expected: .allowed),
        EvalCase(
            rule: "\(rule) role ARN named: limited by session policy implicit deny", principal: deployerSession,
            resourcePolicy: resourceDoc(principal: namesRole), session: [allowEC2], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) role ARN named: session policy that allows", principal: deployerSession,
            resourcePolicy: resourceDoc(principal: namesRole), session: [allowS3], expected: .allowed),
        EvalCase(
            rule: "\(rule) role ARN named, role itself asks: limited by boundary", principal: deployerRole,
            boundary: allowEC2, resourcePolicy: resourceDoc(principal: namesRole), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) session ARN named: not limited by boundary", principal: deployerSession,
            boundary: allowEC2, resourcePolicy: resourceDoc(principal: namesSession), expected: .allowed),
        EvalCase(
            rule: "\(rule) session ARN named: not limited by session policy", principal: deployerSession,
            resourcePolicy: resourceDoc(principal: namesSession), session: [allowEC2], expected: .allowed),
        EvalCase(
            rule: "\(rule) federated user ARN named: not limited by session policy", principal: fedUser,
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"\(fedUser.arn)\"}"), session: [allowEC2],
            expected: .allowed),
        EvalCase(
            rule: "\(rule) account root ARN named: user still needs identity allow",
            resourcePolicy: resourceDoc(principal: namesAccountRoot), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) account root ARN named: with identity allow", identity: [allowS3],
            resourcePolicy: resourceDoc(principal: namesAccountRoot), expected: .allowed),
        EvalCase(
            rule: "\(rule) account ID named: user still needs identity allow",
            resourcePolicy: resourceDoc(principal: namesAccountID), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) account ID named: with identity allow", identity: [allowS3],
            resourcePolicy: resourceDoc(principal: namesAccountID), expected: .allowed),
        EvalCase(
            rule: "\(rule) account named: boundary still limits", identity: [allowS3], boundary: allowEC2,
            resourcePolicy: resourceDoc(principal: namesAccountID), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) Deny naming the account covers every identity in it", identity: [allowAll],
            resourcePolicy: resourceDoc("Deny", principal: namesAccountID), expected: .explicitDeny),
        EvalCase(
            rule: "\(rule) Deny naming the account root ARN covers a role session", principal: deployerSession,
            identity: [allowAll], resourcePolicy: resourceDoc("Deny", principal: namesAccountRoot),
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule) '*' named: no other permission needed",
            resourcePolicy: resourceDoc(principal: "\"*\""), expected: .allowed),
        EvalCase(
            rule: "\(rule) {AWS: '*'} named: no other permission needed",
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"*\"}"), expected: .allowed),
        EvalCase(
            rule: "\(rule) KMS key policy: identity allow alone is not enough", action: "kms:Decrypt",
            resource: "arn:aws:kms:us-east-1:111122223333:key/k1", identity: [allowAll], resourceKind: .kmsKeyPolicy,
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) KMS key policy naming the account delegates to identity allow", action: "kms:Decrypt",
            resource: "arn:aws:kms:us-east-1:111122223333:key/k1", identity: [allowAll],
            resourcePolicy: evalDoc(stmt("Allow", "kms:*", "*", "\"Principal\": \(namesAccountRoot)")),
            resourceKind: .kmsKeyPolicy, expected: .allowed),
        EvalCase(
            rule: "\(rule) KMS key policy naming the account: no identity allow", action: "kms:Decrypt",
            resource: "arn:aws:kms:us-east-1:111122223333:key/k1",
            resourcePolicy: evalDoc(stmt("Allow", "kms:*", "*", "\"Principal\": \(namesAccountRoot)")),
            resourceKind: .kmsKeyPolicy, expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) KMS key policy naming the user allows by itself", action: "kms:Decrypt",
            resource: "arn:aws:kms:us-east-1:111122223333:key/k1",
            resourcePolicy: evalDoc(stmt("Allow", "kms:*", "*", "\"Principal\": \(namesAlice)")),
            resourceKind: .kmsKeyPolicy, expected: .allowed),
        EvalCase(
            rule: "\(rule) KMS key policy must allow even the root user", principal: rootA,
            action: "kms:Decrypt", resource: "arn:aws:kms:us-east-1:111122223333:key/k1",
            resourceKind: .kmsKeyPolicy, expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) trust policy must itself allow", action: "sts:AssumeRole", resource: roleArnA,
            identity: [allowAll], resourceKind: .roleTrustPolicy, expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) trust policy naming the user allows AssumeRole", action: "sts:AssumeRole",
            resource: roleArnA,
            resourcePolicy: evalDoc(
                "{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": \(namesAlice)}"),
            resourceKind: .roleTrustPolicy, expected: .allowed),
        EvalCase(
            rule: "\(rule) trust policy naming the account needs identity allow", action: "sts:AssumeRole",
            resource: roleArnA,
            resourcePolicy: evalDoc(
                "{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": \(namesAccountID)}"),
            resourceKind: .roleTrustPolicy, expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) service principal allowed by a trust policy",
            principal: EvaluationPrincipal(
                arn: "ec2.amazonaws.com", accountId: "", kind: .service), action: "sts:AssumeRole", resource: roleArnA,
            resourcePolicy: evalDoc(
                "{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}}"
            ),
            resourceKind: .roleTrustPolicy, expected: .allowed),
        EvalCase(
            rule: "\(rule) Allow with NotPrincipal grants everyone not listed",
            resourcePolicy: evalDoc(stmt("Allow", "s3:*", "*", "\"NotPrincipal\": {\"AWS\": \"\(bob.arn)\"}")),
            expected: .allowed),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
