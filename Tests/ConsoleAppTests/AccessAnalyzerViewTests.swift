import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// The Access analyzer view: findings by resource with their colours, a finding's page with the
/// causing statement highlighted in the policy, `A`/`U` through UpdateFindings, and AccessDenied.
@Suite("Access analyzer view", .serialized)
@MainActor
struct AccessAnalyzerViewTests {
    let source = { ScriptedSource(Fixtures.account()) }

    @Test func theListShowsEachFindingWithItsAccessAndStatus() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":analyzer\r") }
        let rows = terminal.text.split(separator: "\n").map(String.init)
        #expect(terminal.text.contains("Access analyzer (3)"), "\(terminal.text)")
        let bucket = rows.first { $0.contains("acme-public-assets") } ?? ""
        #expect(bucket.contains("Public") && bucket.contains("Active") && bucket.contains("Everyone"))
        let role = rows.first { $0.contains("role/auditor") } ?? ""
        #expect(role.contains("Cross-account") && role.contains("999988887777"))
        #expect(rows.contains { $0.contains("key/") && $0.contains("444455556666") })
    }

    @Test func publicAccessIsDrawnInTheDangerColourAndCrossAccountInTheWarningColour() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":analyzer\r") }
        let theme = Theme.builtinDefault
        // The first row is selected and drawn in the selection style: look at the others.
        func style(of text: String, onRowWith marker: String) -> Style? {
            for row in 0..<40 {
                let line = terminal.row(row)
                guard line.contains(marker), let range = line.range(of: text) else { continue }
                return terminal.style(row: row, column: line[..<range.lowerBound].count)
            }
            return nil
        }
        #expect(style(of: "Public ", onRowWith: "acme-public-assets")?.foreground == theme[.danger].foreground)
        #expect(style(of: "Cross-account", onRowWith: "key/")?.foreground == theme[.warning].foreground)
    }

    @Test func aFindingsPageHighlightsTheStatementInThePolicy() throws {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":analyzer\rG\r") }
        let text = terminal.text
        #expect(terminal.row(1).contains("Access analyzer › acme-public-assets"), "\(text)")
        #expect(text.contains("Bucket policy, Sid PublicReadForWebsite, lines 4-10"))
        let rows = text.split(separator: "\n").map(String.init)
        let marked = rows.filter { $0.contains("▌") }
        #expect(marked.count == 7, "\(text)")
        #expect(marked.contains { $0.contains(#""Principal": "*""#) })
        #expect(!rows.contains { $0.contains("▌") && $0.contains(#""Version""#) })
    }

    @Test func archivingAndUnarchivingGoThroughUpdateFindingsAndAreSaved() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let (_, archived) = runConsole(try workspace.source()) { $0.enqueue(keys: ":analyzer\rGA") }
        #expect(archived.text.contains("Archived the finding on acme-public-assets."), "\(archived.text)")
        let finding = try #require(
            try workspace.account().analyzers["acme-account"]?.findings.values.first {
                $0.resource == "arn:aws:s3:::acme-public-assets"
            })
        #expect(finding.status == .archived)
        let (_, active) = runConsole(try workspace.source()) { $0.enqueue(keys: ":analyzer\rG\rU") }
        #expect(active.text.contains("Activated the finding on acme-public-assets."), "\(active.text)")
        #expect(try workspace.account().analyzers["acme-account"]?.findings[finding.id]?.status == .active)
    }

    @Test func aPrincipalWithoutUpdateFindingsIsRefused() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        // carol audits read-only: she may list findings but not archive them.
        let (_, terminal) = runConsole(try workspace.source(), principal: .user("carol")) {
            $0.enqueue(keys: ":analyzer\rGA")
        }
        #expect(terminal.text.contains("access-analyzer:UpdateFindings"), "\(terminal.text)")
        #expect(
            try workspace.account().analyzers["acme-account"]?.findings.values.allSatisfy { $0.status == .active }
                == true)
    }

    @Test func aPrincipalWithoutListFindingsSeesAccessDenied() {
        let (_, terminal) = runConsole(source(), principal: .user("bob")) { $0.enqueue(keys: ":analyzer\r") }
        let text = terminal.text
        #expect(text.contains("You don't have permission to view this."), "\(text)")
        #expect(text.contains("access-analyzer:ListFindings"))
        #expect(!text.contains("acme-public-assets"))
    }
}
