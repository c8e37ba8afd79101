import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// The Credential report view: a row per identity with the cells that need attention in colour,
/// filter and sort as any list, and `x` writing AWS's CSV.
@Suite("Credential report view", .serialized)
@MainActor
struct CredentialReportViewTests {
    let source = { ScriptedSource(Fixtures.account()) }

    @Test func rootFirstThenUsersWithTheirFacts() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":creds\r") }
        #expect(terminal.row(1).hasPrefix("┌ Credential report"))
        #expect(terminal.row(4).contains("▸ <root_account>"))
        let alice = terminal.text.split(separator: "\n").first { $0.contains(" alice ") } ?? ""
        #expect(alice.contains("Yes") && alice.contains("Active 369d"), "\(terminal.text)")
    }

    @Test func cellsThatNeedAttentionAreColoured() throws {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":creds\r") }
        let theme = Theme.builtinDefault
        let rows = (0..<40).map { terminal.row($0) }
        // bob signs in with a password and has no MFA: his MFA cell is in the danger colour.
        let bob = try #require(rows.firstIndex { $0.contains(" bob ") })
        let header = try #require(rows.firstIndex { $0.contains("Password") && $0.contains("MFA") })
        let mfaColumn = displayWidth(String(rows[header][..<(try #require(rows[header].range(of: "MFA")).lowerBound)]))
        #expect(terminal.style(row: bob, column: mfaColumn) == theme[.danger])
        // alice's only key is active and 369 days old: a warning.
        let alice = try #require(rows.firstIndex { $0.contains(" alice ") })
        let keyColumn = displayWidth(
            String(rows[alice][..<(try #require(rows[alice].range(of: "Active 369d")).lowerBound)]))
        #expect(terminal.style(row: alice, column: keyColumn) == theme[.warning])
    }

    @Test func filterAndSortWorkAsOnAnyList() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":creds\r/engineering\r") }
        #expect(terminal.text.contains("filter: engineering"))
        let (_, sorted) = runConsole(source()) { $0.enqueue(keys: ":creds\rS") }
        #expect(sorted.text.contains("User ▼"))
    }

    @Test func enterOpensTheUserOrTheRootPage() {
        let (_, root) = runConsole(source()) { $0.enqueue(keys: ":creds\r\r") }
        #expect(root.row(1).contains("Root account"))
        let (_, user) = runConsole(source()) { $0.enqueue(keys: ":creds\rj\r") }
        #expect(user.row(1).contains("Credential report › alice"))
    }

    @Test func exportWritesAWSCSVThroughTheService() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = MemoryTerminal(width: 120, height: 40)
        terminal.enqueue(keys: ":creds\rx")
        var loop = ConsoleLoop(
            terminal: terminal, source: try workspace.source(), theme: .builtinDefault, glyphs: .unicode,
            clock: FrozenClock(), principal: .root, themeDirectories: [])
        loop.exportDirectory = folder.path
        _ = loop.run()
        #expect(terminal.text.contains("Saved "), "\(terminal.text)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try #require(files.first)
        #expect(name == "status_reports_2026-01-01T00:00:00.csv")
        let csv = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        #expect(csv.hasPrefix(CredentialReport.columns.joined(separator: ",") + "\n<root_account>,"))
        #expect(try workspace.account().credentialReport?.generatedTime == Fixtures.now)
    }

    @Test func aUserWithoutTheReportPermissionSeesAccessDenied() {
        let (_, terminal) = runConsole(source(), principal: .user("bob")) { $0.enqueue(keys: ":creds\r") }
        #expect(terminal.text.contains("iam:GenerateCredentialReport"))
        #expect(!terminal.text.contains("<root_account>"))
    }
}
