/// The baseline grammar AWS enforces on policy documents before it stores them.
///
/// ``validate(_:kind:)`` returns every problem it finds, ordered by position, each with AWS's
/// `MalformedPolicyDocument` message; the service reports the first one, while the policy editor
/// shows them all. The rules follow AWS's documented grammar and the error texts AWS returns.
public enum PolicyGrammar {
    /// The checks AWS runs on `text` for a policy of `kind`; empty when the document is valid.
    ///
    /// ```swift
    /// PolicyGrammar.validate(#"{"Statement": {"Effect": "Allow", "Action": "s3:*"}}"#, kind: .identity)
    /// // [line 1, column 15: Policy statement must contain resources.]
    /// ```
    public static func validate(_ text: String, kind: PolicyKind) -> [PolicyDiagnostic] {
        var checker = PolicyGrammarChecker(kind: kind)
        checker.checkCharacters(text)
        let root: JSONNode
        do {
            root = try JSONParser.parseNode(text)
        } catch {
            checker.report(PolicyGrammarMessage.syntax, at: error.location, path: JSONPath.root, detail: error.message)
            return checker.sortedDiagnostics
        }
        return check(root, with: &checker)
    }

    /// ``validate(_:kind:)`` of a document already parsed, as part of a larger JSON file: `text` is
    /// its text (for the character rules, whose positions point into `text`) and `root` its nodes
    /// (whose positions, kept in the other diagnostics, point into the larger file). An importer
    /// reading thousands of documents out of one file saves parsing each a second time.
    public static func validate(_ root: JSONNode, text: String, kind: PolicyKind) -> [PolicyDiagnostic] {
        var checker = PolicyGrammarChecker(kind: kind)
        checker.checkCharacters(text)
        return check(root, with: &checker)
    }

    private static func check(_ root: JSONNode, with checker: inout PolicyGrammarChecker) -> [PolicyDiagnostic] {
        for duplicate in JSONParser.duplicateKeys(in: root) {
            checker.report(
                PolicyGrammarMessage.syntax, at: duplicate.location, path: duplicate.path,
                detail: "duplicate key \"\(duplicate.key)\"")
        }
        checker.checkDocument(root)
        return checker.sortedDiagnostics
    }

    /// The `Version` values AWS accepts.
    public static let versions = ["2012-10-17", "2008-10-17"]
}

/// Collects diagnostics while walking one document.
struct PolicyGrammarChecker {
    let kind: PolicyKind
    private(set) var diagnostics: [PolicyDiagnostic] = []

    init(kind: PolicyKind) {
        self.kind = kind
    }

    /// Diagnostics by position; a stable sort keeps the walk order for findings at the same place.
    var sortedDiagnostics: [PolicyDiagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location?.offset ?? -1
            let right = rhs.element.location?.offset ?? -1
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    mutating func report(_ message: String, at location: SourceLocation?, path: String, detail: String? = nil) {
        diagnostics.append(PolicyDiagnostic(message: message, location: location, path: path, detail: detail))
    }

    mutating func syntax(_ detail: String, at location: SourceLocation?, path: String) {
        report(PolicyGrammarMessage.syntax, at: location, path: path, detail: detail)
    }

    /// AWS accepts only TAB, LF, CR and U+0020–U+00FF; the first offender is enough to act on.
    mutating func checkCharacters(_ text: String) {
        // Printable ASCII, tab and line ends are all allowed: only text with other bytes needs the scalar walk.
        var copy = text
        let plain = copy.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte > 0x7F {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            }
            return true
        }
        if plain { return }
        var offset = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let allowed = value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xFF).contains(value)
            if !allowed {
                let hex = String(value, radix: 16, uppercase: true)
                report(
                    PolicyGrammarMessage.invalidCharacters,
                    at: JSONParser.location(ofByteOffset: offset, in: text), path: JSONPath.root,
                    detail: "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " is not allowed")
                return
            }
            offset += UTF8.width(scalar)
        }
    }

    private static let topLevelKeys: Set = ["Version", "Id", "Statement"]
    static let statementKeys: Set = [
        "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition",
    ]

    mutating func checkDocument(_ root: JSONNode) {
        guard let members = root.members else {
            syntax("the policy must be a JSON object", at: root.location, path: JSONPath.root)
            return
        }
        for member in members where !Self.topLevelKeys.contains(member.key) {
            syntax(
                "unknown element \"\(member.key)\"", at: member.keyLocation,
                path: JSONPath.appending(key: member.key, to: JSONPath.root))
        }
        checkVersion(root)
        if let id = root["Id"], id.stringValue == nil {
            syntax("Id must be a string", at: id.location, path: "$.Id")
        }
        checkStatements(root)
    }

    private mutating func checkVersion(_ root: JSONNode) {
        let version = root["Version"]
        if let version {
            guard let text = version.stringValue, PolicyGrammar.versions.contains(text) else {
                report(
                    PolicyGrammarMessage.legacyParsing, at: version.location, path: "$.Version",
                    detail: "Version must be \"2012-10-17\" or \"2008-10-17\"")
                return
            }
        }
        if kind == .managed, version?.stringValue != "2012-10-17" {
            report(
                PolicyGrammarMessage.versionTooOld, at: version?.location ?? root.location,
                path: version == nil ? JSONPath.root : "$.Version")
        }
    }

    private mutating func checkStatements(_ root: JSONNode) {
        guard let statement = root["Statement"] else {
            syntax("missing Statement", at: root.location, path: JSONPath.root)
            return
        }
        let statements: [(node: JSONNode, path: String)]
        switch statement.kind {
        case .object:
            statements = [(statement, "$.Statement")]
        case .array(let elements) where !elements.isEmpty:
            statements = elements.enumerated().map { ($0.element, "$.Statement[\($0.offset)]") }
        case .array:
            syntax("Statement must not be empty", at: statement.location, path: "$.Statement")
            return
        default:
            syntax("Statement must be an object or an array", at: statement.location, path: "$.Statement")
            return
        }
        var seenSids: Set<String> = []
        for (node, path) in statements {
            guard let members = node.members else {
                syntax("a statement must be an object", at: node.location, path: path)
                continue
            }
            checkStatement(node, members: members, path: path)
            if let sid = node["Sid"], let text = sid.stringValue, !text.isEmpty {
                if !seenSids.insert(text).inserted {
                    report(PolicyGrammarMessage.sidNotUnique, at: sid.location, path: path + ".Sid")
                }
            }
        }
    }

    private mutating func checkStatement(_ statement: JSONNode, members: [JSONNode.Member], path: String) {
        for member in members where !Self.statementKeys.contains(member.key) {
            syntax(
                "unknown statement element \"\(member.key)\"", at: member.keyLocation,
                path: JSONPath.appending(key: member.key, to: path))
        }
        checkSid(statement, path: path)
        checkEffect(statement, path: path)
        for (first, second) in [("Action", "NotAction"), ("Resource", "NotResource"), ("Principal", "NotPrincipal")] {
            if let one = statement.member(first), let other = statement.member(second) {
                let later = one.keyLocation < other.keyLocation ? other : one
                syntax(
                    "a statement cannot have both \(first) and \(second)", at: later.keyLocation,
                    path: path + "." + later.key)
            }
        }
        checkActions(statement, path: path)
        checkResources(statement, path: path)
        checkPrincipals(statement, path: path)
        checkCondition(statement, path: path)
    }

    private mutating func checkSid(_ statement: JSONNode, path: String) {
        guard let sid = statement["Sid"] else { return }
        guard let text = sid.stringValue else {
            syntax("Sid must be a string", at: sid.location, path: path + ".Sid")
            return
        }
        let iamPolicy = kind == .identity || kind == .managed || kind == .boundary
        let alphanumeric = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
        if iamPolicy, !alphanumeric {
            report(PolicyGrammarMessage.sidNotAlphanumeric, at: sid.location, path: path + ".Sid")
        }
    }

    private mutating func checkEffect(_ statement: JSONNode, path: String) {
        guard let effect = statement["Effect"] else {
            syntax("missing Effect", at: statement.location, path: path)
            return
        }
        switch effect.stringValue {
        case "Allow", "Deny":
            break
        case .some(let text) where ["allow", "deny"].contains(text.lowercased()):
            report(
                PolicyGrammarMessage.legacyParsing, at: effect.location, path: path + ".Effect",
                detail: "Effect must be exactly \"Allow\" or \"Deny\"")
        default:
            syntax("Effect must be \"Allow\" or \"Deny\"", at: effect.location, path: path + ".Effect")
        }
    }
}
