import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// Keys that sign in through the form: root by email, or an IAM user of the sample account.
@MainActor
enum SignInKeys {
    static func root(_ terminal: MemoryTerminal, password: String = SampleAccount.Credentials.rootPassword) {
        terminal.enqueue(keys: "\t\t" + SampleAccount.Credentials.rootEmail + "\t" + password)
        terminal.enqueue(.key(.control("s")))
    }

    static func user(_ terminal: MemoryTerminal, _ name: String) {
        terminal.enqueue(.key(.right))
        terminal.enqueue(keys: "\t\t\(name)\t" + SampleAccount.Credentials.userPassword)
        terminal.enqueue(.key(.control("s")))
    }
}

@Suite("Editing", .serialized)
@MainActor
struct EditingTests {
    @Test func signInAsRootThenCreateAUserWhichIsSelectedAndSaved() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.root(terminal)
            terminal.enqueue(keys: ":users\rnerin")
            terminal.enqueue(.key(.control("s")))
        }
        let text = terminal.text
        #expect(terminal.row(0).contains("Principal root"))
        #expect(text.contains("Created user erin."))
        #expect(terminal.row(0).hasSuffix("saved"))
        #expect(text.contains("Users (6)"))
        let row = terminal.text.split(separator: "\n").first { $0.contains(" erin ") } ?? ""
        #expect(row.contains("▸ erin"), "erin is not the selected row: \(row)")
        #expect(try workspace.account().user(named: "erin") != nil)
    }

    @Test func signInScreenShowsDemoCredentialsAndRejectsAWrongPassword() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, first) = runConsole(try workspace.source(), width: 80, height: 24, principal: nil) { _ in }
        #expect(first.text.contains("root@acme.example / Acme-Root-2026!"))
        #expect(first.text.contains("Demo-User-2026!"))
        let (_, terminal) = runConsole(try workspace.source(), width: 80, height: 24, principal: nil) { terminal in
            SignInKeys.root(terminal, password: "wrong")
        }
        #expect(terminal.text.contains("Your authentication information is incorrect"))
        #expect(terminal.row(0).contains("not signed in"))
        // Each failure is in the audit trail, which the throttle counts even across restarts.
        let failures = try workspace.account().auditTrail.filter {
            $0.action == ConsoleSignIn.auditAction && $0.outcome == ConsoleSignIn.passwordFailure
        }
        #expect(failures.count == 1)
    }

    @Test func repeatedFailuresPauseSignInForThatIdentity() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), width: 80, height: 24, principal: nil) { terminal in
            for _ in 0..<3 {
                SignInKeys.root(terminal, password: "wrong")
                terminal.enqueue(.key(.enter))
                terminal.enqueue(keys: "\u{1B}")
            }
            SignInKeys.root(terminal)
        }
        #expect(terminal.text.contains("Too many failed sign-in attempts for this identity."))
        #expect(terminal.text.contains("again in 1 second."))
        #expect(terminal.row(0).contains("not signed in"))
        // Another identity is not paused.
        let (_, other) = runConsole(try workspace.source(), width: 80, height: 24, principal: nil) { terminal in
            SignInKeys.user(terminal, "alice")
        }
        #expect(other.row(0).contains("user/alice"), "\(other.text)")
    }

    @Test func groupsPoliciesDeleteConflictAndDeleteByTypedName() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let source = try workspace.source()
        // Create erin, open her, add her to the first group (Admins) and attach the first policy.
        var (_, terminal) = runConsole(source) { terminal in
            terminal.enqueue(keys: ":users\rnerin")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(keys: "\r]a")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(keys: "[a")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("Attached "))
        var erin = try #require(try workspace.account().user(named: "erin"))
        #expect(erin.groups == ["Admins"])
        #expect(erin.attachedPolicies.count == 1)
        // Delete while she still has a group and a policy: AWS's DeleteConflict in a dialog.
        let before = try workspace.bytes()
        (_, terminal) = runConsole(source) { terminal in
            terminal.enqueue(keys: ":users\rG\rderin\r")
        }
        #expect(terminal.text.contains("DeleteConflict: Cannot delete entity"), "\(terminal.text)")
        #expect(try workspace.bytes() == before)
        // Detach the policy and leave the group (Cancel is focused: Tab to Remove), then delete.
        (_, terminal) = runConsole(source) { terminal in
            terminal.enqueue(keys: ":users\rG\rjjd")
            terminal.enqueue(.key(.right))
            terminal.enqueue(keys: "\r]jjd")
            terminal.enqueue(.key(.right))
            terminal.enqueue(keys: "\r")
        }
        #expect(terminal.text.contains("Removed erin from Admins."))
        erin = try #require(try workspace.account().user(named: "erin"))
        #expect(erin.groups.isEmpty && erin.attachedPolicies.isEmpty)
        (_, terminal) = runConsole(source) { terminal in
            terminal.enqueue(keys: ":users\rG\rderin\r")
        }
        #expect(terminal.text.contains("Deleted user erin."))
        #expect(try workspace.account().user(named: "erin") == nil)
    }

    @Test func readOnlyAuditorGetsAccessDeniedAndNothingIsCreated() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let names = Set(try workspace.account().users.values.map(\.name))
        let (_, terminal) = runConsole(try workspace.source(), width: 80, height: 24, principal: nil) { terminal in
            SignInKeys.user(terminal, "carol")
            terminal.enqueue(keys: ":users\rnmallory")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.row(0).contains("user/carol"))
        #expect(terminal.text.contains("AccessDenied"))
        // Only the sign-in was recorded (audit trail, last sign-in): nobody was created.
        #expect(Set(try workspace.account().users.values.map(\.name)) == names)
    }

    @Test func aTenThousandCharacterPasteIntoAFormFieldIsHarmless() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let before = try workspace.bytes()
        let (code, terminal) = runConsole(try workspace.source(), width: 80, height: 24) { terminal in
            terminal.enqueue(keys: ":users\rn")
            terminal.enqueue(keys: String(repeating: "x", count: 10_000))
            terminal.enqueue(.key(.control("s")))
        }
        #expect(code == TerminalSignal.hangup.exitCode)
        #expect(terminal.text.contains("ValidationError") || terminal.text.contains("InvalidInput"))
        for row in 0..<24 { #expect(displayWidth(terminal.row(row)) <= 80) }
        #expect(try workspace.bytes() == before)
    }

    @Test func aChangeSavedByAnotherProcessIsKeptWhenTheConsoleSaves() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let source = try workspace.source()
        _ = try source.loadSnapshot()
        // Another process (the CLI) creates a group after the console loaded the account.
        let other = try workspace.source()
        try other.perform(as: .root) { _ = try $0.createGroup(CreateGroupRequest(groupName: "FromCLI"), as: .root) }
        let (_, terminal) = runConsole(source) { terminal in
            terminal.enqueue(keys: ":create-group FromConsole\r")
        }
        #expect(terminal.text.contains("Created group FromConsole."))
        #expect(terminal.text.contains("FromCLI"))
        let account = try workspace.account()
        #expect(account.group(named: "FromCLI") != nil && account.group(named: "FromConsole") != nil)
    }

    @Test func paletteCompletesCommandsAndSwitchesTheme() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":create-u")
        }
        #expect(terminal.text.contains("create-user"))
        let (_, second) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":rol\t\r:theme light\r")
        }
        #expect(second.row(1).hasPrefix("┌ Roles ─"))
        #expect(second.text.contains("Theme light"))
    }

    @Test func rolesPoliciesGroupsAndAliasAreCreatedAndErrorsShowTheirCode() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":roles\rnlambda-runner\t\t\t")
            terminal.enqueue(.key(.right))
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(keys: ":policies\rnReadBuckets")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(keys: ":groups\rnAdmins")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("EntityAlreadyExists"))
        let account = try workspace.account()
        let role = try #require(account.role(named: "lambda-runner"))
        #expect(role.assumeRolePolicyDocument.contains("lambda.amazonaws.com"))
        #expect(account.policies.values.contains { $0.name == "ReadBuckets" })
        let (_, alias) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":dashboard\ra")
            for _ in 0..<9 { terminal.enqueue(.key(.backspace)) }
            terminal.enqueue(keys: "acme-prod")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(alias.row(0).contains("(acme-prod)"))
        #expect(try workspace.account().alias == "acme-prod")
    }
}
