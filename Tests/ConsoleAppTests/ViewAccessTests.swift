import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// Views are authorised for the signed-in principal: a refused List or Get call shows AWS's
/// access-denied message in place of the data, and nothing of it can be opened or copied.
@Suite("View access")
@MainActor
struct ViewAccessTests {
    let source = { ScriptedSource(Fixtures.account()) }

    @Test func aUserWhoseListUsersIsDeniedSeesAWSMessageNotTheList() {
        // bob is in Developers, whose DenyWithoutMFA denies everything but MFA setup without MFA.
        let (_, terminal) = runConsole(source(), principal: .user("bob")) { $0.enqueue(keys: ":users\r\ry") }
        let text = terminal.text
        #expect(text.contains("You don't have permission to view this."))
        #expect(text.contains("AccessDenied: User: arn:aws:iam::111122223333:user/engineering/bob is not"))
        #expect(text.contains("iam:ListUsers on resource: arn:aws:iam::111122223333:user/"))
        #expect(text.contains("explicit deny"))
        #expect(!text.contains("alice"), "a row leaked: \(text)")
        #expect(!text.contains("Copied"))
        #expect(terminal.row(1).hasPrefix("┌ Users ─"))
    }

    @Test func aReadOnlyAuditorSeesTheLists() {
        let (_, terminal) = runConsole(source(), principal: .user("carol")) { $0.enqueue(keys: ":users\r") }
        #expect(!terminal.text.contains("You don't have permission"))
        #expect(terminal.text.contains("alice"))
    }

    @Test func theDashboardNeedsGetAccountSummary() {
        let (_, denied) = runConsole(source(), principal: .user("bob")) { _ in }
        #expect(denied.text.contains("iam:GetAccountSummary"))
        let (_, root) = runConsole(source(), principal: .root) { _ in }
        #expect(root.text.contains("IAM resources"))
    }

    @Test func detailPagesNeedTheirGetCall() {
        var account = Fixtures.account()
        // A user allowed to list users but not to get them.
        var lister = User(name: "lister", path: "/", id: "AIDAEXAMPLELISTER001", createDate: Fixtures.now)
        lister.inlinePolicies = [
            InlinePolicy(
                name: "ListOnly",
                document:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"#
            )
        ]
        account.users["lister"] = lister
        let (_, terminal) = runConsole(ScriptedSource(account), principal: .user("lister")) {
            $0.enqueue(keys: ":users\r\r")
        }
        #expect(terminal.row(1).contains("Users › alice"))
        #expect(terminal.text.contains("iam:GetUser on resource: arn:aws:iam::111122223333:user/alice"))
        #expect(terminal.text.contains("iam:GetUser action"))
        #expect(!terminal.text.contains("Console access"))
    }

    @Test func eachTabNeedsItsOwnListCall() {
        var account = Fixtures.account()
        // A user who may open users and see their groups, but not their policies or tags.
        var reader = User(name: "reader", path: "/", id: "AIDAEXAMPLEREADER001", createDate: Fixtures.now)
        reader.inlinePolicies = [
            InlinePolicy(
                name: "UsersAndGroups",
                document:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ListUsers","iam:GetUser","iam:ListGroupsForUser"],"Resource":"*"}]}"#
            )
        ]
        account.users["reader"] = reader
        let (_, permissions) = runConsole(ScriptedSource(account), principal: .user("reader")) {
            $0.enqueue(keys: ":users\r\r")
        }
        #expect(permissions.row(1).contains("Users › alice"))
        #expect(permissions.text.contains("You don't have permission to view this."))
        #expect(permissions.text.contains("iam:ListAttachedUserPolicies on resource:"))
        #expect(!permissions.text.contains("AdministratorAccess"), "a policy leaked: \(permissions.text)")
        let (_, groups) = runConsole(ScriptedSource(account), principal: .user("reader")) {
            $0.enqueue(keys: ":users\r\r\t")
        }
        #expect(!groups.text.contains("You don't have permission"), "\(groups.text)")
        #expect(groups.text.contains("Admins"))
        let (_, tags) = runConsole(ScriptedSource(account), principal: .user("reader")) {
            $0.enqueue(keys: ":users\r\r\t\t")
        }
        #expect(tags.text.contains("iam:ListUserTags on resource:"))
        #expect(tags.row(1).contains("Users › alice › Tags"))
        let (_, root) = runConsole(ScriptedSource(account), principal: .root) { $0.enqueue(keys: ":users\r\r") }
        #expect(!root.text.contains("You don't have permission"))
    }
}
