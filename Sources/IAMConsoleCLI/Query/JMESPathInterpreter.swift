import Foundation
import IAMPolicy

/// Evaluates `--query` expressions (JMESPath) over a response, as the AWS CLI does.
enum JMESPath {
    static func search(_ expression: String, in value: JSONValue) throws -> JSONValue {
        try evaluate(JMESPathParser.parse(expression), value)
    }

    static func evaluate(_ node: JMESNode, _ value: JSONValue) throws -> JSONValue {
        switch node {
        case .current:
            return value
        case .field(let name):
            if case .object(let members) = value { return members.first { $0.key == name }?.value ?? .null }
            return .null
        case .subexpression(let left, let right):
            return try evaluate(right, evaluate(left, value))
        case .index(let index):
            guard case .array(let items) = value else { return .null }
            let resolved = index < 0 ? items.count + index : index
            return items.indices.contains(resolved) ? items[resolved] : .null
        case .slice(let start, let stop, let step):
            guard case .array(let items) = value else { return .null }
            return .array(try slice(items, start, stop, step))
        case .indexExpression(let left, let right):
            return try evaluate(right, evaluate(left, value))
        case .projection(let left, let right):
            guard case .array(let items) = try evaluate(left, value) else { return .null }
            return .array(try items.map { try evaluate(right, $0) }.filter { $0 != .null })
        case .valueProjection(let left, let right):
            guard case .object(let members) = try evaluate(left, value) else { return .null }
            return .array(try members.map { try evaluate(right, $0.value) }.filter { $0 != .null })
        case .flatten(let inner):
            guard case .array(let items) = try evaluate(inner, value) else { return .null }
            return .array(
                items.flatMap { item -> [JSONValue] in
                    if case .array(let nested) = item { return nested }
                    return [item]
                })
        case .filterProjection(let left, let right, let condition):
            guard case .array(let items) = try evaluate(left, value) else { return .null }
            return .array(
                try items.filter { isTruthy(try evaluate(condition, $0)) }.map { try evaluate(right, $0) }
                    .filter { $0 != .null })
        case .comparator(let op, let left, let right):
            return compare(op, try evaluate(left, value), try evaluate(right, value))
        case .or(let left, let right):
            let result = try evaluate(left, value)
            return isTruthy(result) ? result : try evaluate(right, value)
        case .and(let left, let right):
            let result = try evaluate(left, value)
            return isTruthy(result) ? try evaluate(right, value) : result
        case .not(let inner):
            return .bool(!isTruthy(try evaluate(inner, value)))
        case .literal(let literal):
            return literal
        case .multiSelectList(let items):
            if value == .null { return .null }
            return .array(try items.map { try evaluate($0, value) })
        case .multiSelectHash(let pairs):
            if value == .null { return .null }
            return .object(try pairs.map { JSONMember(key: $0.0, value: try evaluate($0.1, value)) })
        case .function(let name, let arguments):
            return try JMESFunctions.call(name, arguments, value)
        case .expressionReference:
            return .null
        case .pipe(let left, let right):
            return try evaluate(right, evaluate(left, value))
        }
    }

    static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let members): return !members.isEmpty
        case .number: return true
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        if case .number(let text) = value { return Double(text) }
        return nil
    }

    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.number, .number): return number(lhs) == number(rhs)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.allSatisfy { member in b.contains { $0.key == member.key && equal($0.value, member.value) } }
        default: return lhs == rhs
        }
    }

    static func compare(_ op: String, _ lhs: JSONValue, _ rhs: JSONValue) -> JSONValue {
        switch op {
        case "==": return .bool(equal(lhs, rhs))
        case "!=": return .bool(!equal(lhs, rhs))
        default:
            guard let a = number(lhs), let b = number(rhs) else { return .null }
            switch op {
            case "<": return .bool(a < b)
            case "<=": return .bool(a <= b)
            case ">": return .bool(a > b)
            default: return .bool(a >= b)
            }
        }
    }

    static func slice(_ items: [JSONValue], _ start: Int?, _ stop: Int?, _ step: Int?) throws -> [JSONValue] {
        let step = step ?? 1
        guard step != 0 else { throw JMESPathError(message: "Slice step cannot be 0", expression: "", position: 0) }
        let count = items.count
        func clamp(_ value: Int?, _ fallback: Int) -> Int {
            guard var value else { return fallback }
            if value < 0 { value += count }
            if step > 0 { return min(max(value, 0), count) }
            return min(max(value, -1), count - 1)
        }
        var index = clamp(start, step > 0 ? 0 : count - 1)
        let end = clamp(stop, step > 0 ? count : -1)
        var result: [JSONValue] = []
        while step > 0 ? index < end : index > end {
            result.append(items[index])
            index += step
        }
        return result
    }
}
