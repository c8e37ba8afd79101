import Foundation

/// A named set of styles, one per role a piece of the screen plays.
///
/// Screens ask for a role (`theme[.selection]`), never for a colour, so a theme file can
/// restyle the whole console and `NO_COLOR` can strip colour in one place.
public struct Theme: Sendable, Equatable {
    /// The roles a theme styles. The raw values are the keys of a theme file's `styles` object.
    public enum Role: String, Sendable, CaseIterable {
        /// Ordinary text and the screen's background.
        case text
        /// Secondary text: hints, empty-table notes, timestamps.
        case muted
        /// Text that should catch the eye without meaning good or bad: a count, a link, an ARN.
        case accent
        /// The top bar with the account and the breadcrumbs.
        case header
        /// Box borders.
        case border
        /// Box titles.
        case title
        /// The label of a `label: value` pair.
        case label
        /// The value of a `label: value` pair.
        case value
        /// Column headings of a table.
        case tableHeader
        /// The selected row or item.
        case selection
        /// The status line at the bottom.
        case status
        /// Key names inside the status line.
        case statusKey
        /// An informational message in the status line.
        case message
        /// An error message in the status line.
        case error
        /// The `:` command line and other prompts.
        case prompt
        /// Help and other overlays drawn over the screen.
        case overlay
        /// Something that is fine: allowed, active, in use.
        case ok
        /// Something to look at: unused for 90 days, about to expire.
        case warning
        /// Something harmful or destructive: denied, a delete button, an exposed key.
        case danger
        /// JSON object keys.
        case jsonKey
        /// JSON strings.
        case jsonString
        /// JSON numbers.
        case jsonNumber
        /// JSON `true`, `false` and `null`.
        case jsonLiteral
        /// JSON braces, brackets, colons and commas.
        case jsonPunctuation
        /// A policy finding of type ERROR, and the text it marks.
        case diagnosticError
        /// A policy finding of type SECURITY_WARNING.
        case diagnosticSecurityWarning
        /// A policy finding of type WARNING.
        case diagnosticWarning
        /// A policy finding of type SUGGESTION.
        case diagnosticSuggestion
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

    /// The names of the built-in themes, in the order they are shipped.
    public static var builtinNames: [String] { embeddedFiles.map(\.name) }

    /// The built-in themes, parsed once from the copies of `Themes/*.json` compiled in.
    static let builtinThemes: [String: Theme] = {
        var themes: [String: Theme] = [:]
        for file in embeddedFiles {
            themes[file.name] = try? parse(Data(file.json.utf8), path: "(built-in)/\(file.name).json")
        }
        return themes
    }()

    /// The built-in theme of that name, or nil.
    public static func builtin(named name: String) -> Theme? {
        builtinThemes[name]
    }

    /// The theme used when no `default.json` can be found: the compiled-in `Themes/default.json`.
    public static let builtinDefault = builtinThemes["default"] ?? Theme(name: "default", styles: [:])

    /// The style a role gets when a theme file leaves it out: the built-in default's
    /// attributes without its colours, so a partial light theme never inherits dark colours.
    public static func fallback(_ role: Role) -> Style {
        (builtinDefault.styles[role] ?? .plain).withoutColor()
    }

    /// The theme to draw with on a terminal with `colorCount` colours: unchanged with 8 or more,
    /// otherwise without colours (`withoutColor()`), so highlights stay visible as reverse video.
    ///
    /// Colours themselves are downsampled when drawn (see `Color.paletteIndex(colorCount:)`).
    public func adapted(toColorCount colorCount: Int) -> Theme {
        colorCount >= 8 ? self : withoutColor()
    }
}
