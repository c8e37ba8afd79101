import Foundation
import TerminalKit

/// Starts the full-screen console.
@MainActor
public enum ConsoleRunner {
    /// The one line written when there is no terminal to draw on.
    public static let noTerminalMessage =
        "iamconsole: the console needs a terminal (stdin and stdout must be a TTY); use 'iamconsole iam …' for scripting"

    /// Runs the console until the user quits and returns the process exit code: 0 after `:q`,
    /// 130 after Ctrl-C, 143 after SIGTERM, 129 when the terminal goes away, and 2 when there
    /// is no usable terminal (curses is then never started). A theme that cannot be loaded
    /// falls back to the default, with the problem in the status line.
    public static func run(source: any AccountSource, options: ConsoleOptions) -> Int32 {
        // Without a TTY, curses starts but every read fails at once and the loop would spin.
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, !term.isEmpty else {
            writeError(noTerminalMessage)
            return 2
        }
        let (theme, themeProblem) = loadTheme(options)
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal(useColor: !colorDisabled(options), mouse: options.mouse)
        } catch {
            writeError("iamconsole: \(error)")
            return 2
        }
        let noColor = colorDisabled(options)
        let colorCount = terminal.colorCount
        let (overrides, keysProblem) = loadKeyBindings(options)
        var loop = ConsoleLoop(
            terminal: terminal, source: source, theme: theme.adapted(toColorCount: colorCount),
            glyphs: .forMode(ascii: options.ascii), principal: options.principal, keyOverrides: overrides,
            themeDirectories: Theme.searchDirectories(explicit: options.themesDirectory),
            adaptTheme: { (noColor ? $0.withoutColor() : $0).adapted(toColorCount: colorCount) })
        if let themeProblem {
            loop.showMessage(StatusMessage(text: themeProblem.summary, isError: true))
        }
        if let keysProblem {
            loop.showMessage(StatusMessage(text: keysProblem, isError: true))
        }
        let code = loop.run()
        terminal.shutdown()
        return code
    }

    /// Renders one frame of the console at the given size (the sign-in form unless `options.principal` is set) and returns it as text (trailing
    /// spaces trimmed), without touching the real terminal. Backs `--dump-screen` and tests.
    /// A theme that cannot be loaded falls back to the built-in one, with the error in the status line.
    public static func renderOnce(
        source: any AccountSource, options: ConsoleOptions, width: Int, height: Int
    ) -> String {
        let terminal = MemoryTerminal(width: width, height: height)
        let (theme, themeProblem) = loadTheme(options)
        let (overrides, keysProblem) = loadKeyBindings(options)
        var loop = ConsoleLoop(
            terminal: terminal, source: source, theme: theme, glyphs: .forMode(ascii: options.ascii),
            principal: options.principal, keyOverrides: overrides,
            themeDirectories: Theme.searchDirectories(explicit: options.themesDirectory))
        loop.loadInitial()
        if let themeProblem {
            loop.showMessage(StatusMessage(text: themeProblem.summary, isError: true))
        }
        if let keysProblem {
            loop.showMessage(StatusMessage(text: keysProblem, isError: true))
        }
        loop.render()
        return terminal.text
    }

    /// The theme the options ask for, without colours when colour is off; when it cannot be
    /// loaded, the default theme and the problem to show in the status line.
    static func loadTheme(_ options: ConsoleOptions) -> (theme: Theme, problem: ThemeError?) {
        let (theme, problem) = Theme.loadOrDefault(
            named: options.themeName, searching: Theme.searchDirectories(explicit: options.themesDirectory))
        return (colorDisabled(options) ? theme.withoutColor() : theme, problem)
    }

    /// The key bindings file's overrides; when it has an error, none, and the problem to show
    /// (`Default keys in use: keys.json:3:14: bindings.delete: "ctrl-" is not a key (…)`).
    static func loadKeyBindings(_ options: ConsoleOptions) -> ([String: [InputEvent]], String?) {
        let path = options.keyBindingsPath ?? KeyBindingsFile.defaultPath()
        // The default file is optional; a file named on the command line must exist.
        if options.keyBindingsPath != nil, !FileManager.default.fileExists(atPath: path) {
            return ([:], "Default keys in use: \(path): no such key bindings file")
        }
        do {
            return (try KeyBindingsFile.load(path: path, actions: BrowserKeys.actionNames), nil)
        } catch {
            return ([:], "Default keys in use: \(error.summary)")
        }
    }

    /// `--no-color`, or `NO_COLOR` set to anything but the empty string (no-color.org).
    static func colorDisabled(_ options: ConsoleOptions) -> Bool {
        options.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    private static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
