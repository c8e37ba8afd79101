/// ``ContextReadings`` as a ``PreparedContext`` block holds them: 8 bytes per value, plus 16 (a
/// ``ReadingPayload``) for a value that reads as a number, a date or an IP range, where the optionals take
/// about 100. Most values are plain text, and a request's block is read from memory, so its size is its time.
///
/// The number and the date share their payload with an IP range, which a value that reads as a number or a
/// date never is in practice. A reading that does not fit (an IP range next to a number or date, an IP prefix
/// length beyond a byte, a value beyond the first 64 KiB of the block, more than 65,535 payloads) is left out,
/// and the value's text read instead, so what the engine decides is unchanged.
struct PackedReadings {
    private let textStart: UInt16
    private let textCount: UInt16
    private let flags: UInt8
    private let prefixBits: UInt8
    /// Which of the block's payloads is this value's, when it has one.
    private let payload: UInt16

    private static let hasNumber: UInt8 = 1
    private static let hasDate: UInt8 = 2
    private static let hasRange: UInt8 = 4
    private static let isV6: UInt8 = 8
    private static let isASCII: UInt8 = 16
    private static let isSingle: UInt8 = 32
    private static let hasText: UInt8 = 64
    private static let payloadKinds = hasNumber | hasDate | hasRange

    /// Packs `readings`, appending its payload, if it has one, to `payloads`.
    init(_ readings: ContextReadings, payloads: inout [ReadingPayload]) {
        var first = readings.number?.bitPattern ?? 0
        var second = readings.date?.bitPattern ?? 0
        var prefixBits: UInt8 = 0
        var flags: UInt8 = 0
        if readings.number != nil { flags |= Self.hasNumber }
        if readings.date != nil { flags |= Self.hasDate }
        if let range = readings.ipRange, readings.number == nil, readings.date == nil,
            let bits = UInt8(exactly: range.prefixBits)
        {
            flags |= Self.hasRange | (range.isV6 ? Self.isV6 : 0)
            first = range.high
            second = range.low
            prefixBits = bits
        }
        if readings.isASCII { flags |= Self.isASCII }
        if readings.isSingle { flags |= Self.isSingle }
        var textStart: UInt16 = 0
        var textCount: UInt16 = 0
        if let text = readings.text, let start = UInt16(exactly: text.lowerBound),
            let count = UInt16(exactly: text.count), text.upperBound <= Int(UInt16.max)
        {
            flags |= Self.hasText
            textStart = start
            textCount = count
        }
        // A reading that does not fit is read from the text again, which needs the text: without it the
        // readings are dropped (``ContextReadings/isSingle`` false), and the value's `String` is read.
        var payload: UInt16 = 0
        if flags & Self.payloadKinds != 0 {
            if let index = UInt16(exactly: payloads.count) {
                payload = index
                payloads.append(ReadingPayload(first: first, second: second))
            } else {
                flags &= ~(Self.payloadKinds | Self.isSingle | Self.hasText)
            }
        }
        if readings.ipRange != nil, flags & Self.hasRange == 0 { flags &= ~(Self.isSingle | Self.hasText) }
        self.textStart = textStart
        self.textCount = textCount
        self.flags = flags
        self.prefixBits = prefixBits
        self.payload = payload
    }

    /// The readings, with the payloads of the block at `payloads`.
    @inline(__always)
    func readings(payloads: UnsafePointer<ReadingPayload>) -> ContextReadings {
        let values = flags & Self.payloadKinds != 0 ? payloads[Int(payload)] : ReadingPayload(first: 0, second: 0)
        return ContextReadings(
            number: flags & Self.hasNumber != 0 ? Double(bitPattern: values.first) : nil,
            date: flags & Self.hasDate != 0 ? Double(bitPattern: values.second) : nil,
            ipRange: flags & Self.hasRange != 0
                ? IPRange(
                    high: values.first, low: values.second, isV6: flags & Self.isV6 != 0, prefixBits: Int(prefixBits))
                : nil,
            isASCII: flags & Self.isASCII != 0, isSingle: flags & Self.isSingle != 0,
            text: flags & Self.hasText != 0 ? Int(textStart)..<Int(textStart) + Int(textCount) : nil)
    }
}

/// A value's number and date, or its IP range's high and low bits (``PackedReadings``).
struct ReadingPayload {
    let first: UInt64
    let second: UInt64
}
