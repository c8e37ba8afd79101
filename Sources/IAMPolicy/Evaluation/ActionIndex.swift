/// Which statements of a policy can match a request's action, built once when the policy is parsed and
/// then packed into ``PolicyIndex``.
///
/// A request names one service, and an `Action` pattern with a literal service (`s3:Get*`) can only match
/// actions of that service (``ActionPattern``), so most statements of a policy fail on their action. The
/// index keeps, per literal service, the statements that can match an action of it, each with only the
/// patterns that can matter: the name patterns of that service and the patterns whose service part has a
/// wildcard (`*`, `s3*:Get*`), matched against the whole action. `NotAction` statements are candidates for
/// every service, since they match whatever their patterns miss. A service the policy never names gets the
/// `fallback` bucket: wildcard-service patterns and `NotAction` only.
///
/// Entries keep statement order, so evaluating the candidates in order reports matched statements and
/// missing context keys exactly as a scan of every statement does.
struct ActionIndex: Sendable {
    /// A run of ``elements``: one pattern, matched against the action's name, or the whole action.
    struct PatternRef: Sendable {
        var start: Int32
        var count: Int32
        var matchesWholeAction: Bool
    }

    /// A candidate statement and its relevant patterns (a run of ``patterns``).
    struct Entry: Sendable {
        var statement: Int32
        var negated: Bool
        var patternStart: Int32
        var patternCount: Int32
    }

    /// A run of ``entries``.
    struct Bucket: Sendable {
        var start: Int32
        var count: Int32
    }

    private(set) var elements: [UInt16] = []
    private(set) var patterns: [PatternRef] = []
    private(set) var entries: [Entry] = []
    /// Sorted; `services` and `buckets` are parallel to it.
    private(set) var serviceHashes: [UInt64] = []
    private(set) var services: [[UInt8]] = []
    private(set) var buckets: [Bucket] = []
    private(set) var fallback = Bucket(start: 0, count: 0)

    init(_ statements: [ParsedStatement]) {
        // Hash collisions only put two buckets under one hash; lookup compares the bytes.
        var seen = Set<[UInt8]>()
        var distinct: [[UInt8]] = []
        for statement in statements {
            for case let service? in statement.actionPatterns.map(\.service) where seen.insert(service).inserted {
                distinct.append(service)
            }
        }
        distinct.sort { lhs, rhs in
            let (left, right) = (Self.hash(lhs), Self.hash(rhs))
            return left != right ? left < right : lhs.lexicographicallyPrecedes(rhs)
        }
        for service in distinct {
            serviceHashes.append(Self.hash(service))
            services.append(service)
            buckets.append(addBucket(statements, service: service))
        }
        fallback = addBucket(statements, service: nil)
    }

    /// Appends the entries of the statements that can match an action of `service` (`nil`: any other service).
    private mutating func addBucket(_ statements: [ParsedStatement], service: [UInt8]?) -> Bucket {
        let start = entries.count
        for (position, statement) in statements.enumerated() {
            let negated: Bool
            switch statement.actions {
            case .absent: continue
            case .listed: negated = false
            case .negated: negated = true
            }
            let patternStart = patterns.count
            for pattern in statement.actionPatterns {
                let whole = pattern.service == nil
                guard whole || (service != nil && pattern.service == service) else { continue }
                patterns.append(
                    PatternRef(
                        start: Int32(elements.count), count: Int32(pattern.name.elements.count),
                        matchesWholeAction: whole))
                elements.append(contentsOf: pattern.name.elements)
            }
            // A listed statement without a relevant pattern cannot match; a negated one then always does.
            guard negated || patterns.count > patternStart else { continue }
            entries.append(
                Entry(
                    statement: Int32(position), negated: negated, patternStart: Int32(patternStart),
                    patternCount: Int32(patterns.count - patternStart)))
        }
        return Bucket(start: Int32(start), count: Int32(entries.count - start))
    }

    /// FNV-1a: cheap, computed once per request and once per service at parse time.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }
}

/// The request's service (the part of the action before the colon), lowercased and hashed once.
struct RequestService {
    let hash: UInt64
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ action: RequestAction) {
        bytes = action.service
        hash = ActionIndex.hash(action.service.lazy.map(lowerASCII))
    }

    /// Compares as ``ActionPattern`` does: the pattern's service is lowercased, the request's is folded here.
    func equals(_ service: UnsafeBufferPointer<UInt16>) -> Bool {
        guard service.count == bytes.count else { return false }
        for index in 0..<service.count where service[index] != UInt16(lowerASCII(bytes[index])) { return false }
        return true
    }
}
