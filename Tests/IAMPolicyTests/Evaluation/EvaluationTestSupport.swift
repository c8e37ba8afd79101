import IAMPolicy
import Testing

let accountA = "111122223333"
let accountB = "444455556666"
let alice = EvaluationPrincipal(arn: "arn:aws:iam::111122223333:user/alice", accountId: accountA, kind: .user)
let bob = EvaluationPrincipal(arn: "arn:aws:iam::444455556666:user/bob", accountId: accountB, kind: .user)
let rootA = EvaluationPrincipal(arn: "arn:aws:iam::111122223333:root", accountId: accountA, kind: .root)
let roleArnA = "arn:aws:iam::111122223333:role/ops/Deployer"
let sessionArnA = "arn:aws:sts::111122223333:assumed-role/Deployer/build-1"
let deployerSession = EvaluationPrincipal(
    arn: sessionArnA, accountId: accountA, kind: .assumedRole(roleArn: roleArnA))
let deployerRole = EvaluationPrincipal(arn: roleArnA, accountId: accountA, kind: .role)
let fedUser = EvaluationPrincipal(
    arn: "arn:aws:sts::111122223333:federated-user/carol", accountId: accountA, kind: .federatedUser)
let s3Service = EvaluationPrincipal(arn: "s3.amazonaws.com", accountId: "", kind: .service)
let anonymous = EvaluationPrincipal(arn: "anonymous", accountId: "", kind: .anonymous)
let bucketObject = "arn:aws:s3:::bucket/key"

/// One evaluation and the decision the documentation requires.
struct EvalCase: Sendable, CustomStringConvertible {
    var rule: String
    var principal = alice
    var action = "s3:GetObject"
    var resource = bucketObject
    var resourceAccount: String?
    var context: [String: ContextValue] = [:]
    var identity: [String] = []
    var boundary: String?
    var resourcePolicy: String?
    var resourceKind = ResourcePolicyKind.generic
    var scps: [[String]] = []
    var session: [String] = []
    var expected: Decision

    var description: String { rule }

    func request() throws -> EvaluationRequest {
        func parse(_ text: String, _ name: String) throws -> ParsedPolicy { try ParsedPolicy(name: name, text: text) }
        return EvaluationRequest(
            principal: principal, action: action, resource: resource, resourceAccount: resourceAccount,
            context: context,
            identityPolicies: try identity.enumerated().map { try parse($0.element, "identity\($0.offset)") },
            permissionsBoundary: try boundary.map { try parse($0, "boundary") },
            resourcePolicy: try resourcePolicy.map { try parse($0, "resource") }, resourcePolicyKind: resourceKind,
            scps: try scps.enumerated().map { level in
                try level.element.enumerated().map { try parse($0.element, "scp\(level.offset).\($0.offset)") }
            },
            sessionPolicies: try session.enumerated().map { try parse($0.element, "session\($0.offset)") })
    }

    func evaluate(trace: Bool = false) throws -> EvaluationResult {
        PolicyEvaluator.evaluate(try request(), trace: trace)
    }
}

/// Runs `testCase` and checks its exact decision, naming the rule on failure.
func expectDecision(_ testCase: EvalCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let result = try testCase.evaluate(trace: true)
    #expect(
        result.decision == testCase.expected,
        "\(testCase.rule): got \(result.decision), trace \(result.trace ?? [])", sourceLocation: sourceLocation)
}

/// A policy document with the given statements.
func evalDoc(_ statements: String..., version: String? = "2012-10-17") -> String {
    let versionMember = version.map { "\"Version\": \"\($0)\", " } ?? ""
    return "{" + versionMember + "\"Statement\": [" + statements.joined(separator: ", ") + "]}"
}

/// A statement: `effect`, `Action`, `Resource` and any extra members written as JSON.
func stmt(_ effect: String, _ action: String = "*", _ resource: String? = "*", _ extra: String = "") -> String {
    var members = ["\"Effect\": \"\(effect)\"", "\"Action\": \(jsonList(action))"]
    if let resource { members.append("\"Resource\": \(jsonList(resource))") }
    if !extra.isEmpty { members.append(extra) }
    return "{" + members.joined(separator: ", ") + "}"
}

/// `"a"` for one item, `["a", "b"]` for items separated by `|`.
func jsonList(_ items: String) -> String {
    let parts = items.split(separator: "|").map { "\"\($0)\"" }
    return parts.count == 1 ? parts[0] : "[" + parts.joined(separator: ", ") + "]"
}

let allowAll = evalDoc(stmt("Allow"))
let denyAll = evalDoc(stmt("Deny"))
let allowS3 = evalDoc(stmt("Allow", "s3:*"))
let allowEC2 = evalDoc(stmt("Allow", "ec2:*"))

/// A resource policy statement naming `principal` (JSON) with `effect`.
func resourceDoc(_ effect: String = "Allow", principal: String, action: String = "s3:*", extra: String = "") -> String {
    evalDoc(
        stmt(
            effect, action, "arn:aws:s3:::bucket/*", "\"Principal\": \(principal)" + (extra.isEmpty ? "" : ", " + extra)
        ))
}

/// An identity policy that allows everything under one condition: the case's decision is the condition's result.
func conditionCase(
    _ rule: String, _ conditionOperator: String, _ key: String, _ values: String, _ context: [String: ContextValue],
    _ holds: Bool, version: String? = "2012-10-17"
) -> EvalCase {
    let condition = "\"Condition\": {\"\(conditionOperator)\": {\"\(key)\": \(values)}}"
    return EvalCase(
        rule: rule, context: context, identity: [evalDoc(stmt("Allow", "*", "*", condition), version: version)],
        expected: holds ? .allowed : .implicitDeny)
}

/// Checks that `engine` decides `request` (with what it reads asked for first) exactly as the traced scan of
/// every statement does: decision, statements, missing keys and reason, and as a fresh evaluation does.
func expectEngineEqualsTrace(
    _ request: EvaluationRequest, _ engine: PolicyEvaluator.Engine, _ note: String
) throws {
    engine.prefetch(request)
    let decision = engine.decide(request)
    let fast = engine.result(for: request)
    let full = PolicyEvaluator.evaluate(request, trace: true)
    #expect(decision == full.decision, "\(note)")
    #expect(fast.matchedStatements == full.matchedStatements, "\(note)")
    #expect(fast.missingContextKeys == full.missingContextKeys, "\(note)")
    #expect(fast.denialReason == full.denialReason, "\(note)")
    let fresh = PolicyEvaluator.evaluate(request)
    #expect(fresh.matchedStatements == fast.matchedStatements && fresh.decision == decision, "\(note)")
}
