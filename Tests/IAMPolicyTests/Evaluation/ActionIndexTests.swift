import IAMPolicy
import Testing

/// The evaluator skips statements by action through a per-policy index unless a trace is asked for; a trace
/// scans every statement. These tests check that both give the same decision, matched statements, missing
/// keys and denial reason: on the whole corpus, and on policies built to stress the index.
@Suite struct ActionIndexTests {
    static let corpus: [EvalCase] =
        ActionMatchingTests.cases + BoundaryAndSessionTests.cases + ConditionIPArnBinaryNullTests.cases
        + ConditionNumericDateTests.cases + ConditionStringTests.cases + CrossAccountTests.cases
        + DecisionProcedureTests.cases + MultivaluedKeyTests.cases + PolicyVariableTests.cases
        + PrincipalMatchingTests.cases + ResourceMatchingTests.cases + ResourcePolicyTests.cases + SCPTests.cases

    @Test func corpusIndexedEqualsFullScan() throws {
        #expect(Self.corpus.count >= 379)
        for testCase in Self.corpus {
            try expectSameAsFullScan(try testCase.request(), testCase.rule)
        }
    }

    static let indexCases: [EvalCase] = [
        indexCase(
            "only a NotAction statement applies", "ec2:RunInstances", .allowed,
            [
                stmt("Allow", "s3:GetObject"),
                "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}",
            ]),
        indexCase(
            "NotAction naming the request's service misses", "iam:CreateUser", .implicitDeny,
            [
                "{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*\", \"s3:*\"], \"Resource\": \"*\"}"
            ]),
        indexCase(
            "empty NotAction matches every action", "sqs:SendMessage", .allowed,
            [
                "{\"Effect\": \"Allow\", \"NotAction\": [], \"Resource\": \"*\"}"
            ]),
        indexCase(
            "empty Action matches nothing", "sqs:SendMessage", .implicitDeny,
            [
                "{\"Effect\": \"Allow\", \"Action\": [], \"Resource\": \"*\"}"
            ]),
        indexCase(
            "a * pattern in a policy that names other services", "kms:Decrypt", .allowed,
            [
                stmt("Allow", "s3:GetObject|iam:ListUsers"), stmt("Allow", "*"),
            ]),
        indexCase(
            "a wildcard in the service part", "S3Express:CreateSession", .allowed,
            [
                stmt("Allow", "s3:*"), stmt("Allow", "s3*:Create*"),
            ]),
        indexCase(
            "a literal service must not cover a longer one", "s3express:CreateSession", .implicitDeny,
            [
                stmt("Allow", "s3:*")
            ]),
        indexCase(
            "mixed-case request and patterns", "Ec2:describeINSTANCES", .explicitDeny,
            [
                stmt("Allow", "EC2:Describe*"), stmt("Deny", "ec2:DESCRIBEInstances"),
            ]),
        indexCase(
            "deny through NotAction, allow through the service bucket", "s3:PutObject", .explicitDeny,
            [
                stmt("Allow", "s3:Put*"),
                "{\"Effect\": \"Deny\", \"NotAction\": \"s3:Get*\", \"Resource\": \"*\"}",
            ]),
        indexCase(
            "an action without a colon is its service with an empty name", "s3", .allowed,
            [stmt("Allow", "s3:*"), stmt("Allow", "s3?")]),
        indexCase("a pattern without a colon", "s3", .allowed, [stmt("Allow", "S3")]),
        indexCase(
            "statement order is kept across buckets", "iam:GetUser", .allowed,
            [
                stmt("Allow", "*"), stmt("Allow", "iam:Get*"), stmt("Allow", "s3:*|iam:*"),
                "{\"Effect\": \"Allow\", \"NotAction\": \"s3:*\", \"Resource\": \"*\"}", stmt("Allow", "iam:GetUser"),
            ]),
    ]

    @Test(arguments: indexCases) func indexedEqualsFullScan(_ testCase: EvalCase) throws {
        try expectDecision(testCase)
        let result = try testCase.evaluate()
        #expect(result.decision == testCase.expected, "\(testCase.rule)")
        try expectSameAsFullScan(try testCase.request(), testCase.rule)
    }

    /// Forty services in one policy, with conditions (so missing keys are reported), checked for actions of
    /// every service, of no service in the policy, and in odd case.
    @Test func manyServicesMatchTheFullScan() throws {
        let services = (0..<40).map { "svc\($0)" }
        var statements: [String] = []
        for (number, service) in services.enumerated() {
            let extra = "\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/k\(number % 7)\": \"v\"}}"
            statements.append(stmt(number % 9 == 0 ? "Deny" : "Allow", "\(service):Get*", "*", extra))
            statements.append(stmt("Allow", "\(service):Put\(number)|\(services[(number + 1) % 40]):List*"))
            if number % 10 == 3 {
                statements.append("{\"Effect\": \"Allow\", \"NotAction\": \"\(service):*\", \"Resource\": \"*\"}")
            }
            if number % 13 == 5 { statements.append(stmt("Allow", "svc*:Describe*")) }
        }
        let policy = try ParsedPolicy(name: "many", text: evalDoc(statements.joined(separator: ", ")))
        var actions: [String] = ["other:GetThing", "SVC3:GETX", "svc", "", ":Get", "svc12:DescribeAll"]
        for service in services {
            actions += ["\(service):GetObject", "\(service.uppercased()):put3", "\(service):ListAll"]
        }
        for action in actions {
            let request = EvaluationRequest(
                principal: alice, action: action, resource: "*", context: ["aws:PrincipalTag/k2": .string("v")],
                identityPolicies: [policy, policy])
            try expectSameAsFullScan(request, action)
        }
    }

    private func expectSameAsFullScan(_ request: EvaluationRequest, _ note: String) throws {
        let indexed = PolicyEvaluator.evaluate(request)
        let full = PolicyEvaluator.evaluate(request, trace: true)
        #expect(indexed.decision == full.decision, "\(note)")
        #expect(indexed.matchedStatements == full.matchedStatements, "\(note)")
        #expect(indexed.missingContextKeys == full.missingContextKeys, "\(note)")
        #expect(indexed.denialReason == full.denialReason, "\(note)")
        #expect(indexed.trace == nil)
    }
}

private func indexCase(_ note: String, _ action: String, _ expected: Decision, _ statements: [String]) -> EvalCase {
    EvalCase(
        rule: "action index: \(note)", action: action, resource: "*",
        identity: [evalDoc(statements.joined(separator: ", "))], expected: expected)
}
