import IAMPolicy

/// Reads the `principal` of a `policy evaluate` request: the caller's ARN, from which the evaluator's
/// principal kind and account are derived.
///
/// | written as | kind | account |
/// |---|---|---|
/// | `arn:aws:iam::ACCT:root`, or the bare 12-digit `ACCT` | root | ACCT |
/// | `arn:aws:iam::ACCT:user/PATH/NAME` | user | ACCT |
/// | `arn:aws:iam::ACCT:role/PATH/NAME` | role (acting without a session) | ACCT |
/// | `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION` | role session of `arn:aws:iam::ACCT:role/ROLE` | ACCT |
/// | `arn:aws:sts::ACCT:federated-user/NAME` | federated user | ACCT |
/// | `arn:aws:iam::ACCT:saml-provider/NAME`, `…:oidc-provider/HOST` | identity provider | ACCT |
/// | `NAME.amazonaws.com` (or `.amazonaws.com.cn`) | service | none |
/// | `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`, `cognito-identity.amazonaws.com` | identity provider | none |
/// | 64 hexadecimal digits | S3 canonical user | none |
/// | `*` or `anonymous` | anonymous caller | none |
///
/// A session ARN does not carry its role's path, so a session's role ARN is taken without one.
enum RequestPrincipal {
    /// The principal `text` names, or a message saying why it names none.
    static func parse(_ text: String) -> Result<EvaluationPrincipal, RequestLineError> {
        if text == "*" || text == "anonymous" {
            return .success(EvaluationPrincipal(arn: "*", accountId: "", kind: .anonymous))
        }
        if isAccountId(text) {
            return .success(EvaluationPrincipal(arn: "arn:aws:iam::\(text):root", accountId: text, kind: .root))
        }
        if text.hasPrefix("arn:") {
            return arnPrincipal(text).map(Result.success) ?? .failure(invalid(text))
        }
        if webIdentityProviders.contains(text) {
            return .success(EvaluationPrincipal(arn: text, accountId: "", kind: .identityProvider))
        }
        if text.hasSuffix(".amazonaws.com") || text.hasSuffix(".amazonaws.com.cn") {
            return .success(EvaluationPrincipal(arn: text, accountId: "", kind: .service))
        }
        if text.utf8.count == 64, text.utf8.allSatisfy(isLowerHexDigit) {
            return .success(EvaluationPrincipal(arn: text, accountId: "", kind: .canonicalUser))
        }
        return .failure(invalid(text))
    }

    private static let webIdentityProviders: Set<String> = [
        "accounts.google.com", "graph.facebook.com", "www.amazon.com", "cognito-identity.amazonaws.com",
    ]

    private static func invalid(_ text: String) -> RequestLineError {
        RequestLineError(
            "principal: '\(text)' is not a root, user, role, assumed-role or federated-user ARN, an account ID, "
                + "a service principal (NAME.amazonaws.com), an identity provider, or *")
    }

    /// `arn:PARTITION:SERVICE::ACCOUNT:RESOURCE` for the identities of an account.
    private static func arnPrincipal(_ text: String) -> EvaluationPrincipal? {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, !parts[1].isEmpty, parts[3].isEmpty, isAccountId(parts[4]) else { return nil }
        let (partition, service, account, resource) = (parts[1], parts[2], parts[4], parts[5])
        func principal(_ kind: EvaluationPrincipal.Kind) -> EvaluationPrincipal {
            EvaluationPrincipal(arn: text, accountId: account, kind: kind)
        }
        switch service {
        case "iam":
            if resource == "root" { return principal(.root) }
            if hasName(resource, after: "user/") { return principal(.user) }
            if hasName(resource, after: "role/") { return principal(.role) }
            if hasName(resource, after: "saml-provider/") || hasName(resource, after: "oidc-provider/") {
                return principal(.identityProvider)
            }
            return nil
        case "sts":
            if hasName(resource, after: "federated-user/") { return principal(.federatedUser) }
            guard resource.hasPrefix("assumed-role/") else { return nil }
            let names = resource.dropFirst("assumed-role/".count).split(
                separator: "/", omittingEmptySubsequences: false)
            guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { return nil }
            return principal(.assumedRole(roleArn: "arn:\(partition):iam::\(account):role/\(names[0])"))
        default:
            return nil
        }
    }

    private static func hasName(_ resource: String, after prefix: String) -> Bool {
        resource.hasPrefix(prefix) && resource.utf8.count > prefix.utf8.count && !resource.hasSuffix("/")
    }

    private static func isAccountId(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func isLowerHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
