import Foundation
import Testing

/// The password policy and login profile actions, end to end through the binary.
@Suite("iam password actions")
struct PasswordActionTests {
    static let samplePolicy = """
        {
            "PasswordPolicy": {
                "MinimumPasswordLength": 12,
                "RequireSymbols": true,
                "RequireNumbers": true,
                "RequireUppercaseCharacters": true,
                "RequireLowercaseCharacters": true,
                "AllowUsersToChangePassword": true,
                "ExpirePasswords": true,
                "MaxPasswordAge": 90,
                "PasswordReusePrevention": 5
            }
        }

        """

    func error(_ result: RunResult, _ code: String, _ operation: String, _ message: String) {
        #expect(result.status == 254)
        #expect(
            result.stderr == "\nAn error occurred (\(code)) when calling the \(operation) operation: \(message)\n",
            "\(result.stderr)")
    }

    @Test func thePolicyPrintsInAWSOrderAndAnUpdateReplacesAllOfIt() throws {
        let box = try Sandbox()
        try box.initSample()
        #expect(try box.iam("get-account-password-policy").stdout == Self.samplePolicy)
        try box.ok("update-account-password-policy", "--minimum-password-length", "10", "--require-numbers")
        let policy = try #require(try box.ok("get-account-password-policy")["PasswordPolicy"] as? [String: Any])
        #expect(policy["MinimumPasswordLength"] as? Int == 10 && policy["RequireNumbers"] as? Bool == true)
        #expect(policy["RequireSymbols"] as? Bool == false && policy["AllowUsersToChangePassword"] as? Bool == false)
        #expect(policy["ExpirePasswords"] as? Bool == false && policy["MaxPasswordAge"] == nil)
        try box.ok("delete-account-password-policy")
        let missing = "The Password Policy with domain name 111122223333 cannot be found."
        error(try box.iam("get-account-password-policy"), "NoSuchEntity", "GetAccountPasswordPolicy", missing)
        error(try box.iam("delete-account-password-policy"), "NoSuchEntity", "DeleteAccountPasswordPolicy", missing)
    }

    @Test func outOfRangeValuesChangeNothing() throws {
        let box = try Sandbox()
        try box.initSample()
        let before = try box.workspaceBytes()
        error(
            try box.iam("update-account-password-policy", "--minimum-password-length", "5"), "ValidationError",
            "UpdateAccountPasswordPolicy",
            "1 validation error detected: Value '5' at 'minimumPasswordLength' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 6")
        error(
            try box.iam("update-account-password-policy", "--password-reuse-prevention", "25"), "ValidationError",
            "UpdateAccountPasswordPolicy",
            "1 validation error detected: Value '25' at 'passwordReusePrevention' failed to satisfy constraint: "
                + "Member must have value less than or equal to 24")
        #expect(try box.workspaceBytes() == before)
    }

    @Test func loginProfileLifecycle() throws {
        let box = try Sandbox()
        try box.initSample()
        let before = try box.workspaceBytes()
        error(
            try box.iam("create-login-profile", "--user-name", "dave", "--password", "weakpassword1!"),
            "PasswordPolicyViolation", "CreateLoginProfile", "Password should have at least one uppercase letter")
        error(
            try box.iam(
                "create-login-profile", "--user-name", "dave", "--password", String(repeating: "Aa1!", count: 25_000)),
            "ValidationError", "CreateLoginProfile",
            "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length "
                + "less than or equal to 128")
        #expect(try box.workspaceBytes() == before)
        let created = try box.run(
            [
                "iam", "create-login-profile", "--user-name", "dave", "--password", "Dave-Passw0rd-1",
                "--password-reset-required",
            ])
        #expect(
            created.stdout == """
                {
                    "LoginProfile": {
                        "UserName": "dave",
                        "CreateDate": "2026-03-01T12:00:00+00:00",
                        "PasswordResetRequired": true
                    }
                }

                """, "\(created.stderr)")
        error(
            try box.iam("create-login-profile", "--user-name", "dave", "--password", "Dave-Passw0rd-1"),
            "EntityAlreadyExists", "CreateLoginProfile", "Login Profile for user dave already exists.")
        try box.ok("update-login-profile", "--user-name", "dave", "--no-password-reset-required")
        let profile = try #require(
            try box.ok("get-login-profile", "--user-name", "dave")["LoginProfile"] as? [String: Any])
        #expect(profile["PasswordResetRequired"] as? Bool == false)
        try box.ok("update-login-profile", "--user-name", "dave", "--password", "Dave-Passw0rd-2")
        try box.ok("delete-login-profile", "--user-name", "dave")
        error(
            try box.iam("get-login-profile", "--user-name", "dave"), "NoSuchEntity", "GetLoginProfile",
            "Login Profile for User dave cannot be found.")
        #expect(!String(decoding: try box.workspaceBytes(), as: UTF8.self).contains("Dave-Passw0rd"))
    }

    @Test func usersChangeTheirOwnPassword() throws {
        let box = try Sandbox()
        try box.initSample()
        // The sample policy allows users to change their password: carol (read-only) may.
        try box.ok(
            "change-password", "--old-password", "Demo-User-2026!", "--new-password", "Carol-New-2026!", as: .carol)
        error(
            try box.iam(
                "change-password", "--old-password", "Demo-User-2026!", "--new-password", "Carol-New-2027!", as: .carol),
            "InvalidInput", "ChangePassword", "The old password is incorrect.")
        error(
            try box.iam(
                "change-password", "--old-password", "Carol-New-2026!", "--new-password", "Carol-New-2026!", as: .carol),
            "PasswordPolicyViolation", "ChangePassword", "Password should not be any of the last 5 passwords")
        let missing = try box.iam("change-password", "--old-password", "x")
        #expect(missing.status == 252 && missing.stderr.contains("--new-password"))
    }

    @Test func helpListsTheAWSFlags() throws {
        let box = try Sandbox()
        let help = try box.run(["iam", "update-account-password-policy", "help"], as: .nobody)
        for flag in [
            "--minimum-password-length", "--require-symbols", "--max-password-age", "--password-reuse-prevention",
            "--hard-expiry", "--allow-users-to-change-password",
        ] {
            #expect(help.stdout.contains(flag), "\(flag) missing from \(help.stdout)")
        }
    }
}
