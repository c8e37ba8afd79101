import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// Access Advisor in the console: the tab on user, group, role and policy pages, the sidebar's
/// list of identities, activity recorded for console actions, and `p`'s least-privilege draft.
@Suite("Access advisor view", .serialized)
@MainActor
struct AccessAdvisorViewTests {
    let source = { ScriptedSource(Fixtures.account()) }

    @Test func theUserTabListsGrantedServicesByRecencyAt80x24() {
        let (_, terminal) = runConsole(source(), width: 80, height: 24) { $0.enqueue(keys: ":users\r/alice\r\r]]]]") }
        let rows = terminal.text.split(separator: "\n").map(String.init)
        let iam = rows.firstIndex { $0.contains("AWS Identity and Access") } ?? -1
        let s3 = rows.firstIndex { $0.contains("Amazon S3") } ?? -1
        #expect(iam >= 0 && iam < s3, "\(terminal.text)")
        #expect(rows[iam].contains("▇▇▇▇▇▇▇▇▇▇  3 days ago"))
        #expect(rows[s3].contains("▇▇▇▇▇       200 days ago"))
        #expect(terminal.text.contains("Not accessed in the tracking period"))
    }

    @Test func theGroupTabNamesWhoLastUsedEachServiceAt120x40() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":groups\r/Admins\r\r]]") }
        #expect(terminal.text.contains("Last accessed by"), "\(terminal.text)")
        let iam = terminal.text.split(separator: "\n").first { $0.contains("AWS Identity and Access") } ?? ""
        #expect(iam.contains("3 days ago") && iam.contains("user/alice"), "\(terminal.text)")
    }

    @Test func thePolicyTabCountsTheUsersOfThePolicy() throws {
        let account = Fixtures.account()
        let lines = AccessAdvisorContent.lines(
            arn: "arn:aws:iam::aws:policy/AdministratorAccess", in: account, now: Fixtures.now
        ).map(\.text)
        #expect(lines.contains { $0.contains("Amazon S3") && $0.contains("200 days ago") && $0.contains("user/alice") })
    }

    @Test func theSidebarSectionListsIdentitiesWithUnusedServices() {
        let (_, terminal) = runConsole(source(), width: 80, height: 24) { $0.enqueue(keys: ":advisor\r") }
        let alice = terminal.text.split(separator: "\n").first { $0.contains(" alice ") } ?? ""
        #expect(alice.contains("User") && alice.contains("3 days ago"), "\(terminal.text)")
        let (_, opened) = runConsole(source()) { $0.enqueue(keys: ":advisor\r\r") }
        #expect(opened.row(1).contains("Access advisor › alice"), "\(opened.text)")
    }

    @Test func sortingByUnusedPutsTheMostUnusedLast() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":advisor\rssss") }
        #expect(terminal.text.contains("Unused ▲"), "\(terminal.text)")
        let rows = terminal.text.split(separator: "\n")
        let first = rows.firstIndex { $0.contains(" thumbnailer ") } ?? -1
        let last = rows.firstIndex { $0.contains(" alice ") } ?? -1
        #expect(first >= 0 && first < last)
    }

    @Test func pOpensALeastPrivilegeDraftWithoutChangingTheAccount() throws {
        let source = source()
        let before = try source.loadSnapshot().account
        let (_, terminal) = runConsole(source) { $0.enqueue(keys: ":users\r/alice\r\r]]]]p") }
        #expect(terminal.text.contains("New managed policy alice-least-privilege"), "\(terminal.text)")
        #expect(terminal.text.contains("\"iam:ListUsers\""))
        #expect(terminal.text.contains("\"s3:GetObject\""))
        #expect(try source.loadSnapshot().account == before)
    }

    @Test func pElsewhereExplainsItself() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":users\r\rp") }
        #expect(terminal.text.contains("p drafts a least-privilege policy on the Access Advisor tab"))
    }

    @Test func consoleActionsAreRecordedAndTheDraftIsSavedFromTheEditor() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        _ = runConsole(try workspace.source(), principal: .user("alice")) { $0.enqueue(keys: ":create-user zed\r") }
        let account = try workspace.account()
        let alice = try #require(account.user(named: "alice"))
        let key = ActivityKey(principalARN: account.arn(of: alice), action: "iam:CreateUser", region: "us-east-1")
        #expect(account.activity[key] == Fixtures.now)

        let (_, terminal) = runConsole(try workspace.source()) { terminal in
            terminal.enqueue(keys: ":users\r/alice\r\r]]]]p")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(.key(.enter))
        }
        #expect(terminal.text.contains("Saved New managed policy alice-least-privilege"), "\(terminal.text)")
        let saved = try workspace.account()
        let policy = try #require(saved.policies["alice-least-privilege"])
        #expect(policy.defaultDocument.contains("\"iam:CreateUser\""))
        #expect(saved.user(named: "alice")?.attachedPolicies == alice.attachedPolicies)
    }
}

/// The least-privilege draft's contents.
@Suite("Least-privilege draft")
struct LeastPrivilegeDraftTests {
    @Test func aGroupDraftKeepsOnlyActionsTheGroupGrants() throws {
        var account = Fixtures.account()
        let group = try #require(account.group(named: "Developers"))
        account.groups[Account.key(group.name)]?.attachedPolicies = []
        account.groups[Account.key(group.name)]?.inlinePolicies = [
            InlinePolicy(
                name: "reads",
                document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:List*","#
                    + #""Resource":"*"}]}"#)
        ]
        let member = try #require(account.members(ofGroup: group.name).first)
        let arn = account.arn(of: member)
        let recent = Fixtures.now.adding(seconds: -86_400)
        account.recordActivity(principalARN: arn, action: "iam:ListRoles", region: "us-east-1", at: recent)
        account.recordActivity(principalARN: arn, action: "iam:CreateUser", region: "us-east-1", at: recent)
        let draft = try #require(
            AccessAdvisorContent.draft(arn: account.arn(of: group), in: account, now: Fixtures.now))
        #expect(draft.contains("\"iam:ListRoles\""))
        #expect(!draft.contains("CreateUser"))
    }

    @Test func nothingUsedMeansNoDraft() throws {
        let account = Fixtures.account()
        let bob = try #require(account.user(named: "bob"))
        #expect(AccessAdvisorContent.draft(arn: account.arn(of: bob), in: account, now: Fixtures.now) == nil)
    }
}
