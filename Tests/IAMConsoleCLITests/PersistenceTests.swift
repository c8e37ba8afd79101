import Foundation
import Testing

/// The workspace file as the CLI writes it: deterministic, untouched by failures and reads, private,
/// with the previous version kept, and safe under concurrent writers.
@Suite("workspace persistence through the CLI")
struct PersistenceTests {
    static func attributes(_ path: String) throws -> [FileAttributeKey: Any] {
        try FileManager.default.attributesOfItem(atPath: path)
    }

    @Test func sampleInitIsByteIdenticalForTheSameTimeSeedAndCost() throws {
        let box = try Sandbox()
        let first = box.folder + "/one.json"
        let second = box.folder + "/two.json"
        #expect(try box.run(["workspace", "init", "--sample", "--workspace", first], as: .nobody).status == 0)
        #expect(try box.run(["workspace", "init", "--sample", "--workspace", second], as: .nobody).status == 0)
        let one = try #require(FileManager.default.contents(atPath: first))
        let two = try #require(FileManager.default.contents(atPath: second))
        #expect(one == two, "two sample workspaces made with the same IAMCONSOLE_TEST_* values differ")
    }

    @Test func aFailedActionLeavesTheFileByteIdentical() throws {
        let box = try Sandbox()
        try box.initSample()
        let before = try box.workspaceBytes()
        let modified = try Self.attributes(box.workspace)[.modificationDate] as? Date
        let result = try box.iam("create-user", "--user-name", "alice")
        #expect(result.status == 254)
        #expect(result.stderr.contains("(EntityAlreadyExists) when calling the CreateUser operation"))
        #expect(try box.workspaceBytes() == before)
        #expect(try Self.attributes(box.workspace)[.modificationDate] as? Date == modified)
        #expect(!FileManager.default.fileExists(atPath: box.workspace + ".bak"))
    }

    @Test func aReadOnlyActionLeavesBytesAndModificationTime() throws {
        let box = try Sandbox()
        try box.initSample()
        // The first calls record the key's last use and each action's activity for access advisor
        // (as AWS does, even for reads); at the same instant, service and region the same reads
        // again have nothing to record and must not write.
        let actions = ["list-users", "get-account-summary", "list-roles", "get-account-authorization-details"]
        for action in actions { #expect(try box.iam(action).status == 0) }
        let before = try box.workspaceBytes()
        let attributes = try Self.attributes(box.workspace)
        usleep(20_000)
        for action in actions {
            #expect(try box.iam(action).status == 0)
        }
        #expect(try box.workspaceBytes() == before)
        let after = try Self.attributes(box.workspace)
        #expect(after[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == attributes[.systemFileNumber] as? Int)
    }

    @Test func theFileIsPrivateSortedPrettyJSONWithOneTrailingNewlineAndABackup() throws {
        let box = try Sandbox()
        try box.initSample()
        let original = try box.workspaceBytes()
        try box.ok("create-user", "--user-name", "erin")
        let data = try box.workspaceBytes()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(!text.hasSuffix("\n\n"))
        #expect(text.hasPrefix("{\n  \"account\" : {\n"))
        #expect(text.contains("\n  \"format\" : \"iamconsole-workspace\",\n  \"schemaVersion\" : 1\n}\n"))
        #expect(unsortedKeys(in: text) == [])
        let permissions = try #require(try Self.attributes(box.workspace)[.posixPermissions] as? NSNumber)
        #expect(permissions.intValue & 0o777 == 0o600)
        #expect(FileManager.default.contents(atPath: box.workspace + ".bak") == original)
        #expect(text.contains("\"name\" : \"erin\""))
    }

    @Test func concurrentWritersLoseNothing() throws {
        let box = try Sandbox()
        try box.initSample()
        var running: [(String, RunningProcess)] = []
        for index in 0..<10 {
            for writer in ["a", "b"] {
                let name = "writer-\(writer)-\(index)"
                running.append((name, try box.start(["iam", "create-user", "--user-name", name])))
            }
        }
        for (name, process) in running {
            let result = process.wait(timeout: 60)
            #expect(result.status == 0, "create-user \(name): \(result.stderr)")
        }
        let users = try box.ok("list-users")
        let names = Set(values(users["Users"], "UserName"))
        let expected = Set(running.map(\.0)).union(["alice", "bob", "carol", "dave", "deploy-bot"])
        #expect(names == expected)
        #expect(Set(values(users["Users"], "UserId")).count == 25, "every user needs its own id")
        let check = try box.run(["workspace", "check"], as: .nobody)
        #expect(check.status == 0, "\(check.stderr)")
    }
}

/// Keys that are out of order within their object, found line by line in pretty-printed JSON.
func unsortedKeys(in text: String) -> [String] {
    var lastKeyAtDepth: [Int: String] = [:]
    var problems: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let indent = line.prefix { $0 == " " }.count
        // A line that closes or opens a container forgets the keys of deeper objects.
        lastKeyAtDepth = lastKeyAtDepth.filter { $0.key <= indent }
        let rest = line.dropFirst(indent)
        guard rest.hasPrefix("\""), let end = rest.dropFirst().firstIndex(of: "\""),
            rest[rest.index(after: end)...].hasPrefix(" : ")
        else {
            if rest.hasPrefix("}") || rest.hasPrefix("{") { lastKeyAtDepth[indent] = nil }
            continue
        }
        let key = String(rest[rest.index(after: rest.startIndex)..<end])
        if let previous = lastKeyAtDepth[indent], previous >= key { problems.append("\(previous) before \(key)") }
        lastKeyAtDepth[indent] = key
    }
    return problems
}
