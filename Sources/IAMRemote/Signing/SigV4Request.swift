/// An HTTP request as Signature Version 4 sees it: method, path, query, headers and body.
///
/// The path is the absolute path before percent-encoding (`/example space/`); the query is the
/// query string as sent, without the `?`. Headers keep their order and repeats, since both
/// matter to the canonical form (repeated names join with commas, in order).
public struct SigV4Request: Sendable, Equatable {
    /// One header line.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String

        /// Creates a header.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    public var path: String
    public var query: String
    public var headers: [Header]
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, path: String, query: String = "", headers: [Header], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The value of the first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// Replaces every header with this name (case-insensitive) by one with `value`, at the end.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
        headers.append(Header(name, value))
    }
}
