import IAMPolicy
import Testing

@Suite struct JSONValueTests {
    let value = JSONValue.object([
        JSONMember(key: "a", value: 1), JSONMember(key: "b", value: ["x", true, nil]),
        JSONMember(key: "a", value: "second"),
    ])

    @Test func subscriptFindsTheFirstMatchingKey() {
        #expect(value["a"] == .number("1"))
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("s")["a"] == nil)
    }

    @Test func indexSubscriptIsBoundsChecked() {
        #expect(value["b"]?[0] == .string("x"))
        #expect(value["b"]?[3] == nil)
        #expect(value["b"]?[-1] == nil)
    }

    @Test func typedAccessors() {
        #expect(value["b"]?[0]?.stringValue == "x")
        #expect(value["b"]?[1]?.boolValue == true)
        #expect(value["b"]?[2]?.isNull == true)
        #expect(value["a"]?.numberText == "1")
        #expect(value["b"]?.arrayValue?.count == 3)
        #expect(value.objectMembers?.map(\.key) == ["a", "b", "a"])
        #expect(value.stringValue == nil)
        #expect(value.arrayValue == nil)
        #expect(JSONValue.string("x").objectMembers == nil)
    }

    @Test func typeNames() {
        let names = [JSONValue.null, true, 1, "s", [], [:]].map(\.typeName)
        #expect(names == ["null", "boolean", "number", "string", "array", "object"])
    }
}
