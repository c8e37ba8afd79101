import Foundation
import Testing

@testable import IAMCore

@Suite struct InlinePolicyTests {
    static func put(
        _ kind: IdentityKind, _ entity: String, _ name: String, _ document: String
    ) -> PutInlinePolicyRequest {
        switch kind {
        case .user: return PutInlinePolicyRequest(userName: entity, policyName: name, policyDocument: document)
        case .group: return PutInlinePolicyRequest(groupName: entity, policyName: name, policyDocument: document)
        case .role: return PutInlinePolicyRequest(roleName: entity, policyName: name, policyDocument: document)
        }
    }

    static func named(_ kind: IdentityKind, _ entity: String, _ name: String) -> InlinePolicyRequest {
        switch kind {
        case .user: return InlinePolicyRequest(userName: entity, policyName: name)
        case .group: return InlinePolicyRequest(groupName: entity, policyName: name)
        case .role: return InlinePolicyRequest(roleName: entity, policyName: name)
        }
    }

    static func list(_ kind: IdentityKind, _ entity: String) -> ListInlinePoliciesRequest {
        switch kind {
        case .user: return ListInlinePoliciesRequest(userName: entity)
        case .group: return ListInlinePoliciesRequest(groupName: entity)
        case .role: return ListInlinePoliciesRequest(roleName: entity)
        }
    }

    static func makeService() throws -> IAMService {
        var service = TestAccount.make()
        try service.user("e")
        try service.group("e")
        try service.role("e")
        return service
    }

    @Test(arguments: IdentityKind.allCases)
    func putGetListReplaceDelete(kind: IdentityKind) throws {
        var service = try Self.makeService()
        _ = try service.putInlinePolicy(Self.put(kind, "e", "zeta", Docs.s3Read), as: .root)
        _ = try service.putInlinePolicy(Self.put(kind, "E", "alpha", Docs.s3Read), as: .root)
        let got = try service.getInlinePolicy(Self.named(kind, "E", "zeta"), as: .root)
        #expect(got.policyName == "zeta")
        #expect(got.policyDocument == Docs.s3Read)
        #expect(got.userName == (kind == .user ? "e" : nil))
        #expect(got.groupName == (kind == .group ? "e" : nil))
        #expect(got.roleName == (kind == .role ? "e" : nil))
        let names = try service.listInlinePolicies(Self.list(kind, "e"), as: .root)
        #expect(names.policyNames == ["alpha", "zeta"])
        _ = try service.putInlinePolicy(Self.put(kind, "e", "zeta", Docs.allowAll), as: .root)
        #expect(try service.getInlinePolicy(Self.named(kind, "e", "zeta"), as: .root).policyDocument == Docs.allowAll)
        _ = try service.deleteInlinePolicy(Self.named(kind, "e", "alpha"), as: .root)
        #expect(try service.listInlinePolicies(Self.list(kind, "e"), as: .root).policyNames == ["zeta"])
        let lower = kind.rawValue.lowercased()
        let missing = IAMError(.noSuchEntity, "The \(lower) policy with name alpha cannot be found.")
        expectFailure(missing, in: &service) { _ = try $0.getInlinePolicy(Self.named(kind, "e", "alpha"), as: .root) }
        expectFailure(missing, in: &service) {
            _ = try $0.deleteInlinePolicy(Self.named(kind, "e", "alpha"), as: .root)
        }
        // Inline policy names are case-sensitive.
        let upper = IAMError(.noSuchEntity, "The \(lower) policy with name ZETA cannot be found.")
        expectFailure(upper, in: &service) { _ = try $0.getInlinePolicy(Self.named(kind, "e", "ZETA"), as: .root) }
    }

    @Test(arguments: IdentityKind.allCases)
    func malformedDocumentsAreRejected(kind: IdentityKind) throws {
        var service = try Self.makeService()
        expectFailure(IAMError(.malformedPolicyDocument, "Syntax errors in policy."), in: &service) {
            _ = try $0.putInlinePolicy(Self.put(kind, "e", "p", "{\"Statement\": ["), as: .root)
        }
        let noAction = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}"#
        expectFailure(IAMError(.malformedPolicyDocument, "Policy statement must contain actions."), in: &service) {
            _ = try $0.putInlinePolicy(Self.put(kind, "e", "p", noAction), as: .root)
        }
    }

    @Test func inlinePoliciesMayUseTheOlderVersion() throws {
        var service = try Self.makeService()
        let old = #"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
        _ = try service.putInlinePolicy(Self.put(.user, "e", "old", old), as: .root)
        #expect(service.account.users["e"]?.inlinePolicies == [InlinePolicy(name: "old", document: old)])
    }

    /// The aggregate size quotas: 2,048 for a user, 5,120 for a group, 10,240 for a role (white space not counted).
    @Test(arguments: [(IdentityKind.user, 2048), (.group, 5120), (.role, 10240)])
    func aggregateSizeQuota(kind: IdentityKind, quota: Int) throws {
        var service = try Self.makeService()
        let half = quota / 2
        _ = try service.putInlinePolicy(Self.put(kind, "e", "a", Docs.identity(size: half)), as: .root)
        // Exactly at the quota is allowed, even with white space added.
        let rest = Docs.identity(size: quota - half).replacingOccurrences(of: ",", with: ",\n    ")
        _ = try service.putInlinePolicy(Self.put(kind, "e", "b", rest), as: .root)
        let message = "Maximum policy size of \(quota) bytes exceeded for \(kind.rawValue.lowercased()) e"
        expectFailure(IAMError(.limitExceeded, message), in: &service) {
            _ = try $0.putInlinePolicy(Self.put(kind, "e", "c", Docs.identity(size: 200)), as: .root)
        }
        // Replacing a policy counts the new size instead of the old.
        expectFailure(IAMError(.limitExceeded, message), in: &service) {
            _ = try $0.putInlinePolicy(Self.put(kind, "e", "b", Docs.identity(size: quota - half + 1)), as: .root)
        }
        _ = try service.putInlinePolicy(Self.put(kind, "e", "b", Docs.identity(size: quota - half - 10)), as: .root)
    }

    @Test func inlinePolicyNameRules() throws {
        var service = try Self.makeService()
        expectFailure(validationError("my policy", "policyName", namePattern), in: &service) {
            _ = try $0.putInlinePolicy(Self.put(.user, "e", "my policy", Docs.s3Read), as: .root)
        }
        let long = String(repeating: "p", count: 129)
        expectFailure(
            validationError(long, "policyName", "Member must have length less than or equal to 128"), in: &service
        ) { _ = try $0.putInlinePolicy(Self.put(.user, "e", long, Docs.s3Read), as: .root) }
        expectFailure(IAMError(.noSuchEntity, "The role with name nope cannot be found."), in: &service) {
            _ = try $0.putInlinePolicy(Self.put(.role, "nope", "p", Docs.s3Read), as: .root)
        }
    }
}
