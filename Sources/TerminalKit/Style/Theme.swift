/// A named set of styles, one per role a piece of the screen plays.
///
/// Screens ask for a role (`theme[.selection]`), never for a colour, so a theme file can
/// restyle the whole console and `NO_COLOR` can strip colour in one place.
public struct Theme: Sendable, Equatable {
    /// The roles a theme styles. The raw values are the keys of a theme file's `styles` object.
    public enum Role: String, Sendable, CaseIterable {
        case text
        case header
        case border
        case title
        case label
        case value
        case tableHeader
        case selection
        case status
        case statusKey
        case message
        case error
        case prompt
        case muted
        case overlay
    }

    /// The theme's name, as given in its file.
    public var name: String
    /// Styles for the roles the theme sets; other roles fall back to `Theme.fallback`.
    public var styles: [Role: Style]

    /// Creates a theme from explicit styles.
    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for a role.
    public subscript(role: Role) -> Style {
        styles[role] ?? Theme.fallback(role)
    }

    /// The same theme with colours removed and attributes kept (see `Style.withoutColor()`).
    public func withoutColor() -> Theme {
        var styles: [Role: Style] = [:]
        for role in Role.allCases {
            styles[role] = self[role].withoutColor()
        }
        return Theme(name: name, styles: styles)
    }

    /// The style a role gets when a theme file leaves it out: the built-in default's
    /// attributes without its colours, so a partial light theme never inherits dark colours.
    public static func fallback(_ role: Role) -> Style {
        (builtinDefault.styles[role] ?? .plain).withoutColor()
    }

    /// The theme used when no `default.json` can be found; it matches `Themes/default.json`.
    public static let builtinDefault = Theme(
        name: "default",
        styles: [
            .text: Style(),
            .header: Style(foreground: .ansi(0), background: .ansi(6), bold: true),
            .border: Style(foreground: .ansi(4)),
            .title: Style(foreground: .ansi(6), bold: true),
            .label: Style(foreground: .ansi(6)),
            .value: Style(bold: true),
            .tableHeader: Style(foreground: .ansi(6), bold: true, underline: true),
            .selection: Style(foreground: .ansi(15), background: .ansi(4), bold: true),
            .status: Style(reverse: true),
            .statusKey: Style(foreground: .ansi(3), bold: true, reverse: true),
            .message: Style(foreground: .ansi(2)),
            .error: Style(foreground: .ansi(9), bold: true),
            .prompt: Style(bold: true),
            .muted: Style(dim: true),
            .overlay: Style(foreground: .ansi(15), background: .ansi(8)),
        ]
    )
}
