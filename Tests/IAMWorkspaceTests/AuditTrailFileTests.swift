import Foundation
import IAMCore
import IAMPolicy
import Testing

@testable import IAMWorkspace

/// The trail beside the workspace: written for allowed and refused requests, never holding a secret,
/// rotated by size, whole lines under concurrency, and fed by the events of old workspace files.
@Suite("Audit trail file")
struct AuditTrailFileTests {
    static let now = Timestamp(secondsSince1970: 1_767_225_600)
    static let rootPassword = "Root-Secret-Pw-2026!"
    static let userPassword = "User-Secret-Pw-2026!"

    static func account() -> Account {
        let hash = PasswordHasher.hash(rootPassword, random: SeededRandomSource(seed: "pw"), iterations: 1000)
        return Account(
            id: "123456789012", name: "Audit", createDate: now,
            root: RootUser(email: "root@example.com", passwordHash: hash))
    }

    @discardableResult
    static func perform<Result>(
        _ workspace: Workspace, _ change: (inout IAMService) throws -> Result
    ) throws -> Result {
        try workspace.perform(caller: .cli(), clock: FixedClock(now), random: SeededRandomSource(seed: "audit")) {
            service in
            service.passwordHashIterations = 1000
            return try change(&service)
        }
    }

    @Test func allowedAndRefusedRequestsAreAppendedButOnlyAllowedOnesSaved() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/workspace.json"
            let workspace = try Workspace.create(path: path, account: Self.account())
            try Self.perform(workspace) { try $0.createUser(CreateUserRequest(userName: "alice"), as: .root) }
            let saved = try bytes(of: path)
            #expect(throws: IAMError.self) {
                try Self.perform(workspace) {
                    try $0.createUser(CreateUserRequest(userName: "mallory"), as: .user("alice"))
                }
            }
            #expect(try bytes(of: path) == saved, "a refused request changes nothing in the workspace")
            let trail = try workspace.auditTrail.read()
            #expect(trail.problems.isEmpty)
            #expect(trail.records.map(\.eventName) == ["CreateUser", "CreateUser"])
            #expect(trail.records.map(\.errorCode) == [nil, "AccessDenied"])
            #expect(workspace.auditTrail.path == path + ".audit.jsonl")
            #expect(try mode(of: workspace.auditTrail.path) == 0o600)
            let text = String(decoding: try bytes(of: workspace.auditTrail.path), as: UTF8.self)
            #expect(text.split(separator: "\n").count == 2 && text.hasSuffix("\n"))
            #expect(!String(decoding: saved, as: UTF8.self).contains("iam:CreateUser"), "no events in the workspace")
        }
    }

    @Test func noSecretIsEverWrittenToTheTrail() throws {
        try withTemporaryFolder { folder in
            let workspace = try Workspace.create(path: folder + "/w.json", account: Self.account())
            let secrets = try Self.perform(workspace) { service -> [String] in
                _ = try service.createUser(CreateUserRequest(userName: "alice"), as: .root)
                _ = try service.updateAccountPasswordPolicy(
                    UpdateAccountPasswordPolicyRequest(allowUsersToChangePassword: true), as: .root)
                let key = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
                _ = try service.createLoginProfile(
                    CreateLoginProfileRequest(userName: "alice", password: Self.userPassword), as: .root)
                _ = try service.changePassword(
                    ChangePasswordRequest(oldPassword: Self.userPassword, newPassword: "User-Newer-Pw-2027!"),
                    as: .user("alice"))
                let device = try service.createVirtualMFADevice(
                    CreateVirtualMFADeviceRequest(virtualMFADeviceName: "phone"), as: .root
                ).virtualMFADevice
                return [
                    key.secretAccessKey ?? "missing", device.base32StringSeed ?? "missing", device.seedText ?? "",
                    device.qRCodePNG ?? "missing",
                ]
            }
            _ = try Self.perform(workspace) { service in
                service.signIn(.root(email: "root@example.com"), password: "Guessed-Root-Pw-1!")
            }
            _ = try Self.perform(workspace) { service in
                service.signIn(.root(email: "root@example.com"), password: Self.rootPassword)
            }
            let all = secrets + [Self.userPassword, "User-Newer-Pw-2027!", "Guessed-Root-Pw-1!", Self.rootPassword]
            let data = try bytes(of: workspace.auditTrail.path)
            for secret in all where !secret.isEmpty {
                #expect(data.range(of: Data(secret.utf8)) == nil, "the trail holds a secret: \(secret)")
            }
            let names = try workspace.auditTrail.read().records.map(\.eventName)
            #expect(
                names.suffix(6) == [
                    "CreateAccessKey", "CreateLoginProfile", "ChangePassword", "CreateVirtualMFADevice", "ConsoleLogin",
                    "ConsoleLogin",
                ])
        }
    }

    @Test func failedSignInsKeepThrottlingAfterARestart() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/w.json"
            _ = try Workspace.create(path: path, account: Self.account())
            for _ in 0..<4 {
                let workspace = try Workspace(path: path)  // a new process each time
                _ = try Self.perform(workspace) { $0.signIn(.root(email: "root@example.com"), password: "wrong") }
            }
            let reopened = try Workspace(path: path)
            let service = IAMService(account: reopened.account, clock: FixedClock(Self.now))
            #expect(service.signInWait(for: .root(email: "root@example.com")) > 0)
            let logins = try reopened.auditTrail.read().records.filter { $0.eventName == "ConsoleLogin" }
            #expect(logins.count == 3, "the fourth attempt was throttled, so nothing was checked or recorded")
        }
    }

    @Test func theTrailRotatesBySizeAndKeepsTheNewestFiles() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/w.json"
            let workspace = try Workspace.create(path: path, account: Self.account())
            var trail = AuditTrailFile(workspacePath: path, maximumBytes: 2_000, keptFiles: 2)
            let service = IAMService(account: workspace.account, clock: FixedClock(Self.now))
            for index in 0..<40 {
                _ = try? service.getUser(UserNameRequest(userName: "user\(index)"), as: .root)
            }
            let records = service.takeAuditRecords()
            let lineSize = AuditTrailFile.lines([records[0]]).count
            try workspace.file.locked { _ in
                for record in records { try trail.appendHoldingLock([record]) }
            }
            #expect(FileManager.default.fileExists(atPath: trail.rotatedPath(1)))
            #expect(FileManager.default.fileExists(atPath: trail.rotatedPath(2)))
            #expect(!FileManager.default.fileExists(atPath: trail.rotatedPath(3)))
            for file in trail.existingPaths() {
                #expect(try bytes(of: file).count <= 2_000, "\(file) grew past the limit")
            }
            let kept = try trail.read()
            #expect(kept.problems.isEmpty)
            #expect(kept.records == Array(records.suffix(kept.records.count)), "the newest records, in order")
            #expect(kept.records.count >= 3 * (2_000 / lineSize) - 3)
            trail.keptFiles = 5
            #expect(trail.existingPaths().count == 3)
        }
    }

    @Test func concurrentAppendsNeverInterleaveLines() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/w.json"
            _ = try Workspace.create(path: path, account: Self.account())
            let bigPolicy = AuditTestDocuments.padded(to: 6_000)
            let failures = FailureCounter()
            DispatchQueue.concurrentPerform(iterations: 2) { writer in
                do {
                    let workspace = try Workspace(path: path)  // its own descriptor, so the flock excludes
                    for index in 0..<40 {
                        var service = IAMService(account: workspace.account, clock: FixedClock(Self.now))
                        _ = try? service.createPolicy(
                            CreatePolicyRequest(policyName: "w\(writer)-\(index)", policyDocument: bigPolicy),
                            as: .user("nobody"))
                        try workspace.appendAudit(service.takeAuditRecords())
                    }
                } catch {
                    failures.add()
                }
            }
            #expect(failures.value == 0)
            let trail = try AuditTrailFile(workspacePath: path).read()
            #expect(trail.problems.isEmpty, "\(trail.problems.prefix(3))")
            #expect(trail.records.count == 80)
            #expect(Set(trail.records.compactMap { $0.requestParameters["policyName"]?.stringValue }).count == 80)
        }
    }

    @Test func anOldWorkspaceWithEventsLoadsAndMovesThemToTheTrailOnTheNextSave() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/w.json"
            var old = Self.account()
            let rootARN = old.rootARN
            old.auditTrail = [
                AuditEvent(
                    time: Self.now, principal: rootARN, action: "iam:CreateGroup",
                    resource: "arn:aws:iam::123456789012:group/devs", outcome: "Success"),
                AuditEvent(
                    time: Self.now, principal: rootARN, action: ConsoleSignIn.auditAction, resource: rootARN,
                    outcome: ConsoleSignIn.passwordFailure),
            ]
            let workspace = try Workspace.create(path: path, account: old)
            #expect(try Workspace(path: path).account.auditTrail.count == 2, "old files still load")
            try Self.perform(workspace) { try $0.createUser(CreateUserRequest(userName: "alice"), as: .root) }
            let saved = try Workspace(path: path).account
            #expect(saved.auditTrail.map(\.action) == [ConsoleSignIn.auditAction], "the throttle keeps its log")
            let records = try workspace.auditTrail.read().records
            #expect(records.map(\.eventName) == ["CreateGroup", "ConsoleLogin", "CreateUser"])
            #expect(records[0].resources?.first?.arn == "arn:aws:iam::123456789012:group/devs")
            try Self.perform(workspace) { try $0.createUser(CreateUserRequest(userName: "bob"), as: .root) }
            #expect(try workspace.auditTrail.read().records.count == 4, "moved once, not again")
        }
    }
}

/// A thread-safe count of failures seen by concurrent workers.
final class FailureCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

enum AuditTestDocuments {
    /// An identity policy padded through its Sid to about `size` characters.
    static func padded(to size: Int) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Sid":""# + String(repeating: "A", count: size)
            + #"","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
    }
}
