import TerminalKit

/// The rows of one list view, computed once per account change: the cells for drawing, a key
/// per row to keep the selection across reloads, the ARN for `y`, and a lowercased haystack per
/// row so a filter keystroke is a plain byte search.
struct ListModel: Sendable, Equatable {
    /// Cells, one array per row, in the view's column order.
    var rows: [[String]]
    /// What identifies each row across reloads (an entity name, or a policy ARN).
    var keys: [String]
    /// Each row's ARN.
    var arns: [String]
    private var haystacks: [[UInt8]]
    /// For lists whose cells carry meaning in colour (the credential report): a theme role per
    /// cell, nil for the row's own style; empty for the other lists.
    var cellRoles: [[Theme.Role?]]

    /// Creates a model; `keys` and `arns` (and `cellRoles`, when given) have one entry per row.
    init(rows: [[String]], keys: [String], arns: [String], cellRoles: [[Theme.Role?]] = []) {
        self.rows = rows
        self.keys = keys
        self.arns = arns
        self.cellRoles = cellRoles
        haystacks = rows.map { Array($0.joined(separator: "\u{1F}").lowercased().utf8) }
    }

    static let empty = ListModel(rows: [], keys: [], arns: [])

    /// The indices of the rows whose text contains `filter` (case-insensitive), all rows for "".
    func matching(_ filter: String) -> [Int] {
        guard !filter.isEmpty else { return Array(rows.indices) }
        let needle = Array(filter.lowercased().utf8)
        return haystacks.indices.filter { Self.contains(haystacks[$0], needle) }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
        let last = haystack.count - needle.count
        var start = 0
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
