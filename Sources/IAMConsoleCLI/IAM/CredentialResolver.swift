import Foundation
import IAMCore

/// A credential problem, reported the way the AWS CLI reports it.
struct CredentialError: Error {
    let message: String
    let exitCode: Int32
}

/// Finds the principal a CLI call acts as. There is no silent root: the caller names an access key
/// through AWS's environment variables, or asks for root with `--root` and types the root password.
enum CredentialResolver {
    static func principal(root: Bool, environment: CLIEnvironment, account: Account) throws -> Principal {
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
        if let token = variables["AWS_SESSION_TOKEN"], !token.isEmpty {
            throw CredentialError(
                message: "\nAn error occurred (InvalidClientTokenId) when checking credentials: "
                    + "The security token included in the request is invalid.",
                exitCode: 254)
        }
        guard let principal = account.principal(forAccessKey: keyId, secret: secret) else {
            // A deactivated key is refused like an unknown one, as AWS does; only an active key with the
            // wrong secret is a signature mismatch.
            let isActive: (AccessKey) -> Bool = { $0.id == keyId && $0.status == .active }
            let known =
                account.root.accessKeys.contains(where: isActive)
                || account.users.values.contains { $0.accessKeys.contains(where: isActive) }
            let message =
                known
                ? "\nAn error occurred (SignatureDoesNotMatch) when checking credentials: The request signature we "
                    + "calculated does not match the signature you provided. Check your AWS Secret Access Key and "
                    + "signing method. Consult the service documentation for details."
                : "\nAn error occurred (InvalidClientTokenId) when checking credentials: "
                    + "The security token included in the request is invalid."
            throw CredentialError(message: message, exitCode: 254)
        }
        return principal
    }
}
