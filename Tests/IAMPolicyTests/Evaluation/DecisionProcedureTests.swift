import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.1"

@Suite struct DecisionProcedureTests {
    static let cases: [EvalCase] = [
        EvalCase(rule: "\(rule).4 no policy at all: implicit deny", expected: .implicitDeny),
        EvalCase(rule: "\(rule).4 identity allow grants", identity: [allowAll], expected: .allowed),
        EvalCase(
            rule: "\(rule).4 identity allow of another service: implicit deny", identity: [allowEC2],
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule).1 identity deny overrides identity allow", identity: [allowAll, denyAll],
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 deny in the same policy overrides allow",
            identity: [evalDoc(stmt("Allow"), stmt("Deny", "s3:GetObject"))], expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 deny of another action does not apply",
            identity: [evalDoc(stmt("Allow"), stmt("Deny", "s3:PutObject"))], expected: .allowed),
        EvalCase(rule: "\(rule).1 deny alone is an explicit deny", identity: [denyAll], expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 deny in boundary is final", identity: [allowAll], boundary: denyAll,
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 deny in session policy is final", principal: deployerSession, identity: [allowAll],
            session: [evalDoc(stmt("Allow"), stmt("Deny", "s3:*"))], expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 deny in SCP is final", identity: [allowAll], scps: [[allowAll, denyAll]],
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 deny in resource policy naming the user is final", identity: [allowAll],
            resourcePolicy: resourceDoc("Deny", principal: "{\"AWS\": \"\(alice.arn)\"}"), expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 deny in resource policy naming another principal does not apply",
            identity: [allowAll], resourcePolicy: resourceDoc("Deny", principal: "{\"AWS\": \"\(bob.arn)\"}"),
            expected: .allowed),
        EvalCase(
            rule: "\(rule).1 root: resource-policy deny applies to the root user too", principal: rootA,
            resourcePolicy: resourceDoc("Deny", principal: "\"*\""), expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 root: SCP deny applies to the root user too", principal: rootA,
            scps: [[allowAll, denyAll]], expected: .explicitDeny),
        EvalCase(rule: "\(rule).7 root allowed with no policies", principal: rootA, expected: .allowed),
        EvalCase(
            rule: "\(rule).7 root allowed when SCPs allow", principal: rootA, scps: [[allowAll], [allowS3]],
            expected: .allowed),
        EvalCase(
            rule: "\(rule).2/7 root implicitly denied when an SCP level allows nothing", principal: rootA,
            scps: [[allowAll], [allowEC2]], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule).7 root ignores identity policies given by mistake", principal: rootA,
            identity: [allowEC2], expected: .allowed),
        EvalCase(
            rule: "\(rule).4 several identity policies: one allow is enough", identity: [allowEC2, allowS3],
            expected: .allowed),
        EvalCase(
            rule: "\(rule).4 role session needs an identity allow", principal: deployerSession,
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule).4 role session with identity allow", principal: deployerSession,
            identity: [allowS3], expected: .allowed),
        EvalCase(
            rule: "\(rule).4 federated user session with identity allow", principal: fedUser,
            identity: [allowS3], expected: .allowed),
        EvalCase(
            rule: "\(rule).3 service principal without resource policy: implicit deny",
            principal: s3Service, identity: [allowAll], expected: .implicitDeny),
        EvalCase(
            rule: "\(rule).3 anonymous caller allowed by resource policy '*'", principal: anonymous,
            resourcePolicy: resourceDoc(principal: "\"*\""), expected: .allowed),
        EvalCase(
            rule: "\(rule).3 anonymous caller not covered by {AWS: account}", principal: anonymous,
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"\(accountA)\"}"), expected: .implicitDeny),
        EvalCase(
            rule: "\(rule).1 Deny with NotAction denies other actions",
            identity: [
                allowAll,
                evalDoc(
                    "{\"Effect\": \"Deny\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}"),
            ], expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 Deny with NotResource denies every other resource",
            identity: [
                allowAll,
                evalDoc(
                    "{\"Effect\": \"Deny\", \"Action\": \"*\", \"NotResource\": \"arn:aws:s3:::other/*\"}"),
            ],
            expected: .explicitDeny),
        EvalCase(
            rule: "\(rule).1 Deny with NotResource spares the listed resource",
            identity: [
                allowAll,
                evalDoc(
                    "{\"Effect\": \"Deny\", \"Action\": \"*\", \"NotResource\": \"arn:aws:s3:::bucket/*\"}"),
            ],
            expected: .allowed),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }

    @Test func denialReasonsFollowAWSWording() throws {
        let implicit = try EvalCase(rule: "", identity: [allowEC2], expected: .implicitDeny).evaluate()
        #expect(implicit.denialReason == "no identity-based policy allows the s3:GetObject action")
        let scp = try EvalCase(rule: "", identity: [allowAll], scps: [[denyAll]], expected: .explicitDeny).evaluate()
        #expect(scp.denialReason == "with an explicit deny in a service control policy")
        let request = try EvalCase(rule: "", identity: [allowEC2], expected: .implicitDeny).request()
        #expect(
            implicit.accessDeniedMessage(for: request)
                == "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: "
                + "arn:aws:s3:::bucket/key because no identity-based policy allows the s3:GetObject action")
        let allowed = try EvalCase(rule: "", identity: [allowAll], expected: .allowed).evaluate()
        #expect(allowed.denialReason == nil)
    }
}
