/// How key bindings files and help write keys: a single character (`j`, `D`, `/`), or a name
/// (`enter`, `esc`, `tab`, `shift-tab`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`,
/// `end`, `backspace`, `delete`, `space`, `f1`…`f12`, `ctrl-a`…`ctrl-z`). Names are case-insensitive;
/// single characters are not (`g` and `G` differ).
public enum KeyNotation {
    private static let named: [(String, InputEvent)] = [
        ("enter", .key(.enter)), ("return", .key(.enter)), ("esc", .key(.escape)), ("escape", .key(.escape)),
        ("tab", .key(.tab)), ("shift-tab", .key(.backTab)), ("backtab", .key(.backTab)), ("up", .key(.up)),
        ("down", .key(.down)), ("left", .key(.left)), ("right", .key(.right)), ("pgup", .key(.pageUp)),
        ("pageup", .key(.pageUp)), ("pgdn", .key(.pageDown)), ("pagedown", .key(.pageDown)), ("home", .key(.home)),
        ("end", .key(.end)), ("backspace", .key(.backspace)), ("delete", .key(.delete)), ("space", .character(" ")),
    ]

    /// The event `text` names, or nil when it names none.
    public static func parse(_ text: String) -> InputEvent? {
        if text.count == 1, let character = text.first, character != " " { return .character(character) }
        let lower = text.lowercased()
        if let match = named.first(where: { $0.0 == lower }) { return match.1 }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isASCII, letter.isLetter {
            return .key(.control(letter))
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            return .key(.function(number))
        }
        return nil
    }

    /// How help shows `event`: arrows as glyphs, other keys by name (`Enter`, `Ctrl-N`, `F5`).
    public static func label(_ event: InputEvent, glyphs: Glyphs) -> String {
        switch event {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .key(let key):
            switch key {
            case .up: return glyphs.arrowUp
            case .down: return glyphs.arrowDown
            case .left: return glyphs.ellipsis == "…" ? "←" : "Left"
            case .right: return glyphs.ellipsis == "…" ? "→" : "Right"
            case .enter: return "Enter"
            case .backspace: return "Backspace"
            case .delete: return "Del"
            case .escape: return "Esc"
            case .tab: return "Tab"
            case .backTab: return "S-Tab"
            case .pageUp: return "PgUp"
            case .pageDown: return "PgDn"
            case .home: return "Home"
            case .end: return "End"
            case .function(let number): return "F\(number)"
            case .control(let letter): return "Ctrl-" + String(letter).uppercased()
            }
        case .resize: return "resize"
        case .signal: return "signal"
        case .mouse: return "mouse"
        }
    }

    /// Every name `parse` accepts besides single characters, for error messages.
    public static var namesForHelp: String {
        "enter, esc, tab, shift-tab, up, down, left, right, pgup, pgdn, home, end, backspace, delete, space, "
            + "f1-f12, ctrl-a-ctrl-z, or a single character"
    }
}

extension KeyMap {
    /// The map with the actions named in `overrides` bound to the given keys instead of their
    /// defaults. A key given to an action is taken from every other action, so a user can move a
    /// key (say `d`) to another action; an action left without keys shows as unbound in help.
    public func remapped(
        _ overrides: [String: [InputEvent]], glyphs: Glyphs, name: (Action) -> String
    ) -> KeyMap {
        guard !overrides.isEmpty else { return self }
        let taken = Set(overrides.values.flatMap { $0 })
        return KeyMap(
            bindings.map { binding in
                var binding = binding
                if let events = overrides[name(binding.action)] {
                    binding.events = events
                    binding.label =
                        events.isEmpty
                        ? "(unbound)" : events.map { KeyNotation.label($0, glyphs: glyphs) }.joined(separator: " ")
                } else if binding.events.contains(where: taken.contains) {
                    binding.events.removeAll(where: taken.contains)
                    binding.label =
                        binding.events.isEmpty
                        ? "(unbound)"
                        : binding.events.map { KeyNotation.label($0, glyphs: glyphs) }.joined(separator: " ")
                }
                return binding
            })
    }
}
