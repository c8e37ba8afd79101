import Foundation
import IAMCore
import IAMWorkspace
import Testing

/// WorkspaceChecker finds each kind of semantic problem at its JSON path.
@Suite("WorkspaceChecker")
struct WorkspaceCheckerTests {
    static func sample() throws -> Account {
        let now = try #require(Timestamp(iso8601: "2026-03-01T12:00:00Z"))
        return SampleAccount.make(now: now, random: SeededRandomSource(seed: "checker-tests"), iterations: 1000)
    }

    static func aliasMessage(_ alias: String) -> String {
        do {
            try NameRules.checkAccountAlias(alias)
            return "accepted"
        } catch {
            return error.message
        }
    }

    @Test func theSampleHasNoProblems() throws {
        #expect(WorkspaceChecker.check(try Self.sample()) == [])
    }

    @Test func eachKindOfProblemIsFoundAtItsPath() throws {
        let cases: [(String, (inout Account) -> Void, WorkspaceProblem)] = [
            (
                "missing group", { $0.users["bob"]?.groups.append("Ghosts") },
                WorkspaceProblem(path: "$.account.users[1].groups[1]", message: "no group named 'Ghosts'")
            ),
            (
                "missing attached policy",
                { $0.groups["admins"]?.attachedPolicies.append("arn:aws:iam::111122223333:policy/Gone") },
                WorkspaceProblem(
                    path: "$.account.groups[0].attachedPolicies[1]",
                    message: "no managed policy arn:aws:iam::111122223333:policy/Gone")
            ),
            (
                "missing boundary",
                { $0.users["carol"]?.permissionsBoundary = "arn:aws:iam::111122223333:policy/NoBoundary" },
                WorkspaceProblem(
                    path: "$.account.users[2].permissionsBoundary",
                    message: "no managed policy arn:aws:iam::111122223333:policy/NoBoundary")
            ),
            (
                "missing role in a profile", { $0.instanceProfiles["app-server"]?.roles = ["ghost-role"] },
                WorkspaceProblem(path: "$.account.instanceProfiles[0].roles[0]", message: "no role named 'ghost-role'")
            ),
            (
                "virtual MFA device without a seed",
                {
                    $0.mfaDevices["arn:aws:iam::111122223333:mfa/x"] = MFADevice(
                        serialNumber: "arn:aws:iam::111122223333:mfa/x", type: .virtual, createDate: $0.createDate)
                },
                WorkspaceProblem(
                    path: "$.account.mfaDevices[0].seed", message: "a virtual MFA device needs a base32 seed")
            ),
            (
                "security key without a credential id",
                {
                    $0.mfaDevices["arn:aws:iam::111122223333:u2f/root/k-A"] = MFADevice(
                        serialNumber: "arn:aws:iam::111122223333:u2f/root/k-A", type: .securityKey,
                        createDate: $0.createDate)
                },
                WorkspaceProblem(
                    path: "$.account.mfaDevices[0].credentialId", message: "a security key needs a credential id")
            ),
            (
                "bad alias", { $0.alias = "ACME" },
                WorkspaceProblem(path: "$.account.alias", message: Self.aliasMessage("ACME"))
            ),
            (
                "unknown AWS managed policy",
                { $0.roles["auditor-readonly"]?.attachedPolicies.append("arn:aws:iam::aws:policy/NoSuchThing") },
                WorkspaceProblem(
                    path: "$.account.roles[1].attachedPolicies[1]",
                    message: "no managed policy arn:aws:iam::aws:policy/NoSuchThing")
            ),
            (
                "session too long", { $0.roles["thumbnailer"]?.maxSessionDuration = 50_000 },
                WorkspaceProblem(
                    path: "$.account.roles[2].maxSessionDuration", message: "must be 3600-43200 seconds, found 50000")
            ),
        ]
        for (name, damage, expected) in cases {
            var account = try Self.sample()
            damage(&account)
            #expect(WorkspaceChecker.check(account) == [expected], "\(name)")
        }
    }

    @Test func aMalformedInlinePolicyIsFoundAtItsDocument() throws {
        var account = try Self.sample()
        account.users["deploy-bot"]?.inlinePolicies[0].document = #"{"Version": "2012-10-17"}"#
        let problems = WorkspaceChecker.check(account)
        #expect(problems.count == 1)
        #expect(problems.first?.path == "$.account.users[4].inlinePolicies[0].document")
        #expect(problems.first?.message.hasPrefix("MalformedPolicyDocument at ") == true)
    }

    @Test func everyProblemIsListed() throws {
        var account = try Self.sample()
        account.users["alice"]?.groups.append("Nope")
        account.users["dave"]?.attachedPolicies.append("arn:aws:iam::aws:policy/NoSuchThing")
        account.roles["app-server"]?.inlinePolicies.append(InlinePolicy(name: "bad", document: "not json"))
        let paths = WorkspaceChecker.check(account).map(\.path)
        #expect(
            paths == [
                "$.account.users[0].groups[1]", "$.account.users[3].attachedPolicies[0]",
                "$.account.roles[0].inlinePolicies[0].document",
            ])
    }
}

/// Workspace.update runs against the newest file and changes nothing when its body throws.
@Suite("Workspace.update")
struct WorkspaceUpdateTests {
    struct Refused: Error {}

    static func adding(_ name: String) -> (Account) throws -> (Account, String) {
        { account in
            let now = Timestamp(iso8601: "2026-03-01T12:00:00Z") ?? account.createDate
            var service = IAMService(account: account, clock: FixedClock(now), random: SeededRandomSource(seed: name))
            _ = try service.createUser(CreateUserRequest(userName: name), as: .root)
            return (service.account, name)
        }
    }

    @Test func anUpdateAppliesToTheNewestFileContent() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/ws.json"
            let first = try Workspace.create(path: path, account: try WorkspaceCheckerTests.sample())
            let second = try Workspace(path: path)
            #expect(try second.update(Self.adding("from-second")) == "from-second")
            // `first` still holds the account it opened; its change must not drop the other instance's user.
            #expect(first.account.users["from-second"] == nil)
            #expect(try first.update(Self.adding("from-first")) == "from-first")
            let reopened = try Workspace(path: path)
            #expect(reopened.account.users["from-second"] != nil)
            #expect(reopened.account.users["from-first"] != nil)
            #expect(reopened.account.users.count == 7)
            #expect(first.account == reopened.account)
        }
    }

    @Test func aThrowingBodyLeavesTheBytesUnchanged() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/ws.json"
            let workspace = try Workspace.create(path: path, account: try WorkspaceCheckerTests.sample())
            let before = try bytes(of: path)
            #expect(throws: Refused.self) {
                try workspace.update { account -> (Account, Int) in
                    var changed = account
                    changed.name = "Half Done"
                    _ = changed
                    throw Refused()
                }
            }
            #expect(throws: IAMError.self) {
                try workspace.update(Self.adding("alice"))
            }
            #expect(try bytes(of: path) == before)
            #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
            #expect(try Workspace(path: path).account.name == "Acme Demo")
        }
    }

    @Test func anUnchangedAccountWritesNothing() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/ws.json"
            let workspace = try Workspace.create(path: path, account: try WorkspaceCheckerTests.sample())
            let before = try bytes(of: path)
            let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
            #expect(try workspace.update { ($0, 1) } == 1)
            #expect(try bytes(of: path) == before)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
        }
    }
}
