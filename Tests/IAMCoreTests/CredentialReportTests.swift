import Foundation
import Testing

@testable import IAMCore

/// The credential report of a scripted account, checked value by value against AWS's columns
/// and vocabulary; the four-hour generation and expiry rules; ReportNotPresent.
@Suite("Credential report")
struct CredentialReportTests {
    /// 2026-01-01T00:00:00Z plus `days`.
    static func day(_ days: Int64) -> Timestamp { TestAccount.now.adding(seconds: days * 86_400) }

    /// Root with an MFA device; `ana` with a password used on day 3, changed on day 1, MFA and two
    /// keys (one inactive, one used from eu-west-1 for s3); `ben` with a password never used and no
    /// MFA; `svc` with neither password nor key. A policy with a 90-day maximum age.
    static func scenario() -> Account {
        var account = TestAccount.make().account
        account.root.mfaDevices = ["arn:aws:iam::123456789012:mfa/root-app"]
        account.root.passwordLastUsed = day(5)
        var ana = User(name: "ana", path: "/", id: "AIDAEXAMPLEANA000001", createDate: TestAccount.now)
        var profile = LoginProfile(createDate: TestAccount.now, passwordHash: "h", passwordResetRequired: false)
        profile.passwordLastChanged = day(1)
        ana.loginProfile = profile
        ana.passwordLastUsed = day(3)
        ana.mfaDevices = ["arn:aws:iam::123456789012:mfa/ana"]
        var used = AccessKey(id: "AKIAEXAMPLEANAKEY002", secretHash: "x", status: .active, createDate: day(2))
        used.lastUsed = AccessKeyLastUsed(date: day(4), serviceName: "s3", region: "eu-west-1")
        ana.accessKeys = [
            used, AccessKey(id: "AKIAEXAMPLEANAKEY001", secretHash: "x", status: .inactive, createDate: day(0)),
        ]
        account.users["ana"] = ana
        var ben = User(name: "ben", path: "/eng/", id: "AIDAEXAMPLEBEN000001", createDate: day(1))
        ben.loginProfile = LoginProfile(createDate: day(1), passwordHash: "h", passwordResetRequired: true)
        account.users["ben"] = ben
        account.users["svc"] = User(name: "svc", path: "/", id: "AIDAEXAMPLESVC000001", createDate: day(2))
        account.passwordPolicy = PasswordPolicy(maxPasswordAge: 90)
        return account
    }

    @Test func everyValueFollowsAWSVocabulary() throws {
        let rows = CredentialReport.rows(for: Self.scenario(), at: Self.day(10))
        #expect(rows.count == 4 && rows.allSatisfy { $0.count == 22 })
        func row(_ name: String) throws -> [String: String] {
            let values = try #require(rows.first { $0[0] == name })
            return Dictionary(uniqueKeysWithValues: zip(CredentialReport.columns, values))
        }
        let root = try row("<root_account>")
        #expect(root["arn"] == "arn:aws:iam::123456789012:root")
        #expect(root["user_creation_time"] == "2026-01-01T00:00:00+00:00")
        #expect(root["password_enabled"] == "not_supported" && root["password_last_changed"] == "not_supported")
        #expect(root["password_next_rotation"] == "not_supported")
        #expect(root["password_last_used"] == "2026-01-06T00:00:00+00:00")
        #expect(root["mfa_active"] == "true" && root["access_key_1_active"] == "false")
        let ana = try row("ana")
        #expect(ana["password_enabled"] == "true")
        #expect(ana["password_last_used"] == "2026-01-04T00:00:00+00:00")
        #expect(ana["password_last_changed"] == "2026-01-02T00:00:00+00:00")
        #expect(ana["password_next_rotation"] == "2026-04-02T00:00:00+00:00")
        #expect(ana["mfa_active"] == "true")
        // Keys oldest first: the inactive one (day 0), then the used one (day 2).
        #expect(
            ana["access_key_1_active"] == "false" && ana["access_key_1_last_rotated"] == "2026-01-01T00:00:00+00:00")
        #expect(ana["access_key_1_last_used_date"] == "N/A" && ana["access_key_1_last_used_service"] == "N/A")
        #expect(
            ana["access_key_2_active"] == "true" && ana["access_key_2_last_used_date"] == "2026-01-05T00:00:00+00:00")
        #expect(ana["access_key_2_last_used_region"] == "eu-west-1" && ana["access_key_2_last_used_service"] == "s3")
        #expect(ana["cert_1_active"] == "false" && ana["cert_2_last_rotated"] == "N/A")
        let ben = try row("ben")
        #expect(ben["arn"] == "arn:aws:iam::123456789012:user/eng/ben")
        #expect(ben["password_last_used"] == "no_information" && ben["mfa_active"] == "false")
        let svc = try row("svc")
        #expect(svc["password_enabled"] == "false" && svc["password_last_used"] == "N/A")
        #expect(svc["password_last_changed"] == "N/A" && svc["password_next_rotation"] == "N/A")
        #expect(svc["access_key_1_active"] == "false" && svc["access_key_2_last_rotated"] == "N/A")
    }

    @Test func theCSVHasAWSHeaderAndQuotesCommas() {
        var account = Self.scenario()
        account.users["a,b"] = User(name: "a,b", path: "/", id: "AIDAEXAMPLECOMMA0001", createDate: Self.day(0))
        let csv = CredentialReport.csv(CredentialReport.rows(for: account, at: Self.day(10)))
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == Substring(CredentialReport.columns.joined(separator: ",")))
        #expect(lines[1].hasPrefix("<root_account>,"))
        #expect(lines.contains { $0.hasPrefix("\"a,b\",\"arn:aws:iam::123456789012:user/a,b\",") })
        #expect(csv.hasSuffix("\n"))
    }

    @Test func generateThenGetAndTheFourHourRules() throws {
        var service = IAMService(account: Self.scenario(), clock: FixedClock(Self.day(10)))
        do {
            _ = try service.getCredentialReport(as: .root)
            Issue.record("a report before generation")
        } catch {
            #expect(error.code == .reportNotPresent)
        }
        let started = try service.generateCredentialReport(as: .root)
        #expect(started.state == "STARTED")
        #expect(started.description == "No report exists. Starting a new report generation task")
        #expect(try service.generateCredentialReport(as: .root).state == "COMPLETE")
        let report = try service.getCredentialReport(as: .root)
        #expect(report.reportFormat == "text/csv" && report.generatedTime == Self.day(10))
        let csv = String(decoding: try #require(Data(base64Encoded: report.content)), as: UTF8.self)
        #expect(csv.hasPrefix("user,arn,user_creation_time,"))
        // Five hours later it has expired, and generating makes a new one.
        let later = Self.day(10).adding(seconds: 5 * 3600)
        var afterwards = IAMService(account: service.account, clock: FixedClock(later))
        do {
            _ = try afterwards.getCredentialReport(as: .root)
            Issue.record("an expired report was served")
        } catch {
            #expect(error.code == .reportExpired)
        }
        #expect(try afterwards.generateCredentialReport(as: .root).state == "STARTED")
        #expect(try afterwards.getCredentialReport(as: .root).generatedTime == later)
    }

    @Test func usersNeedThePermissions() throws {
        var service = IAMService(account: Self.scenario(), clock: FixedClock(Self.day(10)))
        do {
            _ = try service.generateCredentialReport(as: .user("ben"))
            Issue.record("ben generated a report")
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.message.contains("iam:GenerateCredentialReport"))
        }
    }
}
