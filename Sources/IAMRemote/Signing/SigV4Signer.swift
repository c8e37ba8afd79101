import Crypto
import Foundation
import IAMCore

/// Signs requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`) in the `Authorization` header.
///
/// ```swift
/// let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "iam")
/// var request = SigV4Request(method: "POST", path: "/", headers: [.init("Host", "iam.amazonaws.com")])
/// signer.sign(&request, at: Timestamp(Date()))
/// ```
///
/// Every header present when signing is signed; a session token is added as
/// `X-Amz-Security-Token` before signing, so it is signed too (as IAM and STS require).
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public var credentials: AWSCredentials
    public var region: String
    public var service: String

    /// Creates a signer for one service in one Region.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Adds `X-Amz-Date`, the session token if any, and `Authorization` to `request`.
    public func sign(_ request: inout SigV4Request, at time: Timestamp) {
        request.setHeader("X-Amz-Date", Self.amzDate(time))
        if let token = credentials.sessionToken { request.setHeader("X-Amz-Security-Token", token) }
        request.headers.removeAll { $0.name.lowercased() == "authorization" }
        request.headers.append(.init("Authorization", authorization(request, at: time)))
    }

    /// The `Authorization` header's value for `request` as it is (no headers added).
    public func authorization(_ request: SigV4Request, at time: Timestamp) -> String {
        let canonical = canonicalRequest(request)
        let signed = SigV4Canonical.headers(request.headers).map(\.name).joined(separator: ";")
        let signature = self.signature(stringToSign: stringToSign(canonicalRequest: canonical, at: time), at: time)
        return "\(Self.algorithm) Credential=\(credentials.accessKeyId)/\(scope(time)), "
            + "SignedHeaders=\(signed), Signature=\(signature)"
    }

    /// The canonical request: method, URI, query, headers, signed header names and the body's hash.
    public func canonicalRequest(_ request: SigV4Request) -> String {
        let headers = SigV4Canonical.headers(request.headers)
        return [
            request.method.uppercased(),
            SigV4Canonical.uri(request.path),
            SigV4Canonical.query(request.query),
            headers.map { "\($0.name):\($0.value)\n" }.joined(),
            headers.map(\.name).joined(separator: ";"),
            Self.hex(SHA256.hash(data: request.body)),
        ].joined(separator: "\n")
    }

    /// The string to sign: algorithm, time, credential scope and the canonical request's hash.
    public func stringToSign(canonicalRequest: String, at time: Timestamp) -> String {
        [
            Self.algorithm, Self.amzDate(time), scope(time),
            Self.hex(SHA256.hash(data: Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
    }

    /// The hex HMAC of `stringToSign` under the key derived for the day, Region and service.
    public func signature(stringToSign: String, at time: Timestamp) -> String {
        let key = SymmetricKey(data: signingKey(at: time))
        return Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    public func signingKey(at time: Timestamp) -> [UInt8] {
        var key = Array(("AWS4" + credentials.secretAccessKey).utf8)
        for part in [Self.dateStamp(time), region, service, "aws4_request"] {
            key = Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: SymmetricKey(data: key)))
        }
        return key
    }

    /// `DATE/REGION/SERVICE/aws4_request`.
    public func scope(_ time: Timestamp) -> String { "\(Self.dateStamp(time))/\(region)/\(service)/aws4_request" }

    /// `20150830T123600Z`: the basic ISO 8601 form, to the second, in UTC.
    public static func amzDate(_ time: Timestamp) -> String {
        let text = Timestamp(secondsSince1970: time.seconds).iso8601
        let digits = text.prefix(19).filter { $0 != "-" && $0 != ":" }
        return String(digits) + "Z"
    }

    /// `20150830`.
    public static func dateStamp(_ time: Timestamp) -> String { String(amzDate(time).prefix(8)) }

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
