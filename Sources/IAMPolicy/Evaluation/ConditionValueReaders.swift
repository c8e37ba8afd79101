/// Readers for the typed condition values: numbers, dates, IP ranges and base-64 (*Condition operators*).
///
/// Each returns `nil` for text it cannot read; an unreadable value matches nothing.
enum ConditionValueReaders {
    /// An integer or decimal (`Numeric*`).
    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ isDigit($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }) else {
            return nil
        }
        return Double(text)
    }

    /// Seconds since 1970 from W3C ISO 8601 (offsets honoured, date-only allowed) or epoch seconds (`Date*`).
    static func date(_ text: String) -> Double? {
        // Read in place: a request's date is read once per condition that compares it.
        let allDigits: Bool? = withUTF8Bytes(text) { bytes in
            guard !bytes.isEmpty else { return nil }
            return bytes.allSatisfy(isDigit)
        }
        guard let allDigits else { return nil }
        if allDigits { return Double(text) }
        return withUTF8Bytes(text) { bytes in
            var scanner = DateScanner(bytes: bytes)
            return scanner.read()
        }
    }

    /// An IPv4 or IPv6 address or CIDR block; a bare address is a single-host block (`/32`, `/128`).
    static func ipRange(_ text: String) -> IPRange? {
        if let plain = withUTF8Bytes(text, plainIPv4) { return plain }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let isV6 = parts[0].contains(":")
        guard let address = isV6 ? ipv6(parts[0]) : ipv4(parts[0]) else { return nil }
        let maxBits = isV6 ? 128 : 32
        var bits = maxBits
        if parts.count == 2 {
            guard let prefix = Int(parts[1]), (0...maxBits).contains(prefix) else { return nil }
            bits = prefix
        }
        return IPRange(bytes: address, isV6: isV6, prefixBits: bits)
    }

    /// `a.b.c.d` or `a.b.c.d/n` with at most two digits in `n`, read without allocating; `nil` for anything
    /// else, which ``ipRange(_:)`` then reads in full (with the same result for what this accepts).
    private static func plainIPv4(_ bytes: UnsafeBufferPointer<UInt8>) -> IPRange? {
        var index = 0
        var address: UInt64 = 0
        for octet in 0..<4 {
            if octet > 0 {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return nil }
                index += 1
            }
            var value = 0
            let start = index
            while index < bytes.count, index - start < 3, isDigit(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index > start, value <= 255 else { return nil }
            address = address << 8 | UInt64(value)
        }
        var bits = 32
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "/"), bytes.count - index - 1 >= 1, bytes.count - index - 1 <= 2 else {
                return nil
            }
            bits = 0
            for byte in bytes[(index + 1)...] {
                guard isDigit(byte) else { return nil }
                bits = bits * 10 + Int(byte - UInt8(ascii: "0"))
            }
            guard bits <= 32 else { return nil }
        }
        return IPRange(high: address << 32, low: 0, isV6: false, prefixBits: bits)
    }

    /// Standard base-64 (RFC 4648), with or without padding (`BinaryEquals`).
    static func base64(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bitCount = 0
        for byte in text.utf8 {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = buffer << 6 | value
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bitCount)))
            }
        }
        return output
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func ipv4(_ text: Substring) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for octet in octets {
            guard (1...3).contains(octet.count), octet.utf8.allSatisfy(isDigit), let value = UInt8(octet) else {
                return nil
            }
            bytes.append(value)
        }
        return bytes
    }

    private static func ipv6(_ text: Substring) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}

extension Substring {
    fileprivate func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

/// A CIDR block of `IpAddress`/`NotIpAddress`: the address in 128 bits, big-endian, an IPv4 address in
/// the top 32, so both families compare with two masked words.
struct IPRange: Sendable, Equatable {
    var high: UInt64
    var low: UInt64
    var isV6: Bool
    var prefixBits: Int

    init(high: UInt64, low: UInt64, isV6: Bool, prefixBits: Int) {
        self.high = high
        self.low = low
        self.isV6 = isV6
        self.prefixBits = prefixBits
    }

    /// From the address's bytes (4 or 16).
    init(bytes: [UInt8], isV6: Bool, prefixBits: Int) {
        var words: (UInt64, UInt64) = (0, 0)
        for (index, byte) in bytes.enumerated() {
            let shift = UInt64(56 - 8 * (index % 8))
            if index < 8 { words.0 |= UInt64(byte) << shift } else { words.1 |= UInt64(byte) << shift }
        }
        self.init(high: words.0, low: words.1, isV6: isV6, prefixBits: prefixBits)
    }

    func contains(_ other: IPRange) -> Bool {
        guard isV6 == other.isV6 else { return false }
        let highMask: UInt64 = prefixBits >= 64 ? ~0 : prefixBits <= 0 ? 0 : ~0 << UInt64(64 - prefixBits)
        let lowMask: UInt64 = prefixBits >= 128 ? ~0 : prefixBits <= 64 ? 0 : ~0 << UInt64(128 - prefixBits)
        return (high ^ other.high) & highMask == 0 && (low ^ other.low) & lowMask == 0
    }
}

/// `[-]YYYY[-MM[-DD]][Thh[:mm[:ss[.fff]]][Z|±hh[:mm]]]` to epoch seconds, UTC unless an offset is given.
private struct DateScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func read() -> Double? {
        let negativeYear = take(UInt8(ascii: "-"))
        guard let rawYear = digits(min: 4, max: 9) else { return nil }
        let year = negativeYear ? -rawYear : rawYear
        var month = 1
        var day = 1
        if take(UInt8(ascii: "-")) {
            guard let value = digits(min: 2, max: 2), (1...12).contains(value) else { return nil }
            month = value
            if take(UInt8(ascii: "-")) {
                guard let value = digits(min: 2, max: 2), (1...31).contains(value) else { return nil }
                day = value
            }
        }
        var seconds = Double(Self.daysFromCivil(year: year, month: month, day: day) * 86_400)
        if index == bytes.count { return seconds }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) else { return nil }
        guard let hour = digits(min: 2, max: 2), hour <= 23 else { return nil }
        seconds += Double(hour * 3600)
        if take(UInt8(ascii: ":")) {
            guard let minute = digits(min: 2, max: 2), minute <= 59 else { return nil }
            seconds += Double(minute * 60)
            if take(UInt8(ascii: ":")) {
                guard let second = digits(min: 2, max: 2), second <= 60 else { return nil }
                seconds += Double(second)
                if take(UInt8(ascii: ".")) {
                    let start = index
                    guard let fraction = digits(min: 1, max: 9) else { return nil }
                    var scale = 1.0
                    for _ in start..<index { scale *= 10 }
                    seconds += Double(fraction) / scale
                }
            }
        }
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return index == bytes.count ? seconds : nil }
        let sign: Double
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return index == bytes.count ? seconds : nil
        }
        guard let offsetHours = digits(min: 2, max: 2), offsetHours <= 23 else { return nil }
        _ = take(UInt8(ascii: ":"))
        let offsetMinutes = index < bytes.count ? digits(min: 2, max: 2) : 0
        guard let offsetMinutes, offsetMinutes <= 59, index == bytes.count else { return nil }
        // A local time ahead of UTC is earlier in UTC.
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while count < max, index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            count += 1
        }
        return count >= min ? value : nil
    }

    /// Howard Hinnant's days-from-civil: days since 1970-01-01 in the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
