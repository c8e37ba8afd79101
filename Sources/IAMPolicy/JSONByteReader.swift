/// The recursive-descent reader behind ``JSONParser``, over a borrowed UTF-8 buffer.
struct JSONByteReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private var tracker: LocationTracker
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        self.index = start
        self.tracker = LocationTracker(bytes: bytes, bodyStart: start)
    }

    mutating func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: tracker.location(at: offset))
    }

    mutating func readDocument() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        let node = try readValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("trailing characters after the JSON value", at: index)
        }
        return node
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func readValue() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("unexpected end of input", at: index) }
        let start = index
        let location = tracker.location(at: start)
        let kind: JSONNode.Kind
        switch bytes[index] {
        case UInt8(ascii: "{"): kind = try readObject()
        case UInt8(ascii: "["): kind = try readArray()
        case UInt8(ascii: "\""): kind = .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = .number(try readNumber())
        case UInt8(ascii: "t"):
            try readLiteral("true")
            kind = .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            kind = .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            kind = .null
        default:
            throw error("unexpected character \(characterDescription(at: index)), expected a JSON value", at: index)
        }
        return JSONNode(kind: kind, location: location, endOffset: index)
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("nesting deeper than \(JSONParser.maximumDepth) levels", at: index)
        }
        index += 1
        skipWhitespace()
    }

    private mutating func readObject() throws(JSONSyntaxError) -> JSONNode.Kind {
        try enterContainer()
        var members: [JSONNode.Member] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            guard index < bytes.count else { throw error("unexpected end of input", at: index) }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}"), !members.isEmpty {
                    throw error("trailing comma before '}'", at: index)
                }
                throw error("expected a string as an object key", at: index)
            }
            let keyLocation = tracker.location(at: index)
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input", at: index) }
            guard bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after an object key", at: index) }
            index += 1
            skipWhitespace()
            let value = try readValue()
            members.append(JSONNode.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input", at: index) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(members)
            default:
                throw error("expected ',' or '}' after an object member", at: index)
            }
        }
    }

    private mutating func readArray() throws(JSONSyntaxError) -> JSONNode.Kind {
        try enterContainer()
        var elements: [JSONNode] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw error("trailing comma before ']'", at: index)
            }
            elements.append(try readValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input", at: index) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(elements)
            default:
                throw error("expected ',' or ']' after an array element", at: index)
            }
        }
    }

    private mutating func readLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let length = word.utf8CodeUnitCount
        var matched = 0
        while matched < length {
            guard start + matched < bytes.count else { throw error("unexpected end of input", at: start + matched) }
            guard bytes[start + matched] == word.utf8Start[matched] else {
                throw error("invalid literal, expected '\(word)'", at: start)
            }
            matched += 1
        }
        index = start + length
    }

    private func isDigit(_ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while isDigit(index) { index += 1 }
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard isDigit(index) else {
                if index >= bytes.count { throw error("unexpected end of input", at: index) }
                throw error("expected a digit after '-'", at: index)
            }
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw error("leading zeros are not allowed", at: start) }
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw error("expected a digit after the decimal point", at: index) }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard isDigit(index) else { throw error("expected a digit in the exponent", at: index) }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Reads a string whose opening quote is at `index`; the common case without escapes copies once.
    private mutating func readString() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        var runStart = index
        var decoded: [UInt8] = []
        var hasEscapes = false
        while true {
            guard index < bytes.count else { throw error("unterminated string", at: open) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if !hasEscapes { return String(decoding: run, as: UTF8.self) }
                decoded.append(contentsOf: run)
                return String(decoding: decoded, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                try readEscape(into: &decoded, stringStart: open)
                runStart = index
            } else if byte < 0x20 {
                throw error("control character in string", at: index)
            } else {
                index += 1
            }
        }
    }

    private mutating func readEscape(into decoded: inout [UInt8], stringStart: Int) throws(JSONSyntaxError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw error("unterminated string", at: stringStart) }
        let simple: UInt8?
        switch bytes[index] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            throw error("invalid escape \\\(characterText(at: index))", at: escapeStart)
        }
        if let simple {
            decoded.append(simple)
            index += 1
            return
        }
        index += 1
        var value = try readHexQuad(escapeStart: escapeStart, stringStart: stringStart)
        if (0xDC00...0xDFFF).contains(value) {
            throw error("lone surrogate \\u\(hex(value)) in string", at: escapeStart)
        }
        if (0xD800...0xDBFF).contains(value) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("lone surrogate \\u\(hex(value)) in string", at: escapeStart) }
            let lowStart = index
            index += 2
            let low = try readHexQuad(escapeStart: lowStart, stringStart: stringStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error("lone surrogate \\u\(hex(value)) in string", at: escapeStart)
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("invalid \\u escape", at: escapeStart)
        }
        UTF8.encode(scalar) { decoded.append($0) }
    }

    private mutating func readHexQuad(escapeStart: Int, stringStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw error("unterminated string", at: stringStart) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape, expected four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The character starting at `offset` as text, or `U+XXXX` for an invisible one.
    private func characterText(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        guard let scalar = text.unicodeScalars.first else { return text }
        let invisible =
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
        if invisible {
            return "U+" + hex(scalar.value)
        }
        return text
    }

    private func characterDescription(at offset: Int) -> String {
        let text = characterText(at: offset)
        return text.hasPrefix("U+") && text.count > 2 ? text : "'\(text)'"
    }
}
