import Foundation
import Testing

@testable import IAMCore

@Suite struct NameRuleTests {
    static let pathPattern =
        "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"

    @Test(arguments: ["a", "A_b-c.d@e+f=g,h", String(repeating: "x", count: 64)])
    func validUserNames(name: String) throws {
        var service = TestAccount.make()
        try service.user(name)
        #expect(service.account.user(named: name)?.name == name)
    }

    @Test(arguments: ["with space", "slash/name", "star*", "émile", "tab\t", "colon:"])
    func invalidCharacters(name: String) throws {
        var service = TestAccount.make()
        expectFailure(validationError(name, "userName", namePattern), in: &service) { try $0.user(name) }
        expectFailure(validationError(name, "groupName", namePattern), in: &service) { try $0.group(name) }
        expectFailure(validationError(name, "roleName", namePattern), in: &service) { try $0.role(name) }
        expectFailure(validationError(name, "policyName", namePattern), in: &service) { try $0.policy(name) }
        expectFailure(validationError(name, "instanceProfileName", namePattern), in: &service) {
            _ = try $0.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: name), as: .root)
        }
    }

    @Test func emptyNamesAreTooShort() throws {
        var service = TestAccount.make()
        let constraint = "Member must have length greater than or equal to 1"
        expectFailure(validationError("", "userName", constraint), in: &service) { try $0.user("") }
        expectFailure(validationError("", "groupName", constraint), in: &service) { try $0.group("") }
    }

    /// Users and roles allow 64 characters; groups, policies and instance profiles 128.
    @Test func maximumLengths() throws {
        var service = TestAccount.make()
        let n65 = String(repeating: "n", count: 65)
        let n129 = String(repeating: "n", count: 129)
        let n128 = String(repeating: "n", count: 128)
        expectFailure(
            validationError(n65, "userName", "Member must have length less than or equal to 64"), in: &service
        ) {
            try $0.user(n65)
        }
        expectFailure(
            validationError(n65, "roleName", "Member must have length less than or equal to 64"), in: &service
        ) {
            try $0.role(n65)
        }
        let over128 = "Member must have length less than or equal to 128"
        expectFailure(validationError(n129, "groupName", over128), in: &service) { try $0.group(n129) }
        expectFailure(validationError(n129, "policyName", over128), in: &service) { try $0.policy(n129) }
        expectFailure(validationError(n129, "instanceProfileName", over128), in: &service) {
            _ = try $0.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: n129), as: .root)
        }
        try service.group(n128)
        try service.policy(n128)
        _ = try service.createInstanceProfile(CreateInstanceProfileRequest(instanceProfileName: n128), as: .root)
    }

    @Test(arguments: ["/", "/a/", "/a/b/c/", "///", "/!~/"])
    func validPaths(path: String) throws {
        var service = TestAccount.make()
        try service.user("u", path: path)
        #expect(service.account.users["u"]?.path == path)
    }

    @Test(arguments: ["a", "/a", "a/", "//", "/a b/", "/é/", "/\t/", ""])
    func invalidPaths(path: String) throws {
        var service = TestAccount.make()
        let error =
            path.isEmpty
            ? validationError(path, "path", "Member must have length greater than or equal to 1")
            : validationError(path, "path", Self.pathPattern)
        expectFailure(error, in: &service) { try $0.user("u", path: path) }
        expectFailure(error, in: &service) { try $0.group("g", path: path) }
        expectFailure(error, in: &service) { try $0.role("r", path: path) }
    }

    @Test func pathLengthLimit() throws {
        var service = TestAccount.make()
        let path = "/" + String(repeating: "p", count: 511) + "/"
        expectFailure(validationError(path, "path", "Member must have length less than or equal to 512"), in: &service)
        {
            try $0.user("u", path: path)
        }
        try service.user("u", path: "/" + String(repeating: "p", count: 510) + "/")
    }

    @Test func tagRules() throws {
        var service = TestAccount.make()
        try service.user("u")
        let keyPattern = "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"
        let valuePattern = "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"
        expectFailure(validationError("bad*key", "tags.1.member.key", keyPattern), in: &service) {
            _ = try $0.tag(TagRequest(userName: "u", tags: [Tag(key: "bad*key", value: "v")]), as: .root)
        }
        expectFailure(validationError("bad!", "tags.2.member.value", valuePattern), in: &service) {
            _ = try $0.tag(
                TagRequest(userName: "u", tags: [Tag(key: "ok", value: "*"), Tag(key: "k", value: "bad!")]), as: .root)
        }
        expectFailure(
            validationError("", "tags.1.member.key", "Member must have length greater than or equal to 1"), in: &service
        ) {
            _ = try $0.tag(TagRequest(userName: "u", tags: [Tag(key: "", value: "v")]), as: .root)
        }
        let longKey = String(repeating: "k", count: 129)
        expectFailure(
            validationError(longKey, "tags.1.member.key", "Member must have length less than or equal to 128"),
            in: &service
        ) { _ = try $0.tag(TagRequest(userName: "u", tags: [Tag(key: longKey, value: "")]), as: .root) }
        let longValue = String(repeating: "v", count: 257)
        expectFailure(
            validationError(longValue, "tags.1.member.value", "Member must have length less than or equal to 256"),
            in: &service
        ) { _ = try $0.tag(TagRequest(userName: "u", tags: [Tag(key: "k", value: longValue)]), as: .root) }
        _ = try service.tag(
            TagRequest(userName: "u", tags: [Tag(key: "Ünïcode key 1", value: "a:b/c=d+e-f@g_h.i *")]), as: .root)
    }

    @Test func policyDocumentCharacters() throws {
        var service = TestAccount.make()
        let document = Docs.s3Read.replacingOccurrences(of: "s3:GetObject", with: "s3:Get\u{0100}")
        let pattern = "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"
        expectFailure(validationError("<policy document>", "policyDocument", pattern), in: &service) {
            _ = try $0.createPolicy(CreatePolicyRequest(policyName: "p", policyDocument: document), as: .root)
        }
        expectFailure(
            validationError("", "policyDocument", "Member must have length greater than or equal to 1"), in: &service
        ) { _ = try $0.createPolicy(CreatePolicyRequest(policyName: "p", policyDocument: ""), as: .root) }
    }

    @Test func descriptionCharacters() throws {
        var service = TestAccount.make()
        let bad = "emoji \u{1F600}"
        let pattern =
            "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*"
        expectFailure(validationError(bad, "description", pattern), in: &service) {
            _ = try $0.createRole(
                CreateRoleRequest(roleName: "r", assumeRolePolicyDocument: Docs.trustEC2, description: bad), as: .root)
        }
        _ = try service.createRole(
            CreateRoleRequest(roleName: "r", assumeRolePolicyDocument: Docs.trustEC2, description: "Café\tok\n"),
            as: .root)
    }
}
