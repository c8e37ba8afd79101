import Foundation
import IAMCore
import IAMPolicy
import IAMWorkspace

/// A set of table-driven actions under one word of the command line: `iam` (AWS's actions), or
/// `mfa` (the model's MFA extras that AWS has no API for).
struct CommandGroup: Sendable {
    let name: String
    let specs: [ActionSpec]
    /// The service a call counts as in an access key's last use (`iam`, `sts`).
    var service = "iam"
    /// What the group is, for its help.
    var about = "Runs an IAM action against the workspace, as `aws iam` does against AWS."

    func spec(_ cliName: String) -> ActionSpec? { specs.first { $0.cliName == cliName } }

    static let iam = CommandGroup(name: "iam", specs: ActionTable.all)
}

/// `iamconsole iam ACTION [flags]`: runs one IAM action against the workspace as the caller's principal
/// and prints what the AWS CLI prints. Exit codes follow the AWS CLI: 0 success, 252 usage error,
/// 253 missing credentials, 254 an error from the service, 255 any other failure (e.g. the workspace).
enum IAMCommand {
    static func run(_ words: [String], environment: CLIEnvironment, group: CommandGroup = .iam) -> Int32 {
        guard let actionName = words.first, actionName != "help", actionName != "--help" else {
            print(HelpText.actionList(group))
            return words.isEmpty ? 252 : 0
        }
        guard let spec = group.spec(actionName) else {
            printError(
                "usage: iamconsole \(group.name) <action> [flags]\niamconsole: error: argument operation: Invalid choice: '\(actionName)'"
            )
            printError("Run 'iamconsole \(group.name) help' for the list of actions.")
            return 252
        }
        if words.dropFirst().first == "help" || words.contains("--help") {
            print(HelpText.action(spec, group: group))
            return 0
        }
        let request: JSONValue
        let globals: GlobalOptions
        do {
            (request, globals) = try FlagParser.parse(
                Array(words.dropFirst()), spec: spec, currentDirectory: environment.currentDirectory)
            try spec.clientStep?.check(request, environment.currentDirectory)
        } catch {
            printError("usage: iamconsole \(group.name) \(spec.cliName) [flags]\niamconsole: error: \(error)")
            return 252
        }
        let path = environment.workspacePath(globals.workspace)
        let clock: any IAMClock
        do {
            clock = try environment.clock()
        } catch {
            printError("iamconsole: error: \(error)")
            return 252
        }
        let workspace: Workspace
        do {
            workspace = try Workspace(path: path)
        } catch {
            printError("iamconsole: error: \(error)")
            return 255
        }
        let credentials: CallerCredentials
        do {
            credentials = try CredentialResolver.credentials(
                root: globals.root, environment: environment, account: workspace.account)
        } catch let error as CredentialError {
            printError(error.message)
            return error.exitCode
        } catch {
            printError("iamconsole: error: \(error)")
            return 255
        }
        let random = environment.random()
        let region = globals.region ?? environment.region
        var keyId: String?
        if case .accessKey(let id, _, _) = credentials { keyId = id }
        let recorder = AuditRecorder(caller: .cli(accessKeyId: keyId))
        do {
            var output: JSONValue
            func makeService(_ account: Account) -> IAMService {
                var service = IAMService(account: account, clock: clock, random: random)
                service.passwordHashIterations = environment.kdfIterations
                service.region = region
                service.auditRecorder = recorder
                return service
            }
            switch credentials {
            case .root where !spec.mutates:
                let service = makeService(workspace.account)
                // A read changes nothing to save: its record (refused ones too) is appended here.
                defer { AuditCommand.append(service.takeAuditRecords(), to: workspace) }
                output = try Paginator.run(spec, request: request, globals: globals, service: service, principal: .root)
            case .root:
                output = try workspace.update(recording: recorder) { account in
                    var service = makeService(account)
                    let result = try spec.call(&service, request, .root)
                    return (service.account, result)
                }
            case .accessKey(let id, let secret, let token):
                // Authenticated against the newest account under the lock, so a key deleted a moment ago
                // is refused; a successful call records the key's last use in the same single save.
                output = try workspace.update(recording: recorder) { account in
                    let now = clock.now()
                    let caller = try account.authenticate(
                        accessKeyId: id, secret: secret, sessionToken: token, service: group.service, at: now)
                    var service = makeService(account)
                    service.session = caller.session
                    let result: JSONValue
                    if spec.mutates {
                        result = try spec.call(&service, request, caller.principal)
                    } else {
                        result = try Paginator.run(
                            spec, request: request, globals: globals, service: service, principal: caller.principal)
                    }
                    // Reads are allowed requests too: access advisor records them in the same save.
                    service.absorbActivity()
                    var changed = service.account
                    if caller.isLongTermKey {
                        changed.recordAccessKeyUse(id, service: group.service, region: region, at: now)
                    }
                    if changed != account { changed.pruneExpiredCredentials(at: now) }
                    return (changed, result)
                }
            }
            if let step = spec.clientStep { output = try step.finish(request, output, environment.currentDirectory) }
            try OutputFormatter.print(output, globals: globals)
            return 0
        } catch let error as IAMError {
            printError(
                "\nAn error occurred (\(error.code.rawValue)) when calling the \(spec.operation) operation: \(error.message)"
            )
            if error.code.isMalformedPolicy {
                for line in PolicyErrorLocation.lines(words, spec: spec, currentDirectory: environment.currentDirectory)
                {
                    printError(line)
                }
            }
            return 254
        } catch let error as RequestDecodingError {
            printError("usage: iamconsole \(group.name) \(spec.cliName) [flags]\niamconsole: error: \(error)")
            return 252
        } catch let error as JMESPathError {
            printError("iamconsole: error: \(error)")
            return 255
        } catch let error as UsageError {
            printError("iamconsole: error: \(error)")
            return 252
        } catch {
            printError("iamconsole: error: \(error)")
            return 255
        }
    }
}

/// Runs a read-only action, following `Marker`s across pages the way the AWS CLI does.
enum Paginator {
    static func run(
        _ spec: ActionSpec, request: JSONValue, globals: GlobalOptions, service: IAMService, principal: Principal
    ) throws -> JSONValue {
        var service = service
        guard let keys = spec.resultKeys, globals.paginate else {
            var plain = request
            if let pageSize = globals.pageSize ?? globals.maxItems {
                plain = set(plain, "MaxItems", .number(String(pageSize)))
            }
            if let token = globals.startingToken { plain = set(plain, "Marker", .string(token)) }
            return try spec.call(&service, plain, principal)
        }
        var merged: [String: [JSONValue]] = [:]
        var first: JSONValue?
        var marker = globals.startingToken
        var collected = 0
        var nextToken: String?
        while true {
            var pageRequest = request
            var limit = globals.pageSize ?? 1000
            if let maxItems = globals.maxItems { limit = min(limit, maxItems - collected) }
            pageRequest = set(pageRequest, "MaxItems", .number(String(max(limit, 1))))
            if let marker { pageRequest = set(pageRequest, "Marker", .string(marker)) }
            let page = try spec.call(&service, pageRequest, principal)
            if first == nil { first = page }
            var count = 0
            for key in keys {
                let items = page[key]?.arrayValue ?? []
                merged[key, default: []] += items
                count += items.count
            }
            collected += count
            let truncated = page["IsTruncated"]?.boolValue ?? false
            marker = page["Marker"]?.stringValue
            if !truncated || marker == nil { break }
            if let maxItems = globals.maxItems, collected >= maxItems {
                nextToken = marker
                break
            }
        }
        guard case .object(let members)? = first else { return .object([]) }
        var result = members.filter { $0.key != "IsTruncated" && $0.key != "Marker" }.map { member in
            keys.contains(member.key) ? JSONMember(key: member.key, value: .array(merged[member.key] ?? [])) : member
        }
        if let nextToken { result.append(JSONMember(key: "NextToken", value: .string(nextToken))) }
        return .object(result)
    }

    static func set(_ object: JSONValue, _ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = object else { return object }
        members.removeAll { $0.key == key }
        members.append(JSONMember(key: key, value: value))
        return .object(members)
    }
}

/// Prints responses as the AWS CLI does: 4-space JSON, policy documents decoded into objects, and
/// nothing at all for actions that return no data.
enum OutputFormatter {
    static let documentKeys: Set<String> = ["PolicyDocument", "AssumeRolePolicyDocument", "Document"]

    static func print(_ value: JSONValue, globals: GlobalOptions) throws {
        if case .object(let members) = value, members.isEmpty, globals.query == nil { return }
        var result = decodeDocuments(value)
        if let query = globals.query { result = try JMESPath.search(query, in: result) }
        if globals.output == "text" {
            Swift.print(TextOutput.format(result), terminator: "")
        } else {
            Swift.print(JSONWriter.awsCLI(result))
        }
    }

    /// botocore decodes policy documents (which IAM returns URL-encoded) into JSON objects; so do we.
    static func decodeDocuments(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(
                members.map { member in
                    if documentKeys.contains(member.key), case .string(let text) = member.value,
                        let parsed = try? JSONParser.parse(text)
                    {
                        return JSONMember(key: member.key, value: parsed)
                    }
                    return JSONMember(key: member.key, value: decodeDocuments(member.value))
                })
        case .array(let items):
            return .array(items.map(decodeDocuments))
        default:
            return value
        }
    }
}
