import Foundation
import IAMPolicy

/// A flag whose value is JSON (`--filter`, `--attributes`, `--sort`): inline JSON, `file://PATH`,
/// or the AWS CLI's shorthand `Key=value,Key2=value2` for a flat object.
enum JSONFlag {
    static func parse(_ text: String, flag: String, currentDirectory: String) throws -> JSONValue {
        let source = try FlagParser.document(text, currentDirectory: currentDirectory)
        if let parsed = try? JSONParser.parse(source) { return parsed }
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.hasPrefix("{"), !trimmed.hasPrefix("["), trimmed.contains("=") else {
            throw UsageError(description: "Error parsing parameter '--\(flag)': Invalid JSON: \(trimmed)")
        }
        var members: [JSONMember] = []
        for part in splitShorthand(trimmed) {
            guard let equals = part.firstIndex(of: "=") else {
                throw UsageError(description: "Error parsing parameter '--\(flag)': Expected: '=', received: '\(part)'")
            }
            let key = String(part[..<equals])
            let value = String(part[part.index(after: equals)...])
            members.append(
                JSONMember(
                    key: key, value: .string(try FlagParser.document(value, currentDirectory: currentDirectory))))
        }
        return .object(members)
    }

    /// `a=1,b=2`: splits at commas that start a new `key=` (a value may hold commas of its own).
    static func splitShorthand(_ text: String) -> [String] {
        var parts: [String] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let startsMember =
                piece.firstIndex(of: "=").map { equals in
                    piece[..<equals].allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == ":" || $0 == "_" }
                } ?? false
            if startsMember || parts.isEmpty {
                parts.append(String(piece))
            } else {
                parts[parts.count - 1] += "," + piece
            }
        }
        return parts
    }
}

/// Where a malformed policy is: for each policy flag read from a file, `FILE:LINE:COL: MESSAGE`
/// from the grammar the service applies, so an editor can jump to it.
enum PolicyErrorLocation {
    static func lines(_ words: [String], spec: ActionSpec, currentDirectory: String) -> [String] {
        var lines: [String] = []
        for flag in spec.flags {
            guard let kind = flag.policyKind, let position = words.firstIndex(of: "--" + flag.name),
                position + 1 < words.count
            else { continue }
            let value = words[position + 1]
            guard let text = try? FlagParser.document(value, currentDirectory: currentDirectory) else { continue }
            if flag.kind == .json {
                // A queue's attributes: the policy is the `Policy` member's string.
                guard let attributes = try? JSONFlag.parse(value, flag: flag.name, currentDirectory: currentDirectory),
                    let policy = attributes["Policy"]?.stringValue,
                    let first = PolicyGrammar.validate(policy, kind: kind).first
                else { continue }
                lines.append("--\(flag.name) Policy:\(place(first)): \(first.message)\(detail(first))")
                continue
            }
            guard let first = PolicyGrammar.validate(text, kind: kind).first else { continue }
            let name =
                value.hasPrefix("file://") || value.hasPrefix("fileb://")
                ? String(value.drop { $0 != "/" }.dropFirst(2)) : "--" + flag.name
            lines.append("\(name):\(place(first)): \(first.message)\(detail(first))")
        }
        return lines
    }

    private static func place(_ diagnostic: PolicyDiagnostic) -> String {
        diagnostic.location.map { "\($0.line):\($0.column)" } ?? "1:1"
    }

    private static func detail(_ diagnostic: PolicyDiagnostic) -> String {
        diagnostic.detail.map { " (\($0))" } ?? ""
    }
}
