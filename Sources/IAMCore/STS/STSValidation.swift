/// The limits STS checks on its request members, with AWS's `ValidationError` wording. Every
/// violated constraint is reported at once ("2 validation errors detected: …; …"), as AWS does.
struct STSValidation {
    private(set) var messages: [String] = []

    /// The constraints of AssumeRole's and GetSessionToken's members (STS API reference).
    enum Limits {
        static let minimumDuration = 900
        static let assumeRoleMaximumDuration = 43_200
        static let sessionTokenMaximumDuration = 129_600
        static let rootSessionTokenMaximumDuration = 3_600
        static let chainedRoleMaximumDuration = 3_600
        static let defaultRoleDuration = 3_600
        static let defaultSessionTokenDuration = 43_200
        static let sessionPolicyLength = 2_048
        static let sessionTags = 50
    }

    private mutating func add(_ value: String, _ field: String, _ constraint: String) {
        messages.append("Value '\(value)' at '\(field)' failed to satisfy constraint: \(constraint)")
    }

    mutating func length(_ value: String?, _ field: String, min: Int, max: Int) {
        guard let value else { return }
        let count = value.unicodeScalars.count
        if count < min { add(value, field, "Member must have length greater than or equal to \(min)") }
        if count > max { add(value, field, "Member must have length less than or equal to \(max)") }
    }

    mutating func pattern(_ value: String?, _ field: String, _ shown: String, allows: (Unicode.Scalar) -> Bool) {
        guard let value, !value.unicodeScalars.allSatisfy(allows) else { return }
        add(value, field, "Member must satisfy regular expression pattern: \(shown)")
    }

    mutating func range(_ value: Int?, _ field: String, min: Int, max: Int) {
        guard let value else { return }
        if value < min { add(String(value), field, "Member must have value greater than or equal to \(min)") }
        if value > max { add(String(value), field, "Member must have value less than or equal to \(max)") }
    }

    mutating func roleSessionName(_ name: String) {
        length(name, "roleSessionName", min: 2, max: 64)
        pattern(name, "roleSessionName", #"[\w+=,.@-]*"#) { Self.isWord($0) || "+=,.@-".unicodeScalars.contains($0) }
    }

    mutating func mfa(serialNumber: String?, tokenCode: String?) {
        length(serialNumber, "serialNumber", min: 9, max: 256)
        pattern(serialNumber, "serialNumber", #"[\w+=/:,.@-]*"#) {
            Self.isWord($0) || "+=/:,.@-".unicodeScalars.contains($0)
        }
        length(tokenCode, "tokenCode", min: 6, max: 6)
        pattern(tokenCode, "tokenCode", #"[\d]*"#) { $0.properties.numericType == .decimal && $0.isASCII }
    }

    /// Throws every collected violation as one `ValidationError`.
    func check() throws(IAMError) {
        guard !messages.isEmpty else { return }
        let count = messages.count == 1 ? "1 validation error" : "\(messages.count) validation errors"
        throw IAMError(.validationError, "\(count) detected: " + messages.joined(separator: "; "))
    }

    /// `\w` as the service's (Java) regular expressions read it: ASCII letters, digits and `_`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }

    /// Policy text: TAB, LF, CR and U+0020–U+00FF.
    static func isPolicyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || (0x20...0xFF).contains(scalar.value)
    }
}

extension STSValidation {
    /// All of AssumeRole's member constraints.
    static func check(_ request: AssumeRoleRequest) throws(IAMError) {
        var validation = STSValidation()
        validation.length(request.roleArn, "roleArn", min: 20, max: 2048)
        validation.roleSessionName(request.roleSessionName)
        validation.length(request.externalId, "externalId", min: 2, max: 1224)
        validation.pattern(request.externalId, "externalId", #"[\w+=,.@:\/-]*"#) {
            isWord($0) || "+=,.@:/-".unicodeScalars.contains($0)
        }
        validation.mfa(serialNumber: request.serialNumber, tokenCode: request.tokenCode)
        validation.range(
            request.durationSeconds, "durationSeconds", min: Limits.minimumDuration,
            max: Limits.assumeRoleMaximumDuration)
        validation.length(request.policy, "policy", min: 1, max: Limits.sessionPolicyLength)
        validation.pattern(request.policy, "policy", #"[\u0009\u000A\u000D\u0020-\u00FF]+"#, allows: isPolicyCharacter)
        if let tags = request.tags, tags.count > Limits.sessionTags {
            validation.add(
                "[" + tags.map { "Tag(key=\($0.key), value=\($0.value))" }.joined(separator: ", ") + "]", "tags",
                "Member must have length less than or equal to \(Limits.sessionTags)")
        }
        for (index, tag) in (request.tags ?? []).enumerated() {
            validation.length(tag.key, "tags.\(index + 1).member.key", min: 1, max: 128)
            validation.length(tag.value, "tags.\(index + 1).member.value", min: 0, max: 256)
        }
        try validation.check()
    }

    /// All of GetSessionToken's member constraints.
    static func check(_ request: GetSessionTokenRequest) throws(IAMError) {
        var validation = STSValidation()
        validation.range(
            request.durationSeconds, "durationSeconds", min: Limits.minimumDuration,
            max: Limits.sessionTokenMaximumDuration)
        validation.mfa(serialNumber: request.serialNumber, tokenCode: request.tokenCode)
        try validation.check()
    }
}
