/// A parsed JSON value together with where it was written.
///
/// This is what diagnostics and the policy editor work from: every value and every object key
/// knows its line and column, so a message can point at the exact place in the user's text.
public struct JSONNode: Sendable, Equatable, Hashable {
    /// The shape of a node; mirrors ``JSONValue`` with child nodes in place of child values.
    public indirect enum Kind: Sendable, Equatable, Hashable {
        case null
        case bool(Bool)
        /// A number, as the literal's text.
        case number(String)
        case string(String)
        case array([JSONNode])
        /// Members in input order, duplicates included.
        case object([Member])
    }

    /// One member of an object node: the key, where the key's opening quote is, and the value.
    public struct Member: Sendable, Equatable, Hashable {
        /// The decoded key.
        public var key: String
        /// The location of the key's opening quote.
        public var keyLocation: SourceLocation
        /// The member's value.
        public var value: JSONNode

        /// Creates a member.
        public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// What the node holds.
    public var kind: Kind
    /// The location of the value's first character.
    public var location: SourceLocation
    /// The UTF-8 byte offset just past the value's last character.
    public var endOffset: Int

    /// Creates a node.
    public init(kind: Kind, location: SourceLocation, endOffset: Int) {
        self.kind = kind
        self.location = location
        self.endOffset = endOffset
    }

    /// The node without positions.
    public var value: JSONValue {
        switch kind {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .number(let text): .number(text)
        case .string(let string): .string(string)
        case .array(let elements): .array(elements.map(\.value))
        case .object(let members): .object(members.map { JSONMember(key: $0.key, value: $0.value.value) })
        }
    }

    /// The first member named `key`, when this is an object.
    public func member(_ key: String) -> Member? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }
    }

    /// The value of the first member named `key`, when this is an object.
    public subscript(key: String) -> JSONNode? { member(key)?.value }

    /// The members, when this is an object.
    public var members: [Member]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The elements, when this is an array.
    public var elements: [JSONNode]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let string) = kind { return string }
        return nil
    }
}

/// An object key that appears more than once in the same object.
public struct JSONDuplicateKey: Sendable, Equatable, Hashable {
    /// The repeated key.
    public var key: String
    /// Where the repeated occurrence's key starts.
    public var location: SourceLocation
    /// Where the key first appeared in the same object.
    public var firstLocation: SourceLocation
    /// The JSON path of the object holding the key, for example `$.Statement[0]`.
    public var objectPath: String

    /// Creates a duplicate-key finding.
    public init(key: String, location: SourceLocation, firstLocation: SourceLocation, objectPath: String) {
        self.key = key
        self.location = location
        self.firstLocation = firstLocation
        self.objectPath = objectPath
    }

    /// The JSON path of the repeated member, for example `$.Statement[0].Effect`.
    public var path: String { JSONPath.appending(key: key, to: objectPath) }
}

/// Builds the `$.a[1]["odd key"]` paths used in diagnostics.
public enum JSONPath {
    /// The path of the document's root value.
    public static let root = "$"

    /// `path.key`, or `path["key"]` when the key is not a plain identifier.
    public static func appending(key: String, to path: String) -> String {
        let isIdentifier =
            !key.isEmpty
            && key.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            }
        if isIdentifier { return path + "." + key }
        return path + "[" + JSONWriter.compact(.string(key)) + "]"
    }

    /// `path[index]`.
    public static func appending(index: Int, to path: String) -> String {
        path + "[\(index)]"
    }
}
