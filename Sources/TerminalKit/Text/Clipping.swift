/// The part of a run of text that falls inside the columns `minColumn..<maxColumn`.
struct ClippedRun: Equatable {
    /// Column of the first cell of `clusters`.
    var column: Int
    var clusters: [DisplayCluster]

    var text: String { clusters.map(\.text).joined() }
    var width: Int { clusters.reduce(0) { $0 + $1.width } }
}

/// Clips text placed at `column` to the half-open column range `minColumn..<maxColumn`.
///
/// A wide character cut by either edge is replaced by spaces for the cells that remain
/// visible, so the text around it keeps its alignment and nothing is drawn outside the range.
func clipRun(_ text: String, column: Int, minColumn: Int, maxColumn: Int) -> ClippedRun? {
    guard minColumn < maxColumn else { return nil }
    var kept: [DisplayCluster] = []
    var start: Int?
    var position = column
    for cluster in displayClusters(text) {
        let end = position + cluster.width
        defer { position = end }
        if end <= minColumn { continue }
        if position >= maxColumn { break }
        let visibleStart = max(position, minColumn)
        let visibleEnd = min(end, maxColumn)
        if start == nil { start = visibleStart }
        if visibleStart == position && visibleEnd == end {
            kept.append(cluster)
        } else {
            for _ in visibleStart..<visibleEnd {
                kept.append(DisplayCluster(text: " ", width: 1))
            }
        }
    }
    guard let first = start, !kept.isEmpty else { return nil }
    return ClippedRun(column: first, clusters: kept)
}
