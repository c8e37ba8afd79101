import Foundation
import Testing

@testable import IAMCore

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-11-29T06:31:29Z", Int64(1_795_933_889_000_000)),
        ("2026-11-29T06:31:29+00:00", 1_795_933_889_000_000),
        ("2026-11-29T06:31:29", 1_795_933_889_000_000),
        ("2026-11-29t06:31:29z", 1_795_933_889_000_000),
        ("2026-11-29 06:31:29Z", 1_795_933_889_000_000),
        ("2026-11-29T08:31:29+02:00", 1_795_933_889_000_000),
        ("2026-11-29T08:31:29+0200", 1_795_933_889_000_000),
        ("2026-11-29T01:01:29-05:30", 1_795_933_889_000_000),
        ("2026-11-29T06:31:29.228565+00:00", 1_795_933_889_228_565),
        ("2026-11-29T06:31:29.5Z", 1_795_933_889_500_000),
        ("2026-11-29T06:31:29.123Z", 1_795_933_889_123_000),
        ("2026-11-29T06:31:29.1234567Z", 1_795_933_889_123_456),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.5Z", -500_000),
        ("2024-02-29T00:00:00Z", 1_709_164_800_000_000),
    ])
    func parses(text: String, microseconds: Int64) throws {
        let timestamp = try #require(Timestamp(iso8601: text))
        #expect(timestamp.microseconds == microseconds)
    }

    @Test(arguments: [
        "", "2026-11-29", "2026-11-29T06:31", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-32T00:00:00Z",
        "2026-11-29T24:00:00Z", "2026-11-29T06:60:00Z", "2026-11-29T06:31:29.Z", "2026-11-29T06:31:29ZZ",
        "2026-11-29T06:31:29+2", "2026-11-29T06:31:29 UTC", "26-11-29T06:31:29Z", "2026/11/29T06:31:29Z",
        "2026-11-29T06:31:29+02:00x", "abcd-ef-ghTij:kl:mnZ", "2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z",
        "2026-04-31T00:00:00Z", "2100-02-29T00:00:00Z",
    ])
    func rejects(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test(arguments: [
        (Int64(1_795_933_889_000_000), "2026-11-29T06:31:29+00:00"),
        (1_795_933_889_228_565, "2026-11-29T06:31:29.228565+00:00"),
        (1_795_933_889_000_001, "2026-11-29T06:31:29.000001+00:00"),
        (0, "1970-01-01T00:00:00+00:00"),
        (-500_000, "1969-12-31T23:59:59.500000+00:00"),
        (951_782_400_000_000, "2000-02-29T00:00:00+00:00"),
        (253_402_300_799_000_000, "9999-12-31T23:59:59+00:00"),
    ])
    func formats(microseconds: Int64, text: String) {
        let timestamp = Timestamp(microseconds: microseconds)
        #expect(timestamp.iso8601 == text)
        #expect(timestamp.description == text)
        #expect(Timestamp(iso8601: text) == timestamp)
    }

    @Test func arithmeticAndConversions() {
        let base = Timestamp(secondsSince1970: 1_000)
        #expect(base.microseconds == 1_000_000_000)
        #expect(base.adding(seconds: 60).seconds == 1_060)
        #expect(Timestamp(microseconds: -1).seconds == -1)
        #expect(Timestamp(microseconds: 1_999_999).seconds == 1)
        #expect(Timestamp(Date(timeIntervalSince1970: 12.25)).microseconds == 12_250_000)
        #expect(base.date == Date(timeIntervalSince1970: 1_000))
        #expect(base < base.adding(seconds: 1))
    }

    @Test func codableUsesTheISOString() throws {
        struct Box: Codable, Equatable { var at: Timestamp }
        let box = Box(at: Timestamp(microseconds: 1_795_933_889_228_565))
        let data = try JSONEncoder().encode(box)
        #expect(String(decoding: data, as: UTF8.self) == #"{"at":"2026-11-29T06:31:29.228565+00:00"}"#)
        #expect(try JSONDecoder().decode(Box.self, from: data) == box)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Box.self, from: Data(#"{"at":"yesterday"}"#.utf8))
        }
    }
}
