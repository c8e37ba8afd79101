import IAMPolicy

/// Policy documents compared by meaning of their JSON, not their bytes.
///
/// IAM returns a document as it was submitted (URL-encoded), but a workspace may hold the same
/// document with other white space or member order; neither is a change. Each is parsed and its
/// objects' members sorted by key; documents that do not parse compare as text.
enum PolicyDocumentForm {
    /// The document with sorted members and no white space, or the text itself if it is not JSON.
    static func canonical(_ text: String) -> String {
        guard let value = try? JSONParser.parse(text) else { return text }
        return JSONWriter.compact(sorted(value))
    }

    /// The document pretty-printed (as the AWS CLI prints) with sorted members, for diffs.
    static func pretty(_ text: String) -> String {
        guard let value = try? JSONParser.parse(text) else { return text }
        return JSONWriter.awsCLI(sorted(value))
    }

    /// Whether two documents say the same.
    static func same(_ left: String, _ right: String) -> Bool { canonical(left) == canonical(right) }

    private static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(
                members.map { JSONMember(key: $0.key, value: sorted($0.value)) }
                    .sorted { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) })
        case .array(let elements):
            return .array(elements.map(sorted))
        default:
            return value
        }
    }
}
