/// One line of help: the keys as shown to the user and what they do.
public struct HelpEntry: Sendable, Equatable {
    /// The keys as shown, such as `↓ j`.
    public var keys: String
    /// What the keys do.
    public var description: String

    /// Creates a help line.
    public init(keys: String, description: String) {
        self.keys = keys
        self.description = description
    }
}

/// A key binding: the events that trigger an action and how help describes them.
public struct KeyBinding<Action: Sendable>: Sendable {
    /// Events that trigger the action.
    public var events: [InputEvent]
    /// The keys as the help overlay shows them, such as `↓ j`.
    public var label: String
    /// What the action does.
    public var description: String
    /// A shorter description for the status line, or nil to keep the binding out of it.
    public var hint: String?
    /// What the screen does when one of `events` arrives.
    public var action: Action

    /// Creates a binding.
    public init(_ events: [InputEvent], label: String, description: String, hint: String? = nil, action: Action) {
        self.events = events
        self.label = label
        self.description = description
        self.hint = hint
        self.action = action
    }
}

/// The key bindings of one screen. The screen reacts to keys through it and the help overlay
/// and status line are generated from it, so help can never drift from behaviour.
public struct KeyMap<Action: Sendable>: Sendable {
    /// Bindings in the order help lists them.
    public var bindings: [KeyBinding<Action>]

    /// Creates a key map; when two bindings share an event, the first one wins.
    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The action bound to `event`, if any.
    public func action(for event: InputEvent) -> Action? {
        bindings.first { $0.events.contains(event) }?.action
    }

    /// Help lines for every binding.
    public var helpEntries: [HelpEntry] {
        bindings.map { HelpEntry(keys: $0.label, description: $0.description) }
    }

    /// Short hints for the status line, for the bindings that have one and still have a key.
    public var hints: [HelpEntry] {
        bindings.compactMap { binding in
            binding.events.isEmpty ? nil : binding.hint.map { HelpEntry(keys: binding.label, description: $0) }
        }
    }
}
