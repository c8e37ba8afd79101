import IAMCore

/// The parameters of one IAM Query API call, in order, and their form encoding.
///
/// Lists are flattened the way the Query protocol wants them: `Tags.member.1.Key`,
/// `Tags.member.1.Value`, ...; numbering starts at 1.
public struct QueryParameters: Sendable, Equatable {
    /// The name–value pairs, in the order they were added.
    public private(set) var pairs: [(name: String, value: String)] = []

    /// Creates an empty set of parameters.
    public init() {}

    /// Creates parameters from name–value pairs.
    public init(_ pairs: KeyValuePairs<String, String>) {
        for (name, value) in pairs { add(name, value) }
    }

    /// Adds one parameter.
    public mutating func add(_ name: String, _ value: String) { pairs.append((name, value)) }

    /// Adds a parameter when `value` is not nil.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { pairs.append((name, value)) }
    }

    /// Adds `NAME.member.1`, `NAME.member.2`, ... for each value.
    public mutating func addList(_ name: String, _ values: [String]) {
        for (index, value) in values.enumerated() { add("\(name).member.\(index + 1)", value) }
    }

    /// Adds `Tags.member.N.Key` and `Tags.member.N.Value` for each tag.
    public mutating func addTags(_ tags: [Tag], name: String = "Tags") {
        for (index, tag) in tags.enumerated() {
            add("\(name).member.\(index + 1).Key", tag.key)
            add("\(name).member.\(index + 1).Value", tag.value)
        }
    }

    /// The value of the first parameter with this name.
    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// `application/x-www-form-urlencoded` text: `Action=ListUsers&Version=2010-05-08&...`.
    public func formEncoded(action: String, version: String) -> String {
        ([("Action", action), ("Version", version)] + pairs)
            .map { AWSPercentEncoding.encode($0.0) + "=" + AWSPercentEncoding.encode($0.1) }
            .joined(separator: "&")
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }
}
