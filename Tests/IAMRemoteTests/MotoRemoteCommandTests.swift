import Foundation
import IAMRemote
import Testing

/// `iamconsole remote pull|plan|apply` against a real moto_server: pull, plan, apply, and a
/// second plan with no change; a failed apply's report and a re-run that finishes the job.
@Suite(.enabled(if: MotoServer.isInstalled, MotoServer.missing))
struct MotoRemoteCommandTests {
    static let trust =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    static let lambdaTrust =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    static let readS3 = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}"#
    static let readLogs =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:Get*","Resource":"*"}]}"#

    /// A runner whose runs sign with the moto credentials.
    static func runner() throws -> CLIRunner {
        try CLIRunner(variables: [
            "AWS_ACCESS_KEY_ID": MotoServer.credentials.accessKeyId,
            "AWS_SECRET_ACCESS_KEY": MotoServer.credentials.secretAccessKey,
        ])
    }

    /// An endpoint with a user in a group, a policy attached to the group, a role with an inline
    /// policy, tags, an access key and an alias.
    static func seed(_ moto: MotoServer) throws {
        try moto.call("CreateUser", ["UserName": "alice", "Tags.member.1.Key": "team", "Tags.member.1.Value": "dev"])
        try moto.call("CreateGroup", ["GroupName": "devs"])
        try moto.call("AddUserToGroup", ["GroupName": "devs", "UserName": "alice"])
        try moto.call("CreatePolicy", ["PolicyName": "read-s3", "PolicyDocument": readS3])
        try moto.call(
            "AttachGroupPolicy", ["GroupName": "devs", "PolicyArn": "arn:aws:iam::123456789012:policy/read-s3"])
        try moto.call(
            "CreateRole", ["RoleName": "builder", "AssumeRolePolicyDocument": trust, "Description": "CI builds"])
        try moto.call("PutRolePolicy", ["RoleName": "builder", "PolicyName": "logs", "PolicyDocument": readLogs])
        try moto.call("CreateAccessKey", ["UserName": "alice"])
        try moto.call("CreateUser", ["UserName": "old-bot"])
        try moto.call("CreateAccountAlias", ["AccountAlias": "moto-test"])
    }

    @Test func pullPlanApplyThenNoChange() throws {
        let moto = try MotoServer()
        try Self.seed(moto)
        let cli = try Self.runner()
        let endpoint = ["--endpoint", moto.endpoint]

        let pulled = try cli.run(["remote", "pull"] + endpoint, stdin: CLIRunner.rootPassword + "\n")
        try #require(pulled.status == 0, "pull failed: \(pulled.stderr)")
        #expect(pulled.stdout.contains("Created: 2 users, 1 group, 1 role, 1 policy"))
        #expect(pulled.stdout.contains("Pulled account 123456789012 from \(moto.endpoint)"))
        let shown = try cli.run(["workspace", "show"])
        #expect(shown.stdout.contains("Account         123456789012 (moto-test)"))

        let unchanged = try cli.run(["remote", "plan", "--detailed-exitcode"] + endpoint)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("No changes. The endpoint matches the workspace."))

        try cli.iam("create-user", "--user-name", "carol", "--path", "/ops/", "--tags", "Key=team,Value=ops")
        try cli.iam("create-group", "--group-name", "ops")
        try cli.iam("add-user-to-group", "--user-name", "carol", "--group-name", "ops")
        try cli.iam("create-policy", "--policy-name", "read-logs", "--policy-document", Self.readLogs)
        try cli.iam(
            "attach-group-policy", "--group-name", "ops", "--policy-arn", "arn:aws:iam::123456789012:policy/read-logs")
        try cli.iam("update-assume-role-policy", "--role-name", "builder", "--policy-document", Self.lambdaTrust)
        try cli.iam("delete-user", "--user-name", "old-bot")
        try cli.iam("remove-user-from-group", "--user-name", "alice", "--group-name", "devs")
        try cli.iam(
            "detach-group-policy", "--group-name", "devs", "--policy-arn", "arn:aws:iam::123456789012:policy/read-s3")
        try cli.iam("delete-group", "--group-name", "devs")

        let plan = try cli.run(["remote", "plan", "--detailed-exitcode"] + endpoint)
        #expect(plan.status == 2, "\(plan.stderr)")
        let summaries = plan.stdout.split(separator: "\n").filter {
            ["+", "~", "-"].contains($0.first.map(String.init))
        }
        #expect(
            summaries == [
                "+ create policy read-logs",
                "+ create group ops",
                "+ create user carol",
                "~ update role builder trust policy",
                "+ attach policy arn:aws:iam::123456789012:policy/read-logs to group ops",
                "+ add user carol to group ops",
                "- remove user alice from group devs",
                "- delete user old-bot",
                "- delete group devs",
            ])
        #expect(plan.stdout.contains("-                \"Service\": \"ec2.amazonaws.com\""))
        #expect(plan.stdout.contains("+                \"Service\": \"lambda.amazonaws.com\""))
        #expect(plan.stdout.contains("Plan: 5 to create, 1 to update, 3 to delete."))

        let json = try cli.run(["remote", "plan", "--output", "json"] + endpoint)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["Changes"] as? [[String: Any]])
        #expect(changes.count == 9)
        // Deleting the group detaches its policy first, within the one change.
        let deleteGroup = try #require(changes.first { $0["Summary"] as? String == "delete group devs" })
        let deleteCalls = try #require(deleteGroup["Calls"] as? [[String: Any]])
        #expect(deleteCalls.compactMap { $0["Action"] as? String } == ["DetachGroupPolicy", "DeleteGroup"])
        let createUser = try #require(changes.first { $0["Summary"] as? String == "create user carol" })
        let calls = try #require(createUser["Calls"] as? [[String: Any]])
        #expect(calls.first?["Action"] as? String == "CreateUser")
        let parameters = try #require(calls.first?["Parameters"] as? [String: String])
        #expect(
            parameters == [
                "UserName": "carol", "Path": "/ops/", "Tags.member.1.Key": "team", "Tags.member.1.Value": "ops",
            ])

        let refused = try cli.run(["remote", "apply"] + endpoint)
        #expect(refused.status == 252)
        #expect(refused.stderr.contains("pass --auto-approve"))

        let applied = try cli.run(["remote", "apply", "--auto-approve"] + endpoint)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("applied: + create user carol"))
        #expect(applied.stdout.contains("Apply complete: 9 changes applied."))

        let after = try cli.run(["remote", "plan", "--detailed-exitcode"] + endpoint)
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        #expect(after.stdout.contains("No changes. The endpoint matches the workspace."))
        let carol = try moto.call("GetUser", ["UserName": "carol"])
        #expect(carol.text("User/Path") == "/ops/")
        let groups = try moto.call("ListGroupsForUser", ["UserName": "carol"])
        #expect(groups.members("Groups").compactMap { $0.text("GroupName") } == ["ops"])
    }

    @Test func failedApplyReportsAndARerunFinishes() throws {
        let moto = try MotoServer()
        try Self.seed(moto)
        let cli = try Self.runner()
        let endpoint = ["--endpoint", moto.endpoint]
        let pulled = try cli.run(["remote", "pull"] + endpoint, stdin: CLIRunner.rootPassword + "\n")
        try #require(pulled.status == 0, "pull failed: \(pulled.stderr)")
        try cli.iam("create-group", "--group-name", "auditors")
        // moto_server starts without AWS managed policies, so attaching one fails there with
        // NoSuchEntity, as it would at AWS for a policy that does not exist.
        try cli.iam(
            "attach-group-policy", "--group-name", "auditors", "--policy-arn", "arn:aws:iam::aws:policy/ReadOnlyAccess")
        try cli.iam("create-user", "--user-name", "dave")
        try cli.iam("add-user-to-group", "--user-name", "dave", "--group-name", "auditors")

        let failed = try cli.run(["remote", "apply", "--auto-approve"] + endpoint)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("applied: + create group auditors"))
        #expect(failed.stdout.contains("applied: + create user dave"))
        #expect(
            failed.stderr.contains(
                "Error: + attach policy arn:aws:iam::aws:policy/ReadOnlyAccess to group auditors failed: "
                    + "AttachGroupPolicy: NoSuchEntity:"))
        #expect(failed.stderr.contains("Applied 2 of 4 changes:"))
        #expect(
            failed.stderr.contains(
                "Not applied: 2 (the failed change and those after it)\n"
                    + "  + attach policy arn:aws:iam::aws:policy/ReadOnlyAccess to group auditors\n"
                    + "  + add user dave to group auditors"))

        let remaining = try cli.run(["remote", "plan"] + endpoint)
        #expect(!remaining.stdout.contains("create group auditors"))
        #expect(remaining.stdout.contains("+ add user dave to group auditors"))

        try cli.iam(
            "detach-group-policy", "--group-name", "auditors", "--policy-arn", "arn:aws:iam::aws:policy/ReadOnlyAccess")
        let rerun = try cli.run(["remote", "apply", "--auto-approve"] + endpoint)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("Apply complete: 1 change applied."))
        let after = try cli.run(["remote", "plan", "--detailed-exitcode"] + endpoint)
        #expect(after.status == 0)
        #expect(after.stdout.contains("No changes."))
    }

    @Test func endpointAndAccountErrorsAreReported() throws {
        let moto = try MotoServer()
        let cli = try Self.runner()
        let closed = try MotoServer.freePort()
        let unreachable = try cli.run(["remote", "pull", "--endpoint", "http://127.0.0.1:\(closed)"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("cannot reach http://127.0.0.1:\(closed)"))
        #expect(unreachable.stderr.contains("Nothing was pulled"))
        #expect(!FileManager.default.fileExists(atPath: cli.workspace))

        let other = try cli.run(
            ["workspace", "init", "--account-id", "111122223333", "--root-email", "root@example.com"],
            stdin: CLIRunner.rootPassword + "\n")
        try #require(other.status == 0, "\(other.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.workspace))
        let pullMismatch = try cli.run(["remote", "pull", "--endpoint", moto.endpoint])
        #expect(pullMismatch.status == 1)
        #expect(
            pullMismatch.stderr.contains("the workspace holds account 111122223333, but the endpoint's credentials"))
        #expect(pullMismatch.stderr.contains("Nothing was pulled; \(cli.workspace) is unchanged."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.workspace)) == before)
        let mismatch = try cli.run(["remote", "plan", "--endpoint", moto.endpoint])
        #expect(mismatch.status == 1)
        #expect(
            mismatch.stderr.contains(
                "holds account 111122223333, but the endpoint's credentials are of account 123456789012"))

        let noCredentials = try CLIRunner()
        let missing = try noCredentials.run(["remote", "plan", "--endpoint", moto.endpoint])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/.aws/credentials: no credentials"))

        let badURL = try cli.run(["remote", "plan", "--endpoint", "ftp://example"])
        #expect(badURL.stderr.contains("--endpoint: expected an http:// or https:// URL, found 'ftp://example'"))
    }
}
