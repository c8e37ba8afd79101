/// Decodes the escapes of a JSON string's raw bytes, for `WorkspaceReader`'s slow path.
enum JSONUnescaper {
    /// Writes the unescaped form of a string's raw bytes; nil for a bad escape or a lone surrogate.
    static func unescape(
        _ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>
    )
        -> Int?
    {
        var read = 0
        var written = 0
        while read < raw.count {
            let byte = raw[read]
            guard byte == UInt8(ascii: "\\") else {
                out[written] = byte
                written += 1
                read += 1
                continue
            }
            guard read + 1 < raw.count else { return nil }
            let escaped: UInt8
            switch raw[read + 1] {
            case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
            case UInt8(ascii: "/"): escaped = UInt8(ascii: "/")
            case UInt8(ascii: "b"): escaped = 0x08
            case UInt8(ascii: "f"): escaped = 0x0C
            case UInt8(ascii: "n"): escaped = 0x0A
            case UInt8(ascii: "r"): escaped = 0x0D
            case UInt8(ascii: "t"): escaped = 0x09
            case UInt8(ascii: "u"):
                guard let (scalar, length) = unicodeEscape(raw, at: read) else { return nil }
                written += encodeUTF8(scalar, into: out, at: written)
                read += length
                continue
            default: return nil
            }
            out[written] = escaped
            written += 1
            read += 2
        }
        return written
    }

    /// The scalar of `\uXXXX` (or of a `\uD8xx\uDCxx` surrogate pair) at `at`, and the escape's length.
    private static func unicodeEscape(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt32, Int)? {
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = raw[at + offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        guard let first = hex(start + 2) else { return nil }
        switch first {
        case 0xD800...0xDBFF:
            guard start + 12 <= raw.count, raw[start + 6] == UInt8(ascii: "\\"), raw[start + 7] == UInt8(ascii: "u"),
                let second = hex(start + 8), (0xDC00...0xDFFF).contains(second)
            else { return nil }
            return (0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), 12)
        case 0xDC00...0xDFFF: return nil
        default: return (first, 6)
        }
    }

    private static func encodeUTF8(_ scalar: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        switch scalar {
        case ..<0x80:
            out[at] = UInt8(scalar)
            return 1
        case ..<0x800:
            out[at] = UInt8(0xC0 | scalar >> 6)
            out[at + 1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            out[at] = UInt8(0xE0 | scalar >> 12)
            out[at + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[at + 2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[at] = UInt8(0xF0 | scalar >> 18)
            out[at + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[at + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[at + 3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
