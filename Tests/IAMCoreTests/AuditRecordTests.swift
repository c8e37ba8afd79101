import Foundation
import IAMPolicy
import Testing

@testable import IAMCore

/// The CloudTrail-shaped record the service makes of each request: allowed, refused and failed.
@Suite("Audit records")
struct AuditRecordTests {
    static let secretPassword = "Zebra-Secret-Pw-42!"

    @Test func anAllowedCreateRecordsTheRequestAndTheCreatedEntity() throws {
        var service = TestAccount.make()
        let user = try service.createUser(CreateUserRequest(userName: "alice", path: "/team/"), as: .root).user
        let record = try #require(service.pendingAuditRecords.last)
        #expect(record.eventVersion == "1.08" && record.eventSource == "iam.amazonaws.com")
        #expect(record.eventName == "CreateUser" && record.eventType == "AwsApiCall")
        #expect(record.awsRegion == "us-east-1" && record.sourceIPAddress == "local")
        #expect(record.userAgent == "iamconsole-cli/\(AuditCaller.toolVersion)")
        #expect(record.eventTimeText == "2026-01-01T00:00:00Z" && record.recipientAccountId == TestAccount.id)
        #expect(record.readOnly == false && record.managementEvent && record.eventCategory == "Management")
        #expect(record.errorCode == nil && record.errorMessage == nil && record.succeeded)
        #expect(
            record.userIdentity
                == CloudTrailIdentity(
                    type: "Root", principalId: TestAccount.id, arn: "arn:aws:iam::123456789012:root",
                    accountId: TestAccount.id))
        #expect(record.requestParameters == ["userName": "alice", "path": "/team/"])
        #expect(record.responseElements["user"]?["userName"] == "alice")
        #expect(record.responseElements["user"]?["userId"] == .string(user.userId))
        #expect(record.responseElements["user"]?["arn"] == "arn:aws:iam::123456789012:user/team/alice")
        #expect(UUID(uuidString: record.eventID) != nil)
    }

    @Test func aDeniedRequestIsRecordedWithCloudTrailsErrorCodeAndMessage() throws {
        var service = TestAccount.make()
        try service.user("alice")
        let before = service.account
        #expect(throws: IAMError.self) {
            try service.createUser(CreateUserRequest(userName: "mallory"), as: .user("alice"))
        }
        #expect(service.account == before)
        let record = try #require(service.pendingAuditRecords.last)
        #expect(record.eventName == "CreateUser" && record.errorCode == "AccessDenied" && !record.succeeded)
        #expect(
            record.errorMessage
                == "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser on "
                + "resource: arn:aws:iam::123456789012:user/mallory because no identity-based policy allows the "
                + "iam:CreateUser action")
        #expect(record.userIdentity.type == "IAMUser" && record.userIdentity.userName == "alice")
        #expect(record.userIdentity.principalId == service.account.user(named: "alice")?.id)
        #expect(record.requestParameters == ["userName": "mallory"] && record.responseElements == .null)
    }

    @Test func validationErrorsAndMissingEntitiesAreRecordedToo() throws {
        var service = TestAccount.make()
        #expect(throws: IAMError.self) { try service.createUser(CreateUserRequest(userName: "bad name"), as: .root) }
        #expect(throws: IAMError.self) { try service.getUser(UserNameRequest(userName: "ghost"), as: .root) }
        let records = service.pendingAuditRecords
        #expect(records.map(\.eventName) == ["CreateUser", "GetUser"])
        #expect(records.map(\.errorCode) == ["ValidationError", "NoSuchEntityException"])
        #expect(records[1].errorMessage == "The user with name ghost cannot be found.")
        #expect(records[1].readOnly == true)
    }

    @Test func readsAreRecordedWithoutTheirAnswer() throws {
        var service = TestAccount.make()
        try service.user("alice")
        _ = try service.listUsers(ListUsersRequest(), as: .root)
        let record = try #require(service.pendingAuditRecords.last)
        #expect(record.eventName == "ListUsers" && record.readOnly == true)
        #expect(record.requestParameters == .null && record.responseElements == .null)
    }

    @Test func actionsForSeveralKindsOfEntityNameTheOperation() throws {
        var service = TestAccount.make()
        try service.user("alice")
        _ = try service.tag(TagRequest(userName: "alice", tags: [Tag(key: "team", value: "red")]), as: .root)
        _ = try service.attachPolicy(
            AttachPolicyRequest(userName: "alice", policyArn: TestAccount.awsPolicy("ReadOnlyAccess")), as: .root)
        let names = service.pendingAuditRecords.map(\.eventName)
        #expect(names.suffix(2) == ["TagUser", "AttachUserPolicy"])
        #expect(service.pendingAuditRecords.last?.responseElements == .null, "no data, as CloudTrail writes it")
    }

    @Test func nothingIsRecordedWhileRecordingIsOff() throws {
        var service = TestAccount.make()
        service.recordsAudit = false
        try service.user("alice")
        #expect(service.pendingAuditRecords.isEmpty)
        #expect(service.takeAuditRecords().isEmpty)
    }

    @Test func aRecordSurvivesItsJSONForm() throws {
        var service = TestAccount.make()
        try service.user("alice")
        #expect(throws: IAMError.self) { try service.deleteUser(UserNameRequest(userName: "ghost"), as: .root) }
        for record in service.takeAuditRecords() {
            let text = JSONWriter.compact(record.json)
            #expect(!text.contains("\n"))
            #expect(try CloudTrailRecord(json: JSONParser.parse(text)) == record)
        }
        #expect(service.pendingAuditRecords.isEmpty, "taken records are gone")
    }

    @Test func noSecretReachesARecord() throws {
        var service = TestAccount.make()
        service.passwordHashIterations = 1000
        try service.user("alice")
        service.account.passwordPolicy = PasswordPolicy(allowUsersToChangePassword: true)
        let key = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
        _ = try service.createLoginProfile(
            CreateLoginProfileRequest(userName: "alice", password: Self.secretPassword), as: .root)
        _ = try service.changePassword(
            ChangePasswordRequest(oldPassword: Self.secretPassword, newPassword: "Zebra-Newer-Pw-43!"),
            as: .user("alice"))
        let device = try service.createVirtualMFADevice(
            CreateVirtualMFADeviceRequest(virtualMFADeviceName: "phone"), as: .root
        ).virtualMFADevice
        let seed = try #require(device.base32StringSeed)
        let seedText = try #require(device.seedText)
        let secret = try #require(Base32.decode(seedText))
        let step = TOTP.step(at: TestAccount.now)
        let codes = [TOTP.code(secret: secret, step: step - 1), TOTP.code(secret: secret, step: step)]
        _ = try service.enableMFADevice(
            MFACodesRequest(
                userName: "alice", serialNumber: device.serialNumber, authenticationCode1: codes[0],
                authenticationCode2: codes[1]), as: .root)
        let text = service.pendingAuditRecords.map { JSONWriter.compact($0.json) }.joined(separator: "\n")
        let secrets = [
            try #require(key.secretAccessKey), Self.secretPassword, "Zebra-Newer-Pw-43!", seed, seedText,
            try #require(device.qRCodePNG),
        ]
        for secret in secrets + codes { #expect(!text.contains(secret), "a secret is in the trail: \(secret)") }
        #expect(text.contains(AuditRedaction.hidden), "given secrets are shown as hidden")
        #expect(text.contains(key.accessKeyId), "the key id is not a secret")
    }

    @Test func theCallerNamesTheProgramAndTheKey() throws {
        var service = TestAccount.make()
        service.auditRecorder = AuditRecorder(caller: .cli(accessKeyId: "AKIAEXAMPLE"))
        try service.user("alice")
        #expect(service.pendingAuditRecords.last?.userIdentity.accessKeyId == "AKIAEXAMPLE")
        service.auditRecorder = AuditRecorder(caller: .console)
        service.session = ConsoleSession(principal: .root, signedInAt: TestAccount.now)
        try service.user("bob")
        let record = try #require(service.pendingAuditRecords.last)
        #expect(record.userAgent == "iamconsole-console/\(AuditCaller.toolVersion)")
        #expect(record.userIdentity.sessionContext?.mfaAuthenticated == false)
        #expect(record.userIdentity.sessionContext?.creationDate == TestAccount.now)
    }
}
