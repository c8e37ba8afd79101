import IAMPolicy
import Testing

@testable import IAMConsoleCLI

/// `--query` and `--output text` against expectations produced by the AWS CLI's own JMESPath
/// library and text formatter on the same document.
@Suite struct QueryOutputTests {
    static let document =
        "{\"Users\": [{\"Path\": \"/\", \"UserName\": \"alice\", \"Age\": 30, \"Groups\": [\"Admins\", \"Ops\"], \"Tags\": [{\"Key\": \"team\", \"Value\": \"a\"}], \"Active\": true}, {\"Path\": \"/eng/\", \"UserName\": \"bob\", \"Age\": 25, \"Groups\": [], \"Tags\": [], \"Active\": false}, {\"Path\": \"/eng/\", \"UserName\": \"carol\", \"Age\": 41, \"Groups\": [\"Ops\"], \"Tags\": [{\"Key\": \"team\", \"Value\": \"c\"}, {\"Key\": \"env\", \"Value\": \"prod\"}], \"Active\": true, \"Boss\": null}], \"IsTruncated\": false, \"Map\": {\"b\": 2, \"a\": 1}}"

    static let cases: [(query: String, json: String, text: String)] = [
        ("Users[].UserName", "[\n    \"alice\",\n    \"bob\",\n    \"carol\"\n]", "alice\tbob\tcarol\n"),
        ("Users[0].Path", "\"/\"", "/\n"),
        ("Users[?Path=='/eng/'].UserName", "[\n    \"bob\",\n    \"carol\"\n]", "bob\tcarol\n"),
        ("length(Users)", "3", "3\n"),
        (
            "Users[].{N:UserName,G:Groups}",
            "[\n    {\n        \"N\": \"alice\",\n        \"G\": [\n            \"Admins\",\n            \"Ops\"\n        ]\n    },\n    {\n        \"N\": \"bob\",\n        \"G\": []\n    },\n    {\n        \"N\": \"carol\",\n        \"G\": [\n            \"Ops\"\n        ]\n    }\n]",
            "alice\nG\tAdmins\nG\tOps\nbob\ncarol\nG\tOps\n"
        ),
        ("Users[].Tags[].Value", "[\n    \"a\",\n    \"c\",\n    \"prod\"\n]", "a\tc\tprod\n"),
        (
            "Users[?Age > `26`].[UserName, Age]",
            "[\n    [\n        \"alice\",\n        30\n    ],\n    [\n        \"carol\",\n        41\n    ]\n]",
            "alice\t30\ncarol\t41\n"
        ),
        ("sort_by(Users, &Age)[0].UserName", "\"bob\"", "bob\n"),
        ("Users[?contains(Groups, 'Ops')] | [-1].UserName", "\"carol\"", "carol\n"),
        ("Users[].UserName | sort(@) | join(', ', @)", "\"alice, bob, carol\"", "alice, bob, carol\n"),
        ("Users[:2].UserName", "[\n    \"alice\",\n    \"bob\"\n]", "alice\tbob\n"),
        ("Users[::-1].UserName", "[\n    \"carol\",\n    \"bob\",\n    \"alice\"\n]", "carol\tbob\talice\n"),
        ("Users[*].Groups[]", "[\n    \"Admins\",\n    \"Ops\",\n    \"Ops\"\n]", "Admins\tOps\tOps\n"),
        ("max_by(Users, &Age).UserName", "\"carol\"", "carol\n"),
        ("Users[?!Active].UserName", "[\n    \"bob\"\n]", "bob\n"),
        ("keys(Map)", "[\n    \"b\",\n    \"a\"\n]", "b\ta\n"),
        ("Map.*", "[\n    2,\n    1\n]", "2\t1\n"),
        (
            "Users[].[UserName, length(Groups)]",
            "[\n    [\n        \"alice\",\n        2\n    ],\n    [\n        \"bob\",\n        0\n    ],\n    [\n        \"carol\",\n        1\n    ]\n]",
            "alice\t2\nbob\t0\ncarol\t1\n"
        ),
        ("Users[?Age >= `25` && Active].UserName", "[\n    \"alice\",\n    \"carol\"\n]", "alice\tcarol\n"),
        ("nothing.here", "null", "None\n"),
        (
            "Users[0]",
            "{\n    \"Path\": \"/\",\n    \"UserName\": \"alice\",\n    \"Age\": 30,\n    \"Groups\": [\n        \"Admins\",\n        \"Ops\"\n    ],\n    \"Tags\": [\n        {\n            \"Key\": \"team\",\n            \"Value\": \"a\"\n        }\n    ],\n    \"Active\": true\n}",
            "True\t30\t/\talice\nGROUPS\tAdmins\nGROUPS\tOps\nTAGS\tteam\ta\n"
        ),
        ("Users[2].Boss", "null", "None\n"),
        ("sum(Users[].Age)", "96", "96\n"),
        ("avg(Users[].Age)", "32.0", "32.0\n"),
        ("Users[?starts_with(Path, '/e')].UserName", "[\n    \"bob\",\n    \"carol\"\n]", "bob\tcarol\n"),
        ("to_string(Map)", "\"{\\\"b\\\":2,\\\"a\\\":1}\"", "{\"b\":2,\"a\":1}\n"),
        (
            "Users[1:].Tags",
            "[\n    [],\n    [\n        {\n            \"Key\": \"team\",\n            \"Value\": \"c\"\n        },\n        {\n            \"Key\": \"env\",\n            \"Value\": \"prod\"\n        }\n    ]\n]",
            "team\tc\nenv\tprod\n"
        ),
        ("Users[].Tags[?Key=='team'].Value[]", "[\n    \"a\",\n    \"c\"\n]", "a\tc\n"),
        (
            "@",
            "{\n    \"Users\": [\n        {\n            \"Path\": \"/\",\n            \"UserName\": \"alice\",\n            \"Age\": 30,\n            \"Groups\": [\n                \"Admins\",\n                \"Ops\"\n            ],\n            \"Tags\": [\n                {\n                    \"Key\": \"team\",\n                    \"Value\": \"a\"\n                }\n            ],\n            \"Active\": true\n        },\n        {\n            \"Path\": \"/eng/\",\n            \"UserName\": \"bob\",\n            \"Age\": 25,\n            \"Groups\": [],\n            \"Tags\": [],\n            \"Active\": false\n        },\n        {\n            \"Path\": \"/eng/\",\n            \"UserName\": \"carol\",\n            \"Age\": 41,\n            \"Groups\": [\n                \"Ops\"\n            ],\n            \"Tags\": [\n                {\n                    \"Key\": \"team\",\n                    \"Value\": \"c\"\n                },\n                {\n                    \"Key\": \"env\",\n                    \"Value\": \"prod\"\n                }\n            ],\n            \"Active\": true,\n            \"Boss\": null\n        }\n    ],\n    \"IsTruncated\": false,\n    \"Map\": {\n        \"b\": 2,\n        \"a\": 1\n    }\n}",
            "False\nMAP\t1\t2\nUSERS\tTrue\t30\t\t/\talice\nGROUPS\tAdmins\nGROUPS\tOps\nTAGS\tteam\ta\nUSERS\tFalse\t25\t\t/eng/\tbob\nUSERS\tTrue\t41\tNone\t/eng/\tcarol\nGROUPS\tOps\nTAGS\tteam\tc\nTAGS\tenv\tprod\n"
        ),
        ("Users[0].\"UserName\"", "\"alice\"", "alice\n"),
        ("not_null(Users[0].Boss, 'none')", "\"none\"", "none\n"),
        ("type(IsTruncated)", "\"boolean\"", "boolean\n"),
        ("reverse('abc')", "\"cba\"", "cba\n"),
    ]

    @Test(arguments: cases.indices)
    func queryMatchesTheAWSCLI(_ index: Int) throws {
        let testCase = Self.cases[index]
        let value = try JMESPath.search(testCase.query, in: try JSONParser.parse(Self.document))
        #expect(JSONWriter.awsCLI(value) == testCase.json, "json of \(testCase.query)")
        #expect(TextOutput.format(value) == testCase.text, "text of \(testCase.query)")
    }

    @Test(arguments: ["Users[", "Users[?Path==]", "`{bad`", "'unterminated", "Users.[", "foo("])
    func malformedExpressionsAreRejected(_ expression: String) {
        #expect(throws: JMESPathError.self) { try JMESPathParser.parse(expression) }
    }

    @Test func unknownFunctionIsAnError() throws {
        #expect(throws: JMESPathError.self) {
            try JMESPath.search("nope(Users)", in: try JSONParser.parse(Self.document))
        }
    }
}
