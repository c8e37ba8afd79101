import Testing

@testable import IAMPolicy

/// The allocation-free checks of actions and resources accept only what the full checks accept.
@Suite struct GrammarFastPathTests {
    static let resourceParts = [
        "arn", "aws", "aws-cn", "awz", "*", "", "iam", "s3", "ec2", "us-east-1", "123456789012", "user/a",
        "role/x", "accesspoint/p", "bucket/*", "thing", "a:b", "::",
    ]

    @Test func plainResourcesAreExactlyThoseTheFullCheckAccepts() {
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...7, using: &generator)
            // Mostly `arn:` and six parts, so that many are valid and the edge cases sit next to them.
            var parts = (0..<count).map { _ in Self.resourceParts.randomElement(using: &generator) ?? "" }
            if Int.random(in: 0..<5, using: &generator) > 0 { parts[0] = "arn" }
            if Int.random(in: 0..<2, using: &generator) > 0 {
                parts = Array(parts.prefix(6)) + Array(repeating: "", count: max(0, 6 - parts.count))
            }
            if parts.count > 1, Int.random(in: 0..<2, using: &generator) > 0 { parts[1] = "aws" }
            let resource = parts.joined(separator: ":")
            let full = PolicyGrammarChecker.fullResourceProblem(resource)
            if PolicyGrammarChecker.isPlainResource(resource) {
                accepted += 1
                #expect(full == nil, "\(resource) passed the fast check but the full one says \(full ?? "")")
            }
            #expect(PolicyGrammarChecker.resourceProblem(resource) == full, "\(resource)")
        }
        #expect(accepted > 500)
    }

    @Test func plainActionsAreExactlyThoseTheFullCheckAccepts() {
        let alphabet = Array("ab:*-._ Z9é")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let action = String(
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? "a"
                })
            let full = PolicyGrammarChecker.fullActionProblem(action)
            if PolicyGrammarChecker.isPlainAction(action) { #expect(full == nil, "\(action)") }
            #expect(PolicyGrammarChecker.actionProblem(action) == full, "\(action)")
        }
    }
}
