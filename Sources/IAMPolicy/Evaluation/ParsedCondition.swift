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

    /// Everything evaluation reads, in one immutable object: the evaluator's loop reaches it through a
    /// reference instead of copying this struct (a copy retained each of its fields).
    let evaluator: ConditionEvaluator

    var lowercasedKey: String { evaluator.lowercasedKey }
    var comparison: ConditionEvaluator.Comparison { evaluator.comparison }

    init(
        operator conditionOperator: ConditionOperator, key: String, values: [String], location: SourceLocation?,
        variables: Bool
    ) {
        self.conditionOperator = conditionOperator
        self.key = key
        self.values = values
        self.location = location
        evaluator = ConditionEvaluator(operator: conditionOperator, key: key, values: values, variables: variables)
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
