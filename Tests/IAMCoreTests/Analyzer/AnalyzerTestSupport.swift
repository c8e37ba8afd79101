import Testing

@testable import IAMCore

/// Documents and helpers shared by the analyzer tests.
enum AnalyzerFixture {
    static let external = "999988887777"
    static let partner = "444455556666"

    /// A resource policy with one statement: `principal` is the JSON of the `Principal` element.
    static func policy(
        principal: String, action: String, resource: String = "*", condition: String? = nil, sid: String = "Share"
    ) -> String {
        let conditionPart = condition.map { #","Condition":"# + $0 } ?? ""
        return #"{"Version":"2012-10-17","Statement":[{"Sid":""# + sid + #"","Effect":"Allow","Principal":"#
            + principal + #","Action":""# + action + #"","Resource":""# + resource + #"""# + conditionPart + "}]}"
    }

    /// A service with an ACCOUNT analyzer named `acct`.
    static func serviceWithAnalyzer(type: String = "ACCOUNT") throws -> IAMService {
        var service = TestAccount.make()
        if type == "ORGANIZATION" {
            _ = try service.createOrganization(CreateOrganizationRequest(), as: .root)
            _ = try service.inviteAccountToOrganization(InviteAccountRequest(accountId: partner), as: .root)
        }
        _ = try service.createAnalyzer(CreateAnalyzerRequest(analyzerName: "acct", type: type), as: .root)
        return service
    }

    static func analyzerArn(_ name: String = "acct") -> String {
        "arn:aws:access-analyzer:us-east-1:\(TestAccount.id):analyzer/\(name)"
    }

    /// The analyzer's findings for one resource, by principal.
    static func findings(_ service: IAMService, resource: String, analyzer: String = "acct") -> [Finding] {
        (service.account.analyzers[analyzer]?.sortedFindings ?? []).filter { $0.resource == resource }
    }
}

extension IAMService {
    /// A user with no policies, to be refused.
    mutating func plainUser(_ name: String) throws {
        _ = try createUser(CreateUserRequest(userName: name), as: .root)
    }
}
