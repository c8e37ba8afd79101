/// A policy parsed once for repeated evaluation.
///
/// Parsing reads the JSON with the project's one lexer (``JSONParser``), keeps the line:column of each
/// statement, and compiles every element into the compact form the evaluator matches against:
/// lowercased actions split at the service, wildcard patterns, ARN segments, typed condition values.
///
/// ```swift
/// let policy = try ParsedPolicy(name: "user/alice:inline/ReadLogs", text: document)
/// ```
public struct ParsedPolicy: Sendable {
    /// The raw policy length cap of the IAM API (`policyDocumentType`, IAM-RULES §2); longer text is rejected
    /// before it is read, so a hostile document cannot make parsing slow.
    public static let maximumLength = 131_072

    /// How results cite the policy, for example `user/alice:inline/ReadLogs` or a policy ARN.
    public let name: String
    /// `2012-10-17`, `2008-10-17`, or `nil` (which means `2008-10-17`: no policy variables).
    public let version: String?
    /// The statements, in document order.
    public let statements: [ParsedStatement]
    /// The statements each service's actions can match, and the resource patterns in flat form.
    let index: PolicyIndex

    /// Parses `text`; throws when it is not JSON or an element has a type the evaluator cannot read.
    public init(name: String, text: String) throws(PolicyParseError) {
        try Self.checkLength(text.utf8.count, scalars: { text.unicodeScalars.count })
        let root: JSONNode
        do {
            root = try JSONParser.parseNode(text)
        } catch {
            throw PolicyParseError(message: error.message, location: error.location)
        }
        try self.init(name: name, root: root)
    }

    /// Parses UTF-8 `bytes`; invalid UTF-8 is a ``PolicyParseError``.
    public init(name: String, bytes: [UInt8]) throws(PolicyParseError) {
        try Self.checkLength(bytes.count, scalars: { bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } })
        let root: JSONNode
        do {
            root = try JSONParser.parseNode(bytes)
        } catch {
            throw PolicyParseError(message: error.message, location: error.location)
        }
        try self.init(name: name, root: root)
    }

    /// Reads an already parsed document.
    public init(name: String, root: JSONNode) throws(PolicyParseError) {
        var reader = PolicyReader()
        self.name = name
        (version, statements) = try reader.read(root)
        index = PolicyIndex.make(statements)
    }

    private static func checkLength(_ byteCount: Int, scalars: () -> Int) throws(PolicyParseError) {
        guard byteCount > maximumLength else { return }
        let count = scalars()
        if count > maximumLength {
            throw PolicyParseError(
                message: "the policy is \(count) characters long; the limit is \(maximumLength)", location: nil)
        }
    }
}

/// Why a policy could not be read for evaluation.
public struct PolicyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where, when there is a place to point at.
    public var location: SourceLocation?

    /// Creates an error.
    public init(message: String, location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    /// `line L, column C: MESSAGE`, or the message alone.
    public var description: String { location.map { "\($0): \(message)" } ?? message }
}

/// `Allow` or `Deny`.
public enum StatementEffect: String, Sendable, Equatable {
    case allow = "Allow"
    case deny = "Deny"
}

/// A list element that is either positive (`Action`) or negated (`NotAction`).
public enum ElementList<Item: Sendable & Equatable>: Sendable, Equatable {
    /// The element is absent.
    case absent
    /// `Action`, `Resource` or `Principal`.
    case listed([Item])
    /// `NotAction`, `NotResource` or `NotPrincipal`.
    case negated([Item])
}

/// One statement of a ``ParsedPolicy``.
///
/// The fields live in one immutable object, so the evaluator's hot loop copies a statement with one
/// retain instead of one per field (there are about ten reference-counted ones).
public struct ParsedStatement: Sendable {
    private final class Storage: Sendable {
        let index: Int
        let sid: String?
        let effect: StatementEffect
        let location: SourceLocation
        let actions: ElementList<String>
        let resources: ElementList<String>
        let principals: ElementList<PrincipalEntry>
        let conditions: [ParsedCondition]
        let actionPatterns: [ActionPattern]
        let resourcePatterns: [ResourcePattern]
        let principalSet: PrincipalSet

        init(
            index: Int, sid: String?, effect: StatementEffect, location: SourceLocation,
            actions: ElementList<String>, resources: ElementList<String>, principals: ElementList<PrincipalEntry>,
            conditions: [ParsedCondition], variables: Bool
        ) {
            self.index = index
            self.sid = sid
            self.effect = effect
            self.location = location
            self.actions = actions
            self.resources = resources
            self.principals = principals
            self.conditions = conditions
            switch actions {
            case .absent: actionPatterns = []
            case .listed(let items), .negated(let items): actionPatterns = items.map(ActionPattern.init)
            }
            switch resources {
            case .absent: resourcePatterns = []
            case .listed(let items), .negated(let items):
                resourcePatterns = items.map { ResourcePattern($0, variables: variables) }
            }
            switch principals {
            case .absent: principalSet = PrincipalSet(entries: [])
            case .listed(let items), .negated(let items): principalSet = PrincipalSet(entries: items)
            }
        }
    }

    private let storage: Storage

    /// The statement's 0-based position in `Statement`.
    public var index: Int { storage.index }
    /// The `Sid`, when present.
    public var sid: String? { storage.sid }
    /// `Allow` or `Deny`.
    public var effect: StatementEffect { storage.effect }
    /// Where the statement's `{` is.
    public var location: SourceLocation { storage.location }
    /// `Action` or `NotAction` as written.
    public var actions: ElementList<String> { storage.actions }
    /// `Resource` or `NotResource` as written.
    public var resources: ElementList<String> { storage.resources }
    /// `Principal` or `NotPrincipal`, classified.
    public var principals: ElementList<PrincipalEntry> { storage.principals }
    /// Every operator/key pair of `Condition`, in document order.
    public var conditions: [ParsedCondition] { storage.conditions }

    var actionPatterns: [ActionPattern] { storage.actionPatterns }
    var resourcePatterns: [ResourcePattern] { storage.resourcePatterns }
    var principalSet: PrincipalSet { storage.principalSet }

    init(
        index: Int, sid: String?, effect: StatementEffect, location: SourceLocation, actions: ElementList<String>,
        resources: ElementList<String>, principals: ElementList<PrincipalEntry>, conditions: [ParsedCondition],
        variables: Bool
    ) {
        storage = Storage(
            index: index, sid: sid, effect: effect, location: location, actions: actions, resources: resources,
            principals: principals, conditions: conditions, variables: variables)
    }
}
