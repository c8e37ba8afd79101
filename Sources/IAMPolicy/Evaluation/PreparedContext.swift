/// A request's context in the form the evaluator searches: keys lowercased and hashed, and the keys AWS
/// derives from the principal already computed, built once when the request is made or changed.
///
/// Why not a dictionary: a condition's key is hashed once, at parse time (``ParsedCondition/lookupHash``),
/// so a lookup is a scan of a dozen 64-bit hashes in one or two cache lines and one string comparison,
/// where `Dictionary<String, _>` hashes the key on every lookup.
final class PreparedContext: Sendable {
    /// Parallel to `keys` and `values`: explicit context keys first, then the derived keys they do not shadow.
    private let hashes: [UInt64]
    private let keys: [String]
    private let values: [ContextValue]

    init(_ context: [String: ContextValue], principal: EvaluationPrincipal) {
        var hashes: [UInt64] = []
        var keys: [String] = []
        var values: [ContextValue] = []
        hashes.reserveCapacity(context.count + 4)
        keys.reserveCapacity(context.count + 4)
        values.reserveCapacity(context.count + 4)
        func add(_ key: String, _ value: ContextValue) {
            let hash = Self.hash(key)
            // First spelling wins when a caller passes one key twice in different cases.
            for index in hashes.indices where hashes[index] == hash && keys[index] == key { return }
            hashes.append(hash)
            keys.append(key)
            values.append(value)
        }
        // Without an ASCII capital in any key, the keys are taken as they are (a non-ASCII capital stays).
        let alreadyLower = context.keys.allSatisfy { key in
            key.utf8.allSatisfy { !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
        }
        for (key, value) in context {
            // Keys are nearly always ASCII, which lowers byte by byte much faster than `lowercased()`.
            let lowerKey =
                alreadyLower
                ? key
                : key.utf8.allSatisfy { $0 < 0x80 }
                    ? String(decoding: key.utf8.map(lowerASCII), as: UTF8.self) : key.lowercased()
            add(lowerKey, value)
        }
        for (key, value) in Self.derived(principal) { add(key, .string(value)) }
        self.hashes = hashes
        self.keys = keys
        self.values = values
    }

    /// The value of `key`, given in lowercase with its ``hash(_:)``.
    @inline(__always)
    func value(hash: UInt64, lowercasedKey key: String) -> ContextValue? {
        for index in hashes.indices where hashes[index] == hash && keys[index] == key { return values[index] }
        return nil
    }

    /// `String`'s own hash, computed once per key (at parse time for a policy's keys): equal strings, which
    /// `==` decides by Unicode canonical equivalence, hash equal, so the search finds what a dictionary would.
    static func hash(_ key: String) -> UInt64 {
        UInt64(UInt(bitPattern: key.hashValue))
    }

    /// *Variables and tags*, principal-derived keys: `aws:username` exists only for IAM users, and
    /// `aws:PrincipalArn` of a role session is the role's ARN.
    private static func derived(_ principal: EvaluationPrincipal) -> [(String, String)] {
        guard principal.isAccountIdentity else { return [] }
        var keys: [(String, String)] = []
        if case .user = principal.kind, let name = principal.arn.split(separator: "/").last {
            keys.append(("aws:username", String(name)))
        }
        if case .assumedRole(let roleArn) = principal.kind {
            keys.append(("aws:principalarn", roleArn))
        } else {
            keys.append(("aws:principalarn", principal.arn))
        }
        keys.append(("aws:principalaccount", principal.accountId))
        let type: String
        switch principal.kind {
        case .root: type = "Account"
        case .user: type = "User"
        case .federatedUser: type = "FederatedUser"
        default: type = "AssumedRole"
        }
        keys.append(("aws:principaltype", type))
        return keys
    }
}
