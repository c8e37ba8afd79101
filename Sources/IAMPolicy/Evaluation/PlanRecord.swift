/// How a ``PolicySetPlan`` stores one statement of its identity policies or boundary (a record), and how the
/// engine reads it.
///
/// Why its own form: a record used to be a ``PolicyIndexStorage`` entry without its action patterns, whose
/// 16-word header was most of a record once the patterns were shared, and several of those words are
/// constant or unused in a plan. The plan is read into cache whole before a principal's requests, so every
/// word costs. Values that do not fit a word here make the builder give up the plan (the policies are then
/// evaluated one by one), so reading a record is exact.
///
/// Layout (in words): statement number in its policy (1); the policy's slot (identity policies first, then
/// the boundary) in bits 0-11, `Deny` in bit 12 and the ``ResourceIndex/Mode`` in bits 13-14 (1); resource
/// pattern count (1); first condition in the plan's conditions (1); condition count (1); the record's whole
/// length in words (1); where its packed conditions start, from the record's start (1); then each resource
/// pattern, in ``PackedResourcePattern``'s form, and each condition, in ``PackedCondition``'s. A record lies
/// inside its list, so a request reads one run of memory. A plan of more than 4,096 policies or 65,535
/// conditions is not made (no principal's policies come near, within IAM's quotas).
enum PlanRecord {
    static let headerSize = 7
    private static let denyBit: UInt16 = 0x1000

    /// Appends a record; `false` (nothing appended) when a value does not fit its word.
    static func put(
        statement: Int, isDeny: Bool, mode: ResourceIndex.Mode, patternCount: Int,
        patterns: UnsafeBufferPointer<UInt16>,
        conditions: Range<Int>, packedConditions: [UInt16], slot: Int, into words: inout [UInt16]
    ) -> Bool {
        let limit = Int(UInt16.max)
        guard statement <= limit, headerSize + patterns.count + packedConditions.count <= limit,
            conditions.upperBound <= limit, slot < 0x1000
        else { return false }
        words.append(UInt16(statement))
        words.append(UInt16(slot) | (isDeny ? denyBit : 0) | UInt16(mode.rawValue) << 13)
        words.append(UInt16(patternCount))
        words.append(UInt16(conditions.lowerBound))
        words.append(UInt16(conditions.count))
        words.append(UInt16(headerSize + patterns.count + packedConditions.count))
        words.append(UInt16(headerSize + patterns.count))
        words += patterns
        words += packedConditions
        return true
    }

    @inline(__always)
    static func statement(_ words: UnsafeBufferPointer<UInt16>, _ record: Int) -> Int { Int(words[record]) }

    @inline(__always)
    static func isDeny(_ words: UnsafeBufferPointer<UInt16>, _ record: Int) -> Bool {
        words[record + 1] & denyBit != 0
    }

    /// The record's whole length in words, to step to the next record of its list.
    @inline(__always)
    static func length(_ words: UnsafeBufferPointer<UInt16>, _ record: Int) -> Int { Int(words[record + 5]) }

    @inline(__always)
    static func slot(_ words: UnsafeBufferPointer<UInt16>, _ record: Int) -> Int { Int(words[record + 1] & 0xFFF) }

    /// Where the record's first ``PackedCondition`` is.
    @inline(__always)
    static func packedConditions(_ words: UnsafeBufferPointer<UInt16>, _ record: Int) -> Int {
        record + Int(words[record + 6])
    }

    /// The record's run of the plan's conditions.
    @inline(__always)
    static func conditionRange(_ words: UnsafeBufferPointer<UInt16>, _ record: Int) -> Range<Int> {
        let start = Int(words[record + 3])
        return start..<start + Int(words[record + 4])
    }

    /// As ``PolicyIndexStorage/View/resourceMatches(entry:_:)``: `nil` when a resource pattern has a policy
    /// variable, and ``ResourcePattern`` must decide.
    @inline(__always)
    static func resourceMatches(
        _ words: UnsafeBufferPointer<UInt16>, _ record: Int, _ resource: RequestResource
    )
        -> Bool?
    {
        guard let mode = ResourceIndex.Mode(rawValue: UInt8(truncatingIfNeeded: words[record + 1] >> 13 & 3)),
            mode != .variable
        else { return nil }
        if mode == .absent { return true }
        var pattern = record + headerSize
        for _ in 0..<Int(words[record + 2]) {
            if PackedResourcePattern.matches(words, at: pattern, resource) { return mode == .listed }
            pattern += PackedResourcePattern.length(words, at: pattern)
        }
        return mode != .listed
    }
}
