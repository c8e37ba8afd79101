/// A condition operator name such as `ForAnyValue:StringLikeIfExists`, taken apart.
public struct ConditionOperator: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// How a multivalued request key is compared with the policy's values.
    public enum SetQualifier: String, Sendable, CaseIterable {
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    /// The kind of values an operator compares.
    public enum Family: String, Sendable, CaseIterable {
        case string, numeric, date, bool, binary, ipAddress, arn, null
    }

    /// The operators AWS defines, without qualifier or `IfExists`.
    public static let baseNames: [String] = [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
        "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
        "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
        "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
        "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    ]
    private static let knownBaseNames = Set(baseNames)

    /// `ForAnyValue` or `ForAllValues`, when present.
    public var setQualifier: SetQualifier?
    /// The operator itself, for example `StringLike`.
    public var baseName: String
    /// Whether a missing key makes the condition true (`…IfExists`).
    public var ifExists: Bool

    /// Parses an operator name; `nil` for unknown operators and for `NullIfExists`, which AWS rejects.
    public init?(_ name: String) {
        var rest = Substring(name)
        setQualifier = nil
        for qualifier in SetQualifier.allCases where rest.hasPrefix(qualifier.rawValue + ":") {
            setQualifier = qualifier
            rest = rest.dropFirst(qualifier.rawValue.count + 1)
        }
        ifExists = rest.hasSuffix("IfExists")
        if ifExists { rest = rest.dropLast("IfExists".count) }
        baseName = String(rest)
        guard Self.knownBaseNames.contains(baseName), !(ifExists && baseName == "Null") else { return nil }
    }

    /// The family the operator belongs to, which decides how its values are read.
    public var family: Family {
        if baseName.hasPrefix("String") { return .string }
        if baseName.hasPrefix("Numeric") { return .numeric }
        if baseName.hasPrefix("Date") { return .date }
        if baseName.hasPrefix("Arn") { return .arn }
        switch baseName {
        case "Bool": return .bool
        case "BinaryEquals": return .binary
        case "Null": return .null
        default: return .ipAddress
        }
    }

    /// Whether the operator matches when the request value matches none of the policy's values.
    public var isNegated: Bool { baseName.contains("Not") }

    /// The operator's name as written in a policy.
    public var description: String {
        (setQualifier.map { $0.rawValue + ":" } ?? "") + baseName + (ifExists ? "IfExists" : "")
    }
}
