import IAMPolicy
import Testing

/// Hostile or malformed input is a ``PolicyParseError``, never a crash or a hang.
@Suite struct PolicyParsingTests {
    @Test func oversizedPolicyIsRejected() {
        let padding = String(repeating: "s3:GetObject\", \"", count: 200_000 / 16)
        let text =
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": [\"" + padding + "s3:x\"], \"Resource\": \"*\"}}"
        #expect(text.utf8.count > 200_000)
        #expect(throws: PolicyParseError.self) { try ParsedPolicy(name: "big", text: text) }
    }

    @Test func deeplyNestedJSONIsRejected() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: PolicyParseError.self) { try ParsedPolicy(name: "deep", text: text) }
    }

    @Test func invalidUTF8IsRejected() {
        var bytes = Array(#"{"Statement": {"Effect": "Allow", "Action": "s3:"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#"", "Resource": "*"}}"#.utf8)
        #expect(throws: PolicyParseError.self) { try ParsedPolicy(name: "utf8", bytes: bytes) }
    }

    @Test(arguments: [
        #"{"Statement": 7}"#, #"[]"#, #"{"Version": "2012-10-17"}"#, #"{"Statement": [1]}"#,
        #"{"Statement": {"Effect": "Permit", "Action": "*"}}"#, #"{"Statement": {"Effect": "Allow", "Action": 3}}"#,
        #"{"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringEqualz": {"a": "b"}}}}"#,
        #"{"Version": "2020-01-01", "Statement": []}"#,
        #"{"Statement": {"Effect": "Allow", "Action": "*", "Principal": {"Bogus": "x"}}}"#,
        #"{"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"Null": {"a": null}}}}"#,
        #"{"Statement": "#,
    ])
    func wrongShapesAreParseErrors(text: String) {
        #expect(throws: PolicyParseError.self) { try ParsedPolicy(name: "bad", text: text) }
    }

    @Test func errorsPointAtTheValue() {
        do {
            _ = try ParsedPolicy(name: "bad", text: "{\n  \"Statement\": 42\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.line == 2)
            #expect(error.location?.column == 16)
        }
    }

    @Test func versionAndStatementsAreKept() throws {
        let policy = try ParsedPolicy(name: "p", text: evalDoc(stmt("Allow", "s3:Get*|s3:List*")))
        #expect(policy.version == "2012-10-17")
        #expect(policy.statements.count == 1)
        #expect(policy.statements.first?.actions == .listed(["s3:Get*", "s3:List*"]))
        #expect(try ParsedPolicy(name: "p", text: evalDoc(stmt("Allow"), version: nil)).version == nil)
    }
}
