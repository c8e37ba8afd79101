/// A position in a text document.
///
/// `line` and `column` are 1-based and meant for people: the column counts Unicode scalars, so a
/// two-byte `é` advances it by one. `offset` counts UTF-8 bytes from the start of the text and is
/// meant for programs that slice the original bytes. A leading byte order mark is not counted as
/// a column, because editors do not show it.
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number; lines end at LF (a CR before it belongs to the line it ends).
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int
    /// The 0-based offset in UTF-8 bytes.
    public var offset: Int

    /// Creates a location from its three coordinates.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line L, column C`, the form used in every diagnostic.
    public var description: String { "line \(line), column \(column)" }

    /// Orders locations by their byte offset.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// Converts byte offsets to locations over one buffer, cheaply when asked in increasing order.
///
/// The parser asks for the location of every value in document order; remembering the last answer
/// makes the column count amortised linear even for a multi-megabyte document on a single line.
struct LocationTracker {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let bodyStart: Int
    private var scannedOffset: Int
    private var line = 1
    private var column = 1

    init(bytes: UnsafeBufferPointer<UInt8>, bodyStart: Int) {
        self.bytes = bytes
        self.bodyStart = bodyStart
        self.scannedOffset = bodyStart
    }

    mutating func location(at offset: Int) -> SourceLocation {
        let target = min(max(offset, bodyStart), bytes.count)
        if target < scannedOffset {
            // Only an error can point backwards; restart rather than keep a second cache.
            scannedOffset = bodyStart
            line = 1
            column = 1
        }
        var index = scannedOffset
        while index < target {
            // Eight ASCII bytes without a line feed move the column by eight: most of a file is such runs.
            if index + 8 <= target, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let notLineFeed = word ^ 0x0A0A_0A0A_0A0A_0A0A
                let hasLineFeed = (notLineFeed &- 0x0101_0101_0101_0101) & ~notLineFeed & 0x8080_8080_8080_8080
                if word & 0x8080_8080_8080_8080 == 0 {
                    if hasLineFeed == 0 {
                        column += 8
                        index += 8
                        continue
                    }
                    // The lowest flagged byte is the first line feed (a borrow only flags bytes above a real one).
                    let first = hasLineFeed.trailingZeroBitCount / 8
                    if index + first < target {
                        line += 1
                        column = 1
                        index += first + 1
                        continue
                    }
                }
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        scannedOffset = target
        return SourceLocation(line: line, column: column, offset: offset)
    }
}

/// The length of a UTF-8 byte order mark at the start of `bytes`, 0 or 3.
func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return 3 }
    return 0
}
