import TerminalKit
import Testing

@testable import ConsoleApp

@Suite("Console loop")
@MainActor
struct ConsoleLoopTests {
    func run(
        _ source: ScriptedSource, width: Int = 80, height: Int = 24, input: (MemoryTerminal) -> Void
    ) -> (code: Int32, terminal: MemoryTerminal) {
        let terminal = MemoryTerminal(width: width, height: height)
        input(terminal)
        var loop = ConsoleLoop(terminal: terminal, source: source, theme: .builtinDefault, glyphs: .unicode)
        return (loop.run(), terminal)
    }

    @Test func colonQQuitsWithZero() {
        let (code, terminal) = run(ScriptedSource(Fixtures.overview())) { $0.enqueue(keys: ":q\r") }
        #expect(code == 0)
        #expect(terminal.frames.count == 1)
        let (quitCode, _) = run(ScriptedSource(Fixtures.overview())) { $0.enqueue(keys: ":quit\r") }
        #expect(quitCode == 0)
    }

    @Test func bareQOnlyShowsTheHint() {
        let (code, terminal) = run(ScriptedSource(Fixtures.overview())) { $0.enqueue(keys: "q") }
        #expect(code == TerminalSignal.hangup.exitCode)
        #expect(terminal.row(22).contains("Type :q to quit"))
    }

    @Test func commandPromptShowsWhatIsTypedAndTheCursor() {
        let (_, terminal) = run(ScriptedSource(Fixtures.overview())) { $0.enqueue(keys: ":qu") }
        #expect(terminal.row(22) == ":qu")
        #expect(terminal.cursor == Position(row: 22, column: 3))
    }

    @Test func unknownCommandsSayWhatToDo() {
        let (code, terminal) = run(ScriptedSource(Fixtures.overview())) { $0.enqueue(keys: ":users\r") }
        #expect(code == TerminalSignal.hangup.exitCode)
        #expect(terminal.row(22).contains("Unknown command :users"))
    }

    @Test func downMovesTheHighlight() {
        let (_, terminal) = run(ScriptedSource(Fixtures.overview())) {
            $0.enqueue(.key(.down))
            $0.enqueueTick()
            $0.enqueue(keys: "j")
            $0.enqueueTick()
            $0.enqueue(keys: "k")
        }
        #expect(terminal.frames.count == 4)
        #expect(terminal.frames[0].contains("▸ alice"))
        #expect(terminal.frames[1].contains("▸ bob"))
        #expect(terminal.frames[2].contains("▸ carol"))
        #expect(terminal.frames[3].contains("▸ bob"))
        #expect(terminal.style(row: 10, column: 20) == Theme.builtinDefault[.selection])
    }

    @Test func selectionStopsAtTheEnds() {
        let (_, terminal) = run(ScriptedSource(Fixtures.overview())) {
            $0.enqueue(.key(.up))
            $0.enqueue(keys: "GGjj")
        }
        #expect(terminal.text.contains("▸ carol"))
    }

    @Test func changeOnDiskIsShownOnTheNextTick() {
        var renamed = Fixtures.overview(accountName: "Acme Renamed")
        renamed.users.append(OverviewUser(name: "dave", path: "/", created: "2024-05-06 07:08:09"))
        let source = ScriptedSource(Fixtures.overview(), changes: [nil, .success(renamed)])
        let (_, terminal) = run(source) {
            $0.enqueueTick()
            $0.enqueueTick()
        }
        #expect(!terminal.frames[1].contains("dave"))
        #expect(terminal.frames[2].contains("dave"))
        #expect(terminal.frames[2].contains("Acme Renamed"))
        #expect(terminal.frames[2].contains("Users (4)"))
        #expect(terminal.row(22).contains("Reloaded"))
    }

    @Test func failedReloadKeepsTheLastGoodView() {
        let source = ScriptedSource(
            Fixtures.overview(), changes: [.failure(FixtureError(description: "ws.json:3:7: expected ','"))])
        let (_, terminal) = run(source) { $0.enqueueTick() }
        #expect(terminal.text.contains("alice"))
        #expect(terminal.row(22).contains("ws.json:3:7: expected ','"))
        #expect(terminal.style(row: 22, column: 2) == Theme.builtinDefault[.error])
    }

    @Test func failedFirstLoadShowsTheErrorAndRecovers() {
        let source = ScriptedSource(failing: "cannot open ws.json: no such file")
        source.changes = [.success(Fixtures.overview())]
        let (_, terminal) = run(source) { $0.enqueueTick() }
        #expect(terminal.frames[0].contains("cannot open ws.json"))
        #expect(terminal.frames[1].contains("alice"))
    }

    @Test func signalsEndTheLoopWithTheirExitCodes() {
        let (interrupted, _) = run(ScriptedSource(Fixtures.overview())) { $0.enqueue(.signal(.interrupt)) }
        #expect(interrupted == 130)
        let (terminated, _) = run(ScriptedSource(Fixtures.overview())) {
            $0.enqueue(keys: ":")
            $0.enqueue(.signal(.terminate))
        }
        #expect(terminated == 143)
    }

    @Test func helpOverlayListsTheKeyMapAndCloses() {
        let (_, terminal) = run(ScriptedSource(Fixtures.overview())) {
            $0.enqueue(keys: "?")
            $0.enqueueTick()
            $0.enqueue(.key(.escape))
        }
        let help = terminal.frames[1]
        #expect(help.contains("Help: account overview"))
        #expect(help.contains("Select the next user"))
        #expect(help.contains(":q :quit"))
        #expect(!terminal.frames[2].contains("Help: account overview"))
    }

    @Test func resizeKeepsHelpAndThePromptOpen() {
        let (_, help) = run(ScriptedSource(Fixtures.overview())) {
            $0.enqueue(keys: "?")
            $0.enqueueResize(width: 120, height: 40)
        }
        #expect(help.text.contains("Help: account overview"))
        let (_, prompt) = run(ScriptedSource(Fixtures.overview())) {
            $0.enqueue(keys: ":q")
            $0.enqueueResize(width: 100, height: 30)
        }
        #expect(prompt.row(28) == ":q")
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let (_, terminal) = run(ScriptedSource(Fixtures.overview())) {
            $0.enqueueResize(width: 60, height: 20)
            $0.enqueueTick()
            $0.enqueueResize(width: 120, height: 40)
        }
        #expect(terminal.frames[1].contains("Terminal too small"))
        #expect(terminal.frames[2].contains("alice"))
        #expect(terminal.size == TerminalSize(width: 120, height: 40))
    }

    @Test func renderOnceReturnsOneFrame() {
        let text = ConsoleRunner.renderOnce(
            source: ScriptedSource(Fixtures.overview()), options: ConsoleOptions(), width: 120, height: 40)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 40)
        #expect(text.contains("123456789012"))
        let ascii = ConsoleRunner.renderOnce(
            source: ScriptedSource(Fixtures.overview()), options: ConsoleOptions(ascii: true, themeName: "missing"),
            width: 80, height: 24)
        #expect(ascii.contains("theme 'missing' not found"))
        #expect(ascii.contains("+ Users (3) -"))
    }
}
