/// The canonical forms Signature Version 4 signs: URI, query string and headers.
///
/// These follow AWS's published rules for every service but S3: the path is normalised (empty
/// and `.` segments dropped, `..` removing the segment before it) and each segment encoded once;
/// query parameters are decoded, re-encoded and sorted by name then value; header names are
/// lower-cased and sorted, values trimmed with inner runs of spaces collapsed.
enum SigV4Canonical {
    /// `/example/../a b/` → `/a%20b/`. The result always starts with `/`, and keeps a trailing `/`.
    static func uri(_ path: String) -> String {
        var segments: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(AWSPercentEncoding.encode(AWSPercentEncoding.decode(String(segment))))
            }
        }
        var result = "/" + segments.joined(separator: "/")
        let endsInDirectory = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        if endsInDirectory, !segments.isEmpty { result += "/" }
        return result
    }

    /// `b=2&a=1&a=0` → `a=0&a=1&b=2`, every name and value in AWS's encoding.
    static func query(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = AWSPercentEncoding.encode(AWSPercentEncoding.decode(String(parts[0])))
            let value = parts.count > 1 ? AWSPercentEncoding.encode(AWSPercentEncoding.decode(String(parts[1]))) : ""
            return (name, value)
        }
        // Byte order of the encoded text, which is what AWS compares.
        let sorted = pairs.sorted { left, right in
            left.0 == right.0
                ? Array(left.1.utf8).lexicographicallyPrecedes(right.1.utf8)
                : Array(left.0.utf8).lexicographicallyPrecedes(right.0.utf8)
        }
        return sorted.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// The lower-cased header names, sorted and de-duplicated, with their canonical values.
    static func headers(_ headers: [SigV4Request.Header]) -> [(name: String, value: String)] {
        var values: [String: [String]] = [:]
        var names: [String] = []
        for header in headers {
            let name = header.name.lowercased()
            if values[name] == nil { names.append(name) }
            values[name, default: []].append(trimmed(header.value))
        }
        return names.sorted().map { ($0, values[$0, default: []].joined(separator: ",")) }
    }

    /// Leading and trailing white space removed, inner runs of white space made one space.
    static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }
}
