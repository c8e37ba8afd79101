import Foundation

/// A number for each distinct lowercased context key, the same in every request and policy of the process.
///
/// Why: a condition used to find its key in a request's context by comparing 64-bit hashes and then the two
/// strings, which sit in objects of their own (two cache misses when they are cold, and a `memcmp`). With a
/// number given to the key when the policy is parsed and when the request is prepared, the search compares
/// numbers only, and is exact: equal strings (by `String`'s `==`, Unicode canonical equivalence, as a
/// dictionary compares them) get the same number, and different strings different numbers.
enum ContextKeyIDs {
    private static let table = InternTable<String>(first: 0)

    /// The number of `lowercasedKey`, given on first use.
    static func id(_ lowercasedKey: String) -> UInt32 { table.id(lowercasedKey) }
}

/// A number for each distinct leading run of an ARN's segments (`arn:aws:ec2:us-east-1:111122223333:`, each
/// segment with its colon, as bytes), the same in every request and policy of the process; never 0.
///
/// Why: a resource pattern's literal leading segments were stored as bytes (22 on average) and compared
/// with the request's; numbered when the policy is parsed and when the request is prepared, they take two
/// words in a pattern and compare as one number, exactly (equal bytes, equal numbers).
enum ResourcePrefixIDs {
    private static let table = InternTable<[UInt8]>(first: 1)

    /// The number of `prefix`, given on first use.
    static func id(_ prefix: [UInt8]) -> UInt32 { table.id(prefix) }
}

/// Numbers values in the order they are first seen; thread-safe.
private final class InternTable<Key: Hashable & Sendable>: @unchecked Sendable {
    /// Only ever read or written under `lock`.
    private let lock = NSLock()
    private var numbers: [Key: UInt32] = [:]
    private let first: UInt32

    init(first: UInt32) {
        self.first = first
    }

    func id(_ key: Key) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[key] { return known }
        let next = first &+ UInt32(truncatingIfNeeded: numbers.count)
        numbers[key] = next
        return next
    }
}
