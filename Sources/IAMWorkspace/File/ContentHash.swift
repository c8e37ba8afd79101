import Foundation

/// A cheap 64-bit content fingerprint: FNV-1a's xor-then-multiply step applied to 8-byte little-endian words
/// (and to the trailing bytes one at a time).
///
/// It is not byte-wise FNV-1a: one multiply per word instead of per byte makes a 20 MB workspace hash in a few
/// milliseconds. It detects accidental change, not tampering.
public enum ContentHash {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The fingerprint of `data`.
    public static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of($0) }
    }

    /// The fingerprint of the bytes in `buffer`.
    public static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash = offsetBasis
        let count = buffer.count
        let wordCount = count / 8
        var offset = 0
        for _ in 0..<wordCount {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ word) &* prime
            offset += 8
        }
        while offset < count {
            hash = (hash ^ UInt64(buffer[offset])) &* prime
            offset += 1
        }
        // Mixing in the length keeps inputs that differ only by trailing zero bytes apart.
        return (hash ^ UInt64(count)) &* prime
    }
}
