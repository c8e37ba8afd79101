import Foundation
import IAMCore
import IAMWorkspace
import Testing

/// A workspace file that cannot be used is reported in one line naming the file and the place, and is never changed.
@Suite("bad workspace files")
struct BadWorkspaceTests {
    /// One kind of bad input: how to damage the sample file, and what the message must contain.
    struct Damage: CustomTestStringConvertible, Sendable {
        let name: String
        let place: String
        let words: String
        let edit: @Sendable (String) -> String

        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        Damage(name: "invalid JSON", place: ":4:3: ", words: "invalid JSON") { _ in
            "{\n  \"format\": \"iamconsole-workspace\",\n  \"schemaVersion\": 1\n  \"account\": {}\n}\n"
        },
        Damage(name: "wrong type", place: ":$.account.users[0].name: ", words: "number") {
            $0.replacingOccurrences(of: "\"name\" : \"alice\"", with: "\"name\" : 42")
        },
        Damage(name: "missing field", place: ":$.account.users[0].name: ", words: "missing") {
            $0.replacingOccurrences(of: "\"name\" : \"alice\",\n", with: "")
        },
        Damage(name: "newer schema", place: ":$.schemaVersion: ", words: "schema version 99 is newer") {
            $0.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 99")
        },
        Damage(name: "not a workspace", place: ":$.format: ", words: "not an iamconsole workspace") { _ in
            "{\"Version\": \"2012-10-17\", \"Statement\": []}\n"
        },
        Damage(name: "another format", place: ":$.format: ", words: "found 'terraform-state'") {
            $0.replacingOccurrences(of: "\"iamconsole-workspace\"", with: "\"terraform-state\"")
        },
    ]

    static let commands: [[String]] = [
        ["iam", "list-users"], ["iam", "create-user", "--user-name", "erin"], ["workspace", "check"],
    ]

    @Test(arguments: damages, commands)
    func damagedFilesAreReportedAndKept(damage: Damage, command: [String]) throws {
        let box = try Sandbox()
        try box.initSample()
        let original = String(decoding: try box.workspaceBytes(), as: UTF8.self)
        let damaged = damage.edit(original)
        try #require(damaged != original, "the edit for \(damage.name) changed nothing")
        try box.write("workspace.json", damaged)
        let before = try box.workspaceBytes()

        let result = try box.run(command)
        #expect(result.status == (command[0] == "iam" ? 255 : 1))
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines.last == "", "one line on stderr, got: \(result.stderr)")
        #expect(result.stderr.contains(box.workspace + damage.place), "\(result.stderr)")
        #expect(result.stderr.contains(damage.words), "\(result.stderr)")
        #expect(try box.workspaceBytes() == before)
        #expect(!FileManager.default.fileExists(atPath: box.workspace + ".bak"))
    }

    @Test(arguments: commands)
    func aFolderAtThePathIsReportedAndKept(command: [String]) throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(atPath: box.workspace, withIntermediateDirectories: false)
        let result = try box.run(command)
        #expect(result.status == (command[0] == "iam" ? 255 : 1))
        #expect(result.stdout == "")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(box.workspace), "\(result.stderr)")
        #expect(result.stderr.contains("is a folder"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.workspace) == [])
    }

    @Test(arguments: commands)
    func aMissingFileIsReportedAndNotCreated(command: [String]) throws {
        let box = try Sandbox()
        let result = try box.run(command)
        #expect(result.status == (command[0] == "iam" ? 255 : 1))
        #expect(result.stdout == "")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("workspace file not found: \(box.workspace)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.workspace))
    }

    @Test func checkListsEverySemanticProblemWithItsPath() throws {
        let box = try Sandbox()
        try box.initSample()
        var account = try WorkspaceCodec.decode(try box.workspaceBytes(), path: nil)
        account.users["bob"]?.groups.append("Ghosts")
        account.users["alice"]?.attachedPolicies.append("arn:aws:iam::111122223333:policy/Missing")
        account.users["deploy-bot"]?.inlinePolicies[0].document = #"{"Version": "2012-10-17"}"#
        let broken = try WorkspaceCodec.encode(account)
        try broken.write(to: URL(fileURLWithPath: box.workspace))

        let result = try box.run(["workspace", "check"], as: .nobody)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let path = box.workspace
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.contains("\(path): $.account.users[1].groups[1]: no group named 'Ghosts'"))
        #expect(
            lines.contains(
                "\(path): $.account.users[0].attachedPolicies[0]: no managed policy arn:aws:iam::111122223333:policy/Missing"
            ))
        #expect(
            lines.contains {
                $0.hasPrefix("\(path): $.account.users[4].inlinePolicies[0].document: MalformedPolicyDocument")
            })
        #expect(lines.last == "3 problems found")
        #expect(try box.workspaceBytes() == broken)

        #expect(try Sandbox.checkSample().status == 0)
    }

    @Test func initRefusesToOverwriteWithoutForce() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok("create-user", "--user-name", "erin")
        let before = try box.workspaceBytes()
        let again = try box.run(["workspace", "init", "--sample"], as: .nobody)
        #expect(again.status == 1)
        #expect(again.stdout == "")
        #expect(again.stderr.contains(box.workspace) && again.stderr.contains("already exists"), "\(again.stderr)")
        #expect(try box.workspaceBytes() == before)
        let forced = try box.run(["workspace", "init", "--sample", "--force"], as: .nobody)
        #expect(forced.status == 0)
        #expect(forced.stdout == "Created workspace \(box.workspace) for account 111122223333 (acme-demo).\n")
        #expect(try box.iam("get-user", "--user-name", "erin").status == 254)
    }
}

extension Sandbox {
    /// `workspace check` on a fresh sample workspace.
    static func checkSample() throws -> RunResult {
        let box = try Sandbox()
        try box.initSample()
        return try box.run(["workspace", "check"], as: .nobody)
    }
}
