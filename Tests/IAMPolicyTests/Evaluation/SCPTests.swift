import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.1.2 SCPs"

@Suite struct SCPTests {
    static let cases: [EvalCase] = [
        EvalCase(rule: "\(rule): no Organizations (empty) imposes nothing", identity: [allowAll], expected: .allowed),
        EvalCase(
            rule: "\(rule): FullAWSAccess at every level", identity: [allowAll],
            scps: [[allowAll], [allowAll], [allowAll]], expected: .allowed),
        EvalCase(
            rule: "\(rule): a level without an allow is an implicit deny, not explicit", identity: [allowAll],
            scps: [[allowAll], [allowEC2], [allowAll]], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): the account level without an allow", identity: [allowAll],
            scps: [[allowAll], [allowAll], [allowEC2]], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): a level with no policies allows nothing", identity: [allowAll],
            scps: [[allowAll], []], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): one allowing policy per level is enough", identity: [allowAll],
            scps: [[allowEC2, allowS3], [allowS3]], expected: .allowed),
        EvalCase(rule: "\(rule): SCPs never grant", scps: [[allowAll]], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): deny at the root level", identity: [allowAll], scps: [[allowAll, denyAll], [allowAll]],
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule): deny of another action does not apply", identity: [allowAll],
            scps: [[allowAll, evalDoc(stmt("Deny", "s3:DeleteBucket"))]], expected: .allowed),
        EvalCase(
            rule: "\(rule): apply to role sessions", principal: deployerSession, identity: [allowAll],
            scps: [[allowEC2]], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): apply to the root user", principal: rootA, scps: [[allowEC2]],
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): also limit a resource policy grant naming the user",
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"\(alice.arn)\"}"), scps: [[allowEC2]],
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule): do not apply to service principals (choice)", principal: s3Service,
            resourcePolicy: resourceDoc(principal: "{\"Service\": \"s3.amazonaws.com\"}"), scps: [[allowEC2]],
            expected: .allowed),
        EvalCase(
            rule: "\(rule): SCP with a condition that holds",
            context: ["aws:RequestedRegion": .string("eu-west-1")], identity: [allowAll],
            scps: [
                [
                    evalDoc(
                        stmt(
                            "Allow", "*", "*",
                            "\"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}"))
                ]
            ],
            expected: .allowed),
        EvalCase(
            rule: "\(rule): region-restricting SCP deny with StringNotEquals",
            context: ["aws:RequestedRegion": .string("us-east-1")], identity: [allowAll],
            scps: [
                [
                    allowAll,
                    evalDoc(
                        stmt(
                            "Deny", "*", "*",
                            "\"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": [\"eu-west-1\", \"eu-central-1\"]}}"
                        )),
                ]
            ],
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule): allow-list SCP with NotAction", identity: [allowAll],
            scps: [[evalDoc("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}")]],
            expected: .allowed),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
