/// A centred message with one OK button, for errors (`EntityAlreadyExists: User with name
/// alice already exists.`) and notices. Enter, Space or Escape dismisses it.
public struct MessageDialog: Sendable, Equatable {
    /// What a key did to the dialog.
    public enum Outcome: Sendable, Equatable {
        /// Still open.
        case pending
        /// Closed.
        case dismissed
    }

    /// Shown in the top border.
    public var title: String
    /// The text, wrapped to the dialog's width.
    public var message: String
    /// True for errors: the border is drawn in the error style.
    public var isError: Bool

    /// Creates a dialog showing `message`.
    public init(title: String, message: String, isError: Bool = false) {
        self.title = title
        self.message = message
        self.isError = isError
    }

    /// An error dialog showing `code: message`, as AWS reports errors.
    public static func error(code: String, message: String, title: String = "Error") -> MessageDialog {
        MessageDialog(title: title, message: code.isEmpty ? message : code + ": " + message, isError: true)
    }

    /// Applies one event.
    public func handle(_ event: InputEvent) -> Outcome {
        switch event {
        case .key(.enter), .key(.escape), .character(" "): return .dismissed
        default: return .pending
        }
    }

    /// Draws the dialog centred over the canvas, cut to it.
    @MainActor
    public func draw(in canvas: Canvas, theme: Theme) {
        let textWidth = min(max(24, displayWidth(title) + 2, min(displayWidth(message), 60)), max(1, canvas.width - 4))
        let lines = wrap(message, toWidth: textWidth)
        let rect = DialogChrome.frame(contentWidth: textWidth, contentHeight: lines.count + 2, in: canvas)
        let inside = DialogChrome.drawFrame(
            rect, title: title, in: canvas, theme: theme, border: isError ? theme[.error] : nil)
        for (row, line) in lines.prefix(max(0, inside.height - 2)).enumerated() {
            inside.text(line, row: row, column: 0, style: isError ? theme[.error] : theme[.text])
        }
        DialogChrome.drawButtons(["OK"], focused: 0, row: inside.height - 1, in: inside, theme: theme)
    }
}
