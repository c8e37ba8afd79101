/// How a ``PolicySetPlan`` record holds each of its conditions, next to its resource patterns, and how the
/// engine evaluates one against a single context value: exactly as
/// ``ConditionEvaluator/evaluate(single:readings:_:)`` does.
///
/// Why: a condition used to be reached through the plan's array of ``ConditionEvaluator`` objects, then the
/// object, then the array of its values and each value's own storage: four dependent cache misses for a
/// cold one, which the engine cannot ask for ahead since it learns each address from the one before. Held in
/// the record, the key's number and the values arrive with the list the engine asked for. A value with
/// policy variables is held as its parts, the variables resolved from the request's prepared block. What the
/// record cannot hold (ARN and `Binary` operators, `Null`, a non-ASCII `Bool` value), a missing key, a
/// multivalued context value and a variable's value the bytes cannot stand for (multivalued, or non-ASCII
/// under a case-folding operator) still go to the object, which stays in the plan.
///
/// Layout (in words; 32- and 64-bit values low word first): flags (1: the comparison's number in the low
/// byte, ``negatedFlag``, ``valuesFlag`` when the values follow, ``missingHoldsFlag``), the key's
/// ``ContextKeyIDs`` number (1), the condition's whole length (1), the number of the key as written (1, for
/// reporting it missing); a condition whose key numbers pass 16 bits is not packed (its plan is not made,
/// which takes 65,536 distinct context keys in one process); with ``valuesFlag``, the value count (1) and
/// each value: a number or date as a presence word and the `Double`'s bits (5), an IP range as a presence
/// word, its high and low halves, whether it is IPv6 and its prefix length (11), a `Bool` or string value as
/// its length and its elements, one per word; a string value with policy variables as ``templateMark``, its
/// part count and each part: 0, its length and its elements, or 1, the variable's key number and, 0 or 1,
/// whether a default follows, as its length and its bytes (lowered for a case-folding operator).
enum PackedCondition {
    static let headerSize = 4
    static let negatedFlag: UInt16 = 0x100
    static let valuesFlag: UInt16 = 0x200
    /// Whether the condition holds when its key is missing (``ConditionEvaluator/missing()``).
    static let missingHoldsFlag: UInt16 = 0x400
    /// In place of a value's length: the value is a template with policy variables, whose parts follow.
    static let templateMark: UInt16 = 0xFFFF

    /// Appends `condition`'s packed form; `false` (nothing appended) when its key numbers do not fit a word.
    static func put(_ condition: ConditionEvaluator, into words: inout [UInt16]) -> Bool {
        guard let key = UInt16(exactly: condition.keyID), let written = UInt16(exactly: condition.writtenKeyID)
        else { return false }
        let start = words.count
        var flags = UInt16(condition.comparison.number)
        if condition.isNegated { flags |= negatedFlag }
        if condition.missing() == .satisfied { flags |= missingHoldsFlag }
        words += [flags, key, 0, written]
        if let values = values(of: condition) {
            words[start] |= valuesFlag
            words += values
        }
        words[start + 2] = UInt16(truncatingIfNeeded: words.count - start)
        return true
    }

    /// The values in their packed form, or `nil` when the object must evaluate them.
    private static func values(of condition: ConditionEvaluator) -> [UInt16]? {
        var words: [UInt16] = []
        func put64(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 16) { words.append(UInt16(truncatingIfNeeded: value >> shift)) }
        }
        func putElements(_ elements: some Collection<UInt16>) -> Bool {
            guard elements.count < Int(UInt16.max) else { return false }
            words.append(UInt16(elements.count))
            words += elements
            return true
        }
        switch condition.compiled {
        case .patterns(let templates):
            words.append(UInt16(truncatingIfNeeded: templates.count))
            for template in templates {
                if let fixed = template.fixed {
                    guard putElements(fixed.elements) else { return nil }
                    continue
                }
                // A template with variables: its parts, resolved from the request's block when it is decided.
                words += [templateMark, UInt16(truncatingIfNeeded: template.parts.count)]
                for part in template.parts {
                    switch part {
                    case .pattern(let elements):
                        words.append(0)
                        guard putElements(elements) else { return nil }
                    case .variable(_, let id, let defaultValue):
                        guard let key = UInt16(exactly: id) else { return nil }
                        words += [1, key]
                        guard let defaultValue else {
                            words.append(0)
                            continue
                        }
                        // The object lowers a substitution for a case-folding comparison; as bytes, ASCII only.
                        guard !template.foldCase || defaultValue.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
                        let bytes = template.foldCase ? defaultValue.utf8.map(lowerASCII) : Array(defaultValue.utf8)
                        words.append(1)
                        guard putElements(bytes.map { UInt16($0) }) else { return nil }
                    }
                }
            }
        case .numbers(let numbers):
            words.append(UInt16(truncatingIfNeeded: numbers.count))
            for number in numbers {
                words.append(number == nil ? 0 : 1)
                put64(number?.bitPattern ?? 0)
            }
        case .ranges(let ranges):
            words.append(UInt16(truncatingIfNeeded: ranges.count))
            for range in ranges {
                words.append(range == nil ? 0 : 1)
                put64(range?.high ?? 0)
                put64(range?.low ?? 0)
                words.append(range?.isV6 == true ? 1 : 0)
                words.append(UInt16(truncatingIfNeeded: range?.prefixBits ?? 0))
            }
        case .texts(let texts) where condition.comparison == .bool:
            words.append(UInt16(truncatingIfNeeded: texts.count))
            for text in texts {
                // A non-ASCII value compares by canonical equivalence, as a `String`: left to the object.
                guard text.utf8.allSatisfy({ $0 < 0x80 }), putElements(text.utf8.map { UInt16($0) }) else {
                    return nil
                }
            }
        case .texts, .bytes, .arns:
            return nil
        }
        guard condition.comparison != .null, words.count < 0x8000 else { return nil }
        return words
    }

    @inline(__always)
    static func keyID(_ words: UnsafeBufferPointer<UInt16>, _ at: Int) -> UInt32 {
        UInt32(words[at + 1])
    }

    @inline(__always)
    static func length(_ words: UnsafeBufferPointer<UInt16>, _ at: Int) -> Int { Int(words[at + 2]) }

    @inline(__always)
    static func writtenKeyID(_ words: UnsafeBufferPointer<UInt16>, _ at: Int) -> UInt32 {
        UInt32(words[at + 3])
    }

    /// The comparison is `Null`, whose key is never reported missing, and whose missing key the object decides.
    @inline(__always)
    static func isNull(_ words: UnsafeBufferPointer<UInt16>, _ at: Int) -> Bool {
        words[at] & 0xFF == UInt16(ConditionEvaluator.Comparison.null.number)
    }

    /// Whether the condition holds when its key is missing, for a comparison other than `Null`.
    @inline(__always)
    static func holdsWhenMissing(_ words: UnsafeBufferPointer<UInt16>, _ at: Int) -> Bool {
        words[at] & missingHoldsFlag != 0
    }

    /// Whether the condition holds for the single value `text` with its `readings`; `nil` when the record
    /// does not hold the values, or the bytes are not enough (see ``ConditionEvaluator/evaluate(single:readings:_:)``).
    @inline(__always)
    static func holds(
        _ words: UnsafeBufferPointer<UInt16>, _ at: Int, text: UnsafeBufferPointer<UInt8>, readings: ContextReadings,
        block: PreparedBlock
    ) -> Bool? {
        let flags = words[at]
        guard flags & valuesFlag != 0, let comparison = ConditionEvaluator.Comparison(number: flags & 0xFF) else {
            return nil
        }
        var position = at + headerSize + 1
        let count = Int(words[at + headerSize])
        var matched = false
        switch comparison {
        case .equals, .equalsIgnoringCase, .like:
            let fold = comparison == .equalsIgnoringCase
            if fold, !readings.isASCII { return nil }
            func matches(_ elements: UnsafeBufferPointer<UInt16>) -> Bool {
                comparison == .like
                    ? WildcardPattern.match(elements, text, foldCase: false)
                    : WildcardPattern.equal(elements, text, foldCase: fold)
            }
            for _ in 0..<count {
                if words[position] == templateMark {
                    guard let hit = templateMatches(words, &position, block: block, fold: fold, matches) else {
                        return nil
                    }
                    if hit {
                        matched = true
                        break
                    }
                    continue
                }
                let length = Int(words[position])
                let elements = UnsafeBufferPointer(rebasing: words[(position + 1)..<(position + 1 + length)])
                position += 1 + length
                if matches(elements) {
                    matched = true
                    break
                }
            }
        case .numericEquals, .numericLess, .numericLessOrEqual, .numericGreater, .numericGreaterOrEqual,
            .dateEquals, .dateLess, .dateLessOrEqual, .dateGreater, .dateGreaterOrEqual:
            if let number = comparison.isDate ? readings.date : readings.number {
                for _ in 0..<count {
                    let present = words[position] != 0
                    let bound = Double(bitPattern: read64(words, position + 1))
                    position += 5
                    if present, comparison.compare(number, bound) {
                        matched = true
                        break
                    }
                }
            }
        case .ip:
            if let address = readings.ipRange {
                for _ in 0..<count {
                    let range = IPRange(
                        high: read64(words, position + 1), low: read64(words, position + 5),
                        isV6: words[position + 9] != 0, prefixBits: Int(words[position + 10]))
                    let present = words[position] != 0
                    position += 11
                    if present, range.contains(address) {
                        matched = true
                        break
                    }
                }
            }
        case .bool:
            if !readings.isASCII { return nil }
            for _ in 0..<count {
                let length = Int(words[position])
                let lowered = UnsafeBufferPointer(rebasing: words[(position + 1)..<(position + 1 + length)])
                position += 1 + length
                if length == text.count, zip(lowered, text).allSatisfy({ $0 == UInt16(lowerASCII($1)) }) {
                    matched = true
                    break
                }
            }
        case .binary, .arn, .null:
            return nil
        }
        return matched != (flags & negatedFlag != 0)
    }

    /// Resolves the template at `position` (moved past it) as ``PolicyVariableTemplate/withResolved(_:_:)``
    /// does, each variable from the request's `block`, and gives whether `matches` its elements: `false` when
    /// a variable has no value and no default (the template matches nothing), `nil` when the bytes are not
    /// enough (a multivalued value, which the object reads as single when it has one item, or a non-ASCII
    /// value to lower).
    private static func templateMatches(
        _ words: UnsafeBufferPointer<UInt16>, _ position: inout Int, block: PreparedBlock, fold: Bool,
        _ matches: (UnsafeBufferPointer<UInt16>) -> Bool
    ) -> Bool? {
        let parts = TemplateParts(words: words, start: position + 2, count: Int(words[position + 1]), block: block)
        // First the substitutions' size, then the elements, on the stack.
        var count = 0
        guard
            let (end, resolved) = parts.forEach(
                literal: { count += $0.count }, substitution: { count += $0.count }, fold: fold)
        else { return nil }
        position = end
        guard resolved else { return false }
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: count) { buffer in
            var filled = 0
            _ = parts.forEach(
                literal: { elements in
                    for element in elements {
                        buffer[filled] = element
                        filled += 1
                    }
                },
                substitution: { bytes in
                    for byte in bytes {
                        buffer[filled] = UInt16(fold ? lowerASCII(byte) : byte)
                        filled += 1
                    }
                }, fold: fold)
            return matches(UnsafeBufferPointer(rebasing: buffer[0..<filled]))
        }
    }

    /// The parts of a packed template, walked in order: literal elements, and for each variable the bytes
    /// of its value in the request's block, or else its default's elements (given as literal ones).
    private struct TemplateParts {
        let words: UnsafeBufferPointer<UInt16>
        let start: Int
        let count: Int
        let block: PreparedBlock

        /// Visits each part; returns where the template ends and whether every variable had a value or a
        /// default (one with neither is skipped), or `nil` when a variable's value is not single text in the
        /// block (or not ASCII when `fold`).
        func forEach(
            literal: (UnsafeBufferPointer<UInt16>) -> Void, substitution: (UnsafeBufferPointer<UInt8>) -> Void,
            fold: Bool
        ) -> (end: Int, resolved: Bool)? {
            var at = start
            var resolved = true
            for _ in 0..<count {
                if words[at] == 0 {
                    let length = Int(words[at + 1])
                    literal(UnsafeBufferPointer(rebasing: words[(at + 2)..<(at + 2 + length)]))
                    at += 2 + length
                    continue
                }
                let hasDefault = words[at + 2] != 0
                let defaultLength = hasDefault ? Int(words[at + 3]) : 0
                if let found = block.position(id: UInt32(words[at + 1])) {
                    let readings = block.readings(at: found)
                    guard let text = block.text(of: readings), !fold || readings.isASCII else { return nil }
                    substitution(text)
                } else if hasDefault {
                    literal(UnsafeBufferPointer(rebasing: words[(at + 4)..<(at + 4 + defaultLength)]))
                } else {
                    resolved = false
                }
                at += hasDefault ? 4 + defaultLength : 3
            }
            return (at, resolved)
        }
    }

    @inline(__always)
    private static func read64(_ words: UnsafeBufferPointer<UInt16>, _ at: Int) -> UInt64 {
        UInt64(words[at]) | UInt64(words[at + 1]) << 16 | UInt64(words[at + 2]) << 32 | UInt64(words[at + 3]) << 48
    }
}

extension ConditionEvaluator.Comparison {
    /// The comparison's number in a ``PackedCondition``.
    var number: UInt8 {
        switch self {
        case .equals: 0
        case .equalsIgnoringCase: 1
        case .like: 2
        case .numericEquals: 3
        case .numericLess: 4
        case .numericLessOrEqual: 5
        case .numericGreater: 6
        case .numericGreaterOrEqual: 7
        case .dateEquals: 8
        case .dateLess: 9
        case .dateLessOrEqual: 10
        case .dateGreater: 11
        case .dateGreaterOrEqual: 12
        case .bool: 13
        case .binary: 14
        case .ip: 15
        case .arn: 16
        case .null: 17
        }
    }

    /// The comparison numbered `number` (``number``).
    @inline(__always)
    init?(number: UInt16) {
        switch number {
        case 0: self = .equals
        case 1: self = .equalsIgnoringCase
        case 2: self = .like
        case 3: self = .numericEquals
        case 4: self = .numericLess
        case 5: self = .numericLessOrEqual
        case 6: self = .numericGreater
        case 7: self = .numericGreaterOrEqual
        case 8: self = .dateEquals
        case 9: self = .dateLess
        case 10: self = .dateLessOrEqual
        case 11: self = .dateGreater
        case 12: self = .dateGreaterOrEqual
        case 13: self = .bool
        case 14: self = .binary
        case 15: self = .ip
        case 16: self = .arn
        case 17: self = .null
        default: return nil
        }
    }

    /// `request` compared with `policy` as this numeric or date comparison compares them.
    @inline(__always)
    func compare(_ request: Double, _ policy: Double) -> Bool {
        switch self {
        case .numericLess, .dateLess: request < policy
        case .numericLessOrEqual, .dateLessOrEqual: request <= policy
        case .numericGreater, .dateGreater: request > policy
        case .numericGreaterOrEqual, .dateGreaterOrEqual: request >= policy
        default: request == policy
        }
    }
}
