import IAMCore

/// The members of one kind of JSON object, as an enum whose case names are the keys, declared in
/// the sorted order the writer uses (the reader's key search starts at the next case).
protocol ObjectFields: CaseIterable, RawRepresentable where RawValue == Int {
    static var table: KeyTable { get }
}

/// Where the reader is in an object: which known keys it has seen, and where to look for the next.
struct ObjectCursor {
    fileprivate var seen: UInt64 = 0
    fileprivate var hint = 0
    fileprivate var started = false
}

extension WorkspaceReader {
    /// The next known member of the object at the cursor, with unknown members skipped (files of
    /// the same schema version from a newer build may carry them); nil once the object is closed.
    @inline(__always)
    mutating func next<Field: ObjectFields>(
        _ field: Field.Type, _ cursor: inout ObjectCursor
    ) throws(FastPathRefused) -> Field? {
        while true {
            if cursor.started {
                guard try nextMember() else { return nil }
            } else {
                cursor.started = true
                guard try beginObject() else { return nil }
            }
            if let index = try key(Field.table, seen: &cursor.seen, hint: &cursor.hint) {
                return Field(rawValue: index)
            }
            try skipValue()
        }
    }

    /// An array of elements read by `element`.
    @inline(__always)
    mutating func array<Element>(
        _ element: (inout WorkspaceReader) throws(FastPathRefused) -> Element
    ) throws(FastPathRefused) -> [Element] {
        var result: [Element] = []
        guard try beginArray() else { return result }
        repeat { result.append(try element(&self)) } while try nextElement()
        return result
    }

    /// An array that `decodeIfPresent(...) ?? []` reads: `null` is empty.
    @inline(__always)
    mutating func optionalArray<Element>(
        _ element: (inout WorkspaceReader) throws(FastPathRefused) -> Element
    )
        throws(FastPathRefused) -> [Element]
    {
        takeNull() ? [] : try array(element)
    }

    mutating func strings() throws(FastPathRefused) -> [String] {
        try array { reader throws(FastPathRefused) in try reader.string() }
    }

    mutating func optionalStrings() throws(FastPathRefused) -> [String] { takeNull() ? [] : try strings() }

    /// A value that `decodeIfPresent` reads: `null` is absent.
    mutating func optionalString() throws(FastPathRefused) -> String? { takeNull() ? nil : try string() }

    mutating func optionalTimestamp() throws(FastPathRefused) -> Timestamp? { takeNull() ? nil : try timestamp() }

    /// An integer that `decodeIfPresent(Int.self, ...) ?? fallback` reads.
    mutating func optionalInt(_ fallback: Int) throws(FastPathRefused) -> Int { takeNull() ? fallback : try int() }

    /// A string-backed enum value, compared after unescaping as `Codable` does.
    mutating func raw<Value: RawRepresentable>(_ type: Value.Type) throws(FastPathRefused) -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else { throw FastPathRefused() }
        return value
    }
}

/// Unwraps a required member, refusing when the object did not have it.
@inline(__always)
func required<Value>(_ value: Value?) throws(FastPathRefused) -> Value {
    guard let value else { throw FastPathRefused() }
    return value
}
