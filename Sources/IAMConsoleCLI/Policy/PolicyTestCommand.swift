import Foundation
import IAMCore
import IAMPolicy
import IAMWorkspace

/// `iamconsole policy test FILE [--workspace PATH]`: a policy test suite for CI pipelines.
///
/// FILE is a JSON document `{"tests": [TEST, ...]}`. Each TEST has a `name`, the `expect`ed decision
/// (`allowed`, `explicitDeny`, `implicitDeny`, or `denied` for either deny) and, optionally,
/// `expectMatchedSids` (the Sids of the statements that decided, in order). The rest of the test is
/// a request exactly as `policy evaluate` reads it (`principal`, `action`, `resource`, `context`,
/// `identityPolicies`, `permissionsBoundary`, `resourcePolicy`, `scps`, `sessionPolicies`), or, with
/// `--workspace PATH`, a `principal` that names a user or role of the workspace
/// and no `identityPolicies`: its policies, boundary and request context come from the workspace, as
/// when it calls IAM. Each failure is printed; the last line is `N passed, N failed`. The exit code is 0
/// when every test passes, 1 otherwise, 2 when a file cannot be read and 252 for a usage error.
enum PolicyTestCommand {
    static let synopsis = "test FILE [--workspace PATH]"

    static func run(_ words: [String]) -> Int32 {
        var file: String?
        var workspacePath: String?
        var index = 0
        while index < words.count {
            switch words[index] {
            case "--workspace":
                guard index + 1 < words.count else { return usage("argument --workspace: expected one argument") }
                workspacePath = words[index + 1]
                index += 1
            case "--help", "-h", "help":
                print("usage: iamconsole policy \(synopsis)")
                return 0
            case let word where word.hasPrefix("--"):
                return usage("unknown option \(word)")
            case let word:
                guard file == nil else { return usage("unexpected argument '\(word)'") }
                file = word
            }
            index += 1
        }
        guard let file else { return usage("the following arguments are required: FILE") }
        let environment = CLIEnvironment.current
        var account: Account?
        if let workspacePath {
            let path = environment.workspacePath(workspacePath)
            do {
                account = try Workspace(path: path).account
            } catch {
                printError("iamconsole: error: \(error)")
                return 2
            }
        }
        let data: Data
        do {
            data = try PolicyValidateCommand.read(file)
        } catch {
            printError("iamconsole: error: cannot read \(file): \(error.description)")
            return 2
        }
        let suite: [JSONNode]
        do {
            let root = try JSONParser.parseNode([UInt8](data))
            guard let tests = root["tests"]?.elements else {
                printError("\(file): the suite must be an object with a \"tests\" array")
                return 2
            }
            suite = tests
        } catch {
            printError("\(file):\(error.line):\(error.column): invalid JSON: \(error.message)")
            return 2
        }
        var reader = RequestLineReader()
        var passed = 0
        var failed = 0
        for (number, test) in suite.enumerated() {
            let name = test["name"]?.stringValue ?? "test \(number + 1)"
            let place = "\(file):\(test.location.line):\(test.location.column): \(name)"
            switch check(test, account: account, reader: &reader) {
            case .success:
                passed += 1
            case .failure(let message):
                failed += 1
                print("FAIL \(place): \(message)")
            }
        }
        print("\(passed) passed, \(failed) failed")
        return failed == 0 ? 0 : 1
    }

    enum Outcome {
        case success
        case failure(String)
    }

    static func check(_ test: JSONNode, account: Account?, reader: inout RequestLineReader) -> Outcome {
        guard let expected = test["expect"]?.stringValue,
            ["allowed", "explicitDeny", "implicitDeny", "denied"].contains(expected)
        else {
            return .failure("\"expect\" must be allowed, explicitDeny, implicitDeny or denied")
        }
        let request: EvaluationRequest
        switch makeRequest(test, account: account, reader: &reader) {
        case .success(let made): request = made
        case .failure(let error): return .failure(error.message)
        }
        let result = PolicyEvaluator.evaluate(request)
        let decision = result.decision.rawValue
        let matches = expected == decision || (expected == "denied" && result.decision != .allowed)
        guard matches else {
            let why = result.denialReason.map { " (\($0))" } ?? ""
            let statements = result.matchedStatements.map { $0.sid ?? "#\($0.index)" }.joined(separator: ", ")
            return .failure(
                "expected \(expected), got \(decision)\(why)" + (statements.isEmpty ? "" : "; matched: \(statements)"))
        }
        if let sids = test["expectMatchedSids"]?.elements?.compactMap(\.stringValue) {
            let actual = result.matchedStatements.compactMap(\.sid)
            if actual != sids {
                return .failure("expected matched Sids \(sids), got \(actual)")
            }
        }
        return .success
    }

    /// The request a test describes: from its own documents, or from the workspace's principal.
    static func makeRequest(
        _ test: JSONNode, account: Account?, reader: inout RequestLineReader
    )
        -> Result<EvaluationRequest, RequestLineError>
    {
        guard case .object(let members) = test.value else {
            return .failure(RequestLineError("a test must be an object"))
        }
        let testKeys: Set<String> = ["name", "expect", "expectMatchedSids"]
        let requestMembers = members.filter { !testKeys.contains($0.key) }
        let line = Array(JSONWriter.compact(.object(requestMembers)).utf8)
        let parsed: RequestLine
        do {
            parsed = try reader.read(line)
        } catch {
            return .failure(error)
        }
        guard let account, test["identityPolicies"] == nil,
            let principal = workspacePrincipal(parsed.request.principal.arn, in: account)
        else {
            return .success(parsed.request)
        }
        var context: [String: [String]] = [:]
        for (key, value) in parsed.request.context {
            switch value {
            case .string(let text): context[key] = [text]
            case .strings(let texts): context[key] = texts
            }
        }
        var request = EvaluatingAuthorizer.evaluationRequest(
            AuthorizationRequest(
                principal: principal, action: parsed.request.action, resource: parsed.request.resource,
                context: context),
            in: account, callerContext: [:])
        request.resourcePolicy = parsed.request.resourcePolicy
        request.resourcePolicyKind = parsed.request.resourcePolicyKind
        request.scps = parsed.request.scps
        request.sessionPolicies = parsed.request.sessionPolicies
        if let owner = parsed.request.resourceAccount { request.resourceAccount = owner }
        return .success(request)
    }

    /// A user or role of the workspace named by ARN (a role acts through a session named `policy-test`).
    static func workspacePrincipal(_ arn: String, in account: Account) -> Principal? {
        guard let name = IAMResourceName(arn), name.account == account.id else {
            return arn == account.rootARN ? .root : nil
        }
        switch name.kind {
        case "user": return account.user(named: name.name).map { .user($0.name) }
        case "role": return account.role(named: name.name).map { .roleSession(role: $0.name, session: "policy-test") }
        default: return nil
        }
    }

    static func usage(_ message: String) -> Int32 {
        printError("iamconsole: error: \(message)\nusage: iamconsole policy \(synopsis)")
        return 252
    }
}
