import Foundation
import IAMPolicy
import Testing

@Suite struct JSONParserTests {
    static let validDocuments: [(String, JSONValue)] = [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("-12.5e+10", .number("-12.5e+10")),
        ("1E-2", .number("1E-2")),
        ("10000000000000000000000001", .number("10000000000000000000000001")),
        (#""""#, .string("")),
        (#""a\"b\\c\/d\b\f\n\r\t""#, .string("a\"b\\c/d\u{8}\u{C}\n\r\t")),
        (#""\u00e9\u00E9é""#, .string("ééé")),
        (#""\ud83d\ude00""#, .string("😀")),
        (#""\u0000""#, .string("\u{0}")),
        (#""\u2028 \u0041""#, .string("\u{2028} A")),
        ("[]", .array([])),
        ("{}", .object([])),
        ("[1,[2,[3]]]", [1, [2, [3]]]),
        (" \t\r\n{ \"a\" : [ ] , \"b\":{}}\n", ["a": [], "b": [:]]),
    ]

    @Test(arguments: validDocuments)
    func acceptsValidJSON(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test(arguments: [
        ("", "unexpected end of input"),
        ("   ", "unexpected end of input"),
        ("[1,]", "trailing comma before ']'"),
        (#"{"a":1,}"#, "trailing comma before '}'"),
        ("01", "leading zeros are not allowed"),
        ("-01", "leading zeros are not allowed"),
        ("-", "unexpected end of input"),
        ("-a", "expected a digit after '-'"),
        ("1.", "expected a digit after the decimal point"),
        (".5", "unexpected character '.', expected a JSON value"),
        ("1e", "expected a digit in the exponent"),
        ("1e+", "expected a digit in the exponent"),
        ("+1", "unexpected character '+', expected a JSON value"),
        ("NaN", "unexpected character 'N', expected a JSON value"),
        ("tru", "unexpected end of input"),
        ("trUe", "invalid literal, expected 'true'"),
        ("nul", "unexpected end of input"),
        ("'a'", "unexpected character ''', expected a JSON value"),
        ("\"abc", "unterminated string"),
        ("\"a\tb\"", "control character in string"),
        (#""\q""#, "invalid escape \\q"),
        (#""\u12G4""#, "invalid \\u escape, expected four hexadecimal digits"),
        (#""\ud83d""#, "lone surrogate \\uD83D in string"),
        (#""\ud83dx""#, "lone surrogate \\uD83D in string"),
        (#""\ud83d\u0041""#, "lone surrogate \\uD83D in string"),
        (#""\ude00""#, "lone surrogate \\uDE00 in string"),
        ("{1:2}", "expected a string as an object key"),
        (#"{"a" 1}"#, "expected ':' after an object key"),
        (#"{"a":1 "b":2}"#, "expected ',' or '}' after an object member"),
        ("[1 2]", "expected ',' or ']' after an array element"),
        ("[1", "unexpected end of input"),
        ("{\"a\"", "unexpected end of input"),
        ("1 2", "trailing characters after the JSON value"),
        ("{} x", "trailing characters after the JSON value"),
        ("/* c */ 1", "unexpected character '/', expected a JSON value"),
        ("\u{A0}1", "unexpected character U+00A0, expected a JSON value"),
        ("\u{FEFF}\u{FEFF}1", "unexpected character U+FEFF, expected a JSON value"),
    ])
    func rejectsInvalidJSON(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func skipsALeadingByteOrderMark() throws {
        let node = try JSONParser.parseNode("\u{FEFF}{\"a\": 1}")
        #expect(node.value == ["a": 1])
        #expect(node.location == SourceLocation(line: 1, column: 1, offset: 3))
        #expect(node["a"]?.location == SourceLocation(line: 1, column: 7, offset: 9))
    }

    @Test func acceptsNestingUpToTheLimitAndRejectsDeeper() throws {
        let limit = JSONParser.maximumDepth
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try JSONParser.parse(atLimit) }
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(tooDeep) }
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.column == limit + 1)
    }

    @Test func deeplyNestedInputFailsWithoutExhaustingTheStack() throws {
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(hostile) }
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.offset == 5 * 512)
    }

    @Test func keepsDuplicateKeysInOrder() throws {
        let value = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectMembers?.map(\.key) == ["a", "b", "a"])
        #expect(value["a"] == .number("1"))
    }

    @Test func parsesDataAndByteInput() throws {
        let text = "{\"é\": [true]}"
        #expect(try JSONParser.parse(Data(text.utf8)) == ["é": [true]])
        #expect(try JSONParser.parse(Array(text.utf8)) == ["é": [true]])
        #expect(try JSONParser.parseNode(Data(text.utf8))["é"]?.location.column == 7)
        #expect(try JSONParser.parseNode(Array(text.utf8))["é"]?.location.offset == 7)
    }

    @Test func rejectsInvalidUTF8InByteInput() throws {
        let bytes: [UInt8] = Array("[\"ab".utf8) + [0xFF] + Array("\"]".utf8)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
        #expect(error.message == "invalid UTF-8")
        #expect(error.offset == 4)
        #expect(error.column == 5)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Data(bytes)) }
    }

    /// The offset where the standard library's decoder first fails on `bytes`, or nil.
    static func referenceInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() throws {
        // Edge cases of RFC 3629 around a long ASCII run (the checker skips ASCII eight bytes at a time).
        let cases: [[UInt8]] = [
            [0xC3, 0xA9], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80],
            [0xE2, 0x41, 0x41], [0xF0, 0x9F, 0x98, 0x80],
        ]
        var generator = SystemRandomNumberGenerator()
        var inputs = cases.map { Array("0123456789abcdef".utf8) + $0 + Array("xyz".utf8) }
        inputs += cases.map { $0 }
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<24, using: &generator)
            inputs.append(
                (0..<length).map { _ in
                    // Printable ASCII (no quote or backslash, which would end or escape the string) or any high byte.
                    Bool.random(using: &generator)
                        ? UInt8.random(in: 0x80...0xFF, using: &generator)
                        : UInt8.random(in: 0x23...0x5B, using: &generator)
                })
        }
        for input in inputs {
            let document = [UInt8(ascii: "\"")] + input + [UInt8(ascii: "\"")]
            let expected = Self.referenceInvalidOffset(document)
            do {
                _ = try JSONParser.parse(document)
                #expect(expected == nil, "accepted \(input)")
            } catch {
                #expect(error.message == "invalid UTF-8", "\(input): \(error.message)")
                #expect(error.offset == expected, "\(input)")
            }
        }
    }

    @Test func duplicateKeysAreFoundInSmallAndLargeObjects() throws {
        #expect(JSONParser.duplicateKeys(in: try JSONParser.parseNode(#"{"a":{"b":1,"c":[{"d":1}]}}"#)).isEmpty)
        let small = JSONParser.duplicateKeys(in: try JSONParser.parseNode(#"{"a":{"b":1,"c":[{"d":1,"d":2}]}}"#))
        #expect(small.map(\.key) == ["d"])
        #expect(small.first?.objectPath == "$.a.c[0]")
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }
        let large = "{" + (keys + ["\"k7\": 0"]).joined(separator: ",") + "}"
        #expect(JSONParser.duplicateKeys(in: try JSONParser.parseNode(large)).map(\.key) == ["k7"])
        let unique = "{" + keys.joined(separator: ",") + "}"
        #expect(JSONParser.duplicateKeys(in: try JSONParser.parseNode(unique)).isEmpty)
    }

    @Test func parsesALargeDocument() throws {
        // Roughly 5 MB: the size of a large workspace file.
        var text = "{\"Users\": [\n"
        let count = 40_000
        for index in 0..<count {
            let separator = index == count - 1 ? "\n" : ",\n"
            text += #"  {"UserName": "user-\#(index)", "Arn": "arn:aws:iam::123456789012:user/user-\#(index)", "#
            text += #""Tags": [{"Key": "team", "Value": "é\u00e9"}], "Age": \#(index)}"# + separator
        }
        text += "]}"
        #expect(text.utf8.count > 5_000_000)
        let node = try JSONParser.parseNode(text)
        let users = try #require(node["Users"]?.elements)
        #expect(users.count == count)
        #expect(users[count - 1].location.line == count + 1)
        #expect(users[count - 1]["Age"]?.value == .number(String(count - 1)))

        let broken = text.replacingOccurrences(of: "\"Age\": 39999}", with: "\"Age\": 39999,}")
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(broken) }
        #expect(error.line == count + 1)
        #expect(error.message == "trailing comma before '}'")
    }
}
