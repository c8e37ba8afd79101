/// Reads the values `Date*` condition operators accept: W3C ISO 8601 dates and times, or epoch seconds.
enum DateConditionValue {
    /// Whether AWS accepts `text` as a date condition value.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let looksLikeISO = bytes.contains {
            $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t")
        }
        if looksLikeISO { return isISO8601(bytes) }
        return !bytes.isEmpty && bytes.count <= 19 && bytes.allSatisfy(isDigit) && Int64(text) != nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `[-]YYYY[-MM[-DD]][T hh[:mm[:ss[.fff]]][Z|±hh[:mm]]]`, checking the ranges of each field.
    private static func isISO8601(_ bytes: [UInt8]) -> Bool {
        var scanner = Scanner(bytes: bytes)
        _ = scanner.take(UInt8(ascii: "-"))
        guard scanner.number(minDigits: 4, maxDigits: 9) != nil else { return false }
        if scanner.take(UInt8(ascii: "-")) {
            guard let month = scanner.number(minDigits: 2, maxDigits: 2), (1...12).contains(month) else { return false }
            if scanner.take(UInt8(ascii: "-")) {
                guard let day = scanner.number(minDigits: 2, maxDigits: 2), (1...31).contains(day) else { return false }
            }
        }
        if scanner.isAtEnd { return true }
        guard scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) else { return false }
        guard let hour = scanner.number(minDigits: 2, maxDigits: 2), hour <= 23 else { return false }
        if scanner.take(UInt8(ascii: ":")) {
            guard let minute = scanner.number(minDigits: 2, maxDigits: 2), minute <= 59 else { return false }
            if scanner.take(UInt8(ascii: ":")) {
                guard let second = scanner.number(minDigits: 2, maxDigits: 2), second <= 59 else { return false }
                if scanner.take(UInt8(ascii: ".")) {
                    guard scanner.number(minDigits: 1, maxDigits: 9) != nil else { return false }
                }
            }
        }
        if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) { return scanner.isAtEnd }
        if scanner.take(UInt8(ascii: "+")) || scanner.take(UInt8(ascii: "-")) {
            guard let zoneHours = scanner.number(minDigits: 2, maxDigits: 2), zoneHours <= 23 else { return false }
            _ = scanner.take(UInt8(ascii: ":"))
            if !scanner.isAtEnd {
                guard let zoneMinutes = scanner.number(minDigits: 2, maxDigits: 2), zoneMinutes <= 59 else {
                    return false
                }
            }
        }
        return scanner.isAtEnd
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Reads between `minDigits` and `maxDigits` decimal digits.
        mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
            var value = 0
            var count = 0
            while count < maxDigits, index < bytes.count, DateConditionValue.isDigit(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
                count += 1
            }
            return count >= minDigits ? value : nil
        }
    }
}
