import IAMCore
import IAMPolicy

/// What the simulator form collects: whose policies, which actions on which resources, and the
/// request context to assume.
struct SimulationInput: Sendable, Equatable {
    /// `user alice`, `group Admins` or `role app-server`.
    var principal = ""
    /// Actions separated by commas or spaces, such as `iam:CreateUser, s3:GetObject`.
    var actions = "iam:ListUsers, iam:CreateUser"
    /// Resource ARNs separated by commas or spaces; empty means `*`.
    var resources = "*"
    /// `key=value` pairs separated by commas; `|` separates the values of a multivalued key.
    var context = ""
}

/// One action-and-resource result, with the statements that decided it ready to show.
struct SimulatedDecision: Sendable, Equatable {
    var action: String
    var resource: String
    /// `allowed`, `explicitDeny` or `implicitDeny`, as the simulator reports it.
    var decision: String
    var statements: [DecidingStatement]
    var missingContext: [String]
    /// False when the principal's permissions boundary denied the request.
    var allowedByBoundary: Bool?
}

/// A statement that decided a result, located in its policy's pretty-printed document.
struct DecidingStatement: Sendable, Equatable {
    /// `AdministratorAccess (AWS managed)`, `ReadLogs (inline, group Admins)`.
    var policy: String
    /// The statement's `Sid`, or `#N` (1-based) when it has none.
    var label: String
    /// The document as the console prints it (4-space indent, AWS CLI style).
    var lines: [String]
    /// The statement's first and last line in `lines` (0-based).
    var firstLine: Int
    var lastLine: Int
}

/// Runs the policy simulator for the console through `IAMService.simulatePrincipalPolicy`, as
/// the signed-in principal (who needs `iam:SimulatePrincipalPolicy`, as in AWS), and locates each
/// deciding statement in its policy's document.
enum PolicySimulation {
    /// Requests beyond this many action-resource pairs are refused, so one run stays quick.
    static let maximumPairs = 1000

    /// The principals the form offers: `user NAME`, `group NAME`, `role NAME`, each list by name.
    static func principalChoices(in account: Account) -> [String] {
        func sorted(_ names: [String]) -> [String] { names.sorted { $0.lowercased() < $1.lowercased() } }
        return sorted(account.users.values.map(\.name)).map { "user " + $0 }
            + sorted(account.groups.values.map(\.name)).map { "group " + $0 }
            + sorted(account.roles.values.map(\.name)).map { "role " + $0 }
    }

    /// Splits a list typed as `a, b c` into its items.
    static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
    }

    /// The context entries of `key=value, key=v1|v2`; values that read as booleans, numbers or IP
    /// addresses get that type. Returns the entry that does not parse as an error message.
    static func contextEntries(_ text: String) -> Result<[ContextEntry], SimulationError> {
        var entries: [ContextEntry] = []
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = pair[0].trimmingCharacters(in: .whitespaces)
            guard pair.count == 2, !key.isEmpty else {
                return .failure(
                    SimulationError(field: "context", message: "Write the context as key=value, key=value."))
            }
            let values = pair[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            var type = "string"
            if values.allSatisfy({ $0 == "true" || $0 == "false" }) {
                type = "boolean"
            } else if values.allSatisfy({ Double($0) != nil }) {
                type = "numeric"
            }
            entries.append(
                ContextEntry(
                    contextKeyName: key, contextKeyValues: values,
                    contextKeyType: values.count > 1 ? type + "List" : type))
        }
        return .success(entries)
    }

    /// Simulates `input` for `principal` over `account`.
    static func run(
        _ input: SimulationInput, in account: Account, as principal: Principal, session: ConsoleSession? = nil,
        clock: any IAMClock = SystemClock()
    ) -> Result<[SimulatedDecision], SimulationError> {
        let words = input.principal.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, let kind = IdentityKind(rawValue: words[0].capitalized) else {
            return .failure(SimulationError(field: "principal", message: "Choose a user, group or role."))
        }
        let name = words[1]
        guard let arn = arn(of: kind, named: name, in: account) else {
            return .failure(SimulationError(field: "principal", message: "\(input.principal) does not exist."))
        }
        let actions = items(input.actions)
        guard !actions.isEmpty else {
            return .failure(
                SimulationError(field: "actions", message: "Type at least one action, such as s3:GetObject."))
        }
        let resources = items(input.resources).isEmpty ? ["*"] : items(input.resources)
        guard actions.count * resources.count <= maximumPairs else {
            return .failure(
                SimulationError(
                    field: "actions",
                    message: "\(actions.count * resources.count) action-resource pairs; at most \(maximumPairs)."))
        }
        let context: [ContextEntry]
        switch contextEntries(input.context) {
        case .success(let entries): context = entries
        case .failure(let error): return .failure(error)
        }
        var service = IAMService(account: account, clock: clock)
        service.session = session
        let response: SimulatePolicyResponse
        do {
            response = try service.simulatePrincipalPolicy(
                SimulatePolicyRequest(
                    policySourceArn: arn, actionNames: actions, resourceArns: resources,
                    contextEntries: context.isEmpty ? nil : context, maxItems: maximumPairs),
                as: principal)
        } catch {
            return .failure(SimulationError(field: nil, message: error.message, code: error.code.rawValue))
        }
        let sources = PrincipalPolicies(identity: kind, name: name, in: account)
        let candidates = sources.identity + [sources.boundary].compactMap { $0 }
        return .success(
            response.evaluationResults.map { result in
                SimulatedDecision(
                    action: result.evalActionName, resource: result.evalResourceName, decision: result.evalDecision,
                    statements: result.matchedStatements.compactMap { locate($0, among: candidates) },
                    missingContext: result.missingContextValues,
                    allowedByBoundary: result.permissionsBoundaryDecisionDetail?.allowedByPermissionsBoundary)
            })
    }

    private static func arn(of kind: IdentityKind, named name: String, in account: Account) -> String? {
        switch kind {
        case .user: return account.user(named: name).map { account.arn(of: $0) }
        case .group: return account.group(named: name).map { account.arn(of: $0) }
        case .role: return account.role(named: name).map { account.arn(of: $0) }
        }
    }

    /// Finds the policy a matched statement came from (its type and id, and a statement that starts
    /// where the simulator says) and the statement's lines in the pretty-printed document.
    static func locate(_ shape: StatementShape, among sources: [PrincipalPolicies.Source]) -> DecidingStatement? {
        guard let start = shape.startPosition else { return nil }
        for source in sources where source.type == shape.sourcePolicyType && source.id == shape.sourcePolicyId {
            guard let root = try? JSONParser.parseNode(source.text), let statement = root["Statement"] else {
                continue
            }
            let elements = statement.elements ?? [statement]
            guard
                let index = elements.firstIndex(where: {
                    $0.location.line == start.line && $0.location.column == start.column
                })
            else { continue }
            return pretty(source.text, policy: label(of: source), statementIndex: index)
        }
        return nil
    }

    /// The statement at `statementIndex` (0 for a lone statement object) located in the document
    /// as the console pretty-prints it: the simulator's deciding statement, a finding's cause.
    static func pretty(_ document: String, policy: String, statementIndex: Int) -> DecidingStatement? {
        guard let value = try? JSONParser.parse(document) else { return nil }
        let text = JSONWriter.awsCLI(value)
        guard let root = try? JSONParser.parseNode(text), let statement = root["Statement"] else { return nil }
        let node: JSONNode
        if let elements = statement.elements {
            guard elements.indices.contains(statementIndex) else { return nil }
            node = elements[statementIndex]
        } else {
            node = statement
        }
        let end = JSONParser.location(ofByteOffset: max(node.endOffset - 1, 0), in: text)
        let sid = node["Sid"].flatMap { if case .string(let sid) = $0.value { return sid } else { return nil } }
        return DecidingStatement(
            policy: policy, label: sid.map { "Sid \($0)" } ?? "statement #\(statementIndex + 1)",
            lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            firstLine: node.location.line - 1, lastLine: end.line - 1)
    }

    /// How the results name a policy: its name, and whether it is managed or whose inline policy it is.
    static func label(of source: PrincipalPolicies.Source) -> String {
        switch source.type {
        case "aws-managed": return "\(lastSegment(source.id)) (AWS managed)"
        case "user-managed": return "\(lastSegment(source.id)) (customer managed)"
        default:
            // Inline policies are named `user/alice:Name`: the owner comes before the colon.
            let owner = source.policy.name.split(separator: ":").first.map(String.init) ?? source.type
            return "\(source.id) (inline, \(owner.replacingOccurrences(of: "/", with: " ")))"
        }
    }

    private static func lastSegment(_ arn: String) -> String {
        String(arn.split(separator: "/").last ?? Substring(arn))
    }
}

/// Why a simulation could not run: a form field to fix, or AWS's error (such as `AccessDenied`).
struct SimulationError: Error, Sendable, Equatable {
    /// The form field at fault, or nil for an error of the service.
    var field: String?
    var message: String
    /// AWS's error code when the service refused.
    var code: String?
}
