import IAMPolicy
import Testing

@Suite struct JSONLocationTests {
    struct ErrorCase: Sendable, CustomStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var offset: Int
        var message: String
        var description: String { message }
    }

    @Test(arguments: [
        ErrorCase(
            text: "{\n  \"a\": 1\n  \"b\": 2\n}", line: 3, column: 3, offset: 13,
            message: "expected ',' or '}' after an object member"),
        ErrorCase(
            text: "[\n  \"ok\",\n  \"bad\\q\"\n]", line: 3, column: 7, offset: 16, message: "invalid escape \\q"),
        ErrorCase(
            text: "{\n  \"a\": \"open\n}", line: 2, column: 13, offset: 14, message: "control character in string"),
        ErrorCase(text: "{\n  \"a\": \"open", line: 2, column: 8, offset: 9, message: "unterminated string"),
        ErrorCase(text: "{\n  \"a\": [1,\n", line: 3, column: 1, offset: 13, message: "unexpected end of input"),
        ErrorCase(
            text: "{\"é\": 1}\n\n  x", line: 3, column: 3, offset: 13,
            message: "trailing characters after the JSON value"),
        ErrorCase(
            text: "{\"日本\":\n\t0x1}", line: 2, column: 3, offset: 13,
            message: "expected ',' or '}' after an object member"),
        ErrorCase(text: "\r\n[\r\n  01]", line: 3, column: 3, offset: 7, message: "leading zeros are not allowed"),
        ErrorCase(
            text: "\u{FEFF}\n  }", line: 2, column: 3, offset: 6,
            message: "unexpected character '}', expected a JSON value"),
    ])
    func errorsCarryLineAndColumn(testCase: ErrorCase) throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(testCase.text) }
        #expect(error.message == testCase.message)
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
        #expect(error.offset == testCase.offset)
        #expect(error.description == "line \(testCase.line), column \(testCase.column): \(testCase.message)")
        #expect(JSONParser.location(ofByteOffset: error.offset, in: testCase.text) == error.location)
    }

    @Test func nestedValuesAndKeysKnowWhereTheyAre() throws {
        let text = """
            {
              "Statement": [
                {"Effect": "Allow",
                 "Action": ["s3:Get*", "é:x"]}
              ]
            }
            """
        let node = try JSONParser.parseNode(text)
        #expect(node.location == SourceLocation(line: 1, column: 1, offset: 0))
        let statementMember = try #require(node.member("Statement"))
        #expect(statementMember.keyLocation == SourceLocation(line: 2, column: 3, offset: 4))
        #expect(statementMember.value.location == SourceLocation(line: 2, column: 16, offset: 17))
        let statement = try #require(statementMember.value.elements?.first)
        #expect(statement.location == SourceLocation(line: 3, column: 5, offset: 23))
        #expect(statement.member("Effect")?.keyLocation == SourceLocation(line: 3, column: 6, offset: 24))
        #expect(statement["Effect"]?.location == SourceLocation(line: 3, column: 16, offset: 34))
        #expect(statement["Effect"]?.endOffset == 41)
        let actions = try #require(statement["Action"]?.elements)
        #expect(actions[0].location == SourceLocation(line: 4, column: 17, offset: 59))
        #expect(actions[1].location == SourceLocation(line: 4, column: 28, offset: 70))
        #expect(actions[1].endOffset == 76)
        #expect(statement.endOffset == 78)
    }

    @Test func locationOfByteOffsetCountsScalarsAndLines() {
        let text = "aé😀\nb\r\nc"
        #expect(JSONParser.location(ofByteOffset: 0, in: text) == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(JSONParser.location(ofByteOffset: 3, in: text) == SourceLocation(line: 1, column: 3, offset: 3))
        #expect(JSONParser.location(ofByteOffset: 7, in: text) == SourceLocation(line: 1, column: 4, offset: 7))
        #expect(JSONParser.location(ofByteOffset: 8, in: text) == SourceLocation(line: 2, column: 1, offset: 8))
        #expect(JSONParser.location(ofByteOffset: 11, in: text) == SourceLocation(line: 3, column: 1, offset: 11))
        #expect(JSONParser.location(ofByteOffset: 99, in: text) == SourceLocation(line: 3, column: 2, offset: 12))
        #expect(JSONParser.location(ofByteOffset: 3, in: Array("\u{FEFF}x".utf8)).column == 1)
    }

    @Test func duplicateKeysAreReportedWithBothLocationsAndAPath() throws {
        let text = """
            {"a": 1, "Statement": [{"Effect": "Allow", "odd key": 1, "Effect": "Deny", "odd key": 2}], "a": 2}
            """
        let duplicates = JSONParser.duplicateKeys(in: try JSONParser.parseNode(text))
        #expect(duplicates.map(\.key) == ["Effect", "odd key", "a"])
        #expect(duplicates.map(\.path) == ["$.Statement[0].Effect", #"$.Statement[0]["odd key"]"#, "$.a"])
        #expect(duplicates[0].location == SourceLocation(line: 1, column: 58, offset: 57))
        #expect(duplicates[0].firstLocation == SourceLocation(line: 1, column: 25, offset: 24))
        #expect(duplicates[2].objectPath == "$")
        #expect(JSONParser.duplicateKeys(in: try JSONParser.parseNode(#"{"a":{"a":1},"b":[{"a":1}]}"#)).isEmpty)
    }

    @Test func locationsAgreeWithCountingCharacterByCharacter() {
        let pieces = ["a", "bcdefghij", "\n", "é", "😀", " ", "\"key\": ", "\r\n", "0123456789abcdef"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let bytes = Array(text.utf8)
            var line = 1
            var column = 1
            for offset in 0...bytes.count {
                // Offsets inside a multi-byte character are not asked for by the parser; skip them.
                if offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
                    let location = JSONParser.location(ofByteOffset: offset, in: bytes)
                    #expect(location.line == line && location.column == column, "\(text.debugDescription) at \(offset)")
                }
                guard offset < bytes.count else { break }
                if bytes[offset] == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if bytes[offset] & 0xC0 != 0x80 {
                    column += 1
                }
            }
        }
    }
}
