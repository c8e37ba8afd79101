/// An access key pair, with the session token of temporary credentials, and where it came from.
///
/// The secret never appears in `description`, so printing credentials (or an error that holds
/// them) cannot leak it.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    /// The `X-Amz-Security-Token` of temporary credentials; nil for long-term keys.
    public var sessionToken: String?
    /// Where the credentials were read: `environment` or `FILE (profile NAME)`.
    public var source: String

    /// Creates credentials.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, source: String) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    /// The access key id and the source, never the secret or the token.
    public var description: String {
        "access key \(accessKeyId)\(sessionToken == nil ? "" : " (temporary)") from \(source)"
    }
}
