/// A centred yes/no question: a title, a wrapped message and a row of buttons.
///
/// ←/→ and Tab/Shift-Tab move between buttons, Enter activates the focused one, Escape
/// cancels. For destructive actions the focus starts on the cancel button, so a stray Enter
/// never deletes anything.
public struct ConfirmDialog: Sendable, Equatable {
    /// What a key did to the dialog.
    public enum Outcome: Sendable, Equatable {
        /// Still open.
        case pending
        /// The button at this index was activated (it may be the cancel button).
        case activated(Int)
        /// Escape, or the cancel button.
        case cancelled
    }

    /// Shown in the top border.
    public var title: String
    /// The question, wrapped to the dialog's width.
    public var message: String
    /// Button titles, left to right.
    public var buttons: [String]
    /// The index of the button that cancels.
    public var cancelIndex: Int
    /// True for deletes and other actions that cannot be undone: the border is drawn in the
    /// error style.
    public var isDestructive: Bool
    /// The focused button.
    public private(set) var focus: Int

    /// Creates a dialog. The focus starts on the cancel button when `isDestructive`, on the
    /// first other button otherwise.
    public init(
        title: String, message: String, buttons: [String] = ["Cancel", "OK"], cancelIndex: Int = 0,
        isDestructive: Bool = false
    ) {
        self.title = title
        self.message = message
        self.buttons = buttons
        let cancel = min(max(0, cancelIndex), max(0, buttons.count - 1))
        self.cancelIndex = cancel
        self.isDestructive = isDestructive
        let firstOther = buttons.indices.first { $0 != cancel } ?? 0
        self.focus = isDestructive ? cancel : firstOther
    }

    /// A destructive confirmation with `Cancel` (focused) and `confirmTitle`.
    public static func destructive(title: String, message: String, confirmTitle: String = "Delete") -> ConfirmDialog {
        ConfirmDialog(
            title: title, message: message, buttons: ["Cancel", confirmTitle], cancelIndex: 0, isDestructive: true)
    }

    /// Applies one event.
    public mutating func handle(_ event: InputEvent) -> Outcome {
        guard !buttons.isEmpty else { return event == .key(.escape) ? .cancelled : .pending }
        switch event {
        case .key(.escape):
            return .cancelled
        case .key(.left), .key(.backTab):
            focus = (focus + buttons.count - 1) % buttons.count
        case .key(.right), .key(.tab):
            focus = (focus + 1) % buttons.count
        case .key(.enter), .character(" "):
            return focus == cancelIndex ? .cancelled : .activated(focus)
        default:
            break
        }
        return .pending
    }

    /// Draws the dialog centred over the canvas, cut to it.
    @MainActor
    public func draw(in canvas: Canvas, theme: Theme) {
        let widest = max(DialogChrome.width(of: buttons), displayWidth(title) + 2, 30)
        let textWidth = min(max(widest, min(displayWidth(message), 56)), max(1, canvas.width - 4))
        let lines = wrap(message, toWidth: textWidth)
        let rect = DialogChrome.frame(contentWidth: textWidth, contentHeight: lines.count + 2, in: canvas)
        let inside = DialogChrome.drawFrame(
            rect, title: title, in: canvas, theme: theme, border: isDestructive ? theme[.error] : nil)
        for (row, line) in lines.prefix(max(0, inside.height - 2)).enumerated() {
            inside.text(line, row: row, column: 0, style: theme[.text])
        }
        DialogChrome.drawButtons(buttons, focused: focus, row: inside.height - 1, in: inside, theme: theme)
    }
}
