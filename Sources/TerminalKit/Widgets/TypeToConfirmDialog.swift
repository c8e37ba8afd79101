/// A destructive confirmation that asks the user to type a name (the user's, the role's)
/// before the delete button is enabled.
///
/// Focus starts in the text field; Tab/Shift-Tab move between the field, Cancel and the
/// confirm button (skipped while disabled). Enter in the field confirms only when the name
/// matches exactly. Escape cancels.
public struct TypeToConfirmDialog: Sendable, Equatable {
    /// What a key did to the dialog.
    public enum Outcome: Sendable, Equatable {
        /// Still open.
        case pending
        /// The name was typed and the confirm button activated.
        case confirmed
        /// Escape, or Cancel.
        case cancelled
    }

    /// Where the focus is.
    public enum Focus: Sendable, Equatable {
        case field
        case cancel
        case confirm
    }

    /// Shown in the top border.
    public var title: String
    /// What will happen, wrapped to the dialog's width.
    public var message: String
    /// The text the user must type.
    public var expected: String
    /// The confirm button's title.
    public var confirmTitle: String
    /// What has been typed.
    public private(set) var input: TextInput
    /// The focused part.
    public private(set) var focus: Focus = .field

    /// Creates the dialog with an empty field.
    public init(title: String, message: String, expected: String, confirmTitle: String = "Delete") {
        self.title = title
        self.message = message
        self.expected = expected
        self.confirmTitle = confirmTitle
        self.input = TextInput(maxLength: max(expected.count * 2, 64))
    }

    /// True when the typed text is exactly the expected name.
    public var isConfirmEnabled: Bool { input.text == expected }

    /// Applies one event.
    public mutating func handle(_ event: InputEvent) -> Outcome {
        switch event {
        case .key(.escape):
            return .cancelled
        case .key(.tab), .key(.down):
            focus = focus == .field ? .cancel : focus == .cancel && isConfirmEnabled ? .confirm : .field
            return .pending
        case .key(.backTab), .key(.up):
            focus = focus == .field ? (isConfirmEnabled ? .confirm : .cancel) : focus == .confirm ? .cancel : .field
            return .pending
        case .key(.enter):
            switch focus {
            case .field, .confirm: return isConfirmEnabled ? .confirmed : .pending
            case .cancel: return .cancelled
            }
        default:
            break
        }
        switch focus {
        case .field:
            _ = input.handle(event)
        case .cancel, .confirm:
            if event == .key(.left) || event == .key(.right) {
                focus = focus == .cancel && isConfirmEnabled ? .confirm : .cancel
            }
        }
        return .pending
    }

    /// Draws the dialog centred over the canvas and returns where the cursor belongs when the
    /// field is focused.
    @MainActor
    @discardableResult
    public func draw(in canvas: Canvas, theme: Theme) -> Position? {
        let prompt = "Type \(expected) to confirm:"
        let textWidth = min(
            max(40, displayWidth(prompt), min(displayWidth(message), 56)), max(1, canvas.width - 4))
        let lines = wrap(message, toWidth: textWidth)
        let rect = DialogChrome.frame(contentWidth: textWidth, contentHeight: lines.count + 5, in: canvas)
        let inside = DialogChrome.drawFrame(rect, title: title, in: canvas, theme: theme, border: theme[.error])
        let shown = Array(lines.prefix(max(0, inside.height - 5)))
        for (row, line) in shown.enumerated() {
            inside.text(line, row: row, column: 0, style: theme[.text])
        }
        inside.text(
            truncate(prompt, toWidth: inside.width, ellipsis: canvas.glyphs.ellipsis), row: shown.count + 1, column: 0,
            style: theme[.label])
        var fieldStyle = focus == .field ? theme[.selection] : theme[.value]
        fieldStyle.underline = true
        let cursor = input.draw(in: inside, row: shown.count + 2, column: 0, width: inside.width, style: fieldStyle)
        let focused: Int? = focus == .cancel ? 0 : focus == .confirm ? 1 : nil
        DialogChrome.drawButtons(
            ["Cancel", confirmTitle], focused: focused, enabled: [true, isConfirmEnabled], row: inside.height - 1,
            in: inside, theme: theme)
        return focus == .field ? cursor : nil
    }
}
