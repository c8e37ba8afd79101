import IAMPolicy

/// The AWS CLI's `--output text` format: scalars as they are, lists of scalars tab-separated, objects
/// as a line of their scalar values (keys sorted) with nested lists and objects below, prefixed by
/// their key in upper case.
enum TextOutput {
    static func format(_ value: JSONValue) -> String {
        var lines = ""
        write(value, identifier: nil, scalarKeys: nil, into: &lines)
        return lines
    }

    private static func write(_ value: JSONValue, identifier: String?, scalarKeys: [String]?, into out: inout String) {
        switch value {
        case .object(let members):
            writeObject(members, identifier: identifier, scalarKeys: scalarKeys, into: &out)
        case .array(let items):
            writeList(items, identifier: identifier, into: &out)
        default:
            out += scalar(value) + "\n"
        }
    }

    private static func writeList(_ items: [JSONValue], identifier: String?, into out: inout String) {
        guard !items.isEmpty else { return }
        if items.contains(where: { if case .object = $0 { return true } else { return false } }) {
            var keys = Set<String>()
            for case .object(let members) in items {
                for member in members where !isContainer(member.value) { keys.insert(member.key) }
            }
            let sortedKeys = keys.sorted()
            for item in items { write(item, identifier: identifier, scalarKeys: sortedKeys, into: &out) }
        } else if items.contains(where: isContainer) {
            let scalars = items.filter { !isContainer($0) }
            if !scalars.isEmpty { writeScalars(scalars, identifier: identifier, into: &out) }
            for item in items where isContainer(item) {
                write(item, identifier: identifier, scalarKeys: nil, into: &out)
            }
        } else {
            writeScalars(items, identifier: identifier, into: &out)
        }
    }

    private static func writeScalars(_ items: [JSONValue], identifier: String?, into out: inout String) {
        if let identifier {
            for item in items { out += identifier.uppercased() + "\t" + scalar(item) + "\n" }
        } else {
            out += items.map(scalar).joined(separator: "\t") + "\n"
        }
    }

    private static func writeObject(
        _ members: [JSONMember], identifier: String?, scalarKeys: [String]?, into out: inout String
    ) {
        var scalars: [String] = []
        var nested: [(String, JSONValue)] = []
        if let scalarKeys {
            for key in scalarKeys { scalars.append(members.first { $0.key == key }.map { scalar($0.value) } ?? "") }
            let rest = Set(members.map(\.key)).subtracting(scalarKeys).sorted()
            for key in rest {
                if let member = members.first(where: { $0.key == key }) { nested.append((key, member.value)) }
            }
        } else {
            for member in members.sorted(by: { $0.key < $1.key }) {
                if isContainer(member.value) {
                    nested.append((member.key, member.value))
                } else {
                    scalars.append(scalar(member.value))
                }
            }
        }
        if !scalars.isEmpty {
            if let identifier { scalars.insert(identifier.uppercased(), at: 0) }
            out += scalars.joined(separator: "\t") + "\n"
        }
        for (key, value) in nested { write(value, identifier: key, scalarKeys: nil, into: &out) }
    }

    private static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array: return true
        default: return false
        }
    }

    /// Python's `str()` of a JSON scalar, which is what the AWS CLI prints.
    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .number(let text): return text
        case .string(let text): return text
        case .array, .object: return JSONWriter.compact(value)
        }
    }
}
