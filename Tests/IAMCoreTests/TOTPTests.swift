import Foundation
import Testing

@testable import IAMCore

@Suite("Base32 (RFC 4648)")
struct Base32Tests {
    @Test(arguments: [
        ("", "", ""), ("f", "MY", "MY======"), ("fo", "MZXQ", "MZXQ===="), ("foo", "MZXW6", "MZXW6==="),
        ("foob", "MZXW6YQ", "MZXW6YQ="), ("fooba", "MZXW6YTB", "MZXW6YTB"),
        ("foobar", "MZXW6YTBOI", "MZXW6YTBOI======"),
    ])
    func theRFCTestVectorsEncodeAndDecode(_ plain: String, _ bare: String, _ padded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == bare)
        #expect(Base32.encode(Array(plain.utf8), padding: true) == padded)
        #expect(Base32.decode(bare) == Array(plain.utf8))
        #expect(Base32.decode(padded) == Array(plain.utf8))
    }

    @Test func decodingAcceptsLowercaseAndSpacesBetweenGroups() {
        #expect(Base32.decode("mzxw 6ytb oi") == Array("foobar".utf8))
    }

    @Test(arguments: ["MZXW6YTB1", "MZ-X", "M", "MZX", "MZXW6Y", "MY==MY", "MZXW6YTBÖ"])
    func textThatIsNotBase32IsRefused(_ text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test func randomBytesRoundTrip() {
        let random = SeededRandomSource(seed: "base32")
        for length in 0..<41 {
            let bytes = random.bytes(length)
            #expect(Base32.decode(Base32.encode(bytes)) == bytes)
        }
    }
}

@Suite("HOTP and TOTP")
struct TOTPTests {
    static let rfcSecret = Array("12345678901234567890".utf8)

    /// RFC 4226 Appendix D.
    @Test func hotpMatchesTheRFC4226TestValues() {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489",
        ]
        for (counter, code) in expected.enumerated() {
            #expect(TOTP.hotp(secret: Self.rfcSecret, counter: UInt64(counter)) == code)
        }
    }

    /// RFC 6238 Appendix B, SHA-1 rows (8 digits).
    @Test(arguments: [
        (Int64(59), "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func totpMatchesTheRFC6238TestValues(_ seconds: Int64, _ code: String) {
        let time = Timestamp(secondsSince1970: seconds)
        #expect(TOTP.code(secret: Self.rfcSecret, at: time, digits: 8) == code)
        #expect(TOTP.code(secret: Self.rfcSecret, at: time) == String(code.suffix(6)))
    }

    @Test func stepsAreThirtySecondsLongFromTheEpoch() {
        #expect(TOTP.step(at: Timestamp(secondsSince1970: 0)) == 0)
        #expect(TOTP.step(at: Timestamp(secondsSince1970: 29)) == 0)
        #expect(TOTP.step(at: Timestamp(secondsSince1970: 30)) == 1)
        #expect(TOTP.step(at: Timestamp(microseconds: 59_999_999)) == 1)
        #expect(TOTP.step(at: Timestamp(secondsSince1970: -1)) == -1)
    }

    @Test func theProvisioningURIIsAWSsDocumentedForm() {
        let uri = TOTP.provisioningURI(deviceName: "alice", accountName: "acme-demo", base32Secret: "GEZDGNBV")
        #expect(uri == "otpauth://totp/alice@acme-demo?secret=GEZDGNBV")
        #expect(
            TOTP.provisioningURI(deviceName: "a b", accountName: "111122223333", base32Secret: "X")
                == "otpauth://totp/a%20b@111122223333?secret=X")
    }

    @Test func wellFormedCodesAreExactlySixDigits() {
        #expect(MFACodeCheck.isWellFormed("012345"))
        for bad in ["12345", "1234567", "12a456", "", "١٢٣٤٥٦", " 12345"] { #expect(!MFACodeCheck.isWellFormed(bad)) }
    }
}

@Suite("TOTP against oathtool")
struct OathtoolCrossCheckTests {
    static let oathtool = ExternalTool.path("oathtool")

    @Test(.enabled(if: oathtool != nil, "oathtool is missing: install Debian's oathtool package"))
    func codesAgreeWithOathtoolForRandomSeedsAndTimes() throws {
        let oathtool = try #require(Self.oathtool)
        let random = SeededRandomSource(seed: "oathtool")
        for round in 0..<6 {
            let secret = random.bytes(TOTP.secretLength)
            let seconds = Int64(1_700_000_000 + round * 7_777_777 + Int(random.bytes(1)[0]))
            let time = Timestamp(secondsSince1970: seconds)
            let when = String(time.iso8601.prefix(19)).replacingOccurrences(of: "T", with: " ") + " UTC"
            for digits in [6, 8] {
                let result = try ExternalTool.run(
                    oathtool, ["--totp", "-b", "-d", String(digits), "--now=\(when)", Base32.encode(secret)])
                #expect(result.status == 0)
                #expect(
                    result.output == TOTP.code(secret: secret, at: time, digits: digits) + "\n",
                    "seed \(Base32.encode(secret)) at \(when)")
            }
        }
    }

    @Test(.enabled(if: oathtool != nil, "oathtool is missing: install Debian's oathtool package"))
    func theRFC6238VectorAgreesWithOathtoolInHex() throws {
        let oathtool = try #require(Self.oathtool)
        let result = try ExternalTool.run(
            oathtool,
            ["--totp", "-d", "8", "--now=1970-01-01 00:00:59 UTC", "3132333435363738393031323334353637383930"])
        #expect(result.output == "94287082\n")
    }
}

/// Finds a command-line tool on `PATH` (or in /usr/bin) for tests that cross-check against one.
enum ExternalTool {
    static func path(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (folders + ["/usr/bin", "/usr/local/bin"]).map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool; returns its exit status and standard output (standard error is discarded).
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
