import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.2 Principal"
private let readerRoleArn = "arn:aws:iam::444455556666:role/team/Reader"
private let readerSession = EvaluationPrincipal(
    arn: "arn:aws:sts::444455556666:assumed-role/Reader/job-7", accountId: accountB,
    kind: .assumedRole(roleArn: readerRoleArn))
private let rootB = EvaluationPrincipal(arn: "arn:aws:iam::444455556666:root", accountId: accountB, kind: .root)

/// Cross-account, so the resource policy decides whether the principal is named and the identity side allows.
private func principalCase(
    _ note: String, _ principalJSON: String, _ principal: EvaluationPrincipal, _ named: Bool
)
    -> EvalCase
{
    EvalCase(
        rule: "\(rule): \(note)", principal: principal, resourceAccount: accountA, identity: [allowAll],
        resourcePolicy: resourceDoc(principal: principalJSON), expected: named ? .allowed : .implicitDeny)
}

private func servicePrincipalCase(
    _ note: String, _ principalJSON: String, _ principal: EvaluationPrincipal,
    _ named: Bool
) -> EvalCase {
    EvalCase(
        rule: "\(rule): \(note)", principal: principal, resourcePolicy: resourceDoc(principal: principalJSON),
        expected: named ? .allowed : .implicitDeny)
}

@Suite struct PrincipalMatchingTests {
    static let cases: [EvalCase] = [
        principalCase("exact user ARN", "{\"AWS\": \"\(bob.arn)\"}", bob, true),
        principalCase("user ARN of another user", "{\"AWS\": \"arn:aws:iam::444455556666:user/bobby\"}", bob, false),
        principalCase("user ARN is case-sensitive", "{\"AWS\": \"arn:aws:iam::444455556666:user/Bob\"}", bob, false),
        principalCase("account ID covers its users", "{\"AWS\": \"\(accountB)\"}", bob, true),
        principalCase("account root ARN covers its users", "{\"AWS\": \"arn:aws:iam::444455556666:root\"}", bob, true),
        principalCase("account ID of another account", "{\"AWS\": \"999988887777\"}", bob, false),
        principalCase("'*' covers everyone", "\"*\"", bob, true),
        principalCase("{AWS: '*'} covers everyone", "{\"AWS\": \"*\"}", bob, true),
        principalCase("no partial wildcards: user/*", "{\"AWS\": \"arn:aws:iam::444455556666:user/*\"}", bob, false),
        principalCase("no partial wildcards: account *", "{\"AWS\": \"arn:aws:iam::*:user/bob\"}", bob, false),
        principalCase("a list, one entry names the user", "{\"AWS\": [\"999988887777\", \"\(bob.arn)\"]}", bob, true),
        principalCase("role ARN covers its sessions", "{\"AWS\": \"\(readerRoleArn)\"}", readerSession, true),
        principalCase("session ARN names the session", "{\"AWS\": \"\(readerSession.arn)\"}", readerSession, true),
        principalCase(
            "another session of the role is not named",
            "{\"AWS\": \"arn:aws:sts::444455556666:assumed-role/Reader/other\"}", readerSession, false),
        principalCase(
            "another role is not named", "{\"AWS\": \"arn:aws:iam::444455556666:role/Writer\"}",
            readerSession, false),
        principalCase("account covers role sessions", "{\"AWS\": \"\(accountB)\"}", readerSession, true),
        principalCase("user ARN does not name a role session", "{\"AWS\": \"\(bob.arn)\"}", readerSession, false),
        principalCase("account covers its root user", "{\"AWS\": \"\(accountB)\"}", rootB, true),
        principalCase("user ARN does not cover the root user", "{\"AWS\": \"\(bob.arn)\"}", rootB, false),
        principalCase(
            "federated user ARN", "{\"AWS\": \"arn:aws:sts::444455556666:federated-user/dan\"}",
            EvaluationPrincipal(
                arn: "arn:aws:sts::444455556666:federated-user/dan", accountId: accountB,
                kind: .federatedUser), true),
        servicePrincipalCase("Service principal", "{\"Service\": \"s3.amazonaws.com\"}", s3Service, true),
        servicePrincipalCase(
            "Service principal of another service", "{\"Service\": \"ec2.amazonaws.com\"}",
            s3Service, false),
        servicePrincipalCase(
            "Service in a list", "{\"Service\": [\"ec2.amazonaws.com\", \"s3.amazonaws.com\"]}",
            s3Service, true),
        servicePrincipalCase("AWS account does not name a service", "{\"AWS\": \"\(accountA)\"}", s3Service, false),
        servicePrincipalCase(
            "Federated provider",
            "{\"Federated\": \"arn:aws:iam::111122223333:saml-provider/Okta\"}",
            EvaluationPrincipal(
                arn: "arn:aws:iam::111122223333:saml-provider/Okta", accountId: accountA,
                kind: .identityProvider), true),
        servicePrincipalCase(
            "Federated web identity provider", "{\"Federated\": \"cognito-identity.amazonaws.com\"}",
            EvaluationPrincipal(arn: "accounts.google.com", accountId: "", kind: .identityProvider), false),
        servicePrincipalCase(
            "CanonicalUser", "{\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbace\"}",
            EvaluationPrincipal(arn: "79a59df900b949e55d96a1e698fbace", accountId: "", kind: .canonicalUser), true),
        servicePrincipalCase(
            "CanonicalUser does not name a user", "{\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbace\"}",
            alice, false),
        servicePrincipalCase("'*' names a service too", "\"*\"", s3Service, true),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
