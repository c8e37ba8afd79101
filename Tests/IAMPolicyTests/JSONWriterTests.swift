import IAMPolicy
import Testing

/// Expected strings were printed by Python 3.11's `json.dumps` and pasted here, so the writer is
/// held to the AWS CLI's real output format.
@Suite struct JSONWriterTests {
    let nested: JSONValue = [
        "Users": [
            ["UserName": "alice", "Tags": [], "Attrs": [:], "Count": 3, "Ok": true, "None": nil]
        ],
        "IsTruncated": false,
    ]

    @Test func prettyNestedMatchesPython() {
        // json.dumps(v, indent=4, ensure_ascii=False)
        let expected = """
            {
                "Users": [
                    {
                        "UserName": "alice",
                        "Tags": [],
                        "Attrs": {},
                        "Count": 3,
                        "Ok": true,
                        "None": null
                    }
                ],
                "IsTruncated": false
            }
            """
        #expect(JSONWriter.awsCLI(nested) == expected)
    }

    @Test func compactNestedMatchesPython() {
        let expected =
            #"{"Users":[{"UserName":"alice","Tags":[],"Attrs":{},"Count":3,"Ok":true,"None":null}],"IsTruncated":false}"#
        #expect(JSONWriter.compact(nested) == expected)
    }

    @Test func unicodeAndEscapesMatchPython() {
        let value: JSONValue = [
            "név": "Zoë — 日本 😀",
            "esc": "q\"b\\s/n\nr\rt\tb\u{8}f\u{C}\u{1}\u{1F}\u{7F}",
        ]
        let expected =
            "{\n    \"név\": \"Zoë — 日本 😀\",\n    \"esc\": \"q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\f\\u0001\\u001f\u{7F}\"\n}"
        #expect(JSONWriter.awsCLI(value) == expected)
        let compact = "{\"név\":\"Zoë — 日本 😀\",\"esc\":\"q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\f\\u0001\\u001f\u{7F}\"}"
        #expect(JSONWriter.compact(value) == compact)
    }

    static let smallValues: [(JSONValue, String, String)] = [
        (JSONValue.array([]), "[]", "[]"),
        (JSONValue.object([]), "{}", "{}"),
        (["x"], "[\n    \"x\"\n]", "[\"x\"]"),
        ("x", "\"x\"", "\"x\""),
        (.number("-1.50e+3"), "-1.50e+3", "-1.50e+3"),
        ([[], [:], [[]]], "[\n    [],\n    {},\n    [\n        []\n    ]\n]", "[[],{},[[]]]"),
    ]

    @Test(arguments: smallValues)
    func emptyAndScalarValuesMatchPython(value: JSONValue, pretty: String, compact: String) {
        #expect(JSONWriter.awsCLI(value) == pretty)
        #expect(JSONWriter.compact(value) == compact)
    }

    @Test func duplicateKeysAndOrderArePreserved() {
        let value = JSONValue.object([
            JSONMember(key: "b", value: 1), JSONMember(key: "a", value: 2), JSONMember(key: "b", value: 3),
        ])
        #expect(JSONWriter.compact(value) == #"{"b":1,"a":2,"b":3}"#)
    }

    @Test func writerOutputParsesBackToTheSameValue() throws {
        let text = #"{"a":[1,2.5e-3,{"b":null}],"c":"\u00e9\ud83d\ude00\"","d":[]}"#
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.awsCLI(value)) == value)
        #expect(JSONWriter.compact(value) == "{\"a\":[1,2.5e-3,{\"b\":null}],\"c\":\"é😀\\\"\",\"d\":[]}")
    }
}
