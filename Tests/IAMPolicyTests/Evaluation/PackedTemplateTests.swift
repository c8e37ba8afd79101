import IAMPolicy
import Testing

/// A plan holds a string condition value with policy variables as its parts and resolves them from the
/// request's prepared block (``PackedCondition``). These tests check, through plans, that every shape of
/// such a value decides as the traced scan does: variables present, missing, with defaults, derived from the
/// principal, multivalued, non-ASCII under a case-folding operator, substituted text holding wildcards,
/// literal `${*}`, and negated operators.
@Suite struct PackedTemplateTests {
    static let conditions = [
        "{\"StringLike\": {\"s3:prefix\": [\"home/${aws:username}/*\", \"reports/*\"]}}",
        "{\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:PrincipalTag/team}\"}}",
        "{\"StringEqualsIgnoreCase\": {\"aws:ResourceTag/owner\": \"${aws:PrincipalTag/team}-Ops\"}}",
        "{\"StringEqualsIgnoreCase\": {\"aws:ResourceTag/owner\": \"${aws:PrincipalTag/team, 'Dëfault'}\"}}",
        "{\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:PrincipalTag/team, 'none'}\"}}",
        "{\"StringNotEquals\": {\"aws:ResourceTag/owner\": [\"${aws:PrincipalTag/team}\", \"fixed\"]}}",
        "{\"StringLike\": {\"aws:ResourceTag/owner\": \"${aws:PrincipalTag/team}${*}\"}}",
        "{\"StringNotLike\": {\"s3:prefix\": \"${aws:PrincipalTag/team}/*/${aws:username}\"}}",
    ]

    static let contexts: [[String: ContextValue]] = [
        [:],
        ["aws:PrincipalTag/team": .string("data"), "aws:ResourceTag/owner": .string("data")],
        ["aws:PrincipalTag/team": .string("DATA"), "aws:ResourceTag/owner": .string("data-ops")],
        ["aws:PrincipalTag/team": .string("Ünïcode"), "aws:ResourceTag/owner": .string("ünïcode-ops")],
        ["aws:ResourceTag/owner": .string("dëfault")],
        ["aws:ResourceTag/owner": .string("none"), "s3:prefix": .string("home/alice/x")],
        ["aws:PrincipalTag/team": .strings(["data"]), "aws:ResourceTag/owner": .string("data")],
        ["aws:PrincipalTag/team": .strings(["data", "x"]), "aws:ResourceTag/owner": .string("data")],
        ["aws:PrincipalTag/team": .string("d*"), "aws:ResourceTag/owner": .string("d*")],
        ["aws:PrincipalTag/team": .string("d*"), "aws:ResourceTag/owner": .string("dx")],
        ["aws:PrincipalTag/team": .string("data"), "aws:ResourceTag/owner": .string("data*")],
        ["aws:PrincipalTag/team": .string("data"), "s3:prefix": .string("data/x/alice")],
        ["s3:prefix": .string("home/alice/notes"), "aws:ResourceTag/owner": .string("fixed")],
    ]

    @Test(arguments: conditions)
    func aTemplateDecidesAsTheTracedScan(_ condition: String) throws {
        let policy = try ParsedPolicy(
            name: "p",
            text: evalDoc(
                stmt("Allow", "s3:GetObject", "arn:aws:s3:::bucket/*", "\"Condition\": \(condition)"),
                stmt("Deny", "s3:GetObject", "arn:aws:s3:::bucket/secret/*", "\"Condition\": \(condition)")))
        var plans = PolicySetPlans()
        let engine = PolicyEvaluator.Engine()
        let role = EvaluationPrincipal(
            arn: "arn:aws:sts::111122223333:assumed-role/App/s1", accountId: accountA,
            kind: .assumedRole(roleArn: "arn:aws:iam::111122223333:role/App"))
        for principal in [alice, role] {
            for context in Self.contexts {
                for resource in ["arn:aws:s3:::bucket/a", "arn:aws:s3:::bucket/secret/b"] {
                    var request = EvaluationRequest(
                        principal: principal, action: "s3:GetObject", resource: resource, context: context,
                        identityPolicies: [policy])
                    plans.attach(to: &request)
                    #expect(request.hasPolicySetPlan)
                    try expectEngineEqualsTrace(request, engine, "\(principal.arn) \(context) \(resource)")
                }
            }
        }
    }

    /// The decisions themselves, for the common shapes: a template's variable is the principal's value, a
    /// missing variable makes the value match nothing, and a substituted `*` is literal.
    @Test func templatesDecideAsTheDocumentationSays() throws {
        func decision(_ condition: String, _ context: [String: ContextValue]) throws -> Decision {
            let policy = try ParsedPolicy(
                name: "p", text: evalDoc(stmt("Allow", "s3:GetObject", "*", "\"Condition\": \(condition)")))
            var plans = PolicySetPlans()
            var request = EvaluationRequest(
                principal: alice, action: "s3:GetObject", resource: bucketObject, context: context,
                identityPolicies: [policy])
            plans.attach(to: &request)
            return PolicyEvaluator.Engine().decide(request)
        }
        let home = Self.conditions[0]
        #expect(try decision(home, ["s3:prefix": .string("home/alice/notes")]) == .allowed)
        #expect(try decision(home, ["s3:prefix": .string("home/bob/notes")]) == .implicitDeny)
        let team = Self.conditions[1]
        let owner = ["aws:ResourceTag/owner": ContextValue.string("data")]
        #expect(try decision(team, owner.merging(["aws:PrincipalTag/team": .string("data")]) { $1 }) == .allowed)
        #expect(try decision(team, owner) == .implicitDeny)
        let star = Self.conditions[6]
        let tagged = ["aws:PrincipalTag/team": ContextValue.string("d*")]
        #expect(try decision(star, tagged.merging(["aws:ResourceTag/owner": .string("d**")]) { $1 }) == .allowed)
        #expect(try decision(star, tagged.merging(["aws:ResourceTag/owner": .string("dx*")]) { $1 }) == .implicitDeny)
    }
}
