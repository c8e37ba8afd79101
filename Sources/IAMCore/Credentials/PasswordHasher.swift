import Crypto
import Foundation
import _CryptoExtras

/// Password hashing with PBKDF2-HMAC-SHA256 in a self-describing string,
/// `pbkdf2-sha256$ITERATIONS$SALT$HASH` (salt and hash in base64), so the cost can be raised later
/// while old hashes keep verifying.
public enum PasswordHasher {
    /// OWASP's current recommendation for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000

    /// Hashes a password with a fresh 16-byte salt.
    public static func hash(_ password: String, random: any RandomSource, iterations: Int = defaultIterations) -> String
    {
        let salt = random.bytes(16)
        let derived = derive(password, salt: salt, iterations: iterations)
        return "pbkdf2-sha256$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    /// Whether the password matches the stored hash; the comparison takes the same time wherever they differ.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]), iterations > 0,
            let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3]))
        else { return false }
        let derived = derive(password, salt: Array(salt), iterations: iterations, length: expected.count)
        return constantTimeEquals(derived, Array(expected))
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int, length: Int = 32) -> [UInt8] {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: Data(password.utf8), salt: salt, using: .sha256, outputByteCount: length,
                unsafeUncheckedRounds: iterations)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            // Only an impossible parameter set fails; an empty result never verifies.
            return []
        }
    }

    /// Compares two byte strings without an early exit, so timing reveals nothing of where they differ.
    public static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count, !lhs.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in 0..<lhs.count { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

/// Hashing of access-key secrets. Secrets are 40 random characters, so a fast hash suffices to keep
/// them out of the workspace while still verifying requests.
public enum SecretHasher {
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public static func verify(_ secret: String, against stored: String) -> Bool {
        PasswordHasher.constantTimeEquals(Array(hash(secret).utf8), Array(stored.utf8))
    }
}
