import Foundation
import Testing

@testable import IAMCore

@Suite struct SampleAccountTests {
    static let now = Timestamp(secondsSince1970: 1_795_933_889)

    static func make(seed: String = "sample") -> Account {
        SampleAccount.make(now: now, random: SeededRandomSource(seed: seed), iterations: 1000)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return encoder
    }

    @Test func sampleContents() throws {
        let account = Self.make()
        #expect(account.id == "111122223333")
        #expect(account.alias == "acme-demo")
        #expect(account.users.keys.sorted() == ["alice", "bob", "carol", "dave", "deploy-bot"])
        #expect(account.groups.keys.sorted() == ["admins", "auditors", "developers"])
        #expect(account.roles.keys.sorted() == ["app-server", "auditor-readonly", "thumbnailer"])
        #expect(account.policies["deployartifacts"]?.defaultVersionId == "v2")
        #expect(account.users["dave"]?.groups == ["Developers", "Auditors"])
        #expect(account.instanceProfiles["app-server"]?.roles == ["app-server"])
        #expect(account.passwordPolicy?.minimumPasswordLength == 12)
        #expect(account.auditTrail.isEmpty)
        let hash = try #require(account.users["alice"]?.loginProfile?.passwordHash)
        #expect(PasswordHasher.verify(SampleAccount.Credentials.userPassword, against: hash))
        #expect(PasswordHasher.verify(SampleAccount.Credentials.rootPassword, against: account.root.passwordHash))
        #expect(
            account.principal(
                forAccessKey: SampleAccount.Credentials.aliceAccessKeyId,
                secret: SampleAccount.Credentials.aliceSecretAccessKey) == .user("alice"))
        #expect(account.createDate < Self.now)
        #expect(account.users.values.allSatisfy { $0.createDate < Self.now })
    }

    @Test func sampleUsersHaveTheirPermissions() throws {
        var service = IAMService(
            account: Self.make(), clock: FixedClock(Self.now), random: SeededRandomSource(seed: "s"))
        _ = try service.createUser(CreateUserRequest(userName: "new-admin"), as: .user("alice"))
        _ = try service.listUsers(ListUsersRequest(), as: .user("carol"))
        expectFailure(code: .accessDenied, in: &service) {
            _ = try $0.createUser(CreateUserRequest(userName: "x"), as: .user("carol"))
        }
    }

    @Test func codableRoundTripIsLossless() throws {
        var service = IAMService(
            account: Self.make(), clock: FixedClock(Self.now), random: SeededRandomSource(seed: "s"))
        _ = try service.createUser(CreateUserRequest(userName: "audited"), as: .root)  // an audit event too
        service.account.roles["app-server"]?.lastUsed = RoleLastUsed(
            date: Timestamp(microseconds: 1_795_933_889_123_456), region: "eu-west-1")
        let account = service.account
        let data = try Self.encoder().encode(account)
        let decoded = try JSONDecoder().decode(Account.self, from: data)
        #expect(decoded == account)
        #expect(try Self.encoder().encode(decoded) == data)
    }

    @Test func encodingIsDeterministic() throws {
        let first = try Self.encoder().encode(Self.make())
        let second = try Self.encoder().encode(Self.make())
        #expect(first == second)
        let again = try Self.encoder().encode(try JSONDecoder().decode(Account.self, from: first))
        #expect(again == first)
    }

    @Test func duplicateNamesInAFileAreRejected() throws {
        let account = Self.make()
        var text = String(decoding: try Self.encoder().encode(account), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"name\" : \"bob\"", with: "\"name\" : \"ALICE\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Account.self, from: Data(text.utf8)) }
    }
}
