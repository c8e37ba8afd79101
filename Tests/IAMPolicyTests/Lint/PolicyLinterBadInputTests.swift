import Foundation
import IAMPolicy
import Testing

/// Input that is not a policy at all: a clear error finding, never a crash or a hang.
@Suite("lint bad input")
struct PolicyLinterBadInputTests {
    @Test func nonJSONIsASyntaxError() throws {
        let found = PolicyLinter.validate("Version: 2012-10-17\n", kind: .identity)
        let first = try #require(found.first)
        #expect(found.count == 1)
        #expect(first.issueCode == "JSON_SYNTAX_ERROR")
        #expect(first.findingType == .error)
        #expect(first.location.line == 1 && first.location.column == 1)
    }

    @Test(arguments: ["[]", "42", "\"policy\"", "null", #"{"Statement": 7}"#, #"{"Statement": ["s3:*"]}"#])
    func aValueOfTheWrongTypeIsAnError(text: String) {
        let found = PolicyLinter.validate(text, kind: .identity)
        #expect(found.contains { $0.findingType == .error && $0.issueCode == "DATA_TYPE_MISMATCH" }, "\(found)")
    }

    @Test func aLargePolicyIsQuickAndReportsItsSize() {
        let item = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/key"},"#
        let count = 200_000 / item.utf8.count
        let text =
            #"{"Version": "2012-10-17", "Statement": ["# + String(repeating: item, count: count)
            + #"{"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}"#
        #expect(text.utf8.count > 200_000)
        let start = Date()
        let found = PolicyLinter.validate(text, kind: .identity)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(found.contains { $0.issueCode == "POLICY_DOCUMENT_TOO_LARGE" && $0.findingType == .error })
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let found = PolicyLinter.validate(text, kind: .identity)
        let first = try #require(found.first)
        #expect(first.issueCode == "JSON_SYNTAX_ERROR")
        #expect(first.findingDetails.contains("nest") || first.findingDetails.contains("deep"), "\(first)")
    }

    @Test func invalidUTF8IsAnErrorNamingTheByte() throws {
        var bytes = Array(#"{"Version": "2012-10-17", "Statement": "#.utf8)
        bytes += [0xC3, 0x28]
        let found = PolicyLinter.validate(Data(bytes), kind: .identity)
        let first = try #require(found.first)
        #expect(found.count == 1)
        #expect(first.issueCode == "JSON_SYNTAX_ERROR")
        #expect(first.findingDetails.contains("UTF-8"))
        #expect(first.location.offset == bytes.count - 2)
    }

    @Test func emptyInputIsAnError() {
        #expect(PolicyLinter.validate("", kind: .identity).first?.issueCode == "JSON_SYNTAX_ERROR")
    }
}
