import Testing

@testable import IAMCore

@Suite struct AccessKeyTests {
    @Test func createAccessKeyShowsTheSecretOnce() throws {
        var service = TestAccount.make()
        try service.user("alice")
        let key = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
        #expect(key.userName == "alice")
        expectIdentifier(key.accessKeyId, prefix: "AKIA", count: 16)
        #expect(key.status == "Active")
        #expect(key.createDate.iso8601 == TestAccount.nowISO)
        let secret = try #require(key.secretAccessKey)
        #expect(secret.count == 40)
        let base64 = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        #expect(secret.allSatisfy { base64.contains($0) })
        let stored = try #require(service.account.users["alice"]?.accessKeys.first)
        #expect(stored.secretHash == SecretHasher.hash(secret))
        #expect(stored.secretHash != secret)
        #expect(service.account.principal(forAccessKey: key.accessKeyId, secret: secret) == .user("alice"))
        #expect(service.account.principal(forAccessKey: key.accessKeyId, secret: "wrong") == nil)
        let listed = try service.listAccessKeys(AccessKeyUserRequest(userName: "alice"), as: .root)
        #expect(listed.accessKeyMetadata.map(\.accessKeyId) == [key.accessKeyId])
        #expect(listed.accessKeyMetadata.allSatisfy { $0.secretAccessKey == nil })
    }

    @Test func twoKeysPerUserInactiveIncluded() throws {
        var service = TestAccount.make()
        try service.user("alice")
        let first = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
        _ = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root)
        _ = try service.updateAccessKey(
            UpdateAccessKeyRequest(userName: "alice", accessKeyId: first.accessKeyId, status: "Inactive"), as: .root)
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for AccessKeysPerUser: 2"), in: &service) {
            _ = try $0.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root)
        }
    }

    @Test func updateAndDeleteKeys() throws {
        var service = TestAccount.make()
        try service.user("alice")
        let key = try service.createAccessKey(AccessKeyUserRequest(userName: "alice"), as: .root).accessKey
        let secret = try #require(key.secretAccessKey)
        _ = try service.updateAccessKey(
            UpdateAccessKeyRequest(userName: "alice", accessKeyId: key.accessKeyId, status: "Inactive"), as: .root)
        #expect(service.account.users["alice"]?.accessKeys.first?.status == .inactive)
        #expect(service.account.principal(forAccessKey: key.accessKeyId, secret: secret) == nil)
        expectFailure(
            validationError("Disabled", "status", "Member must satisfy enum value set: [Active, Inactive]"),
            in: &service
        ) {
            _ = try $0.updateAccessKey(
                UpdateAccessKeyRequest(userName: "alice", accessKeyId: key.accessKeyId, status: "Disabled"), as: .root)
        }
        let missing = IAMError(.noSuchEntity, "The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found")
        expectFailure(missing, in: &service) {
            _ = try $0.updateAccessKey(
                UpdateAccessKeyRequest(userName: "alice", accessKeyId: "AKIAAAAAAAAAAAAAAAAA", status: "Active"),
                as: .root)
        }
        expectFailure(missing, in: &service) {
            _ = try $0.deleteAccessKey(
                DeleteAccessKeyRequest(userName: "alice", accessKeyId: "AKIAAAAAAAAAAAAAAAAA"), as: .root)
        }
        _ = try service.deleteAccessKey(
            DeleteAccessKeyRequest(userName: "alice", accessKeyId: key.accessKeyId), as: .root)
        #expect(service.account.users["alice"]?.accessKeys.isEmpty == true)
        // Without keys (and nothing else) the user can now be deleted.
        _ = try service.deleteUser(UserNameRequest(userName: "alice"), as: .root)
    }

    @Test func rootKeysAndCallerDefaults() throws {
        var service = TestAccount.make()
        let rootKey = try service.createAccessKey(AccessKeyUserRequest(), as: .root).accessKey
        #expect(rootKey.userName == nil)
        #expect(service.account.root.accessKeys.map(\.id) == [rootKey.accessKeyId])
        #expect(try service.getAccountSummary(as: .root).summaryMap["AccountAccessKeysPresent"] == 1)
        try service.user("bob")
        try service.attach(user: "bob", TestAccount.awsPolicy("IAMFullAccess"))
        let own = try service.createAccessKey(AccessKeyUserRequest(), as: .user("bob")).accessKey
        #expect(own.userName == "bob")
        #expect(service.account.users["bob"]?.accessKeys.map(\.id) == [own.accessKeyId])
        expectFailure(IAMError(.noSuchEntity, "The user with name ghost cannot be found."), in: &service) {
            _ = try $0.createAccessKey(AccessKeyUserRequest(userName: "ghost"), as: .root)
        }
    }

    @Test func seededRandomnessGivesReproducibleKeys() throws {
        var first = TestAccount.make(seed: "same")
        var second = TestAccount.make(seed: "same")
        try first.user("u")
        try second.user("u")
        let a = try first.createAccessKey(AccessKeyUserRequest(userName: "u"), as: .root).accessKey
        let b = try second.createAccessKey(AccessKeyUserRequest(userName: "u"), as: .root).accessKey
        #expect(a == b)
        #expect(first.account == second.account)
    }
}
