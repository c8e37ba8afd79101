/// RFC 4648 base32 (`A–Z`, `2–7`), the encoding of TOTP seeds in `otpauth://` URIs and in
/// `Base32StringSeed`.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes bytes; `padding` adds `=` to a multiple of 8 characters (URIs and authenticator apps omit it).
    public static func encode(_ bytes: [UInt8], padding: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 8 + 4) / 5 + 6)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        if padding { while output.count % 8 != 0 { output.append(UInt8(ascii: "=")) } }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base32 text: letters in either case, trailing `=` padding allowed, and the spaces
    /// people type between groups ignored. Nil for any other character or an impossible length.
    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var count = 0
        var seenPadding = false
        for scalar in text.unicodeScalars {
            if scalar == " " { continue }
            if scalar == "=" {
                seenPadding = true
                continue
            }
            guard !seenPadding, let value = value(of: scalar) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            count += 1
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        // 1, 3 and 6 characters past a full group cannot come from whole bytes.
        guard ![1, 3, 6].contains(count % 8) else { return nil }
        return output
    }

    private static func value(of scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "A"..."Z": return scalar.value - 65
        case "a"..."z": return scalar.value - 97
        case "2"..."7": return scalar.value - 50 + 26
        default: return nil
        }
    }
}
