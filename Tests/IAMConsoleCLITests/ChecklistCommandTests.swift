import Foundation
import Testing

/// `iamconsole checklist`: text and JSON output, `--strict` exit status.
@Suite("checklist command")
struct ChecklistCommandTests {
    @Test func textJSONAndStrict() throws {
        let box = try Sandbox()
        try box.initSample()
        let text = try box.run(["checklist", "--workspace", box.workspace])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Security checklist for 111122223333: "))
        #expect(text.stdout.contains("FAIL  The root user has MFA [root]"))
        let json = try box.run(["checklist", "--workspace", box.workspace, "--output", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let checks = try #require(object["Checks"] as? [[String: Any]])
        #expect(checks.count == 10)
        #expect(checks.first?["Id"] as? String == "root-mfa")
        #expect(object["Score"] is Int)
        #expect(try box.run(["checklist", "--workspace", box.workspace, "--strict"]).status == 1)
        #expect(try box.run(["checklist", "--bogus"]).status == 252)
    }
}
