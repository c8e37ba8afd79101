import IAMCore

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
    /// A key bindings file that must exist (`--keys`); nil reads `$XDG_CONFIG_HOME/iamconsole/keys.json`
    /// when it exists.
    public var keyBindingsPath: String?
    /// Report mouse clicks and the wheel (`--mouse`); off by default, since capturing the mouse
    /// stops the terminal's own selection and copy.
    public var mouse: Bool
    /// Who is signed in from the start (tests, scripted use); nil opens the sign-in form.
    public var principal: Principal?

    /// Creates options; the defaults are Unicode, the default theme and colour.
    public init(
        ascii: Bool = false, themeName: String = "default", noColor: Bool = false, themesDirectory: String? = nil,
        principal: Principal? = nil, keyBindingsPath: String? = nil, mouse: Bool = false
    ) {
        self.mouse = mouse
        self.keyBindingsPath = keyBindingsPath
        self.principal = principal
        self.ascii = ascii
        self.themeName = themeName
        self.noColor = noColor
        self.themesDirectory = themesDirectory
    }
}
