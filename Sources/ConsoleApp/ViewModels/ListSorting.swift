/// How a list is sorted: by one of its columns, either way. Values that start with a number
/// ("12 days", "3") sort by that number, before values that do not ("Never", "None", "-");
/// other text sorts case-insensitively; ties keep the list's own (name) order.
struct ListSort: Sendable, Equatable {
    /// The column, as an index into the section's full column list.
    var column: Int
    var ascending: Bool

    /// The rank of each row (`ranks[row]` is its position in the sorted order), so a filtered
    /// subset is ordered by sorting small integers instead of comparing strings again.
    func ranks(of rows: [[String]]) -> [Int] {
        let keys = rows.map { row in Self.key(column < row.count ? row[column] : "") }
        let order = rows.indices.sorted { lhs, rhs in
            let (left, right) = (keys[lhs], keys[rhs])
            if left == right { return lhs < rhs }
            return ascending ? left < right : right < left
        }
        var ranks = [Int](repeating: 0, count: rows.count)
        for (position, row) in order.enumerated() { ranks[row] = position }
        return ranks
    }

    /// Numbers first (by value), then text.
    struct Key: Comparable {
        var number: Double?
        var text: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            switch (lhs.number, rhs.number) {
            case (let left?, let right?): return left != right ? left < right : lhs.text < rhs.text
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.text < rhs.text
            }
        }
    }

    static func key(_ value: String) -> Key {
        let digits = value.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        return Key(number: digits.isEmpty ? nil : Double(digits), text: value.lowercased())
    }
}
