import IAMPolicy
import Testing

/// POLICY-EVALUATION §1.1: the result names the statements that decided, with where they are written.
@Suite struct MatchedStatementTests {
    private static let document = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "ReadAll", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
            {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::secret/*"},
            {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}
          ]
        }
        """

    private func evaluate(resource: String, action: String = "s3:GetObject") throws -> EvaluationResult {
        let policy = try ParsedPolicy(name: "user/alice:inline/ReadLogs", text: Self.document)
        return PolicyEvaluator.evaluate(
            EvaluationRequest(principal: alice, action: action, resource: resource, identityPolicies: [policy]))
    }

    @Test func allowCitesPolicySidIndexAndLineColumn() throws {
        let result = try evaluate(resource: "arn:aws:s3:::open/x")
        #expect(result.decision == .allowed)
        #expect(
            result.matchedStatements == [
                MatchedStatement(
                    policy: "user/alice:inline/ReadLogs", sid: "ReadAll", index: 0,
                    location: SourceLocation(line: 4, column: 5, offset: 50), effect: "Allow", source: .identity)
            ])
    }

    @Test func explicitDenyCitesTheDenyWithoutSid() throws {
        let result = try evaluate(resource: "arn:aws:s3:::secret/x")
        #expect(result.decision == .explicitDeny)
        #expect(result.matchedStatements.count == 1)
        #expect(result.matchedStatements.first?.sid == nil)
        #expect(result.matchedStatements.first?.index == 1)
        #expect(result.matchedStatements.first?.location?.line == 5)
        #expect(result.matchedStatements.first?.location?.column == 5)
        #expect(result.matchedStatements.first?.effect == "Deny")
        #expect(result.denialReason == "with an explicit deny in an identity-based policy")
    }

    @Test func deleteIsDeniedBySid() throws {
        let result = try evaluate(resource: "arn:aws:s3:::open/x", action: "s3:DeleteObject")
        #expect(result.decision == .explicitDeny)
        #expect(result.matchedStatements.map(\.sid) == ["NoDelete"])
        #expect(result.matchedStatements.first?.location?.line == 6)
    }

    @Test func implicitDenyCitesNothing() throws {
        let result = try evaluate(resource: "arn:aws:s3:::open/x", action: "s3:PutObject")
        #expect(result.decision == .implicitDeny)
        #expect(result.matchedStatements.isEmpty)
    }

    @Test func sourcesAreLabelled() throws {
        let testCase = EvalCase(
            rule: "", identity: [allowAll], scps: [[allowAll], [allowS3]], expected: .allowed)
        let result = try testCase.evaluate()
        #expect(result.matchedStatements.map(\.source) == [.identity, .scp(level: 0), .scp(level: 1)])
        #expect(result.matchedStatements.map(\.policy) == ["identity0", "scp0.0", "scp1.0"])
        let resource = try EvalCase(
            rule: "", resourcePolicy: resourceDoc(principal: "{\"AWS\": \"\(alice.arn)\"}"), expected: .allowed
        ).evaluate()
        #expect(resource.matchedStatements.map(\.source) == [.resource])
    }

    @Test func missingContextKeysAreReportedForApplicableStatements() throws {
        let condition = "\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": \"blue\"}}"
        let other = "\"Condition\": {\"StringEquals\": {\"aws:RequestTag/x\": \"y\"}}"
        let result = try EvalCase(
            rule: "POLICY-EVALUATION §1.3 missing context values",
            identity: [evalDoc(stmt("Allow", "s3:*", "*", condition), stmt("Allow", "ec2:*", "*", other))],
            expected: .implicitDeny
        ).evaluate()
        #expect(result.decision == .implicitDeny)
        #expect(result.missingContextKeys == ["aws:PrincipalTag/team"])
    }
}
