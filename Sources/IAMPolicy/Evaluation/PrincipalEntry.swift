/// One principal named in a `Principal` or `NotPrincipal` element (*IAM JSON policy elements: Principal*).
public enum PrincipalEntry: Sendable, Equatable {
    /// `"*"` or `{"AWS": "*"}`: every principal, anonymous callers included.
    case anyone
    /// An account, written as its 12-digit ID or `arn:aws:iam::ACCT:root`; the two are equivalent.
    case account(String)
    /// An exact ARN: a user, a role (which covers its sessions), a role session or a federated user.
    /// There are no partial wildcards, so a `*` inside it is a literal character.
    case arn(String)
    /// `{"Service": …}`.
    case service(String)
    /// `{"Federated": …}`.
    case federated(String)
    /// `{"CanonicalUser": …}`.
    case canonicalUser(String)

    /// Classifies one value under `AWS`.
    init(aws value: String) {
        if value == "*" {
            self = .anyone
        } else if value.utf8.count == 12, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            self = .account(value)
        } else if let arn = ARN(value), arn.service == "iam", arn.region.isEmpty, arn.resource == "root" {
            self = .account(arn.account)
        } else {
            self = .arn(value)
        }
    }
}

/// How strongly a resource policy that names the principal grants access in the same account
/// (POLICY-EVALUATION §1.1 step 3). Ordered: a stronger grant wins when several statements allow.
enum PrincipalGrant: Int, Comparable {
    /// The account is named: it delegates to the account, so an identity allow is still needed.
    case account
    /// The role is named and a session of it asks: limited by an implicit deny in the boundary or a session policy.
    case role
    /// The user, session, federated user, service, provider or `*` is named: nothing else is needed.
    case direct

    static func < (lhs: PrincipalGrant, rhs: PrincipalGrant) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension PrincipalEntry {
    /// How this entry names `principal`, or `nil` when it does not.
    func grant(for principal: EvaluationPrincipal) -> PrincipalGrant? {
        switch self {
        case .anyone:
            return .direct
        case .account(let account):
            // *Policy evaluation logic*: naming the account covers every identity in it, not only the root user.
            return principal.isAccountIdentity && principal.accountId == account ? .account : nil
        case .arn(let arn):
            switch principal.kind {
            case .user, .federatedUser:
                return principal.arn == arn ? .direct : nil
            case .role:
                return principal.arn == arn ? .role : nil
            case .assumedRole(let roleArn):
                if principal.arn == arn { return .direct }
                return roleArn == arn ? .role : nil
            default:
                return nil
            }
        case .service(let name):
            guard case .service = principal.kind else { return nil }
            return equalIgnoringASCIICase(name, principal.arn) ? .direct : nil
        case .federated(let provider):
            guard case .identityProvider = principal.kind else { return nil }
            return provider == principal.arn ? .direct : nil
        case .canonicalUser(let id):
            guard case .canonicalUser = principal.kind else { return nil }
            return id == principal.arn ? .direct : nil
        }
    }
}

/// The parsed `Principal` or `NotPrincipal` element of a statement.
struct PrincipalSet: Sendable, Equatable {
    let entries: [PrincipalEntry]

    /// The strongest grant any entry gives `principal`.
    func grant(for principal: EvaluationPrincipal) -> PrincipalGrant? {
        var best: PrincipalGrant?
        for entry in entries {
            guard let grant = entry.grant(for: principal) else { continue }
            if grant == .direct { return grant }
            best = max(best ?? grant, grant)
        }
        return best
    }

    /// Whether `principal` is exempt from a `NotPrincipal`: *Principal* (NotPrincipal) asks to list the
    /// whole chain (session ARN, role ARN and account; or user ARN and account), so every link must be listed.
    /// Choice: a principal listed without its account is still covered by the statement.
    func exempts(_ principal: EvaluationPrincipal) -> Bool {
        if entries.contains(.anyone) { return true }
        let listsAccount = entries.contains(.account(principal.accountId))
        switch principal.kind {
        case .root:
            return listsAccount
        case .user, .role, .federatedUser:
            return listsAccount && entries.contains(.arn(principal.arn))
        case .assumedRole(let roleArn):
            return listsAccount && entries.contains(.arn(principal.arn)) && entries.contains(.arn(roleArn))
        case .service, .identityProvider, .canonicalUser:
            return entries.contains { $0.grant(for: principal) != nil }
        case .anonymous:
            return false
        }
    }
}

func equalIgnoringASCIICase(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.count == rhs.utf8.count && zip(lhs.utf8, rhs.utf8).allSatisfy { lowerASCII($0) == lowerASCII($1) }
}

/// `lowered == text.lowercased()` for an ASCII `text`, without making the lowercased copy. A non-ASCII
/// `lowered` is compared as a `String`, since `==` is Unicode canonical equivalence.
func equalIgnoringASCIICase(lowered: String, _ text: String) -> Bool {
    guard lowered.utf8.allSatisfy({ $0 < 0x80 }) else { return lowered == text.lowercased() }
    return lowered.utf8.count == text.utf8.count && zip(lowered.utf8, text.utf8).allSatisfy { $0 == lowerASCII($1) }
}
