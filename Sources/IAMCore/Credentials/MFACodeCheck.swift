/// How codes from a TOTP device are checked: each code is accepted once, within one time step of
/// the device's clock (as last synchronised), and pairs must be consecutive.
public enum MFACodeCheck {
    /// Steps either side of the expected one accepted at sign-in and enrolment: one step of drift.
    public static let window = 1
    /// Steps either side searched by ResyncMFADevice (ten minutes each way), for tokens whose clock drifted.
    public static let resyncWindow = 20

    /// Whether `code` has AWS's shape: exactly six ASCII digits.
    public static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == TOTP.digits && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The step `code` belongs to, if it is a fresh code of `device` near `now`.
    static func matchingStep(_ code: String, device: MFADevice, at now: Timestamp) -> Int? {
        guard isWellFormed(code), let secret = device.seed.flatMap(Base32.decode), !secret.isEmpty else { return nil }
        let expected = Int(TOTP.step(at: now)) + (device.driftSteps ?? 0)
        for offset in offsets(within: window) {
            let step = expected + offset
            if step > (device.lastUsedStep ?? Int.min),
                PasswordHasher.constantTimeEquals(
                    Array(TOTP.code(secret: secret, step: Int64(step)).utf8), Array(code.utf8))
            {
                return step
            }
        }
        return nil
    }

    /// The step of `second` when `first` and `second` are fresh, consecutive codes of `device`, the
    /// second within `window` steps of the expected step at `now`.
    static func matchingPair(
        _ first: String, _ second: String, device: MFADevice, at now: Timestamp, window: Int,
        ignoringDrift: Bool = false
    ) -> Int? {
        guard isWellFormed(first), isWellFormed(second), let secret = device.seed.flatMap(Base32.decode),
            !secret.isEmpty
        else { return nil }
        let expected = Int(TOTP.step(at: now)) + (ignoringDrift ? 0 : device.driftSteps ?? 0)
        for offset in offsets(within: window) {
            let step = expected + offset
            guard step - 1 > (device.lastUsedStep ?? Int.min) else { continue }
            if TOTP.code(secret: secret, step: Int64(step)) == second,
                TOTP.code(secret: secret, step: Int64(step - 1)) == first
            {
                return step
            }
        }
        return nil
    }

    /// 0, -1, 1, -2, 2, ...: nearest steps first, so the step recorded for replay protection is the likeliest.
    private static func offsets(within window: Int) -> [Int] {
        [0] + (0..<max(0, window)).flatMap { [-($0 + 1), $0 + 1] }
    }
}
