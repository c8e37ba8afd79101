import IAMCore

/// Timestamps to and from bytes in the two forms the workspace writes, `2026-11-29T06:31:29+00:00`
/// and `2026-11-29T06:31:29.228565+00:00`, without the strings and arrays that `Timestamp(iso8601:)`
/// and `Timestamp.iso8601` build: a large workspace holds tens of thousands of dates.
///
/// Both give exactly what `Timestamp` gives (the tests compare them over many values); any other
/// spelling or year is left to `Timestamp` itself.
enum TimestampBytes {
    /// Parses `YYYY-MM-DDTHH:MM:SS+00:00` (25 bytes) or `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` (32 bytes).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard bytes.count == 25 || bytes.count == 32 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for offset in from..<from + length {
                let digit = bytes[offset] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == UInt8(ascii: "-"), let month = number(5, 2),
            bytes[7] == UInt8(ascii: "-"), let day = number(8, 2), bytes[10] == UInt8(ascii: "T"),
            let hour = number(11, 2), bytes[13] == UInt8(ascii: ":"), let minute = number(14, 2),
            bytes[16] == UInt8(ascii: ":"), let second = number(17, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 61
        else { return nil }
        var micros = 0
        var offset = 19
        if bytes.count == 32 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(20, 6) else { return nil }
            micros = fraction
            offset = 26
        }
        guard bytes[offset] == UInt8(ascii: "+"), bytes[offset + 1] == UInt8(ascii: "0"),
            bytes[offset + 2] == UInt8(ascii: "0"), bytes[offset + 3] == UInt8(ascii: ":"),
            bytes[offset + 4] == UInt8(ascii: "0"), bytes[offset + 5] == UInt8(ascii: "0")
        else { return nil }
        let days = Int64(Timestamp.days(fromCivilYear: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Timestamp(microseconds: seconds * 1_000_000 + Int64(micros))
    }

    /// Appends the timestamp as `Timestamp.iso8601` spells it.
    static func append(_ timestamp: Timestamp, to out: inout [UInt8]) {
        let seconds = timestamp.seconds
        let micros = Int(timestamp.microseconds - seconds * 1_000_000)
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            days -= 1
            secondOfDay += 86_400
        }
        let (year, month, day) = Timestamp.civilDate(fromDays: days)
        // Years outside four digits are padded oddly by `iso8601` (`00-5`): reuse it rather than copy that.
        guard (0...9999).contains(year) else {
            out.append(contentsOf: timestamp.iso8601.utf8)
            return
        }
        appendDigits(year, 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(month, 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(day, 2, to: &out)
        out.append(UInt8(ascii: "T"))
        let clock = Int(secondOfDay)
        appendDigits(clock / 3600, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(clock % 3600 / 60, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(clock % 60, 2, to: &out)
        if micros != 0 {
            out.append(UInt8(ascii: "."))
            appendDigits(micros, 6, to: &out)
        }
        out.append(contentsOf: [UInt8(ascii: "+"), 0x30, 0x30, UInt8(ascii: ":"), 0x30, 0x30])
    }

    /// Appends a non-negative value as exactly `width` decimal digits.
    @inline(__always)
    private static func appendDigits(_ value: Int, _ width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
