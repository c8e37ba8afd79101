import Foundation
import IAMCore
import IAMPolicy

/// How a flag's words become a request member.
enum FlagKind: Sendable {
    /// One word.
    case string
    /// One integer.
    case integer
    /// `--flag` / `--no-flag`.
    case boolean
    /// A policy document: inline JSON, `file://PATH` or `fileb://PATH`.
    case document
    /// `Key=a,Value=b Key=c,Value=d`, or a JSON list of `{"Key":…,"Value":…}`.
    case tags
    /// Several words, or a JSON list of strings.
    case stringList
    /// Several policy documents, each inline JSON or `file://PATH`.
    case documentList
    /// Shorthand structures (`Name=a,Values=b,c,Type=t ...`) or a JSON list of objects.
    case structureList
    /// Any JSON value, inline or `file://PATH`; or shorthand `Key=value,Key2=value2` for an object
    /// (a value `file://PATH` is the file's text).
    case json
}

/// One flag of an action, named as the AWS CLI names it.
struct FlagSpec: Sendable {
    let name: String
    let member: String
    let kind: FlagKind
    let required: Bool
    let help: String
    /// For structure lists: the members whose shorthand value is a list.
    var listMembers: Set<String> = []
    /// For policy documents: the grammar the service checks them with, so a malformed one read
    /// from a file is reported at its FILE:LINE:COLUMN.
    var policyKind: PolicyKind? = nil
}

/// One row of the action table: an IAM action, its CLI name and flags, and the service call it makes.
struct ActionSpec: Sendable {
    let cliName: String
    let operation: String
    let summary: String
    let flags: [FlagSpec]
    let mutates: Bool
    /// The list members merged across pages when the CLI paginates; nil for unpaginated actions.
    let resultKeys: [String]?
    let call: @Sendable (inout IAMService, JSONValue, Principal) throws -> JSONValue
    /// What the AWS CLI itself does around the call, if anything (see `ClientStep`).
    var clientStep: ClientStep? = nil
}

/// A step the AWS CLI performs on its side of a call (its "customizations"), such as writing a
/// returned blob to `--outfile` instead of printing it.
struct ClientStep: Sendable {
    /// Checks the parsed request before the call; a `UsageError` stops the run with exit code 252.
    let check: @Sendable (_ request: JSONValue, _ currentDirectory: String) throws -> Void
    /// Turns a successful response into what is printed.
    let finish: @Sendable (_ request: JSONValue, _ response: JSONValue, _ currentDirectory: String) throws -> JSONValue
}

/// A request that could not be decoded from the flags (a bad value for a member).
struct RequestDecodingError: Error, CustomStringConvertible {
    let description: String
}

enum ActionCall {
    /// Builds the row's call: decode the request from the flags' JSON, call the service, encode the response.
    static func make<Request: Decodable & Sendable, Response: Encodable & Sendable>(
        _ type: Request.Type, _ body: @escaping @Sendable (inout IAMService, Request, Principal) throws -> Response
    ) -> @Sendable (inout IAMService, JSONValue, Principal) throws -> JSONValue {
        { service, json, principal in
            let request = try decodeRequest(Request.self, from: json)
            return try AWSShapeEncoder.encode(try body(&service, request, principal))
        }
    }

    static func decodeRequest<Request: Decodable & Sendable>(
        _ type: Request.Type, from json: JSONValue
    ) throws -> Request {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            let key = path.last?.stringValue ?? ""
            let lowered = key.prefix(1).lowercased() + key.dropFirst()
            return AnyKey(stringValue: lowered)
        }
        do {
            return try decoder.decode(type, from: Data(JSONWriter.compact(json).utf8))
        } catch let error as DecodingError {
            throw RequestDecodingError(description: "invalid parameter: \(JSONPathDescription.describe(error))")
        }
    }
}

/// A coding key made from any string.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A short description of a request decoding problem, naming the member in AWS's spelling.
enum JSONPathDescription {
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map {
                $0.intValue.map { "[\($0)]" } ?? ($0.stringValue.prefix(1).uppercased() + $0.stringValue.dropFirst())
            }
            .joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        @unknown default:
            return "\(error)"
        }
    }
}
