import IAMPolicy

/// Why one line of a `policy evaluate` requests file could not be read; the message goes in its error line.
struct RequestLineError: Error {
    let message: String

    init(_ message: String) { self.message = message }
}

/// Where a cached policy sits in one request: the source it is used as and its cache name.
struct PolicyPlace: Hashable {
    let source: PolicySourceKind
    let cacheName: String
}

/// One request line in the evaluator's terms.
struct RequestLine {
    /// The request.
    var request: EvaluationRequest
    /// The input path of each policy (`identityPolicies[2]`, `scps[0][1]`, `permissionsBoundary`, ...) by
    /// where it is used: a cached policy is named by its cache slot, and results are renamed on output.
    var policyNames: [PolicyPlace: String]
}

/// Reads request lines: `{"principal", "action", "resource", "resourceAccount"?, "context"?,
/// "identityPolicies"?, "permissionsBoundary"?, "resourcePolicy"?, "resourcePolicyKind"?, "scps"?,
/// "sessionPolicies"?}`.
///
/// Each distinct policy text is parsed once for the whole run, failures included: a document written as an
/// object is keyed by its bytes as written on the line, a document written as a string by the string.
struct RequestLineReader {
    private var cache: [String: Result<ParsedPolicy, PolicyParseError>] = [:]
    /// The requests of one principal share the merged form of its policies.
    private var plans = PolicySetPlans()

    /// Reads one line (without its line feed).
    mutating func read(_ line: [UInt8]) throws(RequestLineError) -> RequestLine {
        let root: JSONNode
        do {
            root = try JSONParser.parseNode(line)
        } catch {
            throw RequestLineError("not JSON: column \(error.column): \(error.message)")
        }
        guard let members = root.members else { throw RequestLineError("a request must be a JSON object") }
        var fields = RequestFields()
        var names: [PolicyPlace: String] = [:]
        for member in members {
            try read(member, line: line, into: &fields, names: &names)
        }
        guard let principalText = fields.principal else { throw RequestLineError("missing field 'principal'") }
        guard let action = fields.action else { throw RequestLineError("missing field 'action'") }
        guard let resource = fields.resource else { throw RequestLineError("missing field 'resource'") }
        let principal = try RequestPrincipal.parse(principalText).get()
        var request = EvaluationRequest(
            principal: principal, action: action, resource: resource, resourceAccount: fields.resourceAccount,
            context: fields.context, identityPolicies: fields.identityPolicies,
            permissionsBoundary: fields.permissionsBoundary, resourcePolicy: fields.resourcePolicy,
            resourcePolicyKind: fields.resourcePolicyKind, scps: fields.scps, sessionPolicies: fields.sessionPolicies)
        plans.attach(to: &request)
        return RequestLine(request: request, policyNames: names)
    }

    private static let resourcePolicyKinds: [String: ResourcePolicyKind] = [
        "generic": .generic, "kmsKeyPolicy": .kmsKeyPolicy, "roleTrustPolicy": .roleTrustPolicy,
    ]

    private mutating func read(
        _ member: JSONNode.Member, line: [UInt8], into fields: inout RequestFields, names: inout [PolicyPlace: String]
    ) throws(RequestLineError) {
        let key = member.key
        let value = member.value
        switch key {
        case "principal": fields.principal = try string(value, key)
        case "action": fields.action = try string(value, key)
        case "resource": fields.resource = try string(value, key)
        case "resourceAccount": fields.resourceAccount = value.kind == .null ? nil : try string(value, key)
        case "context": fields.context = try RequestContextReader.read(value)
        case "identityPolicies":
            fields.identityPolicies = try array(value, key).enumerated().map { (index, node) throws(RequestLineError) in
                try policy(node, "identityPolicies[\(index)]", .identity, line, &names)
            }
        case "permissionsBoundary":
            fields.permissionsBoundary =
                value.kind == .null ? nil : try policy(value, key, .permissionsBoundary, line, &names)
        case "resourcePolicy":
            fields.resourcePolicy = value.kind == .null ? nil : try policy(value, key, .resource, line, &names)
        case "resourcePolicyKind":
            let text = try string(value, key)
            guard let kind = Self.resourcePolicyKinds[text] else {
                throw RequestLineError(
                    "resourcePolicyKind: '\(text)' is not one of generic, kmsKeyPolicy, roleTrustPolicy")
            }
            fields.resourcePolicyKind = kind
        case "scps":
            fields.scps = try array(value, key).enumerated().map { (level, levelNode) throws(RequestLineError) in
                try array(levelNode, "scps[\(level)]").enumerated().map { (index, node) throws(RequestLineError) in
                    try policy(node, "scps[\(level)][\(index)]", .scp(level: level), line, &names)
                }
            }
        case "sessionPolicies":
            fields.sessionPolicies = try array(value, key).enumerated().map { (index, node) throws(RequestLineError) in
                try policy(node, "sessionPolicies[\(index)]", .session, line, &names)
            }
        default:
            throw RequestLineError("unknown field '\(key)'")
        }
    }

    /// The parsed policy `node` holds (an object, or a string holding JSON), from the cache when seen before.
    private mutating func policy(
        _ node: JSONNode, _ path: String, _ source: PolicySourceKind, _ line: [UInt8],
        _ names: inout [PolicyPlace: String]
    ) throws(RequestLineError) -> ParsedPolicy {
        let text: String
        switch node.kind {
        case .string(let string): text = string
        case .object: text = String(decoding: line[node.location.offset..<node.endOffset], as: UTF8.self)
        default: throw RequestLineError("\(path): a policy document must be a JSON object or a string holding one")
        }
        let cached: Result<ParsedPolicy, PolicyParseError>
        if let hit = cache[text] {
            cached = hit
        } else {
            let name = String(cache.count)
            cached = Result { () throws(PolicyParseError) in try ParsedPolicy(name: name, text: text) }
            cache[text] = cached
        }
        switch cached {
        case .success(let parsed):
            let place = PolicyPlace(source: source, cacheName: parsed.name)
            if names[place] == nil { names[place] = path }
            return parsed
        case .failure(let error):
            throw RequestLineError("\(path): \(error.description)")
        }
    }

    private func string(_ node: JSONNode, _ key: String) throws(RequestLineError) -> String {
        guard let text = node.stringValue else { throw RequestLineError("\(key): expected a string") }
        return text
    }

    private func array(_ node: JSONNode, _ key: String) throws(RequestLineError) -> [JSONNode] {
        if node.kind == .null { return [] }
        guard let elements = node.elements else { throw RequestLineError("\(key): expected an array") }
        return elements
    }
}

/// The fields of one request as read so far.
private struct RequestFields {
    var principal: String?
    var action: String?
    var resource: String?
    var resourceAccount: String?
    var context: [String: ContextValue] = [:]
    var identityPolicies: [ParsedPolicy] = []
    var permissionsBoundary: ParsedPolicy?
    var resourcePolicy: ParsedPolicy?
    var resourcePolicyKind = ResourcePolicyKind.generic
    var scps: [[ParsedPolicy]] = []
    var sessionPolicies: [ParsedPolicy] = []
}

/// Reads `context`: `{key: value | [values]}`, where a value is a string, number or Boolean (AWS passes
/// every type in its string form) and an array is a multivalued key. When a key is repeated, in any case,
/// the first spelling wins.
enum RequestContextReader {
    static func read(_ node: JSONNode) throws(RequestLineError) -> [String: ContextValue] {
        if node.kind == .null { return [:] }
        guard let members = node.members else { throw RequestLineError("context: expected an object") }
        var context: [String: ContextValue] = [:]
        for member in members {
            // Keys compare case-insensitively; lowercased once here, the evaluator need not do it per decision.
            let key = member.key.lowercased()
            guard context[key] == nil else { continue }
            if let elements = member.value.elements {
                context[key] = .strings(
                    try elements.map { (element) throws(RequestLineError) in try scalar(element, member.key) })
            } else {
                context[key] = .string(try scalar(member.value, member.key))
            }
        }
        return context
    }

    private static func scalar(_ node: JSONNode, _ key: String) throws(RequestLineError) -> String {
        switch node.kind {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null, .array, .object:
            throw RequestLineError("context[\(key)]: expected a string, number, Boolean, or an array of them")
        }
    }
}
