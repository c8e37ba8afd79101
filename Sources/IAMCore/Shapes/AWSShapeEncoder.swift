import IAMPolicy

/// Encodes response shapes into ordered JSON with AWS's member names: the first letter of each
/// property name is capitalised (`userName` → `UserName`) and members keep their declaration order,
/// so the output reads like the AWS CLI's.
public enum AWSShapeEncoder {
    /// The shape as a JSON value.
    public static func encode(_ value: some Encodable) throws -> JSONValue {
        let encoder = ValueEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.resolve()
    }

    /// `userName` → `UserName`.
    static func awsName(_ key: String) -> String {
        guard let first = key.first else { return key }
        return first.uppercased() + key.dropFirst()
    }
}

/// One encoded item: a finished value, or a nested encoder that is still being filled.
private enum Entry {
    case value(JSONValue)
    case nested(ValueEncoder)

    func resolve() -> JSONValue {
        switch self {
        case .value(let value): return value
        case .nested(let encoder): return encoder.resolve()
        }
    }
}

private final class ValueEncoder: Encoder {
    enum Content {
        case empty
        case single(JSONValue)
        case object([(String, Entry)])
        case array([Entry])
    }

    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    var content = Content.empty

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func resolve() -> JSONValue {
        switch content {
        case .empty: return .object([])
        case .single(let value): return value
        case .object(let members): return .object(members.map { JSONMember(key: $0.0, value: $0.1.resolve()) })
        case .array(let elements): return .array(elements.map { $0.resolve() })
        }
    }

    func append(key: String, _ entry: Entry) {
        if case .object(var members) = content {
            members.append((key, entry))
            content = .object(members)
        } else {
            content = .object([(key, entry)])
        }
    }

    func append(_ entry: Entry) {
        if case .array(var elements) = content {
            elements.append(entry)
            content = .array(elements)
        } else {
            content = .array([entry])
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = content {} else { content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = content {} else { content = .array([]) }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// Encodes a nested value: primitives directly, everything else through a child encoder.
    func encodeNested(_ value: some Encodable, key: (any CodingKey)?) throws -> JSONValue {
        switch value {
        case let string as String: return .string(string)
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .number(String(int))
        case let int as Int64: return .number(String(int))
        case let double as Double: return .number(String(double))
        case let map as [String: Int]:
            // Dictionaries have no order of their own; sorted keys keep the output stable.
            return .object(
                map.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: .number(String($0.value))) })
        default:
            let child = ValueEncoder(codingPath: codingPath + (key.map { [$0] } ?? []))
            try value.encode(to: child)
            return child.resolve()
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.append(key: AWSShapeEncoder.awsName(key.stringValue), .value(.null))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let encoded = try encoder.encodeNested(value, key: key)
        encoder.append(key: AWSShapeEncoder.awsName(key.stringValue), .value(encoded))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = ValueEncoder(codingPath: codingPath + [key])
        encoder.append(key: AWSShapeEncoder.awsName(key.stringValue), .nested(child))
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = ValueEncoder(codingPath: codingPath + [key])
        encoder.append(key: AWSShapeEncoder.awsName(key.stringValue), .nested(child))
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int {
        if case .array(let elements) = encoder.content { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { encoder.append(.value(.null)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.append(.value(try encoder.encodeNested(value, key: nil)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = ValueEncoder(codingPath: codingPath)
        encoder.append(.nested(child))
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = ValueEncoder(codingPath: codingPath)
        encoder.append(.nested(child))
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.content = .single(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.content = .single(try encoder.encodeNested(value, key: nil))
    }
}
