import Foundation
import IAMCore
import IAMWorkspace
import Testing

@Suite struct AccountImportTests {
    @Test func updateReplacesListedEntitiesAndKeepsOthers() throws {
        var (account, _) = try ImportFixtures.importedFixture()
        account.users["keep-me"] = User(
            name: "keep-me", path: "/", id: "AIDAKEEPKEEPKEEPKEEP1", createDate: ImportFixtures.now)
        let key = AccessKey(
            id: "AKIAEXAMPLEKEY000001", secretHash: "x", status: .active, createDate: ImportFixtures.now)
        account.users["mira"]?.accessKeys = [key]
        account.users["mira"]?.tags = []
        let details = try AuthorizationDetailsImporter.read(
            try ImportFixtures.data("authorization-details.json"), file: "fixture")
        var summary = ImportSummary()
        let merged = try AccountImport.merge(
            details, into: account, file: "fixture", at: ImportFixtures.importTime, summary: &summary)
        #expect(merged.user(named: "keep-me") != nil)
        #expect(merged.user(named: "mira")?.accessKeys == [key])
        #expect(merged.user(named: "mira")?.tags == [Tag(key: "team", value: "orbit")])
        #expect(summary.updated["users"] == 3)
        #expect(summary.created["users"] == nil)
    }

    @Test func anotherAccountsFileIsRefused() throws {
        let details = try AuthorizationDetailsImporter.read(
            try ImportFixtures.data("authorization-details.json"), file: "fixture")
        var summary = ImportSummary()
        let error = try #require(throws: ImportError.self) {
            try AccountImport.merge(
                details, into: ImportFixtures.emptyAccount(id: "111122223333"), file: "f",
                at: ImportFixtures.importTime, summary: &summary)
        }
        #expect(error.message.contains("444455556666"))
    }

    @Test func unresolvableReferencesAreSkippedWithReasons() throws {
        let text = ImportFixtures.generated(users: 1)
            .replacingOccurrences(of: #""GroupDetailList": ["#, with: #""Ignored": ["#)
            .replacingOccurrences(
                of: #""AttachedManagedPolicies": [], "Tags""#,
                with:
                    #""AttachedManagedPolicies": [{"PolicyName": "Nope", "PolicyArn": "arn:aws:iam::aws:policy/Nope"}], "Tags""#
            )
        let details = try AuthorizationDetailsImporter.read(Data(text.utf8), file: "f")
        var summary = ImportSummary()
        let account = try AccountImport.merge(
            details, into: ImportFixtures.emptyAccount(id: "123456789012"), file: "f", at: ImportFixtures.importTime,
            summary: &summary)
        #expect(account.user(named: "user0")?.groups == [])
        #expect(account.user(named: "user0")?.attachedPolicies == [])
        #expect(summary.skipped.count == 2)
        #expect(summary.skipped.contains { $0.contains("membership of group group0 skipped") })
    }

    @Test func credentialReportAddsPasswordsKeysAndMFA() throws {
        var (account, _) = try ImportFixtures.importedFixture()
        var csv = try ImportFixtures.text("credential-report.csv")
        let date = "2026-11-29T06:31:29+00:00"
        // mira turns on MFA: her row's mfa_active becomes true.
        csv = csv.replacingOccurrences(
            of: "user/mira,\(date),true,no_information,\(date),not_supported,false",
            with: "user/mira,\(date),true,no_information,\(date),not_supported,true")
        var summary = ImportSummary()
        account = try CredentialReportImporter.apply(csv, file: "report.csv", to: account, summary: &summary)
        let mira = try #require(account.user(named: "mira"))
        #expect(mira.loginProfile?.passwordHash == CredentialReportImporter.noPasswordHash)
        #expect(!PasswordHasher.verify("anything", against: mira.loginProfile?.passwordHash ?? ""))
        #expect(mira.mfaDevices.count == 1)
        let bot = try #require(account.user(named: "deploy-bot"))
        #expect(bot.loginProfile == nil)
        #expect(bot.accessKeys.map(\.id) == ["IMPORTED1RJGUFLCQ3LOBITKY11HX"])
        #expect(bot.accessKeys.first?.status == .active)
        #expect(bot.accessKeys.first?.createDate.iso8601 == "2026-11-29T06:31:29+00:00")
        #expect(WorkspaceChecker.check(account).filter { !$0.path.hasPrefix("$.account.root") }.isEmpty)
    }

    @Test func credentialReportWithWrongColumnsIsRefused() throws {
        var summary = ImportSummary()
        let error = try #require(throws: ImportError.self) {
            try CredentialReportImporter.apply(
                "user,arn\nx,y\n", file: "r.csv", to: ImportFixtures.emptyAccount(), summary: &summary)
        }
        #expect(error.description.hasPrefix("r.csv:1:1: not an IAM credential report"))
    }
}
