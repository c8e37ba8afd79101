import Foundation
import IAMCore

/// A credential problem, reported the way the AWS CLI reports it.
struct CredentialError: Error {
    let message: String
    let exitCode: Int32
}

/// Who a CLI call says it is, before the credentials are checked against the account.
enum CallerCredentials: Equatable {
    /// `--root`, with the root password already checked.
    case root
    /// An access key from AWS's environment variables: long-term, or temporary with its session token.
    case accessKey(id: String, secret: String, sessionToken: String?)
}

/// Finds the credentials a CLI call acts with. There is no silent root: the caller names an access key
/// through AWS's environment variables, or asks for root with `--root` and types the root password.
/// The key itself is checked by `Account.authenticate` when the call runs, under the workspace lock.
enum CredentialResolver {
    static func credentials(root: Bool, environment: CLIEnvironment, account: Account) throws -> CallerCredentials {
        if root {
            guard let password = SecretInput.read(prompt: "Root password for \(account.root.email): ") else {
                throw CredentialError(
                    message: "iamconsole: error: --root needs the root password on standard input", exitCode: 253)
            }
            guard PasswordHasher.verify(password, against: account.root.passwordHash) else {
                throw CredentialError(
                    message:
                        "\nAn error occurred (AccessDenied) when signing in as the root user: the password is incorrect.",
                    exitCode: 254)
            }
            return .root
        }
        let variables = environment.variables
        guard let keyId = variables["AWS_ACCESS_KEY_ID"], !keyId.isEmpty else {
            throw CredentialError(
                message: "Unable to locate credentials. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to an access "
                    + "key of the workspace, or use --root and type the root password.",
                exitCode: 253)
        }
        guard let secret = variables["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty else {
            throw CredentialError(
                message: "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY", exitCode: 253)
        }
        let token = variables["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return .accessKey(id: keyId, secret: secret, sessionToken: token)
    }
}
