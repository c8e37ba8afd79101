import Foundation
import IAMCore
import IAMWorkspace
import TerminalKit
import Testing

@testable import ConsoleApp

/// The Audit log view: the trail beside the workspace, newest first, refused requests and failed
/// sign-ins marked, filterable, each record opening to its CloudTrail JSON; no secret shown.
@Suite("Audit log view", .serialized)
@MainActor
struct AuditLogViewTests {
    @Test func signInsChangesAndRefusalsAreListedNewestFirst() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        // A failed sign-in, carol's refused CreateUser, then root creating a user.
        _ = runConsole(try workspace.source(), principal: nil) { SignInKeys.root($0, password: "wrong") }
        _ = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.user(terminal, "carol")
            terminal.enqueue(keys: ":create-user mallory\r")
        }
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.root(terminal)
            terminal.enqueue(keys: ":create-user erin\r:audit\r")
        }
        let rows = terminal.text.split(separator: "\n").filter { $0.contains("2026-01-01 00:00:00") }
        #expect(rows.count == 5, "\(terminal.text)")
        #expect(rows.first?.contains("CreateUser") == true && rows.first?.contains("root") == true)
        #expect(rows.contains { $0.contains("user/carol") && $0.contains("AccessDenied") })
        #expect(
            rows.contains { $0.contains("ConsoleLogin") && $0.contains("Failure") },
            "\(rows.joined(separator: "\n"))")
        #expect(!terminal.text.contains(SampleAccount.Credentials.rootPassword))
    }

    @Test func filteringAndOpeningARecord() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, terminal) = runConsole(try workspace.source(), principal: nil) { terminal in
            SignInKeys.root(terminal)
            terminal.enqueue(keys: ":create-user erin\r:audit\r/CreateUser\r\r")
        }
        #expect(terminal.row(1).contains("Audit log › CreateUser"), "\(terminal.text)")
        #expect(terminal.text.contains(#""eventSource": "iam.amazonaws.com""#))
        #expect(terminal.text.contains(#""userName": "erin""#))
    }

    @Test func usersWithoutLookupEventsSeeAccessDenied() {
        let (_, terminal) = runConsole(ScriptedSource(Fixtures.account()), principal: .user("bob")) {
            $0.enqueue(keys: ":audit\r")
        }
        #expect(terminal.text.contains("cloudtrail:LookupEvents"))
    }
}
