import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// `r`: UpdateUser, UpdateGroup and UpdateRole from the console.
@Suite("Property forms", .serialized)
@MainActor
struct PropertyFormTests {
    private func clear(_ terminal: MemoryTerminal, _ count: Int = 40) {
        for _ in 0..<count { terminal.enqueue(.key(.backspace)) }
    }

    @Test func renamingAUserFromTheListReopensItUnderTheNewName() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let id = try #require(try workspace.account().user(named: "alice")?.id)
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":users\rr")
            terminal.enqueue(.key(.end))
            terminal.enqueue(keys: "-admin\t")
            clear(terminal)
            terminal.enqueue(keys: "/platform/")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("Updated user alice (now alice-admin)."), "\(terminal.text)")
        #expect(terminal.row(1).contains("Users › alice-admin"))
        let account = try workspace.account()
        #expect(account.user(named: "alice") == nil)
        let renamed = try #require(account.user(named: "alice-admin"))
        #expect(renamed.id == id && renamed.path == "/platform/" && renamed.groups == ["Admins"])
    }

    @Test func aBadPathShowsAWSValidationErrorAndChangesNothing() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let before = try workspace.bytes()
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":groups\rr\t")
            clear(terminal)
            terminal.enqueue(keys: "no-slashes")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("ValidationError"), "\(terminal.text)")
        #expect(try workspace.bytes() == before)
    }

    @Test func unchangedValuesAreRefusedInTheForm() {
        let (_, terminal) = runConsole(ScriptedSource(Fixtures.account())) { terminal in
            terminal.enqueue(keys: ":users\rr")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("Nothing changed."))
    }

    @Test func aRolesDescriptionAndMaxSessionAreUpdated() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), width: 80, height: 24) { terminal in
            terminal.enqueue(keys: ":roles\r\rr")
            clear(terminal, 200)
            terminal.enqueue(keys: "Runs the app servers\t")
            clear(terminal, 6)
            terminal.enqueue(keys: "7200")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("Updated role app-server."), "\(terminal.text)")
        #expect(terminal.text.contains("2 hours"))
        let role = try #require(try workspace.account().role(named: "app-server"))
        #expect(role.description == "Runs the app servers" && role.maxSessionDuration == 7200)
    }

    @Test func aSessionOutsideOneToTwelveHoursIsRefusedByTheField() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let before = try workspace.bytes()
        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":roles\r\rr\t")
            clear(terminal, 6)
            terminal.enqueue(keys: "60")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("3600"), "\(terminal.text)")
        #expect(terminal.text.contains("Edit role app-server"))
        #expect(try workspace.bytes() == before)
    }
}
