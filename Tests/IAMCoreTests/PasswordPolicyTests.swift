import IAMPolicy
import Testing

@testable import IAMCore

@Suite("Account password policy")
struct PasswordPolicyTests {
    static let missing = IAMError(.noSuchEntity, "The Password Policy with domain name 123456789012 cannot be found.")

    func service() -> IAMService {
        var service = TestAccount.make()
        service.passwordHashIterations = 1000
        return service
    }

    @Test func withoutACustomPolicyGetAndDeleteAreNoSuchEntity() {
        var service = service()
        expectFailure(Self.missing, in: &service) { try _ = $0.getAccountPasswordPolicy(as: .root) }
        expectFailure(Self.missing, in: &service) { try _ = $0.deleteAccountPasswordPolicy(as: .root) }
    }

    @Test func anUpdateReplacesTheWholePolicy() throws {
        var service = service()
        _ = try service.updateAccountPasswordPolicy(
            UpdateAccountPasswordPolicyRequest(
                minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true,
                requireLowercaseCharacters: true, allowUsersToChangePassword: true, maxPasswordAge: 90,
                passwordReusePrevention: 24, hardExpiry: true), as: .root)
        #expect(
            service.account.passwordPolicy
                == PasswordPolicy(
                    minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true,
                    requireUppercaseCharacters: true, requireLowercaseCharacters: true,
                    allowUsersToChangePassword: true, maxPasswordAge: 90, passwordReusePrevention: 24, hardExpiry: true)
        )
        _ = try service.updateAccountPasswordPolicy(
            UpdateAccountPasswordPolicyRequest(requireNumbers: true), as: .root)
        #expect(service.account.passwordPolicy == PasswordPolicy(requireNumbers: true))
        _ = try service.deleteAccountPasswordPolicy(as: .root)
        #expect(service.account.passwordPolicy == nil)
    }

    @Test func getReturnsAWSMembersInAWSOrderLeavingOutUnsetOnes() throws {
        var service = service()
        _ = try service.updateAccountPasswordPolicy(UpdateAccountPasswordPolicyRequest(), as: .root)
        let plain = try AWSShapeEncoder.encode(try service.getAccountPasswordPolicy(as: .root))
        #expect(
            JSONWriter.compact(plain)
                == #"{"PasswordPolicy":{"MinimumPasswordLength":6,"RequireSymbols":false,"RequireNumbers":false,"#
                + #""RequireUppercaseCharacters":false,"RequireLowercaseCharacters":false,"#
                + #""AllowUsersToChangePassword":false,"ExpirePasswords":false}}"#)
        _ = try service.updateAccountPasswordPolicy(
            UpdateAccountPasswordPolicyRequest(maxPasswordAge: 30, passwordReusePrevention: 3, hardExpiry: true),
            as: .root)
        let full = try AWSShapeEncoder.encode(try service.getAccountPasswordPolicy(as: .root))
        #expect(
            JSONWriter.compact(full).hasSuffix(
                #""ExpirePasswords":true,"MaxPasswordAge":30,"#
                    + #""PasswordReusePrevention":3,"HardExpiry":true}}"#))
    }

    @Test(arguments: [
        (
            UpdateAccountPasswordPolicyRequest(minimumPasswordLength: 5), "5", "minimumPasswordLength",
            "greater than or equal to 6"
        ),
        (
            UpdateAccountPasswordPolicyRequest(minimumPasswordLength: 129), "129", "minimumPasswordLength",
            "less than or equal to 128"
        ),
        (UpdateAccountPasswordPolicyRequest(maxPasswordAge: 0), "0", "maxPasswordAge", "greater than or equal to 1"),
        (
            UpdateAccountPasswordPolicyRequest(maxPasswordAge: 1096), "1096", "maxPasswordAge",
            "less than or equal to 1095"
        ),
        (
            UpdateAccountPasswordPolicyRequest(passwordReusePrevention: 0), "0", "passwordReusePrevention",
            "greater than or equal to 1"
        ),
        (
            UpdateAccountPasswordPolicyRequest(passwordReusePrevention: 25), "25", "passwordReusePrevention",
            "less than or equal to 24"
        ),
    ])
    func outOfRangeValuesAreValidationErrors(
        request: UpdateAccountPasswordPolicyRequest, value: String, field: String, bound: String
    ) {
        var service = service()
        expectFailure(validationError(value, field, "Member must have value " + bound), in: &service) {
            try _ = $0.updateAccountPasswordPolicy(request, as: .root)
        }
    }

    @Test func theRangeEdgesAreAccepted() throws {
        var service = service()
        for request in [
            UpdateAccountPasswordPolicyRequest(minimumPasswordLength: 6, maxPasswordAge: 1, passwordReusePrevention: 1),
            UpdateAccountPasswordPolicyRequest(
                minimumPasswordLength: 128, maxPasswordAge: 1095, passwordReusePrevention: 24),
        ] {
            _ = try service.updateAccountPasswordPolicy(request, as: .root)
        }
        #expect(service.account.passwordPolicy?.minimumPasswordLength == 128)
    }

    @Test func severalBadValuesAreReportedTogether() {
        var service = service()
        expectFailure(
            IAMError(
                .validationError,
                "2 validation errors detected: Value '5' at 'minimumPasswordLength' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 6; Value '2000' at 'maxPasswordAge' failed to "
                    + "satisfy constraint: Member must have value less than or equal to 1095"), in: &service
        ) {
            try _ = $0.updateAccountPasswordPolicy(
                UpdateAccountPasswordPolicyRequest(minimumPasswordLength: 5, maxPasswordAge: 2000), as: .root)
        }
    }

    @Test(arguments: [
        (PasswordPolicy(minimumPasswordLength: 10), "Short-1a", "Password should have a minimum length of 10"),
        (PasswordPolicy(requireSymbols: true), "NoSymbol1", "Password should have at least one symbol"),
        (PasswordPolicy(requireNumbers: true), "No-Numbers", "Password should have at least one number"),
        (
            PasswordPolicy(requireUppercaseCharacters: true), "lower-1!",
            "Password should have at least one uppercase letter"
        ),
        (
            PasswordPolicy(requireLowercaseCharacters: true), "UPPER-1!",
            "Password should have at least one lowercase letter"
        ),
    ])
    func eachRuleNamesWhatFailed(policy: PasswordPolicy, password: String, message: String) throws {
        var service = service()
        service.account.passwordPolicy = policy
        try service.user("alice")
        expectFailure(IAMError(.passwordPolicyViolation, message), in: &service) {
            try _ = $0.createLoginProfile(CreateLoginProfileRequest(userName: "alice", password: password), as: .root)
        }
    }

    @Test func everyBrokenRuleIsListed() {
        let policy = PasswordPolicy(
            minimumPasswordLength: 12, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true)
        #expect(
            PasswordRules.violation(of: "short", policy: policy, account: service().account)
                == "Password should have a minimum length of 12, Password should have at least one uppercase letter, "
                + "Password should have at least one number, Password should have at least one symbol")
    }

    @Test func onlyTheListedSymbolsCountAsSymbols() {
        let policy = PasswordPolicy(requireSymbols: true)
        let account = service().account
        for symbol in "!@#$%^&*()_+-=[]{}|'" {
            #expect(PasswordRules.violation(of: "abcdef" + String(symbol), policy: policy, account: account) == nil)
        }
        for other in ".,~`?/<>;:\"\\ " {
            #expect(PasswordRules.violation(of: "abcdef" + String(other), policy: policy, account: account) != nil)
        }
    }

    @Test func theDefaultPolicyNeedsEightCharactersOfThreeKinds() {
        var account = service().account
        account.name = "Acme-Corp-2026"
        let check = { (password: String) in PasswordRules.violation(of: password, policy: nil, account: account) }
        #expect(check("Ab1!xyz") == "Password should have a minimum length of 8")
        #expect(
            check("abcdefgh")
                == "Password should meet 2 more of the following requirements: Password should have at least one "
                + "uppercase letter, Password should have at least one number, Password should have at least one symbol"
        )
        #expect(
            check("abcdefg1")
                == "Password should meet 1 more of the following requirements: Password should have at least one "
                + "uppercase letter, Password should have at least one symbol")
        #expect(check("abcdefG1") == nil)
        #expect(check("abcdef!1") == nil)
        #expect(check("acme-corp-2026") == nil)  // the account name must be matched exactly
        #expect(check("ACME-Corp-2026") == nil)
        #expect(check("Acme-Corp-2026") == "Password should not be identical to the AWS account name or email address")
        account.root.email = "Ops-1@example.com"
        #expect(
            check("ops-1@EXAMPLE.com") == "Password should not be identical to the AWS account name or email address")
        #expect(PasswordRules.defaultPolicyDescription.count == 3)
    }
}
