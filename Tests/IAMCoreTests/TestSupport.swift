import Foundation
import Testing

@testable import IAMCore

/// The shared fixture: an empty account behind a service with a fixed clock and seeded randomness.
enum TestAccount {
    static let id = "123456789012"
    /// 2026-01-01T00:00:00Z.
    static let now = Timestamp(secondsSince1970: 1_767_225_600)
    static let nowISO = "2026-01-01T00:00:00+00:00"

    static func make(quotas: Quotas = .standard, seed: String = "iamcore-tests") -> IAMService {
        let root = RootUser(email: "root@example.com", passwordHash: "")
        let account = Account(id: id, name: "Test Account", createDate: now, root: root)
        return IAMService(
            account: account, clock: FixedClock(now), random: SeededRandomSource(seed: seed), quotas: quotas)
    }

    static func arn(_ kind: String, _ pathAndName: String) -> String { "arn:aws:iam::\(id):\(kind)\(pathAndName)" }
    static func awsPolicy(_ name: String) -> String { "arn:aws:iam::aws:policy/\(name)" }
}

/// Policy documents used across the tests.
enum Docs {
    static let allowAll = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
    static let s3Read =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
    static let trustEC2 =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"#
        + #""Action":"sts:AssumeRole"}]}"#
    static let trustLambda =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"#
        + #""Action":"sts:AssumeRole"}]}"#

    /// An identity policy of exactly `size` characters not counting white space (padded through its Sid).
    static func identity(size: Int) -> String {
        let make = { (sid: String) in
            #"{"Version":"2012-10-17","Statement":[{"Sid":""# + sid
                + #"","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        }
        return make(String(repeating: "A", count: size - make("").count))
    }

    /// A trust policy of exactly `size` non-white-space characters.
    static func trust(size: Int) -> String {
        let make = { (sid: String) in
            #"{"Version":"2012-10-17","Statement":[{"Sid":""# + sid
                + #"","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        }
        return make(String(repeating: "A", count: size - make("").count))
    }
}

/// The `ValidationError` IAM answers for a parameter that breaks its constraint.
func validationError(_ value: String, _ field: String, _ constraint: String) -> IAMError {
    IAMError(
        .validationError,
        "1 validation error detected: Value '\(value)' at '\(field)' failed to satisfy constraint: \(constraint)")
}

let namePattern = "Member must satisfy regular expression pattern: [\\w+=,.@-]+"

/// Runs an action that must fail with exactly `expected`, and checks that it left the account,
/// the revision and the audit trail exactly as they were.
func expectFailure(
    _ expected: IAMError, in service: inout IAMService, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: (inout IAMService) throws -> Void
) {
    let before = service.account
    let revision = service.revision
    do {
        try body(&service)
        Issue.record("expected \(expected) but the action succeeded", sourceLocation: sourceLocation)
    } catch let error as IAMError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(expected) but got \(error)", sourceLocation: sourceLocation)
    }
    #expect(service.account == before, "a failed action changed the account", sourceLocation: sourceLocation)
    #expect(service.revision == revision, sourceLocation: sourceLocation)
}

/// Runs an action that must fail with `code`, whatever the message; returns the message.
@discardableResult
func expectFailure(
    code: IAMError.Code, in service: inout IAMService, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: (inout IAMService) throws -> Void
) -> String? {
    let before = service.account
    do {
        try body(&service)
        Issue.record("expected \(code.rawValue) but the action succeeded", sourceLocation: sourceLocation)
        return nil
    } catch {
        let iamError = error as? IAMError
        #expect(iamError?.code == code, sourceLocation: sourceLocation)
        #expect(service.account == before, "a failed action changed the account", sourceLocation: sourceLocation)
        return iamError?.message
    }
}

/// Checks a unique id: the prefix and `count` characters of the base32 alphabet.
func expectIdentifier(
    _ id: String, prefix: String, count: Int = 17, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(id.hasPrefix(prefix), "\(id) should start with \(prefix)", sourceLocation: sourceLocation)
    #expect(id.count == prefix.count + count, "\(id) has the wrong length", sourceLocation: sourceLocation)
    let body = id.dropFirst(prefix.count)
    let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    #expect(body.allSatisfy { alphabet.contains($0) }, "\(id) is not base32", sourceLocation: sourceLocation)
}

extension IAMService {
    /// Convenience builders for arrangement steps, run as root.
    mutating func user(_ name: String, path: String? = nil) throws(IAMError) {
        _ = try createUser(CreateUserRequest(userName: name, path: path), as: .root)
    }

    mutating func group(_ name: String, path: String? = nil) throws(IAMError) {
        _ = try createGroup(CreateGroupRequest(groupName: name, path: path), as: .root)
    }

    mutating func role(_ name: String, path: String? = nil) throws(IAMError) {
        _ = try createRole(
            CreateRoleRequest(roleName: name, assumeRolePolicyDocument: Docs.trustEC2, path: path), as: .root)
    }

    /// Creates a customer managed policy and returns its ARN.
    @discardableResult
    mutating func policy(_ name: String, path: String? = nil, document: String = Docs.s3Read) throws(IAMError) -> String
    {
        try createPolicy(CreatePolicyRequest(policyName: name, policyDocument: document, path: path), as: .root).policy
            .arn
    }

    mutating func join(_ user: String, _ group: String) throws(IAMError) {
        _ = try addUserToGroup(GroupMembershipRequest(groupName: group, userName: user), as: .root)
    }

    mutating func attach(user: String? = nil, group: String? = nil, role: String? = nil, _ arn: String) throws(IAMError)
    {
        _ = try attachPolicy(
            AttachPolicyRequest(userName: user, groupName: group, roleName: role, policyArn: arn), as: .root)
    }
}
