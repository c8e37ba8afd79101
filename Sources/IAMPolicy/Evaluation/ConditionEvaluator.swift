/// What evaluating one condition reads, compiled once at parse time, and the evaluation itself
/// (*Condition operators*; *Conditions with multiple context keys or values*; *Multivalued context key examples*).
///
/// A final class, so the evaluator's loop calls it through a reference: copying the struct that holds it
/// would retain every field.
final class ConditionEvaluator: Sendable {
    /// The context key as written, which is how a missing key is reported.
    let key: String
    let lowercasedKey: String
    /// ``ContextKeyIDs/id(_:)`` of ``lowercasedKey``, for the engine's context lookup.
    let keyID: UInt32
    /// ``ContextKeyIDs/id(_:)`` of ``key`` as written: two conditions report the same missing key exactly when
    /// their numbers are equal.
    let writtenKeyID: UInt32
    let setQualifier: ConditionOperator.SetQualifier?
    let ifExists: Bool
    /// ``ConditionOperator/isNegated`` read once: it searches the operator's name.
    let isNegated: Bool
    let comparison: Comparison
    let compiled: CompiledValues

    /// How one request value is compared with one policy value.
    enum Comparison: Sendable, Equatable {
        case equals, equalsIgnoringCase, like
        case numericEquals, numericLess, numericLessOrEqual, numericGreater, numericGreaterOrEqual
        case dateEquals, dateLess, dateLessOrEqual, dateGreater, dateGreaterOrEqual
        case bool, binary, ip, arn, null
    }

    enum CompiledValues: Sendable, Equatable {
        case patterns([PolicyVariableTemplate])
        case numbers([Double?])
        case bytes([[UInt8]?])
        case ranges([IPRange?])
        case arns([ArnConditionPattern])
        case texts([String])
    }

    init(operator conditionOperator: ConditionOperator, key: String, values: [String], variables: Bool) {
        self.key = key
        lowercasedKey = key.lowercased()
        keyID = ContextKeyIDs.id(lowercasedKey)
        writtenKeyID = ContextKeyIDs.id(key)
        setQualifier = conditionOperator.setQualifier
        ifExists = conditionOperator.ifExists
        isNegated = conditionOperator.isNegated
        let name = conditionOperator.baseName
        // *Variables and tags*: variables are allowed in String and ARN condition values only.
        switch conditionOperator.family {
        case .string:
            let fold = name.hasSuffix("IgnoreCase")
            let like = name.hasSuffix("Like")
            comparison = like ? .like : fold ? .equalsIgnoringCase : .equals
            compiled = .patterns(
                values.map { PolicyVariableTemplate($0, variables: variables, wildcards: like, foldCase: fold) })
        case .numeric:
            comparison = Self.ordered(
                name, [.numericEquals, .numericLess, .numericLessOrEqual, .numericGreater, .numericGreaterOrEqual])
            compiled = .numbers(values.map(ConditionValueReaders.number))
        case .date:
            comparison = Self.ordered(
                name, [.dateEquals, .dateLess, .dateLessOrEqual, .dateGreater, .dateGreaterOrEqual])
            compiled = .numbers(values.map(ConditionValueReaders.date))
        case .bool:
            comparison = .bool
            compiled = .texts(values.map { $0.lowercased() })
        case .binary:
            comparison = .binary
            compiled = .bytes(values.map(ConditionValueReaders.base64))
        case .ipAddress:
            comparison = .ip
            compiled = .ranges(values.map(ConditionValueReaders.ipRange))
        case .arn:
            comparison = .arn
            compiled = .arns(values.map { ArnConditionPattern($0, variables: variables) })
        case .null:
            comparison = .null
            compiled = .texts(values.map { $0.lowercased() })
        }
    }

    private static func ordered(_ name: String, _ comparisons: [Comparison]) -> Comparison {
        if name.hasSuffix("LessThanEquals") { return comparisons[2] }
        if name.hasSuffix("LessThan") { return comparisons[1] }
        if name.hasSuffix("GreaterThanEquals") { return comparisons[4] }
        if name.hasSuffix("GreaterThan") { return comparisons[3] }
        return comparisons[0]
    }

    /// Why a condition held or failed, for the trace.
    enum Outcome: Equatable {
        case satisfied
        case failed
        case missingKey
        /// A plain operator met a multivalued key: undocumented; treated as no match (POLICY-EVALUATION §1.3).
        case multivaluedKeyWithoutSetOperator
    }

    /// Evaluates against `value`, the context's value of ``lowercasedKey`` already looked up.
    func evaluate(_ value: ContextValue?, _ context: RequestContext) -> Outcome {
        evaluate(value, readings: nil, context)
    }

    /// As ``evaluate(_:_:)``, with `value`'s readings when the context has them (``ContextReadings``).
    func evaluate(_ value: ContextValue?, readings: ContextReadings?, _ context: RequestContext) -> Outcome {
        if comparison == .null { return evaluateNull(value) }
        // Readings describe the single value only.
        let readings = readings?.isSingle == true ? readings : nil
        let requestValues: [String]
        var single: String?
        switch value {
        case .none:
            return missing()
        case .string(let text):
            single = text
            requestValues = []
        case .strings(let texts):
            if texts.isEmpty { return missing() }
            if texts.count == 1 { single = texts[0] }
            requestValues = texts
        }
        let negated = isNegated
        switch setQualifier {
        case .none:
            guard let single else { return .multivaluedKeyWithoutSetOperator }
            return matchesAny(single, context, readings: readings) != negated ? .satisfied : .failed
        case .forAllValues:
            if let single { return matchesAny(single, context, readings: readings) != negated ? .satisfied : .failed }
            for item in requestValues where matchesAny(item, context) == negated { return .failed }
            return .satisfied
        case .forAnyValue:
            if let single { return matchesAny(single, context, readings: readings) != negated ? .satisfied : .failed }
            for item in requestValues where matchesAny(item, context) != negated { return .satisfied }
            return .failed
        }
    }

    /// As ``evaluate(_:readings:_:)`` for a single value given as its bytes (`text`) and its readings, which
    /// the engine finds in the request's prepared block without touching the value's `String`; `nil` where
    /// the bytes are not enough (a case-folding comparison of non-ASCII text, a `Binary` operator), and the
    /// caller must pass the value itself.
    @inline(__always)
    func evaluate(
        single text: UnsafeBufferPointer<UInt8>, readings: ContextReadings, _ context: RequestContext
    )
        -> Outcome?
    {
        // A single value: with or without a set qualifier, the outcome is whether some policy value matches
        // (NOR for a negated operator), as in ``evaluate(_:readings:_:)``.
        if comparison == .null { return evaluateNull(.string("")) }
        let matched: Bool
        switch compiled {
        case .patterns(let templates):
            let fold = comparison == .equalsIgnoringCase
            if fold, !readings.isASCII { return nil }
            matched = templates.contains { template in
                template.withResolved(context) { elements in
                    comparison == .like
                        ? WildcardPattern.match(elements, text, foldCase: false)
                        : WildcardPattern.equal(elements, text, foldCase: fold)
                } == true
            }
        case .numbers(let numbers):
            guard let number = comparison.isDate ? readings.date : readings.number else {
                matched = false
                break
            }
            matched = numbers.contains { bound in bound.map { comparison.compare(number, $0) } ?? false }
        case .texts(let texts):
            if !readings.isASCII { return nil }
            var found = false
            for lowered in texts {
                // A non-ASCII policy value compares by canonical equivalence, as a `String`.
                guard lowered.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
                if lowered.utf8.count == text.count, zip(lowered.utf8, text).allSatisfy({ $0 == lowerASCII($1) }) {
                    found = true
                    break
                }
            }
            matched = found
        case .bytes:
            return nil
        case .ranges(let ranges):
            guard let address = readings.ipRange else {
                matched = false
                break
            }
            matched = ranges.contains { range in range?.contains(address) ?? false }
        case .arns(let patterns):
            matched = patterns.contains { $0.matches(text, context: context) }
        }
        return matched != isNegated ? .satisfied : .failed
    }

    /// A missing key (or an empty set): `IfExists` makes it true; `ForAllValues` is true and
    /// `ForAnyValue` false on an empty set; otherwise it is false, or true for a negated operator.
    func missing() -> Outcome {
        if ifExists { return .satisfied }
        switch setQualifier {
        case .forAllValues: return .satisfied
        case .forAnyValue: return .missingKey
        case .none: return isNegated ? .satisfied : .missingKey
        }
    }

    /// `"true"`: the key is absent; `"false"`: it is present. An empty set counts as absent.
    private func evaluateNull(_ value: ContextValue?) -> Outcome {
        let absent: Bool
        switch value {
        case .none: absent = true
        case .string: absent = false
        case .strings(let texts): absent = texts.isEmpty
        }
        guard case .texts(let expectations) = compiled else { return .failed }
        for expected in expectations where (expected == "true") == absent { return .satisfied }
        return .failed
    }

    /// Whether `text` matches at least one policy value (values are ORed; a negated operator inverts this: NOR).
    /// `readings`, when given, are `text`'s (``ContextReadings``), so it is not read again.
    private func matchesAny(_ text: String, _ context: RequestContext, readings: ContextReadings? = nil) -> Bool {
        let knownASCII = readings?.isASCII
        switch compiled {
        case .patterns(let templates):
            let fold = comparison == .equalsIgnoringCase
            let subject = fold && !(knownASCII ?? text.utf8.allSatisfy { $0 < 0x80 }) ? text.lowercased() : text
            return withUTF8Bytes(subject) { bytes in
                for template in templates {
                    let matched = template.withResolved(context) { elements in
                        comparison == .like
                            ? WildcardPattern.match(elements, bytes, foldCase: false)
                            : WildcardPattern.equal(elements, bytes, foldCase: fold)
                    }
                    if matched == true { return true }
                }
                return false
            }
        case .numbers(let numbers):
            let number: Double?
            if let readings {
                number = comparison.isDate ? readings.date : readings.number
            } else {
                number = comparison.isDate ? ConditionValueReaders.date(text) : ConditionValueReaders.number(text)
            }
            guard let number else { return false }
            for case let bound? in numbers where comparison.compare(number, bound) { return true }
            return false
        case .texts(let texts):
            // `Bool` values: ASCII text (nearly always) is compared folding case, without a lowercased copy.
            guard knownASCII ?? text.utf8.allSatisfy({ $0 < 0x80 }) else { return texts.contains(text.lowercased()) }
            return texts.contains { equalIgnoringASCIICase(lowered: $0, text) }
        case .bytes(let values):
            guard let decoded = ConditionValueReaders.base64(text) else { return false }
            return values.contains { $0 == decoded }
        case .ranges(let ranges):
            let read = readings != nil ? readings?.ipRange : ConditionValueReaders.ipRange(text)
            guard let address = read else { return false }
            for case let range? in ranges where range.contains(address) { return true }
            return false
        case .arns(let patterns):
            return withUTF8Bytes(text) { bytes in
                patterns.contains { $0.matches(bytes, context: context) }
            }
        }
    }

}

extension ParsedCondition {
    typealias Outcome = ConditionEvaluator.Outcome

    /// Evaluates against `value`, the context's value of the lowercased key already looked up.
    func evaluate(_ value: ContextValue?, _ context: RequestContext) -> Outcome {
        evaluator.evaluate(value, context)
    }
}

extension ConditionEvaluator.Comparison {
    var isDate: Bool {
        switch self {
        case .dateEquals, .dateLess, .dateLessOrEqual, .dateGreater, .dateGreaterOrEqual: true
        default: false
        }
    }
}
