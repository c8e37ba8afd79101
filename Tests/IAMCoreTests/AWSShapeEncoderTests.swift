import IAMPolicy
import Testing

@testable import IAMCore

@Suite struct AWSShapeEncoderTests {
    struct Inner: Encodable {
        var zeta = "z"
        var alpha = 1
    }

    struct Outer: Encodable {
        var userName = "bob"
        var arn = "arn:x"
        var isTruncated = false
        var count64: Int64 = 7
        var ratio = 1.5
        var missing: String?
        var inner = Inner()
        var list = ["a", "b"]
        var map = ["b": 2, "a": 1]
        var at = Timestamp(secondsSince1970: 0)
    }

    @Test func keepsMemberOrderAndCapitalises() throws {
        let value = try AWSShapeEncoder.encode(Outer())
        guard case .object(let members) = value else {
            Issue.record("expected an object, got \(value)")
            return
        }
        #expect(
            members.map(\.key) == ["UserName", "Arn", "IsTruncated", "Count64", "Ratio", "Inner", "List", "Map", "At"])
        #expect(value["UserName"] == .string("bob"))
        #expect(value["IsTruncated"] == .bool(false))
        #expect(value["Count64"] == .number("7"))
        #expect(value["Ratio"] == .number("1.5"))
        #expect(value["Missing"] == nil)
        #expect(
            value["Inner"]
                == .object([
                    JSONMember(key: "Zeta", value: .string("z")), JSONMember(key: "Alpha", value: .number("1")),
                ]))
        #expect(value["List"] == .array([.string("a"), .string("b")]))
        #expect(
            value["Map"]
                == .object([JSONMember(key: "a", value: .number("1")), JSONMember(key: "b", value: .number("2"))]))
        #expect(value["At"] == .string("1970-01-01T00:00:00+00:00"))
    }

    @Test func encodesServiceResponsesLikeTheCLI() throws {
        var service = TestAccount.make()
        let response = try service.createUser(
            CreateUserRequest(userName: "alice", tags: [Tag(key: "team", value: "web")]), as: .root)
        let value = try AWSShapeEncoder.encode(response)
        let user = try #require(value["User"])
        guard case .object(let members) = user else {
            Issue.record("expected an object")
            return
        }
        #expect(members.map(\.key) == ["Path", "UserName", "UserId", "Arn", "CreateDate", "Tags"])
        #expect(user["CreateDate"] == .string(TestAccount.nowISO))
        #expect(
            user["Tags"]
                == .array([
                    .object([
                        JSONMember(key: "Key", value: .string("team")), JSONMember(key: "Value", value: .string("web")),
                    ])
                ]))
        let summary = try AWSShapeEncoder.encode(try service.getAccountSummary(as: .root))
        guard case .object(let entries)? = summary["SummaryMap"] else {
            Issue.record("expected a SummaryMap object")
            return
        }
        #expect(entries.map(\.key) == entries.map(\.key).sorted())
        #expect(summary["SummaryMap"]?["Users"] == .number("1"))
    }

    @Test func awsNames() {
        #expect(AWSShapeEncoder.awsName("userName") == "UserName")
        #expect(AWSShapeEncoder.awsName("arn") == "Arn")
        #expect(AWSShapeEncoder.awsName("") == "")
        #expect(AWSShapeEncoder.awsName("X") == "X")
    }
}
