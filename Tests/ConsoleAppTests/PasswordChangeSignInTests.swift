import Foundation
import IAMCore
import IAMWorkspace
import TerminalKit
import Testing

@testable import ConsoleApp

/// The change-password step of a sign-in: a reset the administrator asked for, or an expired
/// password; the policy's rules are shown and enforced, and nothing else opens until it is done.
@Suite("Password change at sign-in", .serialized)
@MainActor
struct PasswordChangeSignInTests {
    private func workspace(_ change: (inout LoginProfile) -> Void) throws -> WorkspaceFixture {
        let workspace = try WorkspaceFixture()
        try Workspace(path: workspace.path).update { account in
            var account = account
            if var profile = account.users["alice"]?.loginProfile {
                change(&profile)
                account.users["alice"]?.loginProfile = profile
            }
            return (account, ())
        }
        return workspace
    }

    private func changeTo(_ terminal: MemoryTerminal, new: String, confirm: String? = nil) {
        terminal.enqueue(keys: SampleAccount.Credentials.userPassword + "\t" + new + "\t" + (confirm ?? new))
        terminal.enqueue(.key(.control("s")))
    }

    @Test func aRequiredResetAsksForANewPasswordWithThePolicysRules() throws {
        let workspace = try workspace { $0.passwordResetRequired = true }
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { SignInKeys.user($0, "alice") }
        #expect(terminal.text.contains("Your administrator requires you to choose a new password."))
        #expect(terminal.text.contains("At least 12 characters"))
        #expect(terminal.row(0).contains("not signed in"))
    }

    @Test func mismatchWeakAndReusedPasswordsAreRefusedThenAGoodOneSignsIn() throws {
        let workspace = try workspace { $0.passwordResetRequired = true }
        defer { workspace.remove() }
        let before = try #require(try workspace.account().user(named: "alice")?.loginProfile?.passwordHash)
        let (_, mismatch) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "alice")
            changeTo(terminal, new: "Longer-Pass-2027!", confirm: "Other-Pass-2027!")
        }
        #expect(mismatch.text.contains("The new passwords do not match."))
        let (_, weak) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "alice")
            changeTo(terminal, new: "short")
        }
        #expect(weak.text.contains("PasswordPolicyViolation"), "\(weak.text)")
        #expect(weak.row(0).contains("not signed in"))
        let (_, reused) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "alice")
            changeTo(terminal, new: SampleAccount.Credentials.userPassword)
        }
        #expect(reused.text.contains("PasswordPolicyViolation"))
        #expect(try workspace.account().user(named: "alice")?.loginProfile?.passwordHash == before)
        let (_, good) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "alice")
            changeTo(terminal, new: "Brand-New-Pass-2027!")
        }
        #expect(good.row(0).contains("user/alice"), "\(good.text)")
        let profile = try #require(try workspace.account().user(named: "alice")?.loginProfile)
        #expect(profile.passwordHash != before && !profile.passwordResetRequired)
        #expect(PasswordHasher.verify("Brand-New-Pass-2027!", against: profile.passwordHash))
    }

    @Test func anExpiredPasswordSaysSo() throws {
        let workspace = try workspace { $0.passwordLastChanged = Fixtures.now.adding(seconds: -100 * 86_400) }
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { SignInKeys.user($0, "alice") }
        #expect(terminal.text.contains("Your password has expired. Choose a new password."))
    }

    @Test func signOutFromTheStepReturnsToTheSignInForm() throws {
        let workspace = try workspace { $0.passwordResetRequired = true }
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), width: 80, height: 24, principal: nil) { terminal in
            SignInKeys.user(terminal, "alice")
            terminal.enqueue(.key(.escape))
        }
        #expect(terminal.text.contains("Email or user name"))
        #expect(terminal.row(0).contains("not signed in"))
    }
}
