import Foundation
import IAMCore

/// The IAM and STS clients for one endpoint, signed with one set of credentials.
///
/// STS answers `GetCallerIdentity` (which account the credentials are in). At AWS it has its
/// own endpoint: for `https://iam.amazonaws.com` (the default) that is `https://sts.amazonaws.com`;
/// for any other endpoint (an emulator such as moto serves every service at one address) it is
/// the same URL, unless `--sts-endpoint` says otherwise.
public struct RemoteConnection: Sendable {
    public static let defaultEndpoint = "https://iam.amazonaws.com"

    public var iam: QueryClient
    public var sts: QueryClient
    public var credentials: AWSCredentials

    /// Creates the clients; `endpoint` and `stsEndpoint` are URLs as typed, nil for the defaults.
    public init(
        endpoint: String?, stsEndpoint: String?, region: String, credentials: AWSCredentials,
        transport: any HTTPTransport = URLSessionTransport(), clock: any IAMClock = SystemClock()
    ) throws(RemoteSetupError) {
        let iamURL = try Self.url(endpoint ?? Self.defaultEndpoint, option: "--endpoint")
        let stsURL: URL
        if let stsEndpoint {
            stsURL = try Self.url(stsEndpoint, option: "--sts-endpoint")
        } else if iamURL.host == "iam.amazonaws.com" {
            stsURL = try Self.url("https://sts.amazonaws.com", option: "--sts-endpoint")
        } else {
            stsURL = iamURL
        }
        iam = QueryClient.iam(endpoint: iamURL, credentials: credentials, region: region, transport: transport)
        sts = QueryClient.sts(endpoint: stsURL, credentials: credentials, region: region, transport: transport)
        iam.clock = clock
        sts.clock = clock
        self.credentials = credentials
    }

    /// The endpoint as given (for messages).
    public var endpoint: String { iam.endpoint.absoluteString }

    private static func url(_ text: String, option: String) throws(RemoteSetupError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw RemoteSetupError(message: "\(option): expected an http:// or https:// URL, found '\(text)'")
        }
        return url
    }
}

/// Options that cannot make a connection: a malformed URL.
public struct RemoteSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
