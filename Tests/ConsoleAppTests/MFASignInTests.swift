import Foundation
import IAMCore
import IAMWorkspace
import TerminalKit
import Testing

@testable import ConsoleApp

/// Sign-in with a second factor: the password step, then the MFA form; codes are accepted once;
/// the session carries aws:MultiFactorAuthPresent, so policies that require MFA work.
@Suite("MFA sign-in", .serialized)
@MainActor
struct MFASignInTests {
    static let seed: [UInt8] = Array("12345678901234567890".utf8)
    static let serial = "arn:aws:iam::111122223333:mfa/bob-phone"

    /// The sample workspace with a virtual device enabled for bob (in Developers, whose
    /// DenyWithoutMFA policy denies nearly everything without MFA).
    private func workspaceWithDevice() throws -> WorkspaceFixture {
        let workspace = try WorkspaceFixture()
        try Workspace(path: workspace.path).update { account in
            var account = account
            var device = MFADevice(serialNumber: Self.serial, type: .virtual, createDate: Fixtures.now)
            device.seed = Base32.encode(Self.seed)
            device.assignedTo = "bob"
            device.enableDate = Fixtures.now
            account.mfaDevices[Self.serial] = device
            account.users["bob"]?.mfaDevices = [Self.serial]
            return (account, ())
        }
        return workspace
    }

    private var code: String { TOTP.code(secret: Self.seed, at: Fixtures.now) }

    @Test func passwordThenCodeSignsInWithMFAAndPoliciesSeeIt() throws {
        let workspace = try workspaceWithDevice()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "bob")
            terminal.enqueue(keys: code)
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.row(0).contains("user/bob"), "\(terminal.text)")
        let audit = try workspace.account().auditTrail.filter { $0.action == ConsoleSignIn.auditAction }
        #expect(audit.last?.outcome == ConsoleSignIn.success)
        #expect(try workspace.account().mfaDevices[Self.serial]?.lastUsedStep == Int(TOTP.step(at: Fixtures.now)))
    }

    @Test func theMFAFormAsksForTheCode() throws {
        let workspace = try workspaceWithDevice()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), width: 80, height: 24, principal: nil) { terminal in
            SignInKeys.user(terminal, "bob")
        }
        #expect(terminal.text.contains("Multi-factor authentication"))
        #expect(terminal.text.contains("MFA code"))
        #expect(terminal.text.contains("Password accepted: now the MFA code."))
        #expect(terminal.row(0).contains("not signed in"))
    }

    @Test func aWrongOrReusedCodeIsRefusedAndRecorded() throws {
        let workspace = try workspaceWithDevice()
        defer { workspace.remove() }
        let (_, wrong) = runConsole(try workspace.source(), width: 80, height: 24, principal: nil) { terminal in
            SignInKeys.user(terminal, "bob")
            terminal.enqueue(keys: "000000")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(wrong.text.contains("The MFA code is not valid. Please try again."))
        #expect(wrong.row(0).contains("not signed in"))
        let failures = try workspace.account().auditTrail.filter { $0.outcome == ConsoleSignIn.codeFailure }
        #expect(failures.count == 1)
        // The right code signs in once; the same code again (same 30 s step) is refused.
        let (_, first) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "bob")
            terminal.enqueue(keys: code)
            terminal.enqueue(.key(.control("s")))
        }
        #expect(first.row(0).contains("user/bob"))
        let (_, replay) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "bob")
            terminal.enqueue(keys: code)
            terminal.enqueue(.key(.control("s")))
        }
        #expect(replay.text.contains("The MFA code is not valid."))
        #expect(replay.row(0).contains("not signed in"))
    }

    @Test func changesMadeInAnMFASessionPassMFAConditions() throws {
        let workspace = try workspaceWithDevice()
        defer { workspace.remove() }
        // bob's DenyWithoutMFA denies everything but MFA setup when the request has no MFA
        // (an explicit deny); in an MFA session the deny does not apply, and CreateGroup is refused
        // only because no policy allows it.
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "bob")
            terminal.enqueue(keys: code)
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(keys: ":create-group Sneaky\r")
        }
        #expect(terminal.text.contains("AccessDenied"))
        #expect(terminal.text.contains("identity-based policy allows the iam:CreateGroup action"))
        #expect(!terminal.text.contains("explicit deny"))
    }
}
