import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// `e` opens the policy editor from the console, and saving goes through IAMService as the
/// signed-in principal: a trust policy update, or a new default version of a managed policy.
@Suite @MainActor struct PolicyEditorWiringTests {
    @Test func editingARoleTrustPolicySavesIt() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: .root) { terminal in
            terminal.enqueue(keys: ":roles\r")
            terminal.enqueue(.key(.enter))
            terminal.enqueue(keys: "e")
            // Line 6 holds the service principal; append a second statement-free edit: a Sid on line 5.
            for _ in 0..<4 { terminal.enqueue(.key(.down)) }
            terminal.enqueue(.key(.end))
            terminal.enqueue(.key(.enter))
            terminal.enqueue(keys: "\"Sid\": \"FromTheEditor\",")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(.key(.enter))
        }
        #expect(terminal.text.contains("Saved"), "\(terminal.text)")
        let role = try #require(try workspace.account().role(named: "app-server"))
        #expect(role.assumeRolePolicyDocument.contains("\"Sid\": \"FromTheEditor\""))
    }

    @Test func aMalformedDocumentIsRefusedAndTheFileIsUnchanged() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let before = try workspace.bytes()
        let (_, terminal) = runConsole(try workspace.source(), principal: .root) { terminal in
            terminal.enqueue(keys: ":roles\r")
            terminal.enqueue(.key(.enter))
            terminal.enqueue(keys: "e")
            terminal.enqueue(.key(.down))
            terminal.enqueue(.key(.end))
            terminal.enqueue(.key(.backspace))
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(.key(.enter))
        }
        #expect(terminal.text.contains("MalformedPolicyDocument"), "\(terminal.text)")
        #expect(try workspace.bytes() == before)
    }

    /// In the policies and roles lists, `e` edits the selected row's document, as on its page.
    @Test func editInAListOpensTheSelectedRowsDocument() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, policies) = runConsole(try workspace.source(), principal: .root) { terminal in
            terminal.enqueue(keys: ":policies\r/DenyWithoutMFA\r")
            terminal.enqueue(keys: "e")
        }
        #expect(policies.text.contains("Managed policy arn:aws:iam::111122223333:policy/DenyWithoutMFA"))
        #expect(!policies.text.contains("e edits a customer managed policy"))
        let (_, managed) = runConsole(try workspace.source(), principal: .root) { terminal in
            terminal.enqueue(keys: ":policies\r/AdministratorAccess\r")
            terminal.enqueue(keys: "e")
        }
        #expect(managed.text.contains("AWS managed policies cannot be edited"))
        let (_, roles) = runConsole(try workspace.source(), principal: .root) { terminal in
            terminal.enqueue(keys: ":roles\r")
            terminal.enqueue(keys: "e")
        }
        #expect(roles.text.contains("Trust policy of role"), "\(roles.text)")
    }

    @Test func editOutsideAPolicyOrRoleExplainsItself() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: .root) { terminal in
            terminal.enqueue(keys: ":users\r")
            terminal.enqueue(keys: "e")
        }
        #expect(terminal.text.contains("e edits a customer managed policy or a role's trust policy"))
    }
}
