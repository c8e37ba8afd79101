import Foundation

/// Finds credentials the way the AWS CLI does, from the variables and files it reads.
///
/// In order: `--profile NAME` (the shared credentials file only); `AWS_ACCESS_KEY_ID` with
/// `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`); the profile in `AWS_PROFILE`; the file's
/// `[default]` profile. The file is `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`.
public struct CredentialsResolver: Sendable {
    /// The process environment (or a test's).
    public var environment: [String: String]

    /// Creates a resolver reading `environment`.
    public init(environment: [String: String]) { self.environment = environment }

    /// The credentials file's path: `AWS_SHARED_CREDENTIALS_FILE`, else `$HOME/.aws/credentials`.
    public var credentialsFilePath: String {
        if let path = value("AWS_SHARED_CREDENTIALS_FILE") {
            return path.hasPrefix("~/") ? home + String(path.dropFirst(1)) : path
        }
        return home + "/.aws/credentials"
    }

    private var home: String { value("HOME") ?? NSHomeDirectory() }

    /// The Region to sign for: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1`
    /// (IAM is a global service whose endpoint signs for `us-east-1`).
    public var region: String { value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? "us-east-1" }

    /// The credentials to use; `profile` is the `--profile` option.
    public func resolve(profile: String?) throws(CredentialsError) -> AWSCredentials {
        if let profile, !profile.isEmpty { return try fromFile(profile: profile) }
        let id = value("AWS_ACCESS_KEY_ID")
        let secret = value("AWS_SECRET_ACCESS_KEY")
        switch (id, secret) {
        case (let id?, let secret?):
            return AWSCredentials(
                accessKeyId: id, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"),
                source: "the environment (AWS_ACCESS_KEY_ID)")
        case (.some, nil):
            throw CredentialsError(
                file: nil, line: nil, message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        case (nil, .some):
            throw CredentialsError(
                file: nil, line: nil, message: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (nil, nil):
            return try fromFile(profile: value("AWS_PROFILE") ?? "default")
        }
    }

    private func fromFile(profile: String) throws(CredentialsError) -> AWSCredentials {
        let path = credentialsFilePath
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CredentialsError(
                file: path, line: nil,
                message: exists
                    ? "cannot read the credentials file"
                    : "no credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set and the "
                        + "credentials file does not exist (profile \(profile))")
        }
        let file = try SharedCredentialsFile(path: path, text: String(decoding: data, as: UTF8.self))
        return try file.credentials(profile: profile)
    }

    private func value(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
