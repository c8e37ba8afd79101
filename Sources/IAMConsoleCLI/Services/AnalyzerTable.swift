import Foundation
import IAMCore
import IAMPolicy

/// `iamconsole analyzer`: IAM Access Analyzer's analyzers, findings and archive rules, with the
/// AWS CLI's `accessanalyzer` flags and camelCase JSON output; and `validate-policy`, which needs
/// no workspace.
enum AnalyzerTable {
    static let analyzerName = ServiceTables.flag("analyzer-name", required: true, "The analyzer's name.")
    static let analyzerArn = ServiceTables.flag("analyzer-arn", required: true, "The analyzer's ARN.")
    static let ruleName = ServiceTables.flag("rule-name", required: true, "The archive rule's name.")
    static let filter = ServiceTables.flag(
        "filter", .json, required: true,
        "Filter keys and criteria, e.g. '{\"resourceType\": {\"eq\": [\"AWS::S3::Bucket\"]}}'.")

    static let specs: [ActionSpec] = [
        ActionSpec(
            cliName: "create-analyzer", operation: "CreateAnalyzer",
            summary: "Creates an analyzer (ACCOUNT or ORGANIZATION zone of trust) and analyzes every resource.",
            flags: [
                analyzerName, ServiceTables.flag("type", required: true, "ACCOUNT or ORGANIZATION."),
                ServiceTables.flag("archive-rules", .json, "A JSON list of {\"ruleName\", \"filter\"}."),
                ServiceTables.flag("tags", .json, "Tags: k=v,... or a JSON object."),
                ServiceTables.flag("client-token", "Ignored (idempotency token)."),
            ], mutates: true, resultKeys: nil,
            call: ServiceCall.camelCase(CreateAnalyzerRequest.self) { try $0.createAnalyzer($1, as: $2) }),
        ActionSpec(
            cliName: "get-analyzer", operation: "GetAnalyzer", summary: "Prints one analyzer.", flags: [analyzerName],
            mutates: false, resultKeys: nil,
            call: ServiceCall.camelCase(AnalyzerNameRequest.self) { try $0.getAnalyzer($1, as: $2) }),
        ActionSpec(
            cliName: "list-analyzers", operation: "ListAnalyzers", summary: "Lists the analyzers.",
            flags: [ServiceTables.flag("type", "Only ACCOUNT or ORGANIZATION analyzers.")], mutates: false,
            resultKeys: nil,
            call: ServiceCall.camelCase(ListAnalyzersRequest.self) { try $0.listAnalyzers($1, as: $2) }),
        ActionSpec(
            cliName: "delete-analyzer", operation: "DeleteAnalyzer",
            summary: "Deletes an analyzer with its archive rules and findings.", flags: [analyzerName], mutates: true,
            resultKeys: nil,
            call: ServiceCall.camelCase(AnalyzerNameRequest.self) { try $0.deleteAnalyzer($1, as: $2) }),
        ActionSpec(
            cliName: "list-findings", operation: "ListFindings",
            summary: "Lists an analyzer's findings, filtered and sorted.",
            flags: [
                analyzerArn,
                ServiceTables.flag(
                    "filter", .json, "Filter keys and criteria, e.g. '{\"status\": {\"eq\": [\"ACTIVE\"]}}'."),
                ServiceTables.flag("sort", .json, "attributeName=resourceType,orderBy=ASC"),
                ServiceTables.flag("max-results", .integer, "At most this many findings (1-1000)."),
                ServiceTables.flag("next-token", "The nextToken of the previous page."),
            ], mutates: false, resultKeys: nil,
            call: ServiceCall.camelCase(ListFindingsRequest.self) { try $0.listFindings($1, as: $2) }),
        ActionSpec(
            cliName: "get-finding", operation: "GetFinding", summary: "Prints one finding.",
            flags: [analyzerArn, ServiceTables.flag("id", required: true, "The finding's id.")], mutates: false,
            resultKeys: nil, call: ServiceCall.camelCase(GetFindingRequest.self) { try $0.getFinding($1, as: $2) }),
        ActionSpec(
            cliName: "update-findings", operation: "UpdateFindings",
            summary: "Archives findings, or makes archived ones active again.",
            flags: [
                analyzerArn, ServiceTables.flag("status", required: true, "ARCHIVED or ACTIVE."),
                ServiceTables.flag("ids", .stringList, "The findings' ids."),
                ServiceTables.flag("resource-arn", "All findings of this resource."),
            ], mutates: true, resultKeys: nil,
            call: ServiceCall.camelCase(UpdateFindingsRequest.self) { try $0.updateFindings($1, as: $2) }),
        ActionSpec(
            cliName: "start-resource-scan", operation: "StartResourceScan",
            summary: "Analyzes one resource or role again now.",
            flags: [analyzerArn, ServiceTables.flag("resource-arn", required: true, "The resource's ARN.")],
            mutates: true, resultKeys: nil,
            call: ServiceCall.camelCase(StartResourceScanRequest.self) { try $0.startResourceScan($1, as: $2) }),
        ActionSpec(
            cliName: "create-archive-rule", operation: "CreateArchiveRule",
            summary: "Creates a rule that archives the new findings its filter matches.",
            flags: [
                analyzerName, ruleName, filter, ServiceTables.flag("client-token", "Ignored (idempotency token)."),
            ],
            mutates: true, resultKeys: nil,
            call: ServiceCall.camelCase(CreateArchiveRuleRequest.self) { try $0.createArchiveRule($1, as: $2) }),
        ActionSpec(
            cliName: "list-archive-rules", operation: "ListArchiveRules", summary: "Lists an analyzer's archive rules.",
            flags: [analyzerName], mutates: false, resultKeys: nil,
            call: ServiceCall.camelCase(AnalyzerNameRequest.self) { try $0.listArchiveRules($1, as: $2) }),
        ActionSpec(
            cliName: "delete-archive-rule", operation: "DeleteArchiveRule", summary: "Deletes an archive rule.",
            flags: [analyzerName, ruleName], mutates: true, resultKeys: nil,
            call: ServiceCall.camelCase(ArchiveRuleRequest.self) { try $0.deleteArchiveRule($1, as: $2) }),
        ActionSpec(
            cliName: "apply-archive-rule", operation: "ApplyArchiveRule",
            summary: "Archives the existing active findings an archive rule matches.", flags: [analyzerArn, ruleName],
            mutates: true, resultKeys: nil,
            call: ServiceCall.camelCase(ApplyArchiveRuleRequest.self) { try $0.applyArchiveRule($1, as: $2) }),
        validatePolicy,
    ]

    /// `validate-policy` checks a document locally (grammar and lint) and needs no workspace; its
    /// row gives it help and flag parsing like the others.
    static let validatePolicy = ActionSpec(
        cliName: "validate-policy", operation: "ValidatePolicy",
        summary: "Checks a policy's grammar and best practices; prints Access Analyzer's findings.",
        flags: [
            ServiceTables.flag("policy-document", .document, required: true, "The policy: JSON, or file://PATH."),
            ServiceTables.flag(
                "policy-type", required: true, "IDENTITY_POLICY, RESOURCE_POLICY or SERVICE_CONTROL_POLICY."),
            ServiceTables.flag(
                "validate-policy-resource-type", "AWS::IAM::AssumeRolePolicyDocument checks a role's trust policy."),
            ServiceTables.flag("locale", "EN (the only one)."),
        ], mutates: false, resultKeys: nil,
        call: { _, request, _ in try AnalyzerTable.validate(request) })

    static let group = CommandGroup(
        name: "analyzer", specs: specs, service: "access-analyzer",
        about: "Runs an IAM Access Analyzer action against the workspace, as `aws accessanalyzer` does.")

    /// `iamconsole analyzer ACTION`: `validate-policy` runs here; the rest through `IAMCommand`.
    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        guard words.first == "validate-policy", !words.contains("--help"), words.dropFirst().first != "help" else {
            return IAMCommand.run(words, environment: environment, group: group)
        }
        do {
            let (request, globals) = try FlagParser.parse(
                Array(words.dropFirst()), spec: validatePolicy, currentDirectory: environment.currentDirectory)
            try OutputFormatter.print(try validate(request), globals: globals)
            return 0
        } catch let error as RequestDecodingError {
            printError("usage: iamconsole analyzer validate-policy [flags]\niamconsole: error: \(error)")
            return 252
        } catch let error as UsageError {
            printError("usage: iamconsole analyzer validate-policy [flags]\niamconsole: error: \(error)")
            return 252
        } catch {
            printError("iamconsole: error: \(error)")
            return 255
        }
    }

    /// The findings of the existing validator, in Access Analyzer's `validate-policy` shape.
    static func validate(_ request: JSONValue) throws -> JSONValue {
        let document = request["PolicyDocument"]?.stringValue ?? ""
        let type = request["PolicyType"]?.stringValue ?? ""
        let kind: PolicyKind
        switch type {
        case "IDENTITY_POLICY": kind = .identity
        case "RESOURCE_POLICY":
            kind =
                request["ValidatePolicyResourceType"]?.stringValue == "AWS::IAM::AssumeRolePolicyDocument"
                ? .trust : .resource
        case "SERVICE_CONTROL_POLICY": kind = .scp
        default:
            throw UsageError(
                description:
                    "argument --policy-type: Invalid choice, valid choices are: IDENTITY_POLICY | RESOURCE_POLICY | "
                    + "SERVICE_CONTROL_POLICY")
        }
        let findings = PolicyLinter.validate(Data(document.utf8), kind: kind)
        return try JSONParser.parse(PolicyFindingJSON.validatePolicyResponse(findings))
    }
}
