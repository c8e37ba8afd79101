import Foundation

/// Validates policies the way IAM Access Analyzer's `ValidatePolicy` does.
///
/// The result joins two layers: the grammar errors AWS answers with `MalformedPolicyDocument`
/// (from ``PolicyGrammar``), reported as ``PolicyFinding/FindingType/error`` findings, and lint
/// checks that find policies which are valid but probably wrong or too broad: unknown services and
/// actions, condition keys the actions do not support, `iam:PassRole` on `*`, `Allow` with
/// `NotAction` or `NotResource`, wildcard actions on every resource, redundant statements, a missing
/// `Version`, and condition values that cannot be read.
///
/// ```swift
/// PolicyLinter.validate(#"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}"#,
///                       kind: .identity)
/// // [1:1: warning: ... (MISSING_VERSION), 1:45: error: The action s3:GetObjekt does not exist. (INVALID_ACTION)]
/// ```
public enum PolicyLinter {
    /// Every finding for `text` as a policy of `kind`, ordered by position.
    public static func validate(_ text: String, kind: PolicyKind) -> [PolicyFinding] {
        validate(text, kind: kind, catalog: ActionCatalog.shared)
    }

    /// Every finding for UTF-8 encoded `data`; bytes that are not UTF-8 are one error finding.
    public static func validate(_ data: Data, kind: PolicyKind) -> [PolicyFinding] {
        guard let text = String(validating: data, as: UTF8.self) else {
            var offset = 0
            var iterator = data.makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput, .error: break decoding
                }
            }
            let location = JSONParser.location(ofByteOffset: offset, in: Array(data.prefix(offset)))
            return [
                finding(
                    .jsonSyntaxError, "The policy is not valid UTF-8: the byte at offset \(offset) cannot be decoded.",
                    at: location, path: JSONPath.root)
            ]
        }
        return validate(text, kind: kind)
    }

    /// Every finding for `text`, checking actions and condition keys against `catalog`; when the
    /// catalog could not be loaded, one warning says so and the catalog checks are skipped.
    public static func validate(
        _ text: String, kind: PolicyKind, catalog: Result<ActionCatalog, ActionCatalogError>
    ) -> [PolicyFinding] {
        var walker = PolicyLintWalker(kind: kind, catalog: try? catalog.get())
        let root = try? JSONParser.parseNode(text)
        for diagnostic in PolicyGrammar.validate(text, kind: kind) {
            walker.add(grammar: diagnostic, root: root)
        }
        walker.checkSize(text, parsed: root != nil)
        if let root {
            if case .failure(let error) = catalog {
                walker.add(
                    .catalogUnavailable,
                    "The catalog of AWS actions is unavailable (\(error)); actions and condition keys were not checked.",
                    at: root.location, path: JSONPath.root)
            }
            walker.checkDocument(root, text: text)
        }
        return walker.findings(in: text)
    }

    static func finding(
        _ issue: PolicyIssue, _ details: String, at location: SourceLocation, path: String
    ) -> PolicyFinding {
        PolicyFinding(
            findingType: issue.findingType, issueCode: issue.code, findingDetails: details,
            learnMoreLink: issue.learnMoreLink, location: location, path: path)
    }
}

/// Collects findings while walking one document.
struct PolicyLintWalker {
    struct Pending {
        var issue: PolicyIssue
        var details: String
        var location: SourceLocation
        var endOffset: Int
        var path: String
    }

    let kind: PolicyKind
    let catalog: ActionCatalog?
    private(set) var pending: [Pending] = []

    init(kind: PolicyKind, catalog: ActionCatalog?) {
        self.kind = kind
        self.catalog = catalog
    }

    mutating func add(_ issue: PolicyIssue, _ details: String, at location: SourceLocation, path: String) {
        pending.append(
            Pending(issue: issue, details: details, location: location, endOffset: location.offset, path: path))
    }

    mutating func add(_ issue: PolicyIssue, _ details: String, node: JSONNode, path: String) {
        pending.append(
            Pending(issue: issue, details: details, location: node.location, endOffset: node.endOffset, path: path))
    }

    /// The findings ordered by position (stable for findings at one place), with their end locations.
    func findings(in text: String) -> [PolicyFinding] {
        let ordered = pending.enumerated().sorted { lhs, rhs in
            lhs.element.location.offset != rhs.element.location.offset
                ? lhs.element.location.offset < rhs.element.location.offset : lhs.offset < rhs.offset
        }.map(\.element)
        var ends: [Int: SourceLocation] = [:]
        var copy = text
        copy.withUTF8 { bytes in
            var tracker = LocationTracker(bytes: bytes, bodyStart: byteOrderMarkLength(bytes))
            for offset in Set(ordered.map(\.endOffset)).sorted() {
                ends[offset] = tracker.location(at: offset)
            }
        }
        return ordered.map { item in
            PolicyFinding(
                findingType: item.issue.findingType, issueCode: item.issue.code, findingDetails: item.details,
                learnMoreLink: item.issue.learnMoreLink, location: item.location, end: ends[item.endOffset],
                path: item.path)
        }
    }

    // MARK: Grammar errors

    mutating func add(grammar diagnostic: PolicyDiagnostic, root: JSONNode?) {
        let issue = Self.issue(for: diagnostic, parsed: root != nil)
        var details = diagnostic.message
        if let detail = diagnostic.detail { details += " (\(detail))" }
        let location = diagnostic.location ?? root?.location ?? SourceLocation(line: 1, column: 1, offset: 0)
        let node = root.flatMap { Self.node(at: diagnostic.path, in: $0) }
        let endOffset = node.map { $0.location == location ? $0.endOffset : location.offset } ?? location.offset
        pending.append(
            Pending(issue: issue, details: details, location: location, endOffset: endOffset, path: diagnostic.path))
    }

    /// The node a path written by ``JSONPath`` names.
    static func node(at path: String, in root: JSONNode) -> JSONNode? {
        var node = root
        for element in PolicyFinding.pathElements(of: path) {
            switch element {
            case .key(let key):
                guard let next = node[key] else { return nil }
                node = next
            case .index(let index):
                guard let elements = node.elements, elements.indices.contains(index) else { return nil }
                node = elements[index]
            }
        }
        return node
    }

    static func issue(for diagnostic: PolicyDiagnostic, parsed: Bool) -> PolicyIssue {
        let detail = diagnostic.detail ?? ""
        switch diagnostic.message {
        case PolicyGrammarMessage.invalidCharacters: return .invalidCharacters
        case PolicyGrammarMessage.syntax: return parsed ? syntaxIssue(detail) : .jsonSyntaxError
        case PolicyGrammarMessage.legacyParsing:
            if detail.contains("ISO 8601") { return .typeMismatchDate }
            if detail.hasPrefix("Version") { return .invalidVersion }
            if detail.hasPrefix("Effect") { return .invalidEffect }
            return diagnostic.path.contains("Resource") ? .invalidArn : .malformedPolicy
        case PolicyGrammarMessage.versionTooOld: return .invalidVersion
        case PolicyGrammarMessage.sidNotUnique: return .uniqueSidsRequired
        case PolicyGrammarMessage.sidNotAlphanumeric: return .invalidSidValue
        case PolicyGrammarMessage.missingActions: return .missingAction
        case PolicyGrammarMessage.missingResources: return .missingResource
        case PolicyGrammarMessage.principalNotAllowed: return .unsupportedPrincipal
        case PolicyGrammarMessage.missingPrincipal: return .missingPrincipal
        case PolicyGrammarMessage.actionWithoutVendor, PolicyGrammarMessage.actionWithManyColons: return .invalidAction
        case PolicyGrammarMessage.trustPolicyActions: return .malformedPolicy
        default:
            let message = diagnostic.message
            if message.hasPrefix("Vendor ") { return .invalidServiceInAction }
            if message.hasPrefix("Has prohibited field") { return .invalidPolicyElement }
            if message.hasPrefix("Partition ") { return .invalidPartition }
            if message.hasPrefix("Resource") || message.hasPrefix("IAM resource") { return .invalidArn }
            return .malformedPolicy
        }
    }

    private static func syntaxIssue(_ detail: String) -> PolicyIssue {
        if detail.hasPrefix("unknown element") || detail.hasPrefix("unknown statement element") {
            return .invalidPolicyElement
        }
        if detail.hasPrefix("duplicate key") { return .duplicateKeys }
        if detail == "missing Statement" { return .missingStatement }
        if detail == "missing Effect" { return .missingEffect }
        if detail.hasPrefix("Effect must") { return .invalidEffect }
        if detail.hasPrefix("a statement cannot have both") { return .unsupportedElementCombination }
        if detail.hasPrefix("unknown condition operator") { return .invalidConditionOperator }
        if detail.hasPrefix("unknown principal type") { return .invalidPrincipalKey }
        return .dataTypeMismatch
    }
}
