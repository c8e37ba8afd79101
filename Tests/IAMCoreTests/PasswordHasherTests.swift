import Testing

@testable import IAMCore

@Suite struct PasswordHasherTests {
    @Test func hashAndVerify() throws {
        let hash = PasswordHasher.hash("Correct-Horse-1", random: SeededRandomSource(seed: "pw"), iterations: 1000)
        let parts = hash.split(separator: "$")
        #expect(parts.count == 4)
        #expect(parts[0] == "pbkdf2-sha256")
        #expect(parts[1] == "1000")
        #expect(parts[2].count == 24)  // 16 bytes of salt in base64
        #expect(parts[3].count == 44)  // 32 bytes of key in base64
        #expect(PasswordHasher.verify("Correct-Horse-1", against: hash))
        #expect(!PasswordHasher.verify("Correct-Horse-2", against: hash))
        #expect(!PasswordHasher.verify("", against: hash))
    }

    @Test func sameSeedSameHashDifferentSaltDifferentHash() {
        let a = PasswordHasher.hash("pw", random: SeededRandomSource(seed: "x"), iterations: 1000)
        let b = PasswordHasher.hash("pw", random: SeededRandomSource(seed: "x"), iterations: 1000)
        let c = PasswordHasher.hash("pw", random: SeededRandomSource(seed: "y"), iterations: 1000)
        #expect(a == b)
        #expect(a != c)
        #expect(PasswordHasher.verify("pw", against: c))
    }

    @Test(arguments: [
        "", "pbkdf2-sha256$1000$c2FsdA==", "md5$1000$c2FsdA==$aGFzaA==", "pbkdf2-sha256$0$c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$abc$c2FsdA==$aGFzaA==", "pbkdf2-sha256$1000$***$aGFzaA==", "pbkdf2-sha256$1000$c2FsdA==$",
    ])
    func malformedHashesNeverVerify(stored: String) {
        #expect(!PasswordHasher.verify("pw", against: stored))
    }

    @Test func defaultsAndConstantTimeCompare() {
        #expect(PasswordHasher.defaultIterations == 600_000)
        #expect(PasswordHasher.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!PasswordHasher.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!PasswordHasher.constantTimeEquals([1, 2], [1, 2, 3]))
        #expect(!PasswordHasher.constantTimeEquals([], []))
        #expect(SecretHasher.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecretHasher.verify("abc", against: SecretHasher.hash("abc")))
        #expect(!SecretHasher.verify("abd", against: SecretHasher.hash("abc")))
    }
}
