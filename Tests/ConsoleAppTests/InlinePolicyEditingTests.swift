import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// Inline policies from the console: listed with a link on the Permissions tab, opened on their
/// own page, edited in the policy editor (PutUserPolicy and friends), created from `a`, deleted.
@Suite("Inline policies", .serialized)
@MainActor
struct InlinePolicyEditingTests {
    /// Opens deploy-bot (the sample's user with an inline policy) on its Permissions tab.
    private func openDeployBot(_ terminal: MemoryTerminal) {
        terminal.enqueue(keys: ":users\r/deploy\r\r")
    }

    @Test func enterOnAnInlineLineOpensItsPageWithTheDocument() throws {
        let (_, terminal) = runConsole(ScriptedSource(Fixtures.account())) { terminal in
            openDeployBot(terminal)
            terminal.enqueue(keys: "jj\r")
        }
        #expect(terminal.row(1).contains("Users › deploy-bot › ReadBuildParameters › Permissions"))
        #expect(terminal.text.contains("Inline policy: ReadBuildParameters"))
        #expect(terminal.text.contains("Embedded in"))
        #expect(terminal.text.contains("user deploy-bot"))
        #expect(terminal.text.contains(#""Version": "2012-10-17""#))
    }

    @Test func editingAnInlinePolicyPutsItAsTheSignedInPrincipal() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            openDeployBot(terminal)
            terminal.enqueue(keys: "jje")
            terminal.enqueue(.key(.down))
            terminal.enqueue(.key(.end))
            terminal.enqueue(.key(.enter))
            terminal.enqueue(keys: "\"Id\": \"EditedInTheConsole\",")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(.key(.enter))
        }
        #expect(terminal.text.contains("Saved"), "\(terminal.text)")
        let user = try #require(try workspace.account().user(named: "deploy-bot"))
        #expect(user.inlinePolicies.first?.document.contains("EditedInTheConsole") == true)
    }

    @Test func aNewInlinePolicyIsNamedInTheAddFormAndWrittenInTheEditor() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":users\r\ra")
            terminal.enqueue(.key(.left))
            terminal.enqueue(keys: "\tListBuckets")
            terminal.enqueue(.key(.control("s")))
            // The starter document's line 6 is `"Action": [],`: put an action between the brackets.
            for _ in 0..<5 { terminal.enqueue(.key(.down)) }
            terminal.enqueue(.key(.end))
            terminal.enqueue(.key(.left))
            terminal.enqueue(.key(.left))
            terminal.enqueue(keys: "\"s3:ListAllMyBuckets\"")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(.key(.enter))
        }
        #expect(terminal.text.contains("Saved"), "\(terminal.text)")
        let alice = try #require(try workspace.account().user(named: "alice"))
        let policy = try #require(alice.inlinePolicies.first { $0.name == "ListBuckets" })
        #expect(policy.document.contains("s3:ListAllMyBuckets"))
        #expect(terminal.text.contains("ListBuckets"))
    }

    @Test func theAddFormAsksForTheInlinePolicyName() {
        let (_, terminal) = runConsole(ScriptedSource(Fixtures.account())) { terminal in
            terminal.enqueue(keys: ":users\r\ra")
            terminal.enqueue(.key(.left))
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("Name the inline policy; the editor opens next."))
    }

    @Test func deletingAnInlinePolicyFromThePermissionsTab() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            openDeployBot(terminal)
            terminal.enqueue(keys: "jjd")
            terminal.enqueue(.key(.right))
            terminal.enqueue(keys: "\r")
        }
        #expect(terminal.text.contains("Deleted the inline policy ReadBuildParameters."), "\(terminal.text)")
        #expect(try workspace.account().user(named: "deploy-bot")?.inlinePolicies.isEmpty == true)
    }

    @Test func aGroupsInlinePolicyIsRemovedOnTheGroupNotTheUser() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let before = try workspace.bytes()
        // bob receives Developers' inline ManageOwnAccessKeys: the first line of his permissions.
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":users\r/bob\r\rjjd")
        }
        #expect(terminal.text.contains("ManageOwnAccessKeys is an inline policy of group Developers; remove it there"))
        #expect(try workspace.bytes() == before)
    }
}
