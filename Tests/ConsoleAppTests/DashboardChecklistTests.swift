import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// The Dashboard's security checklist: a score, each check passed or failed with who fails it,
/// and Enter on a check opening the first entity that fails it.
@Suite("Dashboard checklist")
@MainActor
struct DashboardChecklistTests {
    let source = { ScriptedSource(Fixtures.account()) }

    @Test func theChecklistShowsAScoreAndWhoFails() {
        let (_, terminal) = runConsole(source()) { _ in }
        let text = terminal.text
        #expect(text.contains("Security checklist: "))
        #expect(text.contains("! The root user has MFA: root") || text.contains("!  The root user has MFA: root"))
        #expect(text.contains("Every user with a console password has MFA: bob, carol"))
        #expect(text.contains("Assign an MFA device to the root user. Enter opens root."))
    }

    @Test func enterOpensTheFailingEntity() {
        let (_, root) = runConsole(source()) { $0.enqueue(keys: "\r") }
        #expect(root.row(1).contains("Root account"))
        // The fifth check (every console user has MFA) fails for bob first.
        let (_, user) = runConsole(source()) { $0.enqueue(keys: "jjjj\r") }
        #expect(user.row(1).contains("Dashboard › bob"), "\(user.text)")
        // A check that passes has nothing to open: Enter stays on the Dashboard.
        let (_, passing) = runConsole(source()) { $0.enqueue(keys: "j\r") }
        #expect(passing.row(1).hasPrefix("┌ Dashboard ─"))
    }
}
