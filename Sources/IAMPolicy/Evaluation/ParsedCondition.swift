/// One `"Operator": {"key": values}` entry of a statement's `Condition`, compiled for evaluation.
public struct ParsedCondition: Sendable, Equatable {
    /// The operator, with its set qualifier and `IfExists` taken apart.
    public let conditionOperator: ConditionOperator
    /// The context key as written.
    public let key: String
    /// The policy values as written (numbers and Booleans in their JSON text).
    public let values: [String]
    /// Where the key is written.
    public let location: SourceLocation?

    let lowercasedKey: String
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

    init(
        operator conditionOperator: ConditionOperator, key: String, values: [String], location: SourceLocation?,
        variables: Bool
    ) {
        self.conditionOperator = conditionOperator
        self.key = key
        self.values = values
        self.location = location
        lowercasedKey = key.lowercased()
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

    public static func == (lhs: ParsedCondition, rhs: ParsedCondition) -> Bool {
        lhs.conditionOperator == rhs.conditionOperator && lhs.key == rhs.key && lhs.values == rhs.values
            && lhs.location == rhs.location
    }
}

/// An `Arn*` condition value: matched per colon-delimited segment, case-sensitively, wildcards in every
/// segment (*Condition operators*, ARN operators). Unlike `StringLike`, a `*` in the region cannot
/// swallow the colons of the following segments.
struct ArnConditionPattern: Sendable, Equatable {
    let template: PolicyVariableTemplate
    let segments: [WildcardPattern]
    let tail: WildcardPattern

    init(_ text: String, variables: Bool) {
        template = PolicyVariableTemplate(text, variables: variables, wildcards: true)
        (segments, tail) = Self.split(template.fixed ?? WildcardPattern(elements: []))
    }

    /// At most six segments: the sixth (the resource) keeps its colons.
    static func split(_ pattern: WildcardPattern) -> ([WildcardPattern], WildcardPattern) {
        var segments: [WildcardPattern] = []
        var current: [UInt16] = []
        for element in pattern.elements {
            if element == WildcardPattern.colon, segments.count < 5 {
                segments.append(WildcardPattern(elements: current))
                current = []
            } else {
                current.append(element)
            }
        }
        return (segments, WildcardPattern(elements: current))
    }

    func matches(_ text: UnsafeBufferPointer<UInt8>, context: RequestContext) -> Bool {
        if template.hasVariables {
            guard let resolved = template.resolve(context) else { return false }
            let (segments, tail) = Self.split(resolved)
            return tail.elements.withUnsafeBufferPointer { matchColonSegments(segments, tail: $0, text: text) }
        }
        return tail.elements.withUnsafeBufferPointer { matchColonSegments(segments, tail: $0, text: text) }
    }
}
