import Foundation
import Testing

/// Exit codes and error messages, as the AWS CLI gives them.
@Suite("exit codes and messages")
struct ExitCodeTests {
    @Test func aMissingUserIsNoSuchEntity() throws {
        let box = try Sandbox()
        try box.initSample()
        let result = try box.iam("get-user", "--user-name", "nobody")
        #expect(result.status == 254)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "\nAn error occurred (NoSuchEntity) when calling the GetUser operation: "
                + "The user with name nobody cannot be found.\n")
    }

    @Test(arguments: [
        ["create-user"],
        ["create-user", "--user-name", "x", "--colour", "blue"],
        ["create-user", "--user-name"],
        ["make-user", "--user-name", "x"],
        ["create-role", "--role-name", "r"],
        ["list-users", "--max-items", "ten"],
    ])
    func usageErrorsExit252(arguments: [String]) throws {
        let box = try Sandbox()
        try box.initSample()
        let before = try box.workspaceBytes()
        let result = try box.run(["iam"] + arguments)
        #expect(result.status == 252)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("iamconsole: error: "))
        #expect(try box.workspaceBytes() == before)
    }

    @Test func usageMessagesNameTheProblem() throws {
        let box = try Sandbox()
        try box.initSample()
        #expect(try box.iam("create-user").stderr.contains("the following arguments are required: --user-name"))
        #expect(
            try box.iam("create-user", "--user-name", "x", "--colour", "blue").stderr.contains(
                "Unknown options: --colour"))
        #expect(try box.iam("make-user").stderr.contains("Invalid choice: 'make-user'"))
    }

    @Test func noCredentialsExit253() throws {
        let box = try Sandbox()
        try box.initSample()
        let result = try box.iam("list-users", as: .nobody)
        #expect(result.status == 253)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Unable to locate credentials."))
        let partial = try box.run(["iam", "list-users"], as: .nobody, extra: ["AWS_ACCESS_KEY_ID": Caller.aliceKeyId])
        #expect(partial.status == 253)
        #expect(partial.stderr == "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n")
    }

    @Test func aWrongSecretIsSignatureDoesNotMatch() throws {
        let box = try Sandbox()
        try box.initSample()
        let result = try box.iam(
            "list-users", as: .key(id: Caller.aliceKeyId, secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY01"))
        #expect(result.status == 254)
        #expect(result.stderr.hasPrefix("\nAn error occurred (SignatureDoesNotMatch) "))
    }

    @Test func anUnknownKeyIsInvalidClientTokenId() throws {
        let box = try Sandbox()
        try box.initSample()
        let result = try box.iam("list-users", as: .key(id: "AKIAEXAMPLEUNKNOWN00", secret: Caller.aliceSecret))
        #expect(result.status == 254)
        #expect(result.stderr.hasPrefix("\nAn error occurred (InvalidClientTokenId) "))
        #expect(result.stderr.contains("The security token included in the request is invalid."))
    }

    @Test func rootNeedsTheRightPassword() throws {
        let box = try Sandbox()
        try box.initSample()
        let wrong = try box.run(["iam", "list-users", "--root"], as: .nobody, stdin: "not-the-password\n")
        #expect(wrong.status == 254)
        #expect(wrong.stdout == "")
        #expect(wrong.stderr.contains("(AccessDenied)"))
        let none = try box.run(["iam", "list-users", "--root"], as: .nobody)
        #expect(none.status != 0)
        #expect(none.stdout == "")
        let right = try box.run(["iam", "list-users", "--root"], as: .nobody, stdin: "Acme-Root-2026!\n")
        #expect(right.status == 0)
        #expect(values(try right.json()["Users"], "UserName").count == 5)
    }

    @Test func aUserWithoutPoliciesIsDenied() throws {
        let box = try Sandbox()
        try box.initSample()
        let root = "Acme-Root-2026!\n"
        #expect(
            try box.run(["iam", "create-user", "--user-name", "intern", "--root"], as: .nobody, stdin: root).status == 0
        )
        let key = try box.run(
            ["iam", "create-access-key", "--user-name", "intern", "--root"], as: .nobody, stdin: root)
        #expect(key.status == 0)
        let accessKey = try #require(try key.json()["AccessKey"] as? [String: Any])
        let id = try #require(accessKey["AccessKeyId"] as? String)
        let secret = try #require(accessKey["SecretAccessKey"] as? String)
        let before = try box.workspaceBytes()
        let denied = try box.iam("list-users", as: .key(id: id, secret: secret))
        #expect(denied.status == 254)
        #expect(denied.stdout == "")
        #expect(
            denied.stderr.hasPrefix(
                "\nAn error occurred (AccessDenied) when calling the ListUsers operation: "
                    + "User: arn:aws:iam::111122223333:user/intern is not authorized to perform: iam:ListUsers"))
        let write = try box.iam("create-user", "--user-name", "sneaky", as: .key(id: id, secret: secret))
        #expect(write.status == 254)
        #expect(write.stderr.contains("(AccessDenied) when calling the CreateUser operation"))
        #expect(try box.workspaceBytes() == before)
    }

    @Test func aReadOnlyAuditorCanListButNotCreate() throws {
        let box = try Sandbox()
        try box.initSample()
        let listed = try box.iam("list-users", as: .carol)
        #expect(listed.status == 0)
        #expect(values(try listed.json()["Users"], "UserName") == ["alice", "bob", "carol", "dave", "deploy-bot"])
        let before = try box.workspaceBytes()
        let create = try box.iam("create-user", "--user-name", "eve", as: .carol)
        #expect(create.status == 254)
        #expect(
            create.stderr.hasPrefix(
                "\nAn error occurred (AccessDenied) when calling the CreateUser operation: "
                    + "User: arn:aws:iam::111122223333:user/carol is not authorized to perform: iam:CreateUser"))
        #expect(try box.workspaceBytes() == before)
    }
}
