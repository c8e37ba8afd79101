/// A line-by-line diff of two documents by longest common subsequence, shown as a unified diff.
public enum PolicyLineDiff {
    /// One line of the diff.
    public enum Line: Sendable, Equatable {
        /// In both documents.
        case same(String)
        /// Only in the old document.
        case removed(String)
        /// Only in the new document.
        case added(String)

        /// The line as a unified diff prints it: ` `, `-` or `+`, then the text.
        public var rendered: String {
            switch self {
            case .same(let text): return " " + text
            case .removed(let text): return "-" + text
            case .added(let text): return "+" + text
            }
        }
    }

    /// Every line of both documents in order: common lines, then for each change the removed
    /// lines before the added ones. Costs old × new line pairs, which policies (at most a few
    /// hundred lines) keep small.
    public static func diff(old: String, new: String) -> [Line] {
        let before = split(old)
        let after = split(new)
        let rows = before.count
        let columns = after.count
        var lengths = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
        for row in stride(from: rows - 1, through: 0, by: -1) {
            for column in stride(from: columns - 1, through: 0, by: -1) {
                lengths[row][column] =
                    before[row] == after[column]
                    ? lengths[row + 1][column + 1] + 1 : max(lengths[row + 1][column], lengths[row][column + 1])
            }
        }
        var result: [Line] = []
        var row = 0
        var column = 0
        while row < rows || column < columns {
            if row < rows, column < columns, before[row] == after[column] {
                result.append(.same(before[row]))
                row += 1
                column += 1
            } else if row < rows, column == columns || lengths[row + 1][column] >= lengths[row][column + 1] {
                result.append(.removed(before[row]))
                row += 1
            } else {
                result.append(.added(after[column]))
                column += 1
            }
        }
        return result
    }

    /// The unified diff text: `--- old` / `+++ new` headers, then hunks `@@ -a,b +c,d @@` with
    /// `context` unchanged lines around each change. Empty when nothing changed.
    public static func unified(
        old: String, new: String, oldName: String = "default", newName: String = "edited", context: Int = 3
    ) -> [String] {
        let lines = diff(old: old, new: new)
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        guard !changed.isEmpty else { return [] }
        var output = ["--- \(oldName)", "+++ \(newName)"]
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            var oldStart = 1
            var newStart = 1
            for line in lines[..<hunk.lowerBound] {
                if case .added = line {} else { oldStart += 1 }
                if case .removed = line {} else { newStart += 1 }
            }
            let body = lines[hunk]
            let oldCount = body.filter { if case .added = $0 { false } else { true } }.count
            let newCount = body.filter { if case .removed = $0 { false } else { true } }.count
            output.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            output += body.map(\.rendered)
        }
        return output
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
