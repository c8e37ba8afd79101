import Foundation
import IAMPolicy

/// Turns requests and responses into a record's `requestParameters` and `responseElements`:
/// CloudTrail's camelCase member names, and no secret.
///
/// Secrets are recognised by member name. In requests their values become CloudTrail's
/// `HIDDEN_DUE_TO_SECURITY_REASONS`, so the record still shows that a password was given; in
/// responses they are left out, as CloudTrail leaves `secretAccessKey` out of CreateAccessKey.
/// Policy documents are not secrets and are kept.
public enum AuditRedaction {
    /// What CloudTrail writes in place of a value it must not log.
    public static let hidden = "HIDDEN_DUE_TO_SECURITY_REASONS"

    /// Member names (lowercased) whose values are secrets: passwords, secret access keys, session
    /// tokens, MFA seeds and codes, QR codes that carry a seed, security-key material.
    static let secretNames: Set<String> = [
        "password", "oldpassword", "newpassword", "passwordhash", "secretaccesskey", "sessiontoken",
        "base32stringseed", "qrcodepng", "seed", "authenticationcode", "authenticationcode1",
        "authenticationcode2", "tokencode", "credentialid", "signature", "privatekey",
    ]

    /// Whether a member of this name holds a secret.
    public static func isSecret(_ name: String) -> Bool { secretNames.contains(name.lowercased()) }

    /// `value` (as `AWSShapeEncoder` writes it) with camelCase names and hidden secrets.
    static func requestParameters(_ value: JSONValue) -> JSONValue {
        let converted = transform(value, dropSecrets: false)
        if case .object(let members) = converted, members.isEmpty { return .null }
        return converted
    }

    /// `value` (as `AWSShapeEncoder` writes it) with camelCase names and no secrets; `null` when
    /// nothing is left, as CloudTrail writes for actions that return no data.
    static func responseElements(_ value: JSONValue) -> JSONValue {
        let converted = transform(value, dropSecrets: true)
        if case .object(let members) = converted, members.isEmpty { return .null }
        return converted
    }

    /// The non-empty string values of secret members anywhere in `value`, to keep them out of
    /// messages that might echo a request (a validation error quoting an MFA code).
    static func secretValues(in value: JSONValue) -> [String] {
        switch value {
        case .object(let members):
            return members.flatMap { member -> [String] in
                if isSecret(member.key), let text = member.value.stringValue, !text.isEmpty { return [text] }
                return secretValues(in: member.value)
            }
        case .array(let items):
            return items.flatMap(secretValues(in:))
        default:
            return []
        }
    }

    /// `text` with every occurrence of `secrets` hidden.
    static func scrub(_ text: String, secrets: [String]) -> String {
        secrets.reduce(text) { $1.isEmpty ? $0 : $0.replacingOccurrences(of: $1, with: hidden) }
    }

    private static func transform(_ value: JSONValue, dropSecrets: Bool) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(
                members.compactMap { member in
                    if isSecret(member.key) {
                        if dropSecrets || member.value.isNull { return nil }
                        return JSONMember(key: camelCase(member.key), value: .string(hidden))
                    }
                    return JSONMember(
                        key: camelCase(member.key), value: transform(member.value, dropSecrets: dropSecrets))
                })
        case .array(let items):
            return .array(items.map { transform($0, dropSecrets: dropSecrets) })
        default:
            return value
        }
    }

    /// `UserName` → `userName`: CloudTrail lowers the first letter of AWS's member names.
    static func camelCase(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }
}
