import TerminalKit

/// A new access key's secret, shown once as AWS's console does: the key id and the secret, a
/// warning that this is the only time, and **Download .csv** (AWS's two-column file) or **Done**.
struct AccessKeySecretDialog: Sendable, Equatable {
    var owner: CredentialOwner
    var accessKeyId: String
    var secretAccessKey: String
    /// 0: Download .csv, 1: Done.
    var focus = 1
    /// Where the CSV was written, once it was.
    var savedTo: String?

    /// What a key did.
    enum Outcome: Equatable {
        case pending
        case download
        case done
    }

    /// AWS's CSV: a header line and one line with the id and the secret.
    var csv: String { "Access key ID,Secret access key\n\(accessKeyId),\(secretAccessKey)\n" }

    mutating func handle(_ event: InputEvent) -> Outcome {
        switch event {
        case .key(.tab), .key(.backTab), .key(.left), .key(.right): focus = 1 - focus
        case .key(.enter), .character(" "): return focus == 0 ? .download : .done
        case .key(.escape): return .done
        case .character("s"), .character("S"): return .download
        default: break
        }
        return .pending
    }

    @MainActor
    func draw(in canvas: Canvas, theme: Theme) {
        let width = min(canvas.width - 2, 76)
        let height = 12
        let box = canvas.box(
            Rect(
                row: max(0, (canvas.height - height) / 2), column: max(0, (canvas.width - width) / 2), width: width,
                height: height), title: "Access key created for \(owner.label)", border: theme[.border],
            titleStyle: theme[.title])
        box.fill(style: theme[.overlay])
        box.text(" Access key ID", row: 1, column: 0, style: theme[.label])
        box.text(accessKeyId, row: 1, column: 20, style: theme[.value])
        box.text(" Secret access key", row: 2, column: 0, style: theme[.label])
        box.text(secretAccessKey, row: 2, column: 20, style: theme[.value])
        box.text(
            truncate(
                " This is the only time the secret can be seen or downloaded. Save it now.",
                toWidth: box.width, ellipsis: canvas.glyphs.ellipsis), row: 4, column: 0, style: theme[.warning])
        let note = savedTo.map { " Saved to \($0)" } ?? " Download .csv writes \(owner.csvFileName) (mode 0600)."
        box.text(
            truncate(note, toWidth: box.width, ellipsis: canvas.glyphs.ellipsis), row: 6, column: 0,
            style: theme[.muted])
        let buttons = ["[ Download .csv ]", "[ Done ]"]
        var column = max(0, (box.width - buttons.joined(separator: "  ").count) / 2)
        for (index, title) in buttons.enumerated() {
            box.text(title, row: 8, column: column, style: index == focus ? theme[.selection] : theme[.overlay])
            column += title.count + 2
        }
    }
}
