import IAMPolicy
import Testing

@testable import IAMCore

@Suite struct AWSManagedPolicyCatalogTests {
    @Test(arguments: [
        "AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "ViewOnlyAccess", "SecurityAudit", "IAMFullAccess",
        "IAMReadOnlyAccess", "IAMUserChangePassword", "AmazonS3ReadOnlyAccess", "AmazonEC2ReadOnlyAccess",
    ])
    func containsTheCommonPolicies(name: String) throws {
        let matches = AWSManagedPolicyCatalog.all.filter { $0.name == name }
        #expect(matches.count == 1)
        let policy = try #require(matches.first)
        #expect(policy.arn == "arn:aws:iam::aws:policy\(policy.path)\(name)")
        #expect(AWSManagedPolicyCatalog.policy(arn: policy.arn) == policy)
        #expect(AWSManagedPolicyCatalog.isAWSManagedARN(policy.arn))
        expectIdentifier(policy.id, prefix: "ANPA")
        #expect(policy.defaultVersionId.hasPrefix("v"))
        #expect(policy.createDate <= policy.updateDate)
        #expect(PolicyGrammar.validate(policy.document, kind: .identity).isEmpty)
        #expect(try JSONParser.parse(policy.document)["Statement"] != nil)
    }

    @Test func administratorAccessAllowsEverything() throws {
        let policy = try #require(AWSManagedPolicyCatalog.policy(arn: "arn:aws:iam::aws:policy/AdministratorAccess"))
        let statement = try #require(try JSONParser.parse(policy.document)["Statement"]?[0])
        #expect(statement["Effect"] == .string("Allow"))
        #expect(statement["Action"] == .string("*"))
        #expect(statement["Resource"] == .string("*"))
        #expect(policy.description == "Provides full access to AWS services and resources.")
    }

    @Test func everyDocumentParsesAndNamesAreUniqueAndSorted() throws {
        let all = AWSManagedPolicyCatalog.all
        #expect(all.count >= 30)
        #expect(Set(all.map(\.arn)).count == all.count)
        #expect(all.map { $0.name.lowercased() } == all.map { $0.name.lowercased() }.sorted())
        for policy in all {
            #expect((try? JSONParser.parse(policy.document)) != nil, "\(policy.name)")
            #expect(policy.description?.isEmpty != true)
        }
        #expect(AWSManagedPolicyCatalog.policy(arn: "arn:aws:iam::aws:policy/NoSuchPolicy") == nil)
        #expect(!AWSManagedPolicyCatalog.isAWSManagedARN("arn:aws:iam::123456789012:policy/AdministratorAccess"))
    }

    @Test func jobFunctionPolicies() throws {
        let viewOnly = try #require(AWSManagedPolicyCatalog.all.first { $0.name == "ViewOnlyAccess" })
        #expect(viewOnly.isJobFunction == (viewOnly.path == "/job-function/"))
        let admin = try #require(AWSManagedPolicyCatalog.all.first { $0.name == "AdministratorAccess" })
        #expect(!admin.isJobFunction)
    }
}
