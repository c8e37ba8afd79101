import Foundation
import Testing

@testable import IAMCore

/// GetAccessKeyLastUsed and the key limit, inactive keys included.
@Suite("Access key last use and limits")
struct AccessKeyLastUsedTests {
    @Test func aKeyNeverUsedReportsNotApplicable() throws {
        var service = TestAccount.make()
        try service.user("alice")
        let key = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
        let response = try service.getAccessKeyLastUsed(
            GetAccessKeyLastUsedRequest(accessKeyId: key.accessKeyId), as: .root)
        #expect(response.userName == "alice")
        #expect(response.accessKeyLastUsed == AccessKeyLastUsedShape(nil))
        #expect(response.accessKeyLastUsed.serviceName == "N/A")
        #expect(response.accessKeyLastUsed.region == "N/A")
        #expect(response.accessKeyLastUsed.lastUsedDate == nil)
        let json = try AWSShapeEncoder.encode(response)
        #expect(json["AccessKeyLastUsed"]?["LastUsedDate"] == nil)
    }

    @Test func recordedUseIsReportedWithServiceAndRegion() throws {
        var service = TestAccount.make()
        try service.user("alice")
        let key = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
        let later = TestAccount.now.adding(seconds: 3600)
        service.account.recordAccessKeyUse(key.accessKeyId, service: "sts", region: "eu-west-1", at: later)
        let shape = try service.getAccessKeyLastUsed(
            GetAccessKeyLastUsedRequest(accessKeyId: key.accessKeyId), as: .root
        ).accessKeyLastUsed
        #expect(shape.lastUsedDate == later)
        #expect(shape.serviceName == "sts")
        #expect(shape.region == "eu-west-1")
        // Root keys are recorded too, and report no user name.
        let rootKey = try service.createAccessKey(AccessKeyUserRequest(), as: .root).accessKey
        service.account.recordAccessKeyUse(rootKey.accessKeyId, service: "iam", region: "us-east-1", at: later)
        let rootShape = try service.getAccessKeyLastUsed(
            GetAccessKeyLastUsedRequest(accessKeyId: rootKey.accessKeyId), as: .root)
        #expect(rootShape.userName == nil)
        #expect(rootShape.accessKeyLastUsed.serviceName == "iam")
    }

    @Test func anUnknownKeyAndAnUnauthorisedCallerAreRefused() throws {
        var service = TestAccount.make()
        try service.user("alice")
        try service.user("bob")
        let key = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
        expectFailure(code: .noSuchEntity, in: &service) {
            _ = try $0.getAccessKeyLastUsed(GetAccessKeyLastUsedRequest(accessKeyId: "AKIAUNKNOWNUNKNOWN00"), as: .root)
        }
        let message = expectFailure(code: .accessDenied, in: &service) {
            _ = try $0.getAccessKeyLastUsed(GetAccessKeyLastUsedRequest(accessKeyId: key.accessKeyId), as: .user("bob"))
        }
        #expect(message?.contains("iam:GetAccessKeyLastUsed on resource: \(TestAccount.arn("user", "/alice"))") == true)
    }

    @Test func twoKeysPerUserCountingInactiveOnes() throws {
        var service = TestAccount.make()
        try service.user("alice")
        let first = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
        _ = try service.updateAccessKey(
            UpdateAccessKeyRequest(userName: "alice", accessKeyId: first.accessKeyId, status: "Inactive"), as: .root)
        _ = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root)
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for AccessKeysPerUser: 2"), in: &service) {
            _ = try $0.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root)
        }
    }
}
