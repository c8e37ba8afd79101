extension Table {
    /// Row indices ordered by the values in `column`: numbers by value, other text by case-
    /// insensitive comparison; ties keep their original order.
    public static func sortedIndices(_ rows: [[String]], column: Int, ascending: Bool) -> [Int] {
        let keyed = rows.indices.map { index -> (Int, String, Double?) in
            let value = column < rows[index].count ? rows[index][column] : ""
            return (index, value.lowercased(), Double(value))
        }
        let sorted = keyed.sorted { lhs, rhs in
            let order: Bool?
            if let left = lhs.2, let right = rhs.2 {
                order = left == right ? nil : left < right
            } else {
                order = lhs.1 == rhs.1 ? nil : lhs.1 < rhs.1
            }
            guard let order else { return lhs.0 < rhs.0 }
            return ascending ? order : !order
        }
        return sorted.map(\.0)
    }

    /// Indices of the rows holding `query` (ignoring case) in one of `columns` (all columns
    /// when nil); every row when the query is empty.
    public static func filteredIndices(
        _ rows: [[String]], matching query: String, inColumns columns: [Int]? = nil
    )
        -> [Int]
    {
        let needle = query.lowercased()
        guard !needle.isEmpty else { return Array(rows.indices) }
        return rows.indices.filter { index in
            let row = rows[index]
            let searched = columns ?? Array(row.indices)
            return searched.contains { $0 < row.count && row[$0].lowercased().contains(needle) }
        }
    }

    /// Sorts by `column`: ascending the first time, then reversing on each repeat. The
    /// selection stays on the same row.
    public mutating func toggleSort(column: Int) {
        guard columns.indices.contains(column) else { return }
        sortAscending = sortColumn == column ? !sortAscending : true
        sortColumn = column
        let order = Self.sortedIndices(rows, column: column, ascending: sortAscending)
        let selectedRow = selection
        rows = order.map { rows[$0] }
        if let selectedRow { selection = order.firstIndex(of: selectedRow) }
    }
}
