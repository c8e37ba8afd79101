import IAMPolicy
import Testing

private let boundaryRule = "POLICY-EVALUATION §1.1.5 boundary"
private let sessionRule = "POLICY-EVALUATION §1.1.6 session policy"

@Suite struct BoundaryAndSessionTests {
    static let cases: [EvalCase] = [
        EvalCase(
            rule: "\(boundaryRule): intersection, both allow", identity: [allowS3], boundary: allowS3,
            expected: .allowed),
        EvalCase(
            rule: "\(boundaryRule): boundary does not allow the action", identity: [allowAll], boundary: allowEC2,
            expected: .implicitDeny),
        EvalCase(
            rule: "\(boundaryRule): boundary never grants on its own", boundary: allowAll,
            expected: .implicitDeny),
        EvalCase(
            rule: "\(boundaryRule): boundary allows only another resource", identity: [allowAll],
            boundary: evalDoc(stmt("Allow", "s3:*", "arn:aws:s3:::other/*")), expected: .implicitDeny),
        EvalCase(
            rule: "\(boundaryRule): deny in boundary", identity: [allowAll],
            boundary: evalDoc(stmt("Allow"), stmt("Deny", "s3:Get*")), expected: .explicitDeny),
        EvalCase(
            rule: "\(boundaryRule): applies to role sessions", principal: deployerSession, identity: [allowAll],
            boundary: allowEC2, expected: .implicitDeny),
        EvalCase(
            rule: "\(boundaryRule): NotPrincipal Deny always denies a principal with a boundary",
            identity: [allowAll], boundary: allowAll,
            resourcePolicy: evalDoc(
                stmt(
                    "Deny", "s3:*", "*",
                    "\"NotPrincipal\": {\"AWS\": [\"\(alice.arn)\", \"arn:aws:iam::111122223333:root\"]}")),
            expected: .explicitDeny),
        EvalCase(
            rule: "POLICY-EVALUATION §1.2 NotPrincipal Deny spares the listed user and account (no boundary)",
            identity: [allowAll],
            resourcePolicy: evalDoc(
                stmt(
                    "Deny", "s3:*", "*",
                    "\"NotPrincipal\": {\"AWS\": [\"\(alice.arn)\", \"arn:aws:iam::111122223333:root\"]}")),
            expected: .allowed),
        EvalCase(
            rule: "POLICY-EVALUATION §1.2 NotPrincipal Deny: user listed without its account is denied",
            identity: [allowAll],
            resourcePolicy: evalDoc(stmt("Deny", "s3:*", "*", "\"NotPrincipal\": {\"AWS\": \"\(alice.arn)\"}")),
            expected: .explicitDeny),
        EvalCase(
            rule: "POLICY-EVALUATION §1.2 NotPrincipal Deny denies an unlisted user", identity: [allowAll],
            resourcePolicy: evalDoc(stmt("Deny", "s3:*", "*", "\"NotPrincipal\": {\"AWS\": \"\(bob.arn)\"}")),
            expected: .explicitDeny),
        EvalCase(
            rule: "POLICY-EVALUATION §1.2 NotPrincipal Deny spares a session listed with role and account",
            principal: deployerSession, identity: [allowAll],
            resourcePolicy: evalDoc(
                stmt(
                    "Deny", "s3:*", "*",
                    "\"NotPrincipal\": {\"AWS\": [\"\(sessionArnA)\", \"\(roleArnA)\", \"\(accountA)\"]}")),
            expected: .allowed),
        EvalCase(
            rule: "\(sessionRule): intersection, both allow", principal: deployerSession, identity: [allowS3],
            session: [allowS3], expected: .allowed),
        EvalCase(
            rule: "\(sessionRule): session policy does not allow", principal: deployerSession,
            identity: [allowAll], session: [allowEC2], expected: .implicitDeny),
        EvalCase(
            rule: "\(sessionRule): never grants on its own", principal: deployerSession, session: [allowAll],
            expected: .implicitDeny),
        EvalCase(
            rule: "\(sessionRule): one of several session policies allowing is enough",
            principal: deployerSession, identity: [allowAll], session: [allowEC2, allowS3], expected: .allowed),
        EvalCase(
            rule: "\(sessionRule): federated user session limited", principal: fedUser, identity: [allowAll],
            session: [allowEC2], expected: .implicitDeny),
        EvalCase(
            rule: "\(sessionRule) and boundary: all three must allow", principal: deployerSession,
            identity: [allowAll], boundary: allowS3, session: [allowS3], expected: .allowed),
        EvalCase(
            rule: "\(sessionRule) and boundary: boundary fails", principal: deployerSession,
            identity: [allowAll], boundary: allowEC2, session: [allowS3], expected: .implicitDeny),
        EvalCase(
            rule: "\(sessionRule): account-named resource policy still needs the session policy",
            principal: deployerSession, identity: [allowAll],
            resourcePolicy: resourceDoc(principal: "{\"AWS\": \"\(accountA)\"}"), session: [allowEC2],
            expected: .implicitDeny),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }

    @Test func reasonsNameTheLimitingPolicy() throws {
        let boundary = try EvalCase(rule: "", identity: [allowAll], boundary: allowEC2, expected: .implicitDeny)
            .evaluate()
        #expect(boundary.denialReason == "no permissions boundary allows the s3:GetObject action")
        let session = try EvalCase(
            rule: "", principal: deployerSession, identity: [allowAll], session: [allowEC2], expected: .implicitDeny
        ).evaluate()
        #expect(session.denialReason == "no session policy allows the s3:GetObject action")
        let scp = try EvalCase(rule: "", identity: [allowAll], scps: [[allowEC2]], expected: .implicitDeny).evaluate()
        #expect(scp.denialReason == "no service control policy allows the s3:GetObject action")
    }
}
