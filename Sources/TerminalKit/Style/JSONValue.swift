/// A JSON value read from a theme file, with where each value starts so errors can name a line.
///
/// TerminalKit keeps its own small reader (see `JSONReader`) rather than `JSONDecoder`, whose
/// messages differ between platforms and rarely give a line and column.
struct JSONNode: Equatable {
    /// The value itself.
    var value: JSONValue
    /// Byte offset of the value's first character in the file.
    var offset: Int
}

/// One `"key": value` pair of an object, in file order.
struct JSONMember: Equatable {
    /// The key, unescaped.
    var key: String
    /// Byte offset of the key's opening quote.
    var keyOffset: Int
    /// The value.
    var node: JSONNode
}

/// Any JSON value, so theme files can be checked key by key with precise error messages.
indirect enum JSONValue: Equatable, CustomStringConvertible {
    /// An object; members keep their file order (duplicates are rejected by the reader).
    case object([JSONMember])
    /// An array.
    case array([JSONNode])
    /// A string, unescaped.
    case string(String)
    /// A number.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// How an error message shows the value: strings in quotes, containers by kind.
    var description: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string(let text): return "\"\(text)\""
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return "\(number)"
        case .bool(let flag): return "\(flag)"
        case .null: return "null"
        }
    }
}

/// A line and column (both from 1; the column counts characters, not bytes).
struct SourcePosition: Equatable, CustomStringConvertible {
    /// Line number, from 1.
    var line: Int
    /// Column number, from 1, in Unicode scalars.
    var column: Int

    /// The position of byte `offset` in `bytes`.
    init(offset: Int, in bytes: [UInt8]) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }

    /// `LINE:COLUMN`.
    var description: String { "\(line):\(column)" }
}
