import IAMCore

/// The fast reader stopped: the bytes are not something it reads with certainty. Carries nothing,
/// because the `Codable` path then reads the same bytes again and explains the problem precisely.
struct FastPathRefused: Error {}

/// A pull parser over the bytes of a JSON document: the caller asks for the value it expects next
/// (an object, a string, an integer...) and gets it without an intermediate tree.
///
/// It accepts a subset of what Foundation's `JSONDecoder` accepts, never more: anything unusual
/// (an escaped key, a fractional number where an integer is expected, invalid UTF-8, deep nesting)
/// throws `FastPathRefused`, so a file this reader accepts decodes to the same value either way.
struct WorkspaceReader {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private var index = 0

    /// Deeper than this the reader gives up (Foundation allows 512; workspaces nest about six deep).
    private static let maximumDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(FastPathRefused) {
        guard let base = bytes.baseAddress else { throw FastPathRefused() }
        self.base = base
        self.count = bytes.count
    }

    // MARK: Structure

    /// The next byte that is not JSON whitespace, without consuming it; 0 at the end.
    @inline(__always)
    mutating func peek() -> UInt8 {
        while index < count {
            let byte = base[index]
            // Space, tab, newline, carriage return: everything else, including 0, stops the scan.
            guard byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { return byte }
            index += 1
        }
        return 0
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8) throws(FastPathRefused) {
        guard peek() == byte else { throw FastPathRefused() }
        index += 1
    }

    /// Consumes `null` if it is next: optional fields read as absent.
    mutating func takeNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), index + 4 <= count, base[index + 1] == UInt8(ascii: "u"),
            base[index + 2] == UInt8(ascii: "l"), base[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// Opens an object; false when it is empty (and already closed).
    mutating func beginObject() throws(FastPathRefused) -> Bool {
        try expect(UInt8(ascii: "{"))
        guard peek() == UInt8(ascii: "}") else { return true }
        index += 1
        return false
    }

    /// After a member's value: true when another member follows, false at the closing brace.
    mutating func nextMember() throws(FastPathRefused) -> Bool {
        switch peek() {
        case UInt8(ascii: ","): index += 1; return true
        case UInt8(ascii: "}"): index += 1; return false
        default: throw FastPathRefused()
        }
    }

    /// Opens an array; false when it is empty (and already closed).
    mutating func beginArray() throws(FastPathRefused) -> Bool {
        try expect(UInt8(ascii: "["))
        guard peek() == UInt8(ascii: "]") else { return true }
        index += 1
        return false
    }

    /// After an element: true when another element follows, false at the closing bracket.
    mutating func nextElement() throws(FastPathRefused) -> Bool {
        switch peek() {
        case UInt8(ascii: ","): index += 1; return true
        case UInt8(ascii: "]"): index += 1; return false
        default: throw FastPathRefused()
        }
    }

    /// Reads a member's key and its colon: the key's position in `table`, or nil for a key this
    /// build does not know (whose value the caller skips). A known key seen twice refuses, because
    /// `JSONDecoder` keeps the first occurrence and this reader would have to undo the second.
    mutating func key(_ table: KeyTable, seen: inout UInt64, hint: inout Int) throws(FastPathRefused) -> Int? {
        try expect(UInt8(ascii: "\""))
        let start = index
        while true {
            guard index < count else { throw FastPathRefused() }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") { break }
            // Escaped, control or non-ASCII keys are never ours: let Foundation sort them out.
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw FastPathRefused() }
            index += 1
        }
        let found = table.find(UnsafeBufferPointer(start: base + start, count: index - start), from: hint)
        index += 1
        try expect(UInt8(ascii: ":"))
        guard let found else { return nil }
        let bit: UInt64 = 1 << UInt64(found)
        guard seen & bit == 0 else { throw FastPathRefused() }
        seen |= bit
        hint = found + 1
        return found
    }

    /// Checks that only whitespace follows the document.
    mutating func end() throws(FastPathRefused) {
        guard peek() == 0, index == count else { throw FastPathRefused() }
    }

    // MARK: Scalars

    /// A string value. Without escapes (almost every value) it is one copy of the bytes.
    mutating func string() throws(FastPathRefused) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var seenBits: UInt8 = 0
        var position = index
        while true {
            guard position < count else { throw FastPathRefused() }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw FastPathRefused() }
            seenBits |= byte
            position += 1
        }
        index = position + 1
        let slice = UnsafeBufferPointer(start: base + start, count: position - start)
        if seenBits < 0x80 { return String(decoding: slice, as: UTF8.self) }
        // `String(decoding:)` would repair invalid UTF-8 where Foundation refuses it.
        guard let text = String(validating: slice, as: UTF8.self) else { throw FastPathRefused() }
        return text
    }

    /// The slow half of `string()`: finds the end, then writes the unescaped bytes straight into
    /// the new string (unescaping never makes it longer).
    private mutating func escapedString(from start: Int) throws(FastPathRefused) -> String {
        var position = start
        var seenBits: UInt8 = 0
        while true {
            guard position < count else { throw FastPathRefused() }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20 else { throw FastPathRefused() }
            seenBits |= byte
            position += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        let raw = UnsafeBufferPointer(start: base + start, count: position - start)
        index = position + 1
        if seenBits < 0x80 {
            var valid = true
            let text = String(unsafeUninitializedCapacity: raw.count) { buffer in
                guard let written = JSONUnescaper.unescape(raw, into: buffer) else {
                    valid = false
                    return 0
                }
                return written
            }
            guard valid else { throw FastPathRefused() }
            return text
        }
        // Raw non-ASCII bytes need validating, which `String(unsafeUninitializedCapacity:)` would repair.
        var valid = true
        let bytes = [UInt8](unsafeUninitializedCapacity: raw.count) { buffer, initialized in
            guard let written = JSONUnescaper.unescape(raw, into: buffer) else {
                valid = false
                initialized = 0
                return
            }
            initialized = written
        }
        guard valid, let text = String(validating: bytes, as: UTF8.self) else { throw FastPathRefused() }
        return text
    }

    /// An integer written plainly (`-?[1-9][0-9]*` or `0`); fractions, exponents, `-0` and values
    /// beyond 18 digits refuse rather than guess how Foundation rounds them.
    mutating func int() throws(FastPathRefused) -> Int {
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < count, base[index] >= UInt8(ascii: "0"), base[index] <= UInt8(ascii: "9") {
            value = value &* 10 &+ Int(base[index] &- UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits <= 18, digits == 1 || base[start] != UInt8(ascii: "0"), !(negative && value == 0)
        else { throw FastPathRefused() }
        if index < count {
            let next = base[index]
            guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else {
                throw FastPathRefused()
            }
        }
        return negative ? -value : value
    }

    mutating func bool() throws(FastPathRefused) -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw FastPathRefused()
    }

    /// Consumes `word` if it is next.
    private mutating func literal(_ word: StaticString) -> Bool {
        _ = peek()
        let length = word.utf8CodeUnitCount
        guard index + length <= count else { return false }
        let start = word.utf8Start
        for offset in 0..<length where base[index + offset] != start[offset] { return false }
        index += length
        return true
    }

    /// A timestamp: the canonical `+00:00` forms straight from the bytes, anything else through
    /// `Timestamp(iso8601:)` so both readers accept exactly the same spellings.
    mutating func timestamp() throws(FastPathRefused) -> Timestamp {
        if peek() == UInt8(ascii: "\""), let value = canonicalTimestamp(length: 25) ?? canonicalTimestamp(length: 32) {
            return value
        }
        guard let value = Timestamp(iso8601: try string()) else { throw FastPathRefused() }
        return value
    }

    /// A timestamp string of exactly `length` bytes in a canonical form, consumed; nil otherwise.
    @inline(__always)
    private mutating func canonicalTimestamp(length: Int) -> Timestamp? {
        let start = index + 1
        guard start + length < count, base[start + length] == UInt8(ascii: "\""),
            let value = TimestampBytes.parse(UnsafeBufferPointer(start: base + start, count: length))
        else { return nil }
        index = start + length + 1
        return value
    }

    // MARK: Skipping

    /// Skips a value of a key this build does not know, checking its syntax as strictly as Foundation.
    mutating func skipValue(depth: Int = 0) throws(FastPathRefused) {
        guard depth < Self.maximumDepth else { throw FastPathRefused() }
        switch peek() {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"):
            guard try beginObject() else { return }
            repeat {
                _ = try string()
                try expect(UInt8(ascii: ":"))
                try skipValue(depth: depth + 1)
            } while try nextMember()
        case UInt8(ascii: "["):
            guard try beginArray() else { return }
            repeat { try skipValue(depth: depth + 1) } while try nextElement()
        case UInt8(ascii: "t"): guard literal("true") else { throw FastPathRefused() }
        case UInt8(ascii: "f"): guard literal("false") else { throw FastPathRefused() }
        case UInt8(ascii: "n"): guard takeNull() else { throw FastPathRefused() }
        default: try skipNumber()
        }
    }

    /// Skips a number with JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func skipNumber() throws(FastPathRefused) {
        func digits() -> Int {
            let start = index
            while index < count, base[index] >= UInt8(ascii: "0"), base[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        if index < count, base[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || base[integerStart] != UInt8(ascii: "0") else {
            throw FastPathRefused()
        }
        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw FastPathRefused() }
        }
        if index < count, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw FastPathRefused() }
        }
    }
}

/// The member names of one kind of object, matched against key bytes without making strings.
struct KeyTable: Sendable {
    private let names: [[UInt8]]

    /// The names are the case names of `Field` (which spell the JSON keys), in declaration order.
    init<Field: CaseIterable>(_ field: Field.Type) {
        names = Field.allCases.map { Array("\($0)".utf8) }
        precondition(names.count <= 64, "a KeyTable tracks seen keys in 64 bits")
    }

    /// The position of `key`, searching from `hint` first: files list keys in the order the writer
    /// sorted them, which is the declaration order, so the next key is usually the next name.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, from hint: Int) -> Int? {
        let total = names.count
        var position = hint < total ? hint : 0
        for _ in 0..<total {
            if Self.equal(names[position], key) { return position }
            position = position + 1 == total ? 0 : position + 1
        }
        return nil
    }

    @inline(__always)
    private static func equal(_ name: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == key.count else { return false }
        for offset in 0..<key.count where name[offset] != key[offset] { return false }
        return true
    }
}
