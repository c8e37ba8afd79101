import IAMPolicy

/// One lint check: a document that must produce the finding, and a fixed one that must not.
struct LintCase: Sendable, CustomStringConvertible {
    var name: String
    var kind: PolicyKind = .identity
    var failing: String
    var passing: String
    var code: String
    var type: PolicyFinding.FindingType
    var path: String
    /// The text the finding must point at (its first character).
    var marker: String
    /// Which occurrence of `marker` to point at, counting from 0.
    var occurrence = 0

    var description: String { name }
}

/// A one-statement policy with the given members, under a `2012-10-17` Version.
func statement(_ members: String) -> String {
    policy("[\n        {" + members + "}\n    ]")
}

/// The findings of `text` with `code`.
func findings(_ code: String, in text: String, kind: PolicyKind = .identity) -> [PolicyFinding] {
    PolicyLinter.validate(text, kind: kind).filter { $0.issueCode == code }
}
