import ConsoleApp
import Foundation
import IAMCore
import IAMWorkspace

/// Opens the full-screen console on a workspace, creating the sample workspace on first use of the
/// default location. The console opens on its sign-in form; its changes are saved through
/// the workspace as the signed-in principal.
enum ConsoleLauncher {
    struct Options {
        var workspace: String?
        var ascii = false
        var theme = "default"
        var noColor = false
        /// A key bindings file; nil reads `$XDG_CONFIG_HOME/iamconsole/keys.json` when it exists.
        var keys: String?
        var mouse = false
        var dumpScreen: (width: Int, height: Int)?
    }

    @MainActor
    static func run(_ options: Options, environment: CLIEnvironment) -> Int32 {
        let path = environment.workspacePath(options.workspace)
        let consoleOptions = ConsoleOptions(
            ascii: options.ascii, themeName: options.theme,
            noColor: options.noColor || environment.variables["NO_COLOR"].map { !$0.isEmpty } == true,
            keyBindingsPath: options.keys, mouse: options.mouse)
        if options.dumpScreen == nil, isatty(STDIN_FILENO) != 1 || isatty(STDOUT_FILENO) != 1 {
            printError(ConsoleRunner.noTerminalMessage)
            return 2
        }
        let isDefaultLocation =
            options.workspace == nil && (environment.variables["IAMCONSOLE_WORKSPACE"] ?? "").isEmpty
        if isDefaultLocation, !FileManager.default.fileExists(atPath: path) {
            do {
                let clock = try environment.clock()
                let account = SampleAccount.make(
                    now: clock.now(), random: environment.random(), iterations: environment.kdfIterations)
                _ = try Workspace.create(path: path, account: account)
            } catch {
                printError("iamconsole: error: cannot create the sample workspace: \(error)")
                return 1
            }
        }
        let source: WorkspaceOverviewSource
        do {
            source = WorkspaceOverviewSource(
                workspace: try Workspace(path: path), principal: "not signed in", clock: try environment.clock(),
                random: environment.random())
        } catch {
            printError("iamconsole: error: \(error)")
            return 1
        }
        if let size = options.dumpScreen {
            print(
                ConsoleRunner.renderOnce(
                    source: source, options: consoleOptions, width: size.width, height: size.height))
            return 0
        }
        return ConsoleRunner.run(source: source, options: consoleOptions)
    }
}
