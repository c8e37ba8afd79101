/// A strict JSON reader (RFC 8259) that remembers where each value starts and reports the
/// first syntax error with the byte offset it was found at.
struct JSONReader {
    /// A syntax error: what was wrong and at which byte.
    struct SyntaxError: Error, Equatable {
        /// Byte offset of the offending character (the end of the file when it ended early).
        var offset: Int
        /// What was wrong, in a sentence without a trailing period.
        var message: String
    }

    /// Deepest nesting accepted; theme files need three levels.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads one JSON document; a UTF-8 byte-order mark is skipped.
    static func read(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        var reader = JSONReader(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipWhitespace()
        let node = try reader.readValue()
        reader.skipWhitespace()
        if reader.index < bytes.count {
            throw reader.error("unexpected \(reader.describeCurrent()) after the end of the document")
        }
        return node
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(offset: offset ?? index, message: message)
    }

    private func describeCurrent() -> String {
        guard let byte = current else { return "end of file" }
        if byte == UInt8(ascii: "/") { return "'/' (comments are not allowed in JSON)" }
        if byte == UInt8(ascii: "'") { return "\"'\" (JSON strings use double quotes)" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    private mutating func skipWhitespace() {
        while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { index += 1 }
    }

    private mutating func readValue() throws(SyntaxError) -> JSONNode {
        let start = index
        guard let byte = current else { throw error("unexpected end of file, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return JSONNode(value: try readObject(), offset: start)
        case UInt8(ascii: "["): return JSONNode(value: try readArray(), offset: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try readString()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try readNumber()), offset: start)
        case UInt8(ascii: "t"): return JSONNode(value: try readLiteral("true", .bool(true)), offset: start)
        case UInt8(ascii: "f"): return JSONNode(value: try readLiteral("false", .bool(false)), offset: start)
        case UInt8(ascii: "n"): return JSONNode(value: try readLiteral("null", .null), offset: start)
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nested more than \(Self.maximumDepth) levels deep") }
    }

    private mutating func readObject() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                let hint = current == UInt8(ascii: "}") ? " (trailing commas are not allowed in JSON)" : ""
                throw error("unexpected \(describeCurrent()), expected a key in double quotes\(hint)")
            }
            let keyOffset = index
            let key = try readString()
            guard seen.insert(key).inserted else { throw error("duplicate key \"\(key)\"", at: keyOffset) }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()), expected ':' after the key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            members.append(JSONMember(key: key, keyOffset: keyOffset, node: try readValue()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw error("unexpected \(describeCurrent()), expected ',' or '}' after the value of \"\(key)\"")
            }
        }
    }

    private mutating func readArray() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                throw error("unexpected ']', expected a value (trailing commas are not allowed in JSON)")
            }
            items.append(try readValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(items)
            default: throw error("unexpected \(describeCurrent()), expected ',' or ']' in an array")
            }
        }
    }

    private mutating func readLiteral(_ word: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else {
            throw error("unexpected \(describeCurrent()), expected a value")
        }
        index += expected.count
        return value
    }

    private mutating func readNumber() throws(SyntaxError) -> Double {
        let start = index
        let isDigit = { (byte: UInt8?) -> Bool in byte.map { (0x30...0x39).contains($0) } ?? false }
        if current == UInt8(ascii: "-") { index += 1 }
        guard isDigit(current) else { throw error("expected a digit in a number") }
        if current == UInt8(ascii: "0") {
            index += 1
            if isDigit(current) { throw error("numbers must not start with 0", at: start) }
        }
        while isDigit(current) { index += 1 }
        if current == UInt8(ascii: ".") {
            index += 1
            guard isDigit(current) else { throw error("expected a digit after the decimal point") }
            while isDigit(current) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard isDigit(current) else { throw error("expected a digit in the exponent") }
            while isDigit(current) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text) else { throw error("number out of range", at: start) }
        return number
    }

    private mutating func readString() throws(SyntaxError) -> String {
        let start = index
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        while true {
            guard let byte = current else { throw error("unterminated string", at: start) }
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: String(decoding: bytes[run..<index], as: UTF8.self).unicodeScalars)
                index += 1
                return String(scalars)
            }
            if byte == 0x0A { throw error("unterminated string (write a line break in a string as \\n)", at: start) }
            if byte < 0x20 { throw error("control character in a string (write it as an escape such as \\t)") }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            scalars.append(contentsOf: String(decoding: bytes[run..<index], as: UTF8.self).unicodeScalars)
            scalars.append(try readEscape())
            run = index
        }
    }

    private mutating func readEscape() throws(SyntaxError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard let byte = current else { throw error("unterminated string") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(byte)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try readHex4(escapeStart: start)
            if (0xD800..<0xDC00).contains(high), bytes[index...].starts(with: Array("\\u".utf8)) {
                let lowStart = index
                index += 2
                let low = try readHex4(escapeStart: lowStart)
                if (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                {
                    return scalar
                }
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("invalid \\u escape", at: start) }
            return scalar
        default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string", at: start)
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(SyntaxError) -> UInt32 {
        let isHex = { (byte: UInt8) -> Bool in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
        guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy(isHex),
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("\\u must be followed by four hexadecimal digits", at: escapeStart) }
        index += 4
        return value
    }
}
