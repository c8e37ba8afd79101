import Crypto
import Foundation

/// A source of random bytes for identifiers, secrets and salts, injected so that tests are reproducible.
public protocol RandomSource: Sendable {
    /// Returns `count` random bytes.
    func bytes(_ count: Int) -> [UInt8]
}

/// Cryptographically secure randomness from the operating system.
public struct SystemRandomSource: RandomSource {
    public init() {}
    public func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

/// A deterministic stream of bytes derived from a seed with SHA-256 in counter mode.
///
/// Reproducible across runs and platforms, so tests can assert generated ids.
public final class SeededRandomSource: RandomSource, @unchecked Sendable {
    private let seed: [UInt8]
    private let lock = NSLock()
    private var counter: UInt64 = 0

    public init(seed: String) { self.seed = Array(seed.utf8) }

    public func bytes(_ count: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        var output: [UInt8] = []
        output.reserveCapacity(count)
        while output.count < count {
            var hasher = SHA256()
            hasher.update(data: seed)
            withUnsafeBytes(of: counter.bigEndian) { hasher.update(data: Array($0)) }
            counter += 1
            output.append(contentsOf: hasher.finalize())
        }
        return Array(output.prefix(count))
    }
}

extension RandomSource {
    /// `count` characters of RFC 4648 base32 (`A–Z`, `2–7`), the alphabet of IAM unique ids.
    public func base32(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return String(bytes(count).map { alphabet[Int($0 & 31)] })
    }

    /// `count` characters of the base64 alphabet, the shape of a secret access key.
    public func base64Characters(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        return String(bytes(count).map { alphabet[Int($0 & 63)] })
    }
}
