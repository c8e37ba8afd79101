import Foundation

/// A number for each distinct lowercased context key, the same in every request and policy of the process.
///
/// Why: a condition used to find its key in a request's context by comparing 64-bit hashes and then the two
/// strings, which sit in objects of their own (two cache misses when they are cold, and a `memcmp`). With a
/// number given to the key when the policy is parsed and when the request is prepared, the search compares
/// numbers only, and is exact: equal strings (by `String`'s `==`, Unicode canonical equivalence, as a
/// dictionary compares them) get the same number, and different strings different numbers.
enum ContextKeyIDs {
    /// The table and its lock; only ever read or written under the lock.
    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var numbers: [String: UInt32] = [:]
    }

    private static let table = Table()

    /// The number of `lowercasedKey`, given on first use.
    static func id(_ lowercasedKey: String) -> UInt32 {
        table.lock.lock()
        defer { table.lock.unlock() }
        if let known = table.numbers[lowercasedKey] { return known }
        let next = UInt32(truncatingIfNeeded: table.numbers.count)
        table.numbers[lowercasedKey] = next
        return next
    }
}
