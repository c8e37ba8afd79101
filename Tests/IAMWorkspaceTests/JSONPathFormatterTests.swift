import Foundation
import IAMWorkspace
import Testing

@Suite("DecodingError as a JSON path and a message")
struct JSONPathFormatterTests {
    private struct Workspace: Decodable {
        var account: Account
    }

    private struct Account: Decodable {
        var users: [User]
        var groups: [[String]]?
    }

    private struct User: Decodable {
        var userName: String
        var age: Int?
        var enabled: Bool?
        var score: Double?
        var kind: Kind?
        var tags: [String: String]?
        var profile: Profile?
    }

    private struct Profile: Decodable {
        var created: String
    }

    private enum Kind: String, Decodable {
        case human
    }

    private func describe(_ json: String) throws -> (path: String, message: String) {
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode(Workspace.self, from: Data(json.utf8))
        }
        return JSONPathFormatter.describe(error)
    }

    @Test func aMissingFieldEndsThePathWithItsName() throws {
        let result = try describe(#"{"account": {"users": [{"userName": "a"}, {"userName": "b"}, {}, {}]}}"#)
        #expect(result.path == "$.account.users[2].userName")
        #expect(result.message == "missing field 'userName'")
    }

    @Test func aTypeMismatchSaysWhatWasExpectedAndWhatWasFound() throws {
        let cases: [(json: String, path: String, message: String)] = [
            (
                #"{"account": {"users": [{"userName": "a"}, {"userName": 3}]}}"#,
                "$.account.users[1].userName", "expected a string, found a number"
            ),
            (
                #"{"account": {"users": [{"userName": "a", "age": "old"}]}}"#,
                "$.account.users[0].age", "expected an integer, found a string"
            ),
            (
                #"{"account": {"users": [{"userName": "a", "enabled": "yes"}]}}"#,
                "$.account.users[0].enabled", "expected true or false, found a string"
            ),
            (
                #"{"account": {"users": [{"userName": true}]}}"#,
                "$.account.users[0].userName", "expected a string, found true or false"
            ),
            (
                #"{"account": {"users": [{"userName": "a", "score": []}]}}"#,
                "$.account.users[0].score", "expected a number, found an array"
            ),
            (#"{"account": {"users": {}}}"#, "$.account.users", "expected an array, found an object"),
            (#"{"account": []}"#, "$.account", "expected an object, found an array"),
            (
                #"{"account": {"users": [{"userName": "a", "profile": "x"}]}}"#,
                "$.account.users[0].profile", "expected an object, found a string"
            ),
            (
                #"{"account": {"users": [], "groups": [["a"], ["b", 7]]}}"#,
                "$.account.groups[1][1]", "expected a string, found a number"
            ),
        ]
        for example in cases {
            let result = try describe(example.json)
            #expect(result.path == example.path, "\(example.json)")
            #expect(result.message == example.message, "\(example.json)")
        }
    }

    @Test func nullWhereAValueIsRequired() throws {
        let result = try describe(#"{"account": {"users": [{"userName": null}]}}"#)
        #expect(result.path == "$.account.users[0].userName")
        #expect(result.message == "expected a string, found null")
    }

    @Test func anInvalidValueKeepsTheDecodersReason() throws {
        let result = try describe(#"{"account": {"users": [{"userName": "a", "kind": "robot"}]}}"#)
        #expect(result.path == "$.account.users[0].kind")
        #expect(result.message.hasPrefix("invalid value: "))
        #expect(result.message.contains("robot"))
    }

    @Test func malformedJSONIsReportedAtTheRoot() throws {
        let result = try describe(#"{"account": "#)
        #expect(result.path == "$")
        #expect(result.message == "the file is not valid JSON")
    }

    @Test func keysThatAreNotIdentifiersAreQuoted() throws {
        let result = try describe(#"{"account": {"users": [{"userName": "a", "tags": {"cost center": 1}}]}}"#)
        #expect(result.path == #"$.account.users[0].tags["cost center"]"#)
        #expect(result.message == "expected a string, found a number")
        #expect(
            JSONPathFormatter.path([Key(#"say "hi""#), Key("9lives"), Key("ok_1")])
                == #"$["say \"hi\""]["9lives"].ok_1"#)
    }

    @Test func customIndexKeysAndDictionaryKeysThatLookNumeric() {
        #expect(JSONPathFormatter.path([Key("users"), Key(index: 4)]) == "$.users[4]")
        #expect(JSONPathFormatter.path([Key("tags"), Key("3")]) == #"$.tags["3"]"#)
        #expect(JSONPathFormatter.path([]) == "$")
    }

    @Test func theOneStringFormJoinsPathAndMessage() throws {
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode(Workspace.self, from: Data(#"{"account": {"users": [{}]}}"#.utf8))
        }
        #expect(JSONPathFormatter.message(for: error) == "$.account.users[0].userName: missing field 'userName'")
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(_ name: String) {
            stringValue = name
            intValue = nil
        }

        init(index: Int) {
            stringValue = "\(index)"
            intValue = index
        }

        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { self.init(index: intValue) }
    }
}
