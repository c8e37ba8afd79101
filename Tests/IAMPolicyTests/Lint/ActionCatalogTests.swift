import Foundation
import IAMPolicy
import Testing

/// Lookups in the bundled catalog of AWS services, actions and condition keys.
@Suite("action catalog")
struct ActionCatalogTests {
    let catalog: ActionCatalog

    init() throws {
        catalog = try ActionCatalog.shared.get()
    }

    @Test func knowsServicesByPrefixInAnyCase() throws {
        let s3 = try #require(catalog.service("s3"))
        #expect(s3.name == "Amazon S3")
        #expect(catalog.service("S3")?.prefix == "s3")
        #expect(catalog.service("iam") != nil)
        #expect(catalog.service("s4") == nil)
        #expect(catalog.services.count > 300)
    }

    @Test func knowsActionsWhateverTheirCase() throws {
        let found = try #require(catalog.action("s3:getobject"))
        #expect(found.action.name == "GetObject")
        #expect(found.action.accessLevel == .read)
        #expect(found.action.resourceTypes.contains { $0.name == "object" })
        #expect(catalog.action("IAM:PASSROLE")?.action.name == "PassRole")
        #expect(catalog.action("iam:CreateUser")?.action.accessLevel == .write)
        #expect(catalog.action("s3:GetObjekt") == nil)
        #expect(catalog.action("nosuchservice:GetObject") == nil)
        #expect(catalog.action("s3") == nil)
    }

    @Test func matchesActionPatterns() throws {
        let s3 = try #require(catalog.service("s3"))
        let gets = s3.actions(matching: "Get*")
        #expect(gets.contains { $0.name == "GetObject" })
        #expect(gets.allSatisfy { $0.name.hasPrefix("Get") })
        #expect(s3.actions(matching: "GetObjec?").map(\.name) == ["GetObject"])
        #expect(s3.actions(matching: "Gte*").isEmpty)
    }

    @Test func knowsWhichConditionKeysAnActionSupports() throws {
        let s3 = try #require(catalog.service("s3"))
        let listBucket = try #require(s3.action(named: "ListBucket"))
        let getObject = try #require(s3.action(named: "GetObject"))
        #expect(s3.action(listBucket, supports: "s3:prefix"))
        #expect(s3.action(listBucket, supports: "S3:PREFIX"))
        #expect(!s3.action(getObject, supports: "s3:prefix"))
        #expect(s3.action(getObject, supports: "s3:ExistingObjectTag/project"))
        #expect(s3.conditionKey("s3:prefix")?.type == "String")
        #expect(s3.conditionKey("s3:nope") == nil)
        let iam = try #require(catalog.service("iam"))
        let passRole = try #require(iam.action(named: "PassRole"))
        #expect(iam.action(passRole, supports: "iam:PassedToService"))
    }

    @Test func globalConditionKeysAreKnown() {
        #expect(GlobalConditionKeys.contains("aws:SourceIp"))
        #expect(GlobalConditionKeys.contains("AWS:SOURCEIP"))
        #expect(GlobalConditionKeys.contains("aws:PrincipalTag/team"))
        #expect(!GlobalConditionKeys.contains("aws:PrincipalTag/"))
        #expect(!GlobalConditionKeys.contains("aws:SourceIpAddress"))
    }

    @Test func aMissingCatalogIsAWarningNotACrash() {
        let text = statement(#""Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*""#)
        let found = PolicyLinter.validate(
            text, kind: .identity, catalog: .failure(ActionCatalogError("the action catalog was not found")))
        #expect(found.map(\.issueCode) == ["CATALOG_UNAVAILABLE"])
        #expect(found.first?.findingType == .warning)
    }

    @Test func aDamagedCatalogFileIsAnError() {
        #expect(throws: ActionCatalogError.self) { try ActionCatalog.decode(Data("[1, 2]".utf8)) }
        #expect(throws: ActionCatalogError.self) { try ActionCatalog.decode(Data("{not json".utf8)) }
        #expect(throws: ActionCatalogError.self) { try ActionCatalog.load(path: "/nonexistent/aws-actions.json") }
    }
}
