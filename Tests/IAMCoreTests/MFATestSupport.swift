import Foundation
import Testing

@testable import IAMCore

/// A clock the test moves forward, for codes that change every 30 seconds.
final class ManualClock: IAMClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Timestamp

    init(_ instant: Timestamp) { self.instant = instant }

    func now() -> Timestamp {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }

    func advance(seconds: Int64) {
        lock.lock()
        instant = instant.adding(seconds: seconds)
        lock.unlock()
    }
}

/// An account with users, a hand-moved clock ten seconds into a time step, and helpers that
/// read codes from a device's seed the way an authenticator app would.
struct MFAFixture {
    static let start = TestAccount.now.adding(seconds: 10)
    static let password = "Correct-Horse-9!"

    var service: IAMService
    let clock: ManualClock

    init(users: [String] = ["alice", "bob"]) throws {
        clock = ManualClock(Self.start)
        let hash = PasswordHasher.hash(Self.password, random: SeededRandomSource(seed: "pw"), iterations: 1000)
        let root = RootUser(email: "root@example.com", passwordHash: hash)
        let account = Account(id: TestAccount.id, name: "Test Account", createDate: TestAccount.now, root: root)
        service = IAMService(account: account, clock: clock, random: SeededRandomSource(seed: "mfa-tests"))
        for name in users {
            try service.user(name)
            service.account.users[Account.key(name)]?.loginProfile = LoginProfile(
                createDate: TestAccount.now, passwordHash: hash, passwordResetRequired: false)
        }
        service.account.auditTrail = []  // so tests see only the events they cause
        _ = service.takeAuditRecords()
    }

    var step: Int64 { TOTP.step(at: clock.now()) }

    /// The code `serial`'s seed gives `offset` steps from now.
    func code(_ serial: String, _ offset: Int64 = 0) throws -> String {
        let seed = try #require(service.account.mfaDevices[serial]?.seed.flatMap(Base32.decode))
        return TOTP.code(secret: seed, step: step + offset)
    }

    /// Creates a virtual device as root and returns its serial number.
    mutating func createVirtual(_ name: String) throws -> String {
        try service.createVirtualMFADevice(CreateVirtualMFADeviceRequest(virtualMFADeviceName: name), as: .root)
            .virtualMFADevice.serialNumber
    }

    /// Creates a virtual device and enables it for `user` (nil: root) with the previous and current codes.
    mutating func enrol(_ name: String, for user: String?) throws -> String {
        let serial = try createVirtual(name)
        _ = try service.enableMFADevice(
            MFACodesRequest(
                userName: user, serialNumber: serial, authenticationCode1: try code(serial, -1),
                authenticationCode2: try code(serial)), as: .root)
        return serial
    }
}
