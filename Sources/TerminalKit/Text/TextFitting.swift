/// How text sits inside a wider field.
public enum TextAlignment: Sendable {
    case left
    case right
    case center
}

/// Shortens `text` to at most `width` cells, ending it with `ellipsis` when something was cut.
///
/// Wide characters are never split: when the next one does not fit, the result is one cell
/// shorter than `width`. If even the ellipsis does not fit, the text is cut without one.
public func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if displayWidth(text) <= width { return text }
    let ellipsisWidth = displayWidth(ellipsis)
    let marker = ellipsisWidth <= width ? ellipsis : ""
    let budget = width - displayWidth(marker)
    var result = ""
    var used = 0
    for cluster in displayClusters(text) {
        if used + cluster.width > budget { break }
        result += cluster.text
        used += cluster.width
    }
    return result + marker
}

/// Shortens `text` to at most `width` cells by cutting from the start, for paths whose end
/// (the file name) matters most: `/a/very/long/ws.json` becomes `…/long/ws.json`.
public func truncateLeading(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if displayWidth(text) <= width { return text }
    let ellipsisWidth = displayWidth(ellipsis)
    let marker = ellipsisWidth <= width ? ellipsis : ""
    let budget = width - displayWidth(marker)
    var kept: [String] = []
    var used = 0
    for cluster in displayClusters(text).reversed() {
        if used + cluster.width > budget { break }
        kept.append(cluster.text)
        used += cluster.width
    }
    return marker + kept.reversed().joined()
}

/// Pads `text` with spaces to exactly `width` cells; text that is already wider is returned as is.
public func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .left) -> String {
    let missing = width - displayWidth(text)
    guard missing > 0 else { return text }
    switch alignment {
    case .left:
        return text + String(repeating: " ", count: missing)
    case .right:
        return String(repeating: " ", count: missing) + text
    case .center:
        let before = missing / 2
        return String(repeating: " ", count: before) + text + String(repeating: " ", count: missing - before)
    }
}

/// Truncates and then pads, so the result is exactly `width` cells (one less only when a wide
/// character could not be split, in which case a space fills the gap).
public func fit(
    _ text: String, toWidth width: Int, ellipsis: String = "…", alignment: TextAlignment = .left
) -> String {
    pad(truncate(text, toWidth: width, ellipsis: ellipsis), toWidth: width, alignment: alignment)
}
