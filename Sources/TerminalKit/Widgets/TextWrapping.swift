/// Breaks `text` into lines of at most `width` cells: at spaces where possible, inside a word
/// only when the word alone is wider than the line. Newlines in `text` always break.
public func wrap(_ text: String, toWidth width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = displayWidth(word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                let head = truncate(word, toWidth: width, ellipsis: "")
                guard !head.isEmpty else { break }
                lines.append(head)
                word = String(word.dropFirst(head.count))
                wordWidth = displayWidth(word)
            }
            line = word
            lineWidth = wordWidth
        }
        lines.append(line)
    }
    return lines
}
