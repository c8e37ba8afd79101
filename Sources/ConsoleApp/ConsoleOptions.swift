/// How the console looks, as chosen on the command line.
public struct ConsoleOptions: Sendable, Equatable {
    /// Draw borders and ellipses with ASCII only.
    public var ascii: Bool
    /// Theme name (looked up as `<name>.json`) or a path to a theme file.
    public var themeName: String
    /// Attributes only, no colours. The `NO_COLOR` environment variable also turns this on.
    public var noColor: Bool
    /// The directory to load themes from; nil searches the usual places (see `Theme.searchDirectories`).
    public var themesDirectory: String?

    /// Creates options; the defaults are Unicode, the default theme and colour.
    public init(
        ascii: Bool = false, themeName: String = "default", noColor: Bool = false, themesDirectory: String? = nil
    ) {
        self.ascii = ascii
        self.themeName = themeName
        self.noColor = noColor
        self.themesDirectory = themesDirectory
    }
}
