import IAMCore

/// Writes pretty-printed JSON the way the workspace file is laid out: two-space indent,
/// `"key" : value`, `/` and non-ASCII text unescaped, and empty arrays and objects as `[]` and `{}`.
/// That is byte for byte what Python's `json.dump(obj, f, indent=2, sort_keys=True,
/// ensure_ascii=False, separators=(",", " : "))` writes, and what Foundation's `JSONEncoder`
/// (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`) wrote apart from empty containers.
///
/// Keys are written in the order the caller gives them: the entity writers list them sorted.
struct WorkspaceWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the innermost open container has no member or element yet.
    private var isEmpty = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// A writer that continues an array another writer started, `depth` containers deep, after
    /// at least one element: its bytes are appended to that writer's (see `parallelMember`).
    init(continuingArrayAt depth: Int, capacity: Int) {
        bytes.reserveCapacity(capacity)
        self.depth = depth
        isEmpty = false
    }

    /// Appends what a continuing writer wrote.
    mutating func append(_ other: WorkspaceWriter) {
        bytes.append(contentsOf: other.bytes)
        isEmpty = false
    }

    /// How many containers are open.
    var openContainers: Int { depth }

    // MARK: Containers

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isEmpty { newline() }
        bytes.append(bracket)
        // The container itself was a member or element of its parent, so the parent is not empty.
        isEmpty = false
    }

    /// Starts an array element: the comma after the previous one, a new line and the indent.
    mutating func element() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        newline()
    }

    /// Starts a member: `"key" : ` on its own line. Keys are plain ASCII names and need no escaping.
    mutating func key(_ key: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        // Four single appends: an array literal here would allocate for each of ~500,000 keys.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(0x20)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
    }

    /// Starts a member whose key is data (a condition or filter key), escaped like any string.
    mutating func key(dynamic name: String) {
        element()
        string(name)
        bytes.append(0x20)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth * 2 { bytes.append(0x20) }
    }

    // MARK: Members

    mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        member(name, value)
    }

    mutating func member(_ name: StaticString, _ value: Timestamp) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        TimestampBytes.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func member(_ name: StaticString, _ value: Timestamp?) {
        guard let value else { return }
        member(name, value)
    }

    mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        integer(value)
    }

    mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        let word: StaticString = value ? "true" : "false"
        bytes.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    mutating func member(_ name: StaticString, _ values: [String]) {
        key(name)
        openArray()
        for value in values {
            element()
            string(value)
        }
        closeArray()
    }

    /// A member holding an array of objects, each written by `write`.
    mutating func member<Element>(_ name: StaticString, _ values: [Element], _ write: (inout Self, Element) -> Void) {
        key(name)
        openArray()
        for value in values {
            element()
            write(&self, value)
        }
        closeArray()
    }

    // MARK: Scalars

    mutating func integer(_ value: Int) {
        guard value != 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits from the lowest, into a small buffer, then in order; magnitude avoids Int.min overflow.
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        while magnitude > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes.append(contentsOf: digits.reversed())
    }

    /// A quoted string, escaped as Foundation and Python both escape: `"` and `\`, the short forms
    /// `\b \f \n \r \t`, other control characters as `\u00xx` (lowercase hex), everything else as is.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for position in 0..<utf8.count {
                let byte = utf8[position]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                // Copy the run of plain bytes before this one in a single append.
                if runStart < position {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
                }
                escape(byte)
                runStart = position + 1
            }
            if runStart < utf8.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        let short: UInt8
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                hex[Int(byte & 0x0F)],
            ])
            return
        }
        bytes.append(contentsOf: [UInt8(ascii: "\\"), short])
    }
}
