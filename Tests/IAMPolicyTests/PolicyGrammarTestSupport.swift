import Foundation
import IAMPolicy

/// One malformed document and the single diagnostic it must produce.
struct GrammarCase: Sendable, CustomStringConvertible {
    var name: String
    var kind: PolicyKind
    var document: String
    var message: String
    var path: String
    /// The text the diagnostic must point at (its first character).
    var marker: String
    /// Which occurrence of `marker` to point at, counting from 0.
    var occurrence = 0

    var description: String { name }
}

/// A policy with `statement` under a `2012-10-17` Version, spread over lines as people write them.
func policy(_ statement: String, version: String? = "2012-10-17") -> String {
    let versionLine = version.map { "    \"Version\": \"\($0)\",\n" } ?? ""
    return "{\n" + versionLine + "    \"Statement\": " + statement + "\n}"
}

/// Where `marker` occurs in `text`, computed independently of the parser's own position keeping.
func expectedLocation(of marker: String, occurrence: Int = 0, in text: String) -> SourceLocation? {
    var searchStart = text.startIndex
    var found: Range<String.Index>?
    for _ in 0...occurrence {
        guard let range = text.range(of: marker, range: searchStart..<text.endIndex) else { return nil }
        found = range
        searchStart = range.upperBound
    }
    guard let found else { return nil }
    let prefix = text[..<found.lowerBound]
    let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
    let lastLine = lines.last ?? ""
    return SourceLocation(line: lines.count, column: lastLine.unicodeScalars.count + 1, offset: prefix.utf8.count)
}
