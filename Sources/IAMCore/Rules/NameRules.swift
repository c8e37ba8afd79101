import Foundation

/// Parameter constraints of the IAM API model (lengths and patterns), checked on every request the
/// way the service checks them: a violation is a `ValidationError` naming the parameter.
public enum NameRules {
    /// `[\w+=,.@-]+`: letters, digits, underscore and `+ = , . @ -`.
    public static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "+", "=", ",", ".", "@", "-": return true
        default: return false
        }
    }

    static func validationError(_ value: String, _ field: String, _ constraint: String) -> IAMError {
        IAMError(
            .validationError,
            "1 validation error detected: Value '\(value)' at '\(field)' failed to satisfy constraint: \(constraint)")
    }

    static func checkLength(_ value: String, field: String, min: Int, max: Int) throws(IAMError) {
        let count = value.unicodeScalars.count
        if count < min {
            throw validationError(value, field, "Member must have length greater than or equal to \(min)")
        }
        if count > max {
            throw validationError(value, field, "Member must have length less than or equal to \(max)")
        }
    }

    /// Checks an entity name (user, group, role, policy, instance profile) against `[\w+=,.@-]+` and a length.
    public static func checkName(_ value: String, field: String, max: Int) throws(IAMError) {
        try checkLength(value, field: field, min: 1, max: max)
        guard value.unicodeScalars.allSatisfy(isNameCharacter) else {
            throw validationError(value, field, "Member must satisfy regular expression pattern: [\\w+=,.@-]+")
        }
    }

    /// Checks a path: `/`, or `/…/` of printable ASCII (U+0021–U+007E), at most 512 characters.
    public static func checkPath(_ value: String, field: String = "path") throws(IAMError) {
        try checkLength(value, field: field, min: 1, max: 512)
        let scalars = Array(value.unicodeScalars)
        let ok =
            value == "/"
            || (scalars.count >= 3 && scalars.first == "/" && scalars.last == "/"
                && scalars[1..<scalars.count - 1].allSatisfy { $0.value >= 0x21 && $0.value <= 0x7E })
        guard ok else {
            throw validationError(
                value, field,
                "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)")
        }
    }

    /// Checks a managed policy path: `((/[A-Za-z0-9\.,\+@=_-]+)*)/`.
    public static func checkPolicyPath(_ value: String, field: String = "path") throws(IAMError) {
        try checkLength(value, field: field, min: 1, max: 512)
        let segments = value.split(separator: "/", omittingEmptySubsequences: false)
        let ok =
            value.hasPrefix("/") && value.hasSuffix("/")
            && segments.dropFirst().dropLast().allSatisfy { segment in
                !segment.isEmpty && segment.unicodeScalars.allSatisfy(isNameCharacter)
            }
        guard ok else {
            throw validationError(
                value, field, "Member must satisfy regular expression pattern: ((/[A-Za-z0-9\\.,\\+@=_-]+)*)/")
        }
    }

    /// Checks a path prefix of a List action: `/` followed by U+0021–U+007F.
    public static func checkPathPrefix(_ value: String, field: String = "pathPrefix") throws(IAMError) {
        try checkLength(value, field: field, min: 1, max: 512)
        guard value.hasPrefix("/"), value.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7F }) else {
            throw validationError(
                value, field, "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*")
        }
    }

    /// Checks an ARN parameter's length (20–2048).
    public static func checkARN(_ value: String, field: String) throws(IAMError) {
        try checkLength(value, field: field, min: 20, max: 2048)
    }

    /// Checks an account alias: 3–63 characters, lowercase letters, digits and single inner hyphens.
    public static func checkAccountAlias(_ value: String) throws(IAMError) {
        try checkLength(value, field: "accountAlias", min: 3, max: 63)
        let scalars = Array(value.unicodeScalars)
        func alnum(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("0"..."9").contains(s) }
        var ok = alnum(scalars[0]) && alnum(scalars[scalars.count - 1])
        for (index, scalar) in scalars.enumerated() where !alnum(scalar) {
            if scalar != "-" || (index > 0 && scalars[index - 1] == "-") { ok = false }
        }
        guard ok else {
            throw validationError(
                value, "accountAlias",
                "Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$")
        }
        if scalars.count == 12, scalars.allSatisfy({ ("0"..."9").contains($0) }) {
            throw IAMError(.invalidInput, "The account alias cannot be a 12-digit number.")
        }
    }

    /// Checks a role or policy description: at most 1000 characters of tab, LF, CR, U+0020–U+007E, U+00A1–U+00FF.
    public static func checkDescription(_ value: String, field: String = "description") throws(IAMError) {
        try checkLength(value, field: field, min: 0, max: 1000)
        let ok = value.unicodeScalars.allSatisfy { s in
            s == "\t" || s == "\n" || s == "\r" || (0x20...0x7E).contains(s.value) || (0xA1...0xFF).contains(s.value)
        }
        guard ok else {
            throw validationError(
                value, field,
                "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*"
            )
        }
    }

    /// Checks tags: keys 1–128 and values 0–256 of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, keys unique case-insensitively.
    public static func checkTags(_ tags: [Tag]) throws(IAMError) {
        var seen = Set<String>()
        for (index, tag) in tags.enumerated() {
            let field = "tags.\(index + 1).member"
            try checkLength(tag.key, field: field + ".key", min: 1, max: 128)
            try checkLength(tag.value, field: field + ".value", min: 0, max: 256)
            guard tag.key.unicodeScalars.allSatisfy(isTagCharacter) else {
                throw validationError(
                    tag.key, field + ".key",
                    "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+")
            }
            guard tag.value.unicodeScalars.allSatisfy({ isTagCharacter($0) || $0 == "*" }) else {
                throw validationError(
                    tag.value, field + ".value",
                    "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*")
            }
            if !seen.insert(tag.key.lowercased()).inserted {
                throw IAMError(
                    .invalidInput, "Duplicate tag keys found. Please note that Tag keys are case insensitive.")
            }
        }
    }

    static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if "_.:/=+-@".unicodeScalars.contains(scalar) { return true }
        let props = scalar.properties
        switch props.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .spaceSeparator, .lineSeparator, .paragraphSeparator, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Checks the characters of a policy document: tab, LF, CR and U+0020–U+00FF only.
    public static func checkPolicyDocumentCharacters(_ value: String, field: String) throws(IAMError) {
        try checkLength(value, field: field, min: 1, max: 131_072)
        let ok = value.unicodeScalars.allSatisfy { s in
            s == "\t" || s == "\n" || s == "\r" || (0x20...0xFF).contains(s.value)
        }
        guard ok else {
            throw validationError(
                "<policy document>", field,
                "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+")
        }
    }
}
