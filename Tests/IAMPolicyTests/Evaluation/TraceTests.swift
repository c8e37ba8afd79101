import IAMPolicy
import Testing

/// The trace says, for every statement, whether it applied and which element stopped it.
@Suite struct TraceTests {
    private static let statements = [
        stmt("Allow", "ec2:*"),
        stmt("Allow", "s3:*", "arn:aws:s3:::other/*"),
        stmt("Allow", "s3:*", "*", "\"Condition\": {\"StringEquals\": {\"aws:username\": \"bob\"}}"),
        stmt("Allow", "s3:*", "*", "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}"),
        stmt("Allow", "s3:*"),
    ]

    @Test func reasonsNameTheFailingElement() throws {
        let document = evalDoc(
            Self.statements[0], Self.statements[1], Self.statements[2], Self.statements[3],
            Self.statements[4])
        let result = try EvalCase(rule: "", identity: [document], expected: .allowed).evaluate(trace: true)
        let trace = try #require(result.trace)
        #expect(trace.map(\.applied) == [false, false, false, false, true])
        #expect(trace[0].reason == "action does not match")
        #expect(trace[1].reason == "resource does not match")
        #expect(trace[2].reason == "condition StringEquals aws:username: no match")
        #expect(trace[3].reason == "condition Bool aws:SecureTransport: key missing from the request context")
        #expect(trace[4].reason == nil)
        #expect(trace.map(\.statement.index) == [0, 1, 2, 3, 4])
    }

    @Test func principalMismatchAndMultivaluedKey() throws {
        let resource = resourceDoc(principal: "{\"AWS\": \"\(bob.arn)\"}")
        let condition = "\"Condition\": {\"StringEquals\": {\"aws:TagKeys\": \"a\"}}"
        let result = try EvalCase(
            rule: "", context: ["aws:TagKeys": .strings(["a", "b"])],
            identity: [evalDoc(stmt("Allow", "*", "*", condition))], resourcePolicy: resource, expected: .implicitDeny
        ).evaluate(trace: true)
        let trace = try #require(result.trace)
        #expect(trace.count == 2)
        #expect(trace[0].reason?.hasSuffix("treated as no match") == true)
        #expect(trace[1].statement.source == .resource)
        #expect(trace[1].reason == "principal does not match")
    }

    @Test func noTraceUnlessAsked() throws {
        let result = try EvalCase(rule: "", identity: [allowAll], expected: .allowed).evaluate(trace: false)
        #expect(result.trace == nil)
    }
}
