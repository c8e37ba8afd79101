/// A vertical form: labelled fields with hints and error messages, then a submit and a
/// cancel button.
///
/// Tab / ↓ and Shift-Tab / ↑ move between fields and buttons (validating the field left);
/// Enter moves to the next field, or activates the focused button; Ctrl-S submits from
/// anywhere and Escape cancels. Submitting validates every field and, when one fails,
/// focuses it instead of submitting.
public struct Form: Sendable {
    /// What a key did to the form.
    public enum Outcome: Sendable, Equatable {
        /// Keep editing.
        case editing
        /// Every field is valid: their values by field id.
        case submitted([String: FormValue])
        /// Escape, or the cancel button.
        case cancelled
    }

    /// Shown in the top border when the form is drawn in a box (`drawBoxed`).
    public var title: String
    /// The fields, top to bottom.
    public var fields: [FormField]
    /// The submit button's title.
    public var submitTitle: String
    /// The cancel button's title.
    public var cancelTitle: String
    /// The focused item: a field index, then `fields.count` for submit and `fields.count + 1`
    /// for cancel.
    public private(set) var focus: Int

    /// Creates a form focused on its first field.
    public init(title: String = "", fields: [FormField], submitTitle: String = "Submit", cancelTitle: String = "Cancel")
    {
        self.title = title
        self.fields = fields
        self.submitTitle = submitTitle
        self.cancelTitle = cancelTitle
        self.focus = 0
    }

    /// Index of the submit button in `focus` terms.
    public var submitIndex: Int { fields.count }
    /// Index of the cancel button in `focus` terms.
    public var cancelIndex: Int { fields.count + 1 }

    /// The field with `id`.
    public subscript(id: String) -> FormField? {
        fields.first { $0.id == id }
    }

    /// Every field's value by id.
    public var values: [String: FormValue] {
        Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Shows `message` under the field `id` (for errors the host finds, such as a name
    /// already taken) and focuses it; nil clears the message.
    public mutating func setError(_ message: String?, for id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].error = message
        if message != nil { focus = index }
    }

    /// Moves the focus to `index` (clamped), validating the field it leaves.
    public mutating func focus(on index: Int) {
        if fields.indices.contains(focus) { fields[focus].validate() }
        focus = min(max(0, index), cancelIndex)
    }

    /// Applies one event.
    public mutating func handle(_ event: InputEvent) -> Outcome {
        if fields.indices.contains(focus), fields[focus].isOpen {
            _ = fields[focus].handle(event)
            return .editing
        }
        switch event {
        case .key(.escape):
            return .cancelled
        case .key(.control("s")):
            return submit()
        case .key(.tab), .key(.down):
            focus(on: (focus + 1) % (cancelIndex + 1))
            return .editing
        case .key(.backTab), .key(.up):
            focus(on: (focus + cancelIndex) % (cancelIndex + 1))
            return .editing
        default:
            break
        }
        if focus == submitIndex || focus == cancelIndex {
            switch event {
            case .key(.enter), .character(" "): return focus == submitIndex ? submit() : .cancelled
            case .key(.left), .key(.right): focus = focus == submitIndex ? cancelIndex : submitIndex
            default: break
            }
            return .editing
        }
        if !fields[focus].handle(event), event == .key(.enter) {
            // Enter in the last field submits, as in most forms; elsewhere it moves on.
            if focus == fields.count - 1 { return submit() }
            focus(on: focus + 1)
        }
        return .editing
    }

    private mutating func submit() -> Outcome {
        var firstInvalid: Int?
        for index in fields.indices where !fields[index].validate() && firstInvalid == nil {
            firstInvalid = index
        }
        if let firstInvalid {
            focus = firstInvalid
            return .editing
        }
        return .submitted(values)
    }
}
