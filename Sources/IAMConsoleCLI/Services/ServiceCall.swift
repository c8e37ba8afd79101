import Foundation
import IAMCore
import IAMPolicy

/// The calls of the other services' table rows. Unlike `ActionCall`, only the request's own
/// members are renamed (`QueueUrl` → `queueUrl`): the keys of maps inside it (a queue's
/// `Policy` attribute, a filter's `principal.AWS`) are data and stay as typed.
enum ServiceCall {
    /// A call whose response is printed with AWS's PascalCase member names (S3, KMS, SQS, Lambda,
    /// Secrets Manager, Organizations).
    static func make<Request: Decodable & Sendable, Response: Encodable & Sendable>(
        _ type: Request.Type, _ body: @escaping @Sendable (inout IAMService, Request, Principal) throws -> Response
    ) -> @Sendable (inout IAMService, JSONValue, Principal) throws -> JSONValue {
        { service, json, principal in
            let request = try decode(Request.self, from: json)
            return try AWSShapeEncoder.encode(try body(&service, request, principal))
        }
    }

    /// A call whose response keeps its camelCase member names, as Access Analyzer's API spells them.
    static func camelCase<Request: Decodable & Sendable, Response: Encodable & Sendable>(
        _ type: Request.Type, _ body: @escaping @Sendable (inout IAMService, Request, Principal) throws -> Response
    ) -> @Sendable (inout IAMService, JSONValue, Principal) throws -> JSONValue {
        { service, json, principal in
            let request = try decode(Request.self, from: json)
            return try encodeCamelCase(try body(&service, request, principal))
        }
    }

    /// A response as JSON with its Swift member names, sorted.
    static func encodeCamelCase(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try JSONParser.parse(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func decode<Request: Decodable & Sendable>(_ type: Request.Type, from json: JSONValue) throws -> Request {
        guard case .object(let members) = json else { return try ActionCall.decodeRequest(type, from: json) }
        let renamed = JSONValue.object(
            members.map { JSONMember(key: $0.key.prefix(1).lowercased() + $0.key.dropFirst(), value: $0.value) })
        do {
            return try JSONDecoder().decode(type, from: Data(JSONWriter.compact(renamed).utf8))
        } catch let error as DecodingError {
            throw RequestDecodingError(description: "invalid parameter: \(JSONPathDescription.describe(error))")
        }
    }
}
