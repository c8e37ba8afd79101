/// One result of validating a policy, in the shape of IAM Access Analyzer's `ValidatePolicy` findings.
public struct PolicyFinding: Sendable, Equatable, CustomStringConvertible {
    /// How serious a finding is; the raw values are Access Analyzer's `findingType` values.
    public enum FindingType: String, Sendable, CaseIterable, Comparable {
        /// The policy is invalid: AWS rejects it or it cannot work as written.
        case error = "ERROR"
        /// The policy grants more access than is usually intended.
        case securityWarning = "SECURITY_WARNING"
        /// The policy probably does not work as intended, or misses a best practice.
        case warning = "WARNING"
        /// The policy works but could be simpler.
        case suggestion = "SUGGESTION"

        /// The lowercase word used in text output: `error`, `security_warning`, `warning`, `suggestion`.
        public var word: String { rawValue.lowercased() }

        /// Orders types from the most to the least serious.
        public static func < (lhs: FindingType, rhs: FindingType) -> Bool {
            let order = allCases
            return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    /// One step of a JSON path: an object key or an array index.
    public enum PathElement: Sendable, Equatable, Hashable {
        case key(String)
        case index(Int)
    }

    /// How serious the finding is.
    public var findingType: FindingType
    /// Access Analyzer's issue code where it has one (`INVALID_ACTION`), else one in the same style.
    public var issueCode: String
    /// What is wrong, in one or two sentences.
    public var findingDetails: String
    /// Where to read more about the check.
    public var learnMoreLink: String
    /// Where the offending value (or the object missing a member) starts.
    public var location: SourceLocation
    /// Where the offending value ends (just past its last character).
    public var end: SourceLocation
    /// The JSON path of the offending value, for example `$.Statement[0].Action[1]`.
    public var path: String

    /// Creates a finding.
    public init(
        findingType: FindingType, issueCode: String, findingDetails: String, learnMoreLink: String,
        location: SourceLocation, end: SourceLocation? = nil, path: String
    ) {
        self.findingType = findingType
        self.issueCode = issueCode
        self.findingDetails = findingDetails
        self.learnMoreLink = learnMoreLink
        self.location = location
        self.end = end ?? location
        self.path = path
    }

    /// `LINE:COLUMN: SEVERITY: DETAILS (ISSUE_CODE)`.
    public var description: String {
        "\(location.line):\(location.column): \(findingType.word): \(findingDetails) (\(issueCode))"
    }

    /// ``path`` taken apart into keys and indexes, as Access Analyzer lists a finding's location.
    public var pathElements: [PathElement] { Self.pathElements(of: path) }

    /// Splits a path written by ``JSONPath`` (`$.a[1]["odd key"]`) into its steps.
    public static func pathElements(of path: String) -> [PathElement] {
        var elements: [PathElement] = []
        let scalars = Array(path.unicodeScalars)
        var index = scalars.first == "$" ? 1 : 0
        while index < scalars.count {
            if scalars[index] == "." {
                var key = ""
                index += 1
                while index < scalars.count, scalars[index] != ".", scalars[index] != "[" {
                    key.unicodeScalars.append(scalars[index])
                    index += 1
                }
                elements.append(.key(key))
            } else if scalars[index] == "[", index + 1 < scalars.count, scalars[index + 1] == "\"" {
                var key = ""
                index += 2
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    key.unicodeScalars.append(scalars[index])
                    index += 1
                }
                elements.append(.key(key))
                index += 2
            } else if scalars[index] == "[" {
                var digits = ""
                index += 1
                while index < scalars.count, scalars[index] != "]" {
                    digits.unicodeScalars.append(scalars[index])
                    index += 1
                }
                elements.append(.index(Int(digits) ?? 0))
                index += 1
            } else {
                index += 1
            }
        }
        return elements
    }
}
