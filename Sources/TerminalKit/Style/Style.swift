/// How a run of text is drawn: colours plus the attributes every terminal understands.
public struct Style: Sendable, Hashable {
    /// Text colour.
    public var foreground: Color
    /// Cell background colour.
    public var background: Color
    /// Bold (or bright) text.
    public var bold: Bool
    /// Swapped foreground and background.
    public var reverse: Bool
    /// Underlined text.
    public var underline: Bool
    /// Faint text.
    public var dim: Bool

    /// Creates a style; everything defaults to the terminal's plain text.
    public init(
        foreground: Color = .default, background: Color = .default,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default colours with no attributes.
    public static let plain = Style()

    /// The same attributes without colours, for `NO_COLOR` and monochrome terminals.
    ///
    /// A style that relied on a background colour to stand out (a selected row, a title bar)
    /// becomes reverse video, so it still stands out without colour.
    public func withoutColor() -> Style {
        var copy = self
        copy.foreground = .default
        copy.background = .default
        if background != .default { copy.reverse = true }
        return copy
    }
}
