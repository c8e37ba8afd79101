import ConsoleApp
import Foundation
import IAMCore
import IAMWorkspace
import TerminalKit

/// `iamconsole-bench --console`: how fast the console draws a large account on the in-memory
/// terminal: the first frame (load and draw), a full redraw of the users table, and filter keystrokes.
enum ConsoleBenchmark {
    @MainActor
    static func run(path: String, users: Int) throws {
        let source = try WorkspaceOverviewSource(path: path, principal: "root")
        var options = ConsoleOptions()
        options.principal = .root
        let setup: [InputEvent] = [.character(":")] + "users".map(InputEvent.character) + [.key(.enter)]
        let timed: [InputEvent] = [.character("/"), .character("u"), .character("s"), .character("e")]
        var rows: [String] = []
        for (width, height) in [(120, 40), (80, 24)] {
            let timings = ConsoleRunner.measure(
                source: source, options: options, width: width, height: height, setup: setup, timed: timed)
            let filterKeys = timings.keystrokes.dropFirst()
            let worstKey = filterKeys.max() ?? 0
            rows.append(
                String(
                    format:
                        "%dx%d  first frame %.1f ms   users-table redraw %.2f ms   filter keystroke %.2f ms (worst of %d)",
                    width, height, timings.firstFrame * 1000, timings.redraw * 1000, worstKey * 1000, filterKeys.count))
        }
        print("console on the in-memory terminal, \(users) users (release build; goals: first frame < 200 ms,")
        print("redraw and keystroke < 5 ms):")
        for row in rows { print("  " + row) }
    }
}
