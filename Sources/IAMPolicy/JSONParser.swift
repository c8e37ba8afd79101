import Foundation

/// A strict RFC 8259 JSON reader that remembers where every value and key was written.
///
/// It reads UTF-8 bytes directly, so it can also point at a syntax error in a multi-megabyte
/// workspace file quickly. A leading UTF-8 byte order mark is skipped; anything else outside the
/// RFC grammar (comments, trailing commas, single quotes, `NaN`, leading zeros, raw control
/// characters in strings, lone surrogate escapes) is an error. Duplicate object keys are kept,
/// in order; ``duplicateKeys(in:)`` lists them for callers that must reject them.
///
/// ```swift
/// let node = try JSONParser.parseNode(#"{"Version": "2012-10-17"}"#)
/// node["Version"]?.location  // line 1, column 13
/// ```
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted; deeper input is an error, not a crash.
    public static let maximumDepth = 512

    /// Parses `text` into a value.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parseNode(text).value
    }

    /// Parses `text` into a node tree carrying the location of every value and key.
    public static func parseNode(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        var text = text
        let result = text.withUTF8 { bytes in parseResult(bytes, validateUTF8: false) }
        return try result.get()
    }

    /// Parses UTF-8 encoded `data` into a value; invalid UTF-8 is a syntax error.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        try parseNode(data).value
    }

    /// Parses UTF-8 encoded `data` into a node tree; invalid UTF-8 is a syntax error.
    public static func parseNode(_ data: Data) throws(JSONSyntaxError) -> JSONNode {
        let result = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<JSONNode, JSONSyntaxError> in
            parseResult(raw.bindMemory(to: UInt8.self), validateUTF8: true)
        }
        return try result.get()
    }

    /// Parses UTF-8 encoded `bytes` into a value; invalid UTF-8 is a syntax error.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try parseNode(bytes).value
    }

    /// Parses UTF-8 encoded `bytes` into a node tree; invalid UTF-8 is a syntax error.
    public static func parseNode(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        let result = bytes.withUnsafeBufferPointer { buffer in parseResult(buffer, validateUTF8: true) }
        return try result.get()
    }

    /// The line and column of the UTF-8 byte `offset` in `text`, counted as the parser counts them.
    ///
    /// An offset past the end gives the location just after the last character.
    public static func location(ofByteOffset offset: Int, in text: String) -> SourceLocation {
        var text = text
        return text.withUTF8 { bytes in location(ofByteOffset: offset, inUTF8: bytes) }
    }

    /// The line and column of the byte `offset` in UTF-8 encoded `bytes`.
    public static func location(ofByteOffset offset: Int, in bytes: [UInt8]) -> SourceLocation {
        bytes.withUnsafeBufferPointer { buffer in location(ofByteOffset: offset, inUTF8: buffer) }
    }

    /// Every object key that repeats an earlier key of the same object, in document order.
    public static func duplicateKeys(in node: JSONNode) -> [JSONDuplicateKey] {
        var found: [JSONDuplicateKey] = []
        collectDuplicateKeys(in: node, path: JSONPath.root, into: &found)
        return found
    }

    private static func collectDuplicateKeys(in node: JSONNode, path: String, into found: inout [JSONDuplicateKey]) {
        switch node.kind {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collectDuplicateKeys(in: element, path: JSONPath.appending(index: index, to: path), into: &found)
            }
        case .object(let members):
            var firstSeen: [String: SourceLocation] = [:]
            for member in members {
                if let first = firstSeen[member.key] {
                    found.append(
                        JSONDuplicateKey(
                            key: member.key, location: member.keyLocation, firstLocation: first, objectPath: path))
                } else {
                    firstSeen[member.key] = member.keyLocation
                }
                let memberPath = JSONPath.appending(key: member.key, to: path)
                collectDuplicateKeys(in: member.value, path: memberPath, into: &found)
            }
        default:
            break
        }
    }

    private static func location(ofByteOffset offset: Int, inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var tracker = LocationTracker(bytes: bytes, bodyStart: byteOrderMarkLength(bytes))
        return tracker.location(at: min(max(offset, 0), bytes.count))
    }

    private static func parseResult(
        _ bytes: UnsafeBufferPointer<UInt8>, validateUTF8: Bool
    ) -> Result<JSONNode, JSONSyntaxError> {
        let start = byteOrderMarkLength(bytes)
        var reader = JSONByteReader(bytes: bytes, start: start)
        if validateUTF8, let bad = firstInvalidUTF8Offset(bytes) {
            return .failure(reader.error("invalid UTF-8", at: bad))
        }
        do throws(JSONSyntaxError) {
            return .success(try reader.readDocument())
        } catch {
            return .failure(error)
        }
    }

    private static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
