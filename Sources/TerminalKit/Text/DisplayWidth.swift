import CTermShim

/// The number of terminal cells `text` occupies when drawn.
///
/// Every layout decision in the console goes through this one function, so borders line up
/// for CJK (2 cells), single-codepoint emoji (2 cells), combining marks (0 cells) and
/// control characters (drawn as one `?` cell). It uses the C library's `wcwidth` under a
/// private UTF-8 locale, the same table ncursesw uses when it advances the cursor.
public func displayWidth(_ text: String) -> Int {
    var total = 0
    for character in text {
        total += displayWidth(character)
    }
    return total
}

/// The number of terminal cells one grapheme cluster occupies (see `displayWidth(_:)` for a string).
public func displayWidth(_ character: Character) -> Int {
    var width = 0
    for (index, scalar) in character.unicodeScalars.enumerated() {
        let scalarWidth = Int(ts_wcwidth(scalar.value))
        if scalarWidth < 0 {
            // Control characters are drawn as a single `?`, wherever they sit in the cluster.
            if index == 0 { return 1 }
            continue
        }
        width += scalarWidth
    }
    return width
}

/// One drawable grapheme cluster with its width in cells.
struct DisplayCluster: Equatable {
    var text: String
    var width: Int
}

/// Splits text into clusters that can be placed cell by cell.
///
/// Control characters become `?` so they cannot move the terminal cursor, and zero-width
/// clusters with nothing to attach to are dropped because no cell can hold them.
func displayClusters(_ text: String) -> [DisplayCluster] {
    var clusters: [DisplayCluster] = []
    clusters.reserveCapacity(text.count)
    for character in text {
        let isControl = character.unicodeScalars.first.map { ts_wcwidth($0.value) < 0 } ?? false
        if isControl {
            clusters.append(DisplayCluster(text: "?", width: 1))
            continue
        }
        let width = displayWidth(character)
        if width > 0 {
            clusters.append(DisplayCluster(text: String(character), width: width))
        }
    }
    return clusters
}
