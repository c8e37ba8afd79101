/// Evaluating one condition against the request context (*Condition operators*; *Conditions with multiple
/// context keys or values*; *Multivalued context key examples*).
extension ParsedCondition {
    /// Why a condition held or failed, for the trace.
    enum Outcome: Equatable {
        case satisfied
        case failed
        case missingKey
        /// A plain operator met a multivalued key: undocumented; treated as no match (POLICY-EVALUATION §1.3).
        case multivaluedKeyWithoutSetOperator
    }

    func evaluate(_ context: RequestContext) -> Outcome {
        evaluate(context.value(forLowercasedKey: lowercasedKey), context)
    }

    /// Evaluates against `value`, the context's value of ``lowercasedKey`` already looked up.
    func evaluate(_ value: ContextValue?, _ context: RequestContext) -> Outcome {
        if comparison == .null { return evaluateNull(value) }
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
        switch conditionOperator.setQualifier {
        case .none:
            guard let single else { return .multivaluedKeyWithoutSetOperator }
            return matchesAny(single, context) != negated ? .satisfied : .failed
        case .forAllValues:
            if let single { return matchesAny(single, context) != negated ? .satisfied : .failed }
            for item in requestValues where matchesAny(item, context) == negated { return .failed }
            return .satisfied
        case .forAnyValue:
            if let single { return matchesAny(single, context) != negated ? .satisfied : .failed }
            for item in requestValues where matchesAny(item, context) != negated { return .satisfied }
            return .failed
        }
    }

    /// A missing key (or an empty set): `IfExists` makes it true; `ForAllValues` is true and
    /// `ForAnyValue` false on an empty set; otherwise it is false, or true for a negated operator.
    private func missing() -> Outcome {
        if conditionOperator.ifExists { return .satisfied }
        switch conditionOperator.setQualifier {
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
    private func matchesAny(_ text: String, _ context: RequestContext) -> Bool {
        switch compiled {
        case .patterns(let templates):
            let fold = comparison == .equalsIgnoringCase
            let subject = fold && !text.utf8.allSatisfy({ $0 < 0x80 }) ? text.lowercased() : text
            return withUTF8Bytes(subject) { bytes in
                for template in templates {
                    guard let pattern = template.resolve(context) else { continue }
                    let matched = pattern.elements.withUnsafeBufferPointer { elements in
                        comparison == .like
                            ? WildcardPattern.match(elements, bytes, foldCase: false)
                            : WildcardPattern.equal(elements, bytes, foldCase: fold)
                    }
                    if matched { return true }
                }
                return false
            }
        case .numbers(let numbers):
            let reader = comparison.isDate ? ConditionValueReaders.date : ConditionValueReaders.number
            guard let number = reader(text) else { return false }
            for case let bound? in numbers where compare(number, bound) { return true }
            return false
        case .texts(let texts):
            let lowered = text.lowercased()
            return texts.contains(lowered)
        case .bytes(let values):
            guard let decoded = ConditionValueReaders.base64(text) else { return false }
            return values.contains { $0 == decoded }
        case .ranges(let ranges):
            guard let address = ConditionValueReaders.ipRange(text) else { return false }
            return ranges.contains { $0?.contains(address) == true }
        case .arns(let patterns):
            return withUTF8Bytes(text) { bytes in
                patterns.contains { $0.matches(bytes, context: context) }
            }
        }
    }

    private func compare(_ request: Double, _ policy: Double) -> Bool {
        switch comparison {
        case .numericLess, .dateLess: request < policy
        case .numericLessOrEqual, .dateLessOrEqual: request <= policy
        case .numericGreater, .dateGreater: request > policy
        case .numericGreaterOrEqual, .dateGreaterOrEqual: request >= policy
        default: request == policy
        }
    }
}

extension ParsedCondition.Comparison {
    var isDate: Bool {
        switch self {
        case .dateEquals, .dateLess, .dateLessOrEqual, .dateGreater, .dateGreaterOrEqual: true
        default: false
        }
    }
}
