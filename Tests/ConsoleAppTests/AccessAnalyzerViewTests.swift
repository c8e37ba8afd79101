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

/// `e` on a finding's page edits the policy that shares the resource.
@Suite("Access analyzer: editing the shared policy")
@MainActor
struct FindingPolicyEditTests {
    @Test func eOpensTheEditorOnTheBucketPolicy() {
        let (_, terminal) = runConsole(ScriptedSource(Fixtures.account())) { $0.enqueue(keys: ":analyzer\rG\re") }
        #expect(terminal.text.contains("Bucket policy of arn:aws:s3:::acme-public-assets"), "\(terminal.text)")
        #expect(terminal.text.contains("PublicReadForWebsite"))
    }

    @Test func savingTheEditedPolicyPutsItAndResolvesTheFinding() throws {
        var service = IAMService(account: Fixtures.account(), clock: FrozenClock())
        let arn = "arn:aws:s3:::acme-public-assets"
        let text =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"#
            + #""Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-public-assets/*"}]}"#
        let save = PolicyEditorSave(target: .resourcePolicy(arn: arn, type: .s3Bucket), text: text)
        let requests = PolicyEditorState.requests(for: save)
        #expect(requests.map(\.actionName) == ["PutBucketPolicy"])
        try PolicyEditorState.perform(save, on: &service, as: .root)
        #expect(service.account.resources[arn]?.policy == text)
        let findings = service.account.analyzers["acme-account"]?.findings.values.filter { $0.resource == arn }
        #expect(findings?.map(\.status) == [.resolved])
    }

    @Test func aLambdaPolicyIsNotEditedDirectly() throws {
        var account = Fixtures.account()
        var service = IAMService(account: account, clock: FrozenClock())
        _ = try service.createFunction(
            CreateFunctionRequest(functionName: "f", role: "arn:aws:iam::111122223333:role/app-server"), as: .root)
        _ = try service.addPermission(
            AddPermissionRequest(
                functionName: "f", statementId: "all", action: "lambda:InvokeFunction", principal: "*"),
            as: .root)
        account = service.account
        let finding = try #require(
            account.analyzers["acme-account"]?.findings.values.first { $0.resourceType == .lambdaFunction })
        var state = BrowserState()
        state.apply(AccountIndex(snapshot: Fixtures.snapshot(account), now: Fixtures.now))
        state.openFindingPolicyEditor(analyzer: "acme-account", id: finding.id, in: account)
        #expect(state.modal == nil)
        #expect(state.message?.text.contains("lambda add-permission or remove-permission") == true)
    }
}
