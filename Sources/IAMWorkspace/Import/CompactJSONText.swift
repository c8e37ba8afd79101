import Foundation
import IAMPolicy

/// The compact text of a JSON value, cut straight from the bytes it was parsed from.
///
/// An import stores each policy document compact; building that text through `JSONValue` and
/// `JSONWriter` allocates a tree per document. When the value's source has no escape sequence,
/// dropping the whitespace between tokens gives exactly the bytes `JSONWriter.compact` writes
/// (it copies unescaped string bytes as they are, and numbers as their literal text), so this does
/// that in one pass; a value with escapes is left to the writer (nil).
enum CompactJSONText {
    static func text(of node: JSONNode, in source: Data) -> String? {
        let start = node.location.offset
        let end = node.endOffset
        guard start >= 0, start < end, end <= source.count,
            source[source.startIndex + start] == UInt8(ascii: "{"),
            source[source.startIndex + end - 1] == UInt8(ascii: "}")
        else { return nil }
        return source.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var escaped = false
            let text = String(unsafeUninitializedCapacity: end - start) { output in
                var written = 0
                var inString = false
                var index = start
                while index < end {
                    let byte = bytes[index]
                    index += 1
                    if !inString, byte == 0x20, index + 8 <= end, let base = bytes.baseAddress,
                        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
                    {
                        // Indentation comes in long runs of spaces.
                        index += 8
                        continue
                    }
                    if inString {
                        if byte == UInt8(ascii: "\\") {
                            escaped = true
                            return 0
                        }
                        if byte == UInt8(ascii: "\"") { inString = false }
                    } else if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                        continue
                    } else if byte == UInt8(ascii: "\"") {
                        inString = true
                    }
                    output[written] = byte
                    written += 1
                }
                return written
            }
            return escaped ? nil : text
        }
    }
}
