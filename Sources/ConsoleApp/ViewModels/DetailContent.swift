import IAMPolicy
import TerminalKit

/// One line of a detail tab. Tabs are lists of lines so every tab scrolls the same way and a
/// line can link to another view (Enter follows it) or carry an ARN (`y` copies it).
struct DetailLine: Sendable, Equatable {
    /// How a line is drawn.
    enum Kind: Sendable, Equatable {
        case text
        case heading
        case tableHeader
        case muted
        /// A line of a pretty-printed JSON document: keys and values are coloured apart.
        case json
        /// A line of a document that belongs to the statement the view is about (a finding's
        /// cause): marked in the margin and drawn in the selection style, as the simulator does.
        case highlighted
    }

    var text: String
    var kind: Kind
    /// Where Enter on this line goes, if anywhere.
    var link: Route?
    /// What `y` copies on this line, instead of the entity's own ARN.
    var arn: String?
    /// The access key or MFA device the line shows, for `d` and `r`.
    var item: CredentialItem?

    init(_ text: String, kind: Kind = .text, link: Route? = nil, arn: String? = nil, item: CredentialItem? = nil) {
        self.text = text
        self.kind = kind
        self.link = link
        self.arn = arn
        self.item = item
    }
}

/// One tab of a detail view.
struct DetailTab: Sendable, Equatable {
    var title: String
    var lines: [DetailLine]
}

/// Everything a detail view shows about one entity.
struct EntityDetail: Sendable, Equatable {
    /// `User`, `User group`, `Role` or `Policy`.
    var kind: String
    var name: String
    var arn: String
    /// Label–value pairs shown above the tabs.
    var summary: [(label: String, value: String)]
    var tabs: [DetailTab]

    static func == (lhs: EntityDetail, rhs: EntityDetail) -> Bool {
        lhs.kind == rhs.kind && lhs.name == rhs.name && lhs.arn == rhs.arn && lhs.tabs == rhs.tabs
            && lhs.summary.map(\.label) == rhs.summary.map(\.label)
            && lhs.summary.map(\.value) == rhs.summary.map(\.value)
    }
}

/// Builders for the lines detail tabs are made of.
enum DetailLines {
    /// Widest a column of a detail table gets before its values are cut.
    static let maximumColumnWidth = 48

    /// A table as lines: a header line, then one line per row padded into columns. `links` and
    /// `arns`, when given, have one entry per row.
    static func table(
        _ columns: [String], _ rows: [[String]], links: [Route?] = [], arns: [String?] = [],
        items: [CredentialItem?] = [], empty: String
    ) -> [DetailLine] {
        guard !rows.isEmpty else { return [DetailLine(empty, kind: .muted)] }
        let widths = columns.indices.map { index in
            min(
                maximumColumnWidth,
                ([columns[index]] + rows.map { index < $0.count ? $0[index] : "" }).map(displayWidth).max() ?? 0)
        }
        func format(_ cells: [String]) -> String {
            var line = ""
            for (index, width) in widths.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let last = index == widths.count - 1
                line += last ? truncate(cell, toWidth: width, ellipsis: "…") : fit(cell, toWidth: width, ellipsis: "…")
                if !last { line += "  " }
            }
            return line
        }
        return [DetailLine(format(columns), kind: .tableHeader)]
            + rows.indices.map { index in
                DetailLine(
                    format(rows[index]), link: index < links.count ? links[index] : nil,
                    arn: index < arns.count ? arns[index] : nil, item: index < items.count ? items[index] : nil)
            }
    }

    /// A JSON document pretty-printed (4-space indent, members in their written order) for
    /// reading; a document that does not parse is shown as written.
    static func document(_ text: String) -> [DetailLine] {
        let pretty = (try? JSONParser.parse(text)).map(JSONWriter.awsCLI) ?? text
        return pretty.split(separator: "\n", omittingEmptySubsequences: false).map {
            DetailLine(String($0), kind: .json)
        }
    }
}
