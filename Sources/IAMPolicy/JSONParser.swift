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
        // Duplicates are rare: look for one without building any path first.
        guard containsDuplicateKey(node) else { return [] }
        var found: [JSONDuplicateKey] = []
        collectDuplicateKeys(in: node, path: JSONPath.root, into: &found)
        return found
    }

    private static func containsDuplicateKey(_ node: JSONNode) -> Bool {
        switch node.kind {
        case .array(let elements):
            return elements.contains { containsDuplicateKey($0) }
        case .object(let members):
            if members.count <= 16 {
                // Comparing pairs beats hashing for the few keys a policy object has.
                for index in members.indices {
                    for earlier in members.startIndex..<index where members[earlier].key == members[index].key {
                        return true
                    }
                }
            } else {
                var seen = Set<String>(minimumCapacity: members.count)
                for member in members where !seen.insert(member.key).inserted { return true }
            }
            return members.contains { containsDuplicateKey($0.value) }
        default:
            return false
        }
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

    /// The offset of the first byte of the first ill-formed UTF-8 sequence, or nil.
    ///
    /// Files are mostly ASCII, so eight bytes are checked at a time until one has its high bit set.
    private static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count,
                UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let width = validSequenceWidth(bytes, at: index) else { return index }
            index += width
        }
        return nil
    }

    /// The length of the well-formed multi-byte sequence at `index` (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF), or nil.
    private static func validSequenceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let continuation: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: (continuation, scalar) = (1, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (continuation, scalar) = (2, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (continuation, scalar) = (3, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + continuation < bytes.count else { return nil }
        for offset in 1...continuation {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        switch continuation {
        case 2 where scalar < 0x800 || (0xD800...0xDFFF).contains(scalar): return nil
        case 3 where scalar < 0x1_0000 || scalar > 0x10_FFFF: return nil
        default: return continuation + 1
        }
    }
}
