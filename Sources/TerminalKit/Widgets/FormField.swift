/// The value a form field holds, as `Form` reports it on submit.
public enum FormValue: Sendable, Equatable {
    /// A text or password field's text.
    case text(String)
    /// A checkbox.
    case bool(Bool)
    /// A number field's value; nil when it is empty.
    case number(Int?)
    /// A choice field's selected option.
    case choice(String)
}

/// One field of a `Form`: a label, an optional hint, the control the user edits, and the
/// error message shown under it when validation fails.
///
/// Create fields with the factory functions (`.text`, `.password`, `.checkbox`, `.number`,
/// `.choice`). Keys a field does not use (Tab, ↑/↓, Enter, Escape, Ctrl-S) are left to the form.
public struct FormField: Sendable {
    /// What the user edits.
    public enum Control: Sendable, Equatable {
        /// One line of text.
        case text(TextInput)
        /// One line of text shown masked unless `revealed` (Ctrl-R toggles).
        case password(TextInput, revealed: Bool)
        /// On or off (Space toggles).
        case checkbox(Bool)
        /// A whole number that must lie in `range`.
        case number(TextInput, range: ClosedRange<Int>)
        /// One of `options` (←/→ cycle; Enter opens a list of them, where `highlighted` moves).
        case choice(options: [String], selected: Int, isOpen: Bool, highlighted: Int)
    }

    /// Identifies the field in the submitted values.
    public var id: String
    /// Shown to the left of the control.
    public var label: String
    /// Shown under the control while there is no error.
    public var hint: String?
    /// The control's state.
    public var control: Control
    /// Returns an error message for a text or password value, or nil when it is acceptable.
    public var validator: (@Sendable (String) -> String?)?
    /// The message shown under the field; set by validation or by the host (`Form.setError`).
    public var error: String?

    /// Creates a field from its parts; the factory functions are usually more convenient.
    public init(
        id: String, label: String, hint: String? = nil, control: Control,
        validator: (@Sendable (String) -> String?)? = nil
    ) {
        self.id = id
        self.label = label
        self.hint = hint
        self.control = control
        self.validator = validator
    }

    /// A one-line text field holding at most `maxLength` characters.
    public static func text(
        id: String, label: String, value: String = "", maxLength: Int? = nil, hint: String? = nil,
        validator: (@Sendable (String) -> String?)? = nil
    ) -> FormField {
        FormField(
            id: id, label: label, hint: hint, control: .text(TextInput(text: value, maxLength: maxLength)),
            validator: validator)
    }

    /// A masked text field (`•`, or `*` in ASCII); Ctrl-R shows or hides the text.
    public static func password(
        id: String, label: String, maxLength: Int? = nil, hint: String? = nil,
        validator: (@Sendable (String) -> String?)? = nil
    ) -> FormField {
        FormField(
            id: id, label: label, hint: hint, control: .password(TextInput(maxLength: maxLength), revealed: false),
            validator: validator)
    }

    /// A checkbox; Space toggles it.
    public static func checkbox(id: String, label: String, isOn: Bool = false, hint: String? = nil) -> FormField {
        FormField(id: id, label: label, hint: hint, control: .checkbox(isOn))
    }

    /// A whole-number field; values outside `range` (or none) are rejected with a message.
    public static func number(
        id: String, label: String, value: Int? = nil, range: ClosedRange<Int>, hint: String? = nil
    ) -> FormField {
        let digits = max(String(range.lowerBound).count, String(range.upperBound).count)
        let input = TextInput(text: value.map(String.init) ?? "", maxLength: digits, accepted: .integer)
        return FormField(id: id, label: label, hint: hint, control: .number(input, range: range))
    }

    /// A choice among `options`, starting at `selected`.
    public static func choice(
        id: String, label: String, options: [String], selected: Int = 0, hint: String? = nil
    ) -> FormField {
        let start = options.isEmpty ? 0 : min(max(0, selected), options.count - 1)
        return FormField(
            id: id, label: label, hint: hint,
            control: .choice(options: options, selected: start, isOpen: false, highlighted: start))
    }

    /// The field's current value.
    public var value: FormValue {
        switch control {
        case .text(let input), .password(let input, _): return .text(input.text)
        case .checkbox(let isOn): return .bool(isOn)
        case .number(let input, _): return .number(Int(input.text))
        case .choice(let options, let selected, _, _):
            return .choice(options.indices.contains(selected) ? options[selected] : "")
        }
    }

    /// True while a choice field's list is open (it then takes every key).
    public var isOpen: Bool {
        if case .choice(_, _, let isOpen, _) = control { return isOpen }
        return false
    }

    /// Checks the value, sets or clears `error`, and returns true when the value is acceptable.
    @discardableResult
    public mutating func validate() -> Bool {
        error = validationMessage()
        return error == nil
    }

    private func validationMessage() -> String? {
        switch control {
        case .text(let input), .password(let input, _):
            return validator?(input.text)
        case .number(let input, let range):
            guard let number = Int(input.text) else {
                return "Enter a number from \(range.lowerBound) to \(range.upperBound)."
            }
            return range.contains(number) ? nil : "Must be between \(range.lowerBound) and \(range.upperBound)."
        case .checkbox, .choice:
            return nil
        }
    }

    /// Applies one event; returns false when the field does not use it, so the form can.
    public mutating func handle(_ event: InputEvent) -> Bool {
        switch control {
        case .text(var input):
            guard input.handle(event) else { return false }
            control = .text(input)
        case .password(var input, let revealed):
            if event == .key(.control("r")) {
                control = .password(input, revealed: !revealed)
                return true
            }
            guard input.handle(event) else { return false }
            control = .password(input, revealed: revealed)
        case .number(var input, let range):
            guard input.handle(event) else { return false }
            control = .number(input, range: range)
        case .checkbox(let isOn):
            guard event == .character(" ") || event == .character("x") else { return false }
            control = .checkbox(!isOn)
        case .choice(let options, let selected, let isOpen, let highlighted):
            guard
                let next = Self.handleChoice(
                    event, options: options, selected: selected, isOpen: isOpen, highlighted: highlighted)
            else { return false }
            control = next
        }
        if error != nil { validate() }
        return true
    }

    private static func handleChoice(
        _ event: InputEvent, options: [String], selected: Int, isOpen: Bool, highlighted: Int
    ) -> Control? {
        let count = options.count
        guard count > 0 else { return nil }
        if isOpen {
            switch event {
            case .key(.up):
                return .choice(options: options, selected: selected, isOpen: true, highlighted: max(0, highlighted - 1))
            case .key(.down):
                return .choice(
                    options: options, selected: selected, isOpen: true, highlighted: min(count - 1, highlighted + 1))
            case .key(.enter), .character(" "):
                return .choice(options: options, selected: highlighted, isOpen: false, highlighted: highlighted)
            case .key(.escape), .key(.tab), .key(.backTab):
                return .choice(options: options, selected: selected, isOpen: false, highlighted: selected)
            default: return .choice(options: options, selected: selected, isOpen: true, highlighted: highlighted)
            }
        }
        switch event {
        case .key(.left):
            let next = (selected + count - 1) % count
            return .choice(options: options, selected: next, isOpen: false, highlighted: next)
        case .key(.right), .character(" "):
            let next = (selected + 1) % count
            return .choice(options: options, selected: next, isOpen: false, highlighted: next)
        case .key(.enter):
            return .choice(options: options, selected: selected, isOpen: true, highlighted: selected)
        default: return nil
        }
    }
}
