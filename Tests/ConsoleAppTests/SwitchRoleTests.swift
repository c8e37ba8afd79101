import Foundation
import IAMCore
import IAMWorkspace
import TerminalKit
import Testing

@testable import ConsoleApp

/// `:switch-role`: the console acts as a role session (trust policy and the user's own policies
/// decide), the header says so, the role's permissions apply, and `:switch-back` returns.
@Suite("Switch role", .serialized)
@MainActor
struct SwitchRoleTests {
    /// The sample workspace with a role `auditor-access` that alice (Admins) may assume and that
    /// allows only reading IAM.
    private func workspace() throws -> WorkspaceFixture {
        let workspace = try WorkspaceFixture()
        try workspace.source().perform(as: .root) { service in
            _ = try service.createRole(
                CreateRoleRequest(
                    roleName: "auditor-access",
                    assumeRolePolicyDocument:
                        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#
                ), as: .root)
            _ = try service.attachPolicy(
                AttachPolicyRequest(roleName: "auditor-access", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                as: .root)
        }
        return workspace
    }

    @Test func switchingActsAsTheRoleAndSwitchBackReturns() throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "alice")
            terminal.enqueue(keys: ":switch-role auditor-access\r")
            terminal.enqueue(keys: ":create-group Nope\r")
        }
        #expect(terminal.row(0).contains("assumed-role/auditor-access/alice (from user/alice"), "\(terminal.text)")
        #expect(terminal.text.contains("AccessDenied"))
        #expect(terminal.text.contains("arn:aws:sts::111122223333:assumed-role/auditor-access/alice"))
        #expect(terminal.text.contains("iam:CreateGroup"))
        // ReadOnlyAccess lets the role session read the Users list.
        #expect(!terminal.text.contains("iam:GetAccountSummary"))
        #expect(try workspace.account().group(named: "Nope") == nil)
        let (_, back) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "alice")
            terminal.enqueue(keys: ":switch-role auditor-access\r:switch-back\r:create-group Yes\r")
        }
        #expect(back.row(0).contains("Principal user/alice"))
        #expect(try workspace.account().group(named: "Yes") != nil)
    }

    @Test func aRoleTheUserMayNotAssumeIsRefused() throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        // carol (Auditors: read-only) has no sts:AssumeRole.
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "carol")
            terminal.enqueue(keys: ":switch-role auditor-access\r")
        }
        #expect(terminal.text.contains("Switch role failed"))
        #expect(terminal.text.contains("sts:AssumeRole"))
        #expect(terminal.row(0).contains("Principal user/carol"))
    }

    @Test func rootCannotSwitchRoles() throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.root(terminal)
            terminal.enqueue(keys: ":switch-role auditor-access\r")
        }
        #expect(terminal.text.contains("Roles may not be assumed by root accounts."))
    }
}
