/// Writes a QR matrix as a PNG image: 1-bit greyscale, dark modules black on white, with a quiet
/// zone, in an uncompressed (stored) zlib stream, so no compression library is needed.
public enum PNGEncoder {
    /// The quiet zone the QR specification asks for, in modules, on every side.
    public static let standardQuietZone = 4

    /// The PNG bytes of `matrix`, each module `scale` pixels square, with `quietZone` light modules around it.
    public static func encode(_ matrix: QRMatrix, scale: Int = 8, quietZone: Int = standardQuietZone) -> [UInt8] {
        let scale = max(1, scale)
        let quietZone = max(0, quietZone)
        let side = (matrix.size + 2 * quietZone) * scale
        let rowBytes = (side + 7) / 8
        var raw: [UInt8] = []
        raw.reserveCapacity(side * (rowBytes + 1))
        for y in 0..<side {
            raw.append(0)  // filter type None
            var row = [UInt8](repeating: 0xFF, count: rowBytes)  // 1 = white in 1-bit greyscale
            let moduleRow = y / scale - quietZone
            for x in 0..<side where matrix[moduleRow, x / scale - quietZone] {
                row[x / 8] &= ~(0x80 >> UInt8(x % 8))
            }
            raw.append(contentsOf: row)
        }
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(side))
        header.appendBigEndian(UInt32(side))
        header += [1, 0, 0, 0, 0]  // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", ZlibStored.wrap(raw))
        png.appendChunk("IEND", [])
        return png
    }
}

/// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4).
enum ZlibStored {
    static func wrap(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, no preset dictionary, check bits
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let isLast = offset + length == data.count
            out.append(isLast ? 1 : 0)  // BFINAL, BTYPE 00 (stored)
            out.append(UInt8(length & 0xFF))
            out.append(UInt8(length >> 8))
            out.append(UInt8(~length & 0xFF))
            out.append(UInt8((~length >> 8) & 0xFF))
            out.append(contentsOf: data[offset..<(offset + length)])
            offset += length
        } while offset < data.count
        out.appendBigEndian(Checksums.adler32(data))
        return out
    }
}

/// The checksums PNG and zlib use.
enum Checksums {
    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// CRC-32 (ISO 3309, as PNG uses it).
    static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// Adler-32 (RFC 1950).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}

extension Array where Element == UInt8 {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [
            UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF),
        ])
    }

    /// A PNG chunk: length, type, data, and the CRC of type and data.
    fileprivate mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        append(contentsOf: typed)
        appendBigEndian(Checksums.crc32(typed))
    }
}
