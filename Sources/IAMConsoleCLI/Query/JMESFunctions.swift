import Foundation
import IAMPolicy

/// The JMESPath built-in functions (JMESPath specification, "Built-in Functions").
enum JMESFunctions {
    static func call(_ name: String, _ arguments: [JMESNode], _ value: JSONValue) throws -> JSONValue {
        func argument(_ index: Int) throws -> JSONValue {
            guard arguments.indices.contains(index) else { throw failure("\(name)() takes more arguments") }
            return try JMESPath.evaluate(arguments[index], value)
        }
        func reference(_ index: Int) throws -> JMESNode {
            guard arguments.indices.contains(index), case .expressionReference(let node) = arguments[index] else {
                throw failure("\(name)() expects an expression reference (&expr) as argument \(index + 1)")
            }
            return node
        }
        func text(_ value: JSONValue) -> String? { value.stringValue }
        switch name {
        case "length":
            switch try argument(0) {
            case .string(let text): return .number(String(text.count))
            case .array(let items): return .number(String(items.count))
            case .object(let members): return .number(String(members.count))
            default: throw failure("length() expects a string, array or object")
            }
        case "contains":
            let subject = try argument(0)
            let search = try argument(1)
            if case .array(let items) = subject { return .bool(items.contains { JMESPath.equal($0, search) }) }
            if let haystack = text(subject), let needle = text(search) { return .bool(haystack.contains(needle)) }
            throw failure("contains() expects an array or a string")
        case "starts_with", "ends_with":
            guard let subject = text(try argument(0)), let affix = text(try argument(1)) else {
                throw failure("\(name)() expects strings")
            }
            return .bool(name == "starts_with" ? subject.hasPrefix(affix) : subject.hasSuffix(affix))
        case "keys", "values":
            guard case .object(let members) = try argument(0) else { throw failure("\(name)() expects an object") }
            return .array(members.map { name == "keys" ? .string($0.key) : $0.value })
        case "join":
            guard let glue = text(try argument(0)), case .array(let items) = try argument(1) else {
                throw failure("join() expects a string and an array of strings")
            }
            let parts = items.compactMap(\.stringValue)
            guard parts.count == items.count else { throw failure("join() expects an array of strings") }
            return .string(parts.joined(separator: glue))
        case "sort", "max", "min", "sum", "avg", "reverse":
            return try aggregate(name, try argument(0))
        case "sort_by", "max_by", "min_by":
            guard case .array(let items) = try argument(0) else { throw failure("\(name)() expects an array") }
            let key = try reference(1)
            let keyed = try items.map { ($0, try JMESPath.evaluate(key, $0)) }
            let sorted = try keyed.sorted { try less($0.1, $1.1) }
            if name == "sort_by" { return .array(sorted.map(\.0)) }
            return (name == "max_by" ? sorted.last?.0 : sorted.first?.0) ?? .null
        case "map":
            let key = try reference(0)
            guard case .array(let items) = try argument(1) else { throw failure("map() expects an array") }
            return .array(try items.map { try JMESPath.evaluate(key, $0) })
        case "to_string":
            let subject = try argument(0)
            if case .string = subject { return subject }
            return .string(JSONWriter.compact(subject))
        case "to_number":
            let subject = try argument(0)
            if case .number = subject { return subject }
            if let text = text(subject), Double(text) != nil { return .number(text) }
            return .null
        case "to_array":
            let subject = try argument(0)
            if case .array = subject { return subject }
            return .array([subject])
        case "type":
            switch try argument(0) {
            case .null: return .string("null")
            case .bool: return .string("boolean")
            case .number: return .string("number")
            case .string: return .string("string")
            case .array: return .string("array")
            case .object: return .string("object")
            }
        case "not_null":
            for index in arguments.indices {
                let candidate = try argument(index)
                if candidate != .null { return candidate }
            }
            return .null
        case "abs", "floor", "ceil":
            guard let number = JMESPath.number(try argument(0)) else { throw failure("\(name)() expects a number") }
            let result =
                name == "abs" ? Swift.abs(number) : name == "floor" ? number.rounded(.down) : number.rounded(.up)
            return .number(format(result))
        case "merge":
            var merged: [JSONMember] = []
            for index in arguments.indices {
                guard case .object(let members) = try argument(index) else { throw failure("merge() expects objects") }
                for member in members {
                    merged.removeAll { $0.key == member.key }
                    merged.append(member)
                }
            }
            return .object(merged)
        default:
            throw failure("Unknown function: \(name)()")
        }
    }

    private static func aggregate(_ name: String, _ subject: JSONValue) throws -> JSONValue {
        if name == "reverse", case .string(let text) = subject { return .string(String(text.reversed())) }
        guard case .array(let items) = subject else { throw failure("\(name)() expects an array") }
        switch name {
        case "reverse": return .array(items.reversed())
        case "sort": return .array(try items.sorted { try less($0, $1) })
        case "max", "min":
            let sorted = try items.sorted { try less($0, $1) }
            return (name == "max" ? sorted.last : sorted.first) ?? .null
        default:
            let numbers = items.compactMap(JMESPath.number)
            guard numbers.count == items.count else { throw failure("\(name)() expects an array of numbers") }
            if name == "avg" {
                // JMESPath, like Python, averages to a float even for whole numbers (32.0).
                return numbers.isEmpty ? .null : .number(String(numbers.reduce(0, +) / Double(numbers.count)))
            }
            return .number(format(numbers.reduce(0, +)))
        }
    }

    private static func less(_ lhs: JSONValue, _ rhs: JSONValue) throws -> Bool {
        if let a = JMESPath.number(lhs), let b = JMESPath.number(rhs) { return a < b }
        if let a = lhs.stringValue, let b = rhs.stringValue { return a < b }
        throw failure("values must all be numbers or all be strings to be sorted")
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && Swift.abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    private static func failure(_ message: String) -> JMESPathError {
        JMESPathError(message: message, expression: "", position: 0)
    }
}
