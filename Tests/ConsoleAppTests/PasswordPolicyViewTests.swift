import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// The Password policy page and its form: every field with its range, the IAM default, a
/// confirmation, and AWS's whole-policy update through IAMService.
@Suite("Password policy view", .serialized)
@MainActor
struct PasswordPolicyViewTests {
    @Test func thePageListsEveryRuleWithItsRange() {
        let (_, terminal) = runConsole(ScriptedSource(Fixtures.account())) { $0.enqueue(keys: ":password\r") }
        let text = terminal.text
        #expect(text.contains("Custom password policy"))
        #expect(text.contains("Minimum password length") && text.contains("12 characters") && text.contains("6-128"))
        #expect(text.contains("after 90 days") && text.contains("1-1095 days"))
        #expect(text.contains("last 5 passwords") && text.contains("1-24"))
        #expect(text.contains("Hard expiry (administrator must reset)"))
        #expect(text.contains("!@#$%^&*()_+-=[]{}|'"))
    }

    @Test func editingSavesTheWholePolicyAfterConfirmation() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":password\re\t")
            for _ in 0..<3 { terminal.enqueue(.key(.backspace)) }
            terminal.enqueue(keys: "14\t\t\t\t ")  // length 14; untick "Symbol"
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(.key(.enter))
        }
        #expect(terminal.text.contains("Saved the password policy."), "\(terminal.text)")
        let policy = try #require(try workspace.account().passwordPolicy)
        #expect(policy.minimumPasswordLength == 14 && !policy.requireSymbols)
        #expect(policy.requireNumbers && policy.maxPasswordAge == 90 && policy.passwordReusePrevention == 5)
    }

    @Test func outOfRangeValuesStayInTheForm() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let before = try workspace.bytes()
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":password\re\t")
            for _ in 0..<3 { terminal.enqueue(.key(.backspace)) }
            terminal.enqueue(keys: "5")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("Edit password policy"))
        #expect(terminal.text.contains("6") && terminal.text.contains("128"))
        #expect(try workspace.bytes() == before)
    }

    @Test func theIAMDefaultReplacesTheCustomPolicy() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":password\rd")
            terminal.enqueue(.key(.right))
            terminal.enqueue(.key(.enter))
        }
        #expect(terminal.text.contains("The account uses the IAM default password policy."), "\(terminal.text)")
        #expect(terminal.text.contains("IAM default password policy"))
        #expect(terminal.text.contains("Minimum password length of 8 characters"))
        #expect(try workspace.account().passwordPolicy == nil)
    }

    @Test func aUserWithoutTheGetCallSeesAccessDenied() {
        let (_, terminal) = runConsole(ScriptedSource(Fixtures.account()), principal: .user("bob")) {
            $0.enqueue(keys: ":password\r")
        }
        #expect(terminal.text.contains("iam:GetAccountPasswordPolicy"))
        #expect(!terminal.text.contains("Custom password policy"))
    }
}
