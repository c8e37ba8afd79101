import Foundation
import Testing

@testable import IAMCore

/// An account for STS tests: `alice` may assume any role (identity allow), `bob` has no policy,
/// and roles are made with whatever trust policy a test needs. The clock is moved by hand.
struct STSFixture {
    var mfa: MFAFixture
    var service: IAMService {
        get { mfa.service }
        set { mfa.service = newValue }
    }
    var clock: ManualClock { mfa.clock }
    var now: Timestamp { clock.now() }

    static let allowAssume =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#
    static let readUsers =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ListUsers","iam:GetUser"],"Resource":"*"}]}"#

    init() throws {
        mfa = try MFAFixture(users: ["alice", "bob"])
        _ = try mfa.service.putInlinePolicy(
            PutInlinePolicyRequest(userName: "alice", policyName: "assume", policyDocument: Self.allowAssume), as: .root
        )
    }

    /// A trust policy statement allowing `principal` (an AWS principal ARN), with an optional condition block.
    static func trust(_ principal: String, condition: String? = nil) -> String {
        let conditionPart = condition.map { #","Condition":"# + $0 } ?? ""
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":""# + principal
            + #""},"Action":"sts:AssumeRole""# + conditionPart + "}]}"
    }

    static let accountRoot = "arn:aws:iam::\(TestAccount.id):root"

    /// Creates a role with `trust` (default: the account) and a read-users permission policy; returns its ARN.
    @discardableResult
    mutating func role(
        _ name: String, trust: String = STSFixture.trust(STSFixture.accountRoot), maxSessionDuration: Int? = nil
    ) throws -> String {
        let arn = try service.createRole(
            CreateRoleRequest(roleName: name, assumeRolePolicyDocument: trust, maxSessionDuration: maxSessionDuration),
            as: .root
        ).role.arn
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(roleName: name, policyName: "read", policyDocument: Self.readUsers), as: .root)
        return arn
    }

    /// A copy of the service acting with the credentials `credentials` returned, checked like the CLI does.
    func acting(with credentials: STSCredentialsShape, service name: String = "iam") throws -> (IAMService, Principal) {
        let caller = try service.account.authenticate(
            accessKeyId: credentials.accessKeyId, secret: credentials.secretAccessKey,
            sessionToken: credentials.sessionToken, service: name, at: now)
        var acting = service
        acting.session = caller.session
        return (acting, caller.principal)
    }
}
