import IAMPolicy

/// Renders findings as IAM Access Analyzer's `validate-policy` response.
enum PolicyFindingJSON {
    /// `{"findings": [{"findingDetails", "findingType", "issueCode", "learnMoreLink", "locations"}]}`, printed
    /// as the AWS CLI prints it. Positions follow Access Analyzer: `line` from 1, `column` from 0;
    /// `offset` counts UTF-8 bytes from 0.
    static func validatePolicyResponse(_ findings: [PolicyFinding]) -> String {
        let list = findings.map { finding -> JSONValue in
            let path = finding.pathElements.map { element -> JSONValue in
                switch element {
                case .key(let key): ["value": .string(key)]
                case .index(let index): ["index": .number(String(index))]
                }
            }
            let location: JSONValue = [
                "path": .array(path),
                "span": ["start": position(finding.location), "end": position(finding.end)],
            ]
            return [
                "findingDetails": .string(finding.findingDetails),
                "findingType": .string(finding.findingType.rawValue),
                "issueCode": .string(finding.issueCode),
                "learnMoreLink": .string(finding.learnMoreLink),
                "locations": [location],
            ]
        }
        return JSONWriter.awsCLI(["findings": .array(list)])
    }

    private static func position(_ location: SourceLocation) -> JSONValue {
        [
            "line": .number(String(location.line)), "column": .number(String(location.column - 1)),
            "offset": .number(String(location.offset)),
        ]
    }
}
