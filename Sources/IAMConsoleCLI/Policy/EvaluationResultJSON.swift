import IAMPolicy

/// The output lines of `policy evaluate`.
///
/// A result is `{"decision", "matchedStatements", "missingContextKeys"?, "trace"?}`; each statement is
/// `{"policy", "sid", "index", "effect", "source", "line", "column"}` where `policy` is the document's
/// place in the request (`identityPolicies[0]`, `scps[1][0]`, ...), `sid` is `null` without a `Sid`,
/// `source` is `identity`, `permissionsBoundary`, `resource`, `scp` or `session`, and `line`/`column`
/// locate the statement's `{` in the document's own text (for a document written as an object, counted
/// from its opening brace). `missingContextKeys` appears only when a statement that could have applied
/// referenced keys absent from the context. `trace` (with `--trace`) lists every statement with
/// `"applied"` and, when it did not apply, `"reason"`.
enum EvaluationResultJSON {
    /// One result line.
    static func result(_ result: EvaluationResult, names: [PolicyPlace: String]) -> JSONValue {
        var members = [
            JSONMember(key: "decision", value: .string(result.decision.rawValue)),
            JSONMember(
                key: "matchedStatements", value: .array(result.matchedStatements.map { statement($0, names).value })),
        ]
        if !result.missingContextKeys.isEmpty {
            members.append(
                JSONMember(key: "missingContextKeys", value: .array(result.missingContextKeys.map(JSONValue.string))))
        }
        if let trace = result.trace {
            let entries = trace.map { entry -> JSONValue in
                var fields = statement(entry.statement, names)
                fields.append("applied", .bool(entry.applied))
                if let reason = entry.reason { fields.append("reason", .string(reason)) }
                return fields.value
            }
            members.append(JSONMember(key: "trace", value: .array(entries)))
        }
        return .object(members)
    }

    /// An error line: `{"line": N, "error": "message"}`.
    static func error(line: Int, message: String) -> JSONValue {
        .object([
            JSONMember(key: "line", value: .number(String(line))), JSONMember(key: "error", value: .string(message)),
        ])
    }

    private static func statement(_ statement: MatchedStatement, _ names: [PolicyPlace: String]) -> ObjectBuilder {
        let name = names[PolicyPlace(source: statement.source, cacheName: statement.policy)] ?? statement.policy
        var fields = ObjectBuilder()
        fields.append("policy", .string(name))
        fields.append("sid", statement.sid.map(JSONValue.string) ?? .null)
        fields.append("index", .number(String(statement.index)))
        fields.append("effect", .string(statement.effect))
        fields.append("source", .string(sourceName(statement.source)))
        fields.append("line", statement.location.map { .number(String($0.line)) } ?? .null)
        fields.append("column", statement.location.map { .number(String($0.column)) } ?? .null)
        return fields
    }

    private static func sourceName(_ source: PolicySourceKind) -> String {
        switch source {
        case .identity: "identity"
        case .permissionsBoundary: "permissionsBoundary"
        case .resource: "resource"
        case .scp: "scp"
        case .session: "session"
        }
    }
}

/// Collects object members in order.
private struct ObjectBuilder {
    private var members: [JSONMember] = []

    mutating func append(_ key: String, _ value: JSONValue) {
        members.append(JSONMember(key: key, value: value))
    }

    var value: JSONValue { .object(members) }
}
