import IAMPolicy

/// Validation of policy documents submitted to the service: characters, grammar and size.
enum PolicyChecks {
    /// Throws `MalformedPolicyDocument` with AWS's message for the first problem in the document.
    static func validate(_ text: String, kind: PolicyKind, field: String) throws(IAMError) {
        try NameRules.checkPolicyDocumentCharacters(text, field: field)
        if let first = PolicyGrammar.validate(text, kind: kind).first {
            throw .malformed(first.message)
        }
    }

    /// The size IAM counts against its quotas: characters other than white space.
    static func size(_ text: String) -> Int { PolicySize.characterCount(text) }
}
