import Foundation
import Testing

@testable import QRCode

/// Finds a command-line tool on `PATH` (or in /usr/bin), for tests that cross-check against one.
enum ExternalTool {
    static func path(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (folders + ["/usr/bin", "/usr/local/bin"]).map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool and returns its exit status and standard output (standard error is discarded:
    /// zbarimg may print a harmless D-Bus warning there).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("QR encoding")
struct QRCodeTests {
    static let uri = "otpauth://totp/alice@acme-demo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

    @Test func aShortTextIsAVersionOneSymbolWithItsThreeFinderPatterns() throws {
        let matrix = try QRCode.encode("hello")
        #expect(matrix.size == 21)
        for (top, left) in [(0, 0), (0, 14), (14, 0)] {
            // A finder pattern: a dark 7x7 ring around a light ring around a dark 3x3 core.
            #expect((0..<7).allSatisfy { matrix[top, left + $0] && matrix[top + 6, left + $0] })
            #expect((1..<6).allSatisfy { !matrix[top + 1, left + $0] })
            #expect(matrix[top + 3, left + 3])
        }
    }

    @Test func anOtpauthURIFitsAVersionFourOrSmallerSymbolAtLevelM() throws {
        let matrix = try QRCode.encode(Self.uri)
        #expect(matrix.size <= 33)
        #expect(matrix.rows.count == matrix.size)
        #expect(matrix.rows.allSatisfy { $0.count == matrix.size })
    }

    @Test func higherErrorCorrectionNeedsAtLeastAsLargeASymbol() throws {
        let low = try QRCode.encode(Self.uri, correction: .low)
        let high = try QRCode.encode(Self.uri, correction: .high)
        #expect(high.size > low.size)
    }

    @Test func emptyTextAndTextWithNULCannotBeEncoded() {
        #expect(throws: QRCode.EncodingError.cannotEncode) { try QRCode.encode("") }
        #expect(throws: QRCode.EncodingError.cannotEncode) { try QRCode.encode("a\u{0}b") }
        #expect(throws: QRCode.EncodingError.cannotEncode) { try QRCode.encode(String(repeating: "x", count: 4000)) }
    }

    @Test func outsideTheSymbolEveryModuleIsLight() throws {
        let matrix = try QRCode.encode("hello")
        #expect(!matrix[-1, 0] && !matrix[0, -1] && !matrix[21, 0] && !matrix[0, 21])
        #expect(QRMatrix(size: 2, modules: [true]) == nil)
    }
}

@Suite("PNG writer")
struct PNGEncoderTests {
    /// The chunks of a PNG file as (type, data), checking each CRC on the way.
    static func chunks(_ png: [UInt8]) -> [(String, [UInt8])] {
        var result: [(String, [UInt8])] = []
        var offset = 8
        func word(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while offset + 12 <= png.count {
            let length = word(offset)
            let typed = Array(png[(offset + 4)..<(offset + 8 + length)])
            #expect(UInt32(word(offset + 8 + length)) == Checksums.crc32(typed))
            result.append((String(decoding: typed.prefix(4), as: UTF8.self), Array(typed.dropFirst(4))))
            offset += 12 + length
        }
        return result
    }

    @Test func checksumsMatchTheirStandardCheckValues() {
        #expect(Checksums.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Checksums.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func theImageIsOneBitGreyscaleWithAQuietZoneOfFourModules() throws {
        let matrix = try QRCode.encode("hello")
        let png = PNGEncoder.encode(matrix, scale: 3)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let chunks = Self.chunks(png)
        #expect(chunks.map(\.0) == ["IHDR", "IDAT", "IEND"])
        let header = chunks[0].1
        let side = (21 + 8) * 3
        #expect(Array(header.prefix(8)) == [0, 0, 0, UInt8(side), 0, 0, 0, UInt8(side)])
        #expect(Array(header.suffix(5)) == [1, 0, 0, 0, 0])
        let raw = try Self.inflateStored(chunks[1].1)
        let rowBytes = (side + 7) / 8 + 1
        #expect(raw.count == side * rowBytes)
        // The first quiet-zone row is all white; the first symbol row starts dark after 12 white pixels.
        #expect(raw[0] == 0 && raw[1..<rowBytes].allSatisfy { $0 == 0xFF })
        let firstSymbolRow = Array(raw[(12 * rowBytes)..<(13 * rowBytes)])
        #expect(firstSymbolRow[1] == 0xFF && firstSymbolRow[2] & 0xF0 == 0xF0 && firstSymbolRow[2] & 0x08 == 0)
    }

    @Test func largeImagesSpanSeveralStoredBlocks() throws {
        let matrix = try QRCode.encode(String(repeating: "otpauth", count: 100))
        let png = PNGEncoder.encode(matrix, scale: 20)
        let raw = try Self.inflateStored(Self.chunks(png)[1].1)
        let side = (matrix.size + 8) * 20
        #expect(raw.count == side * ((side + 7) / 8 + 1))
        #expect(raw.count > 65_535)
    }

    struct BadStream: Error {}

    /// Reads a zlib stream of stored blocks back, checking the block lengths and the Adler-32.
    static func inflateStored(_ stream: [UInt8]) throws -> [UInt8] {
        guard stream.count >= 6, stream[0] == 0x78, (UInt16(stream[0]) << 8 | UInt16(stream[1])) % 31 == 0 else {
            throw BadStream()
        }
        var out: [UInt8] = []
        var offset = 2
        while true {
            let final = stream[offset] & 1 == 1
            guard stream[offset] & 0x06 == 0 else { throw BadStream() }
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let inverse = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            guard length ^ 0xFFFF == inverse else { throw BadStream() }
            out += stream[(offset + 5)..<(offset + 5 + length)]
            offset += 5 + length
            if final { break }
        }
        let adler = stream[offset..<(offset + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard adler == Checksums.adler32(out), offset + 4 == stream.count else { throw BadStream() }
        return out
    }

    @Test(.enabled(if: ExternalTool.path("zbarimg") != nil, "zbarimg is missing: install Debian's zbar-tools"))
    func zbarimgReadsTheExactURIBackFromThePNG() throws {
        let zbarimg = try #require(ExternalTool.path("zbarimg"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(PNGEncoder.encode(try QRCode.encode(QRCodeTests.uri))).write(to: file)
        let (status, output) = try ExternalTool.run(zbarimg, ["--raw", "-q", file.path])
        #expect(status == 0)
        #expect(output == QRCodeTests.uri + "\n")
    }
}
