import Testing

@testable import TerminalKit

@Suite("Memory terminal")
@MainActor
struct MemoryTerminalTests {
    @Test func drawsTextAndTrimsTrailingSpaces() {
        let terminal = MemoryTerminal(width: 10, height: 3)
        terminal.draw("hello", row: 1, column: 2, style: .plain)
        #expect(terminal.text == "\n  hello\n")
        #expect(terminal.row(1) == "  hello")
    }

    @Test func recordsStylesPerCell() {
        let terminal = MemoryTerminal(width: 5, height: 1)
        let bold = Style(bold: true)
        terminal.draw("ab", row: 0, column: 1, style: bold)
        #expect(terminal.style(row: 0, column: 0) == .plain)
        #expect(terminal.style(row: 0, column: 1) == bold)
        #expect(terminal.style(row: 0, column: 5) == nil)
    }

    @Test func clipsAtEveryEdge() {
        let terminal = MemoryTerminal(width: 4, height: 2)
        terminal.draw("abcdef", row: 0, column: 2, style: .plain)
        terminal.draw("xyz", row: 1, column: -2, style: .plain)
        terminal.draw("never", row: 2, column: 0, style: .plain)
        terminal.draw("never", row: -1, column: 0, style: .plain)
        #expect(terminal.text == "  ab\nz")
        #expect(terminal.cells.allSatisfy { $0.count == 4 })
    }

    @Test func wideCharactersTakeTwoCellsAndAreNotSplitAtTheEdge() {
        let terminal = MemoryTerminal(width: 5, height: 1)
        terminal.draw("漢字漢", row: 0, column: 0, style: .plain)
        #expect(terminal.row(0) == "漢字")
        #expect(terminal.cells[0][1].isContinuation)
        #expect(terminal.cells[0][4].text == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        let terminal = MemoryTerminal(width: 6, height: 1)
        terminal.draw("漢字", row: 0, column: 0, style: .plain)
        terminal.draw("x", row: 0, column: 1, style: .plain)
        #expect(terminal.row(0) == " x字")
        terminal.draw("y", row: 0, column: 2, style: .plain)
        #expect(terminal.row(0) == " xy")
    }

    @Test func queuedInputComesBackInOrderThenHangsUp() {
        let terminal = MemoryTerminal(width: 80, height: 24)
        terminal.enqueue(keys: ":q\r")
        terminal.enqueueTick()
        terminal.enqueue(.key(.down))
        terminal.enqueueResize(width: 100, height: 30)
        #expect(terminal.nextEvent(timeoutMilliseconds: 200) == .character(":"))
        #expect(terminal.nextEvent(timeoutMilliseconds: 200) == .character("q"))
        #expect(terminal.nextEvent(timeoutMilliseconds: 200) == .key(.enter))
        #expect(terminal.nextEvent(timeoutMilliseconds: 200) == nil)
        #expect(terminal.nextEvent(timeoutMilliseconds: 200) == .key(.down))
        #expect(terminal.nextEvent(timeoutMilliseconds: 200) == .resize)
        #expect(terminal.size == TerminalSize(width: 100, height: 30))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
        #expect(terminal.nextEvent(timeoutMilliseconds: 200) == .signal(.hangup))
    }

    @Test func presentRecordsFrames() {
        let terminal = MemoryTerminal(width: 3, height: 1)
        terminal.draw("a", row: 0, column: 0, style: .plain)
        terminal.present()
        terminal.clear()
        terminal.present()
        #expect(terminal.frames == ["a", ""])
    }
}

@Suite("Canvas")
@MainActor
struct CanvasTests {
    @Test func drawsUnicodeAndAsciiBoxes() {
        let terminal = MemoryTerminal(width: 8, height: 3)
        Canvas(terminal: terminal).box(Rect(row: 0, column: 0, width: 8, height: 3), title: "Hi", border: .plain)
        #expect(terminal.text == "┌ Hi ──┐\n│      │\n└──────┘")
        let ascii = MemoryTerminal(width: 8, height: 3)
        Canvas(terminal: ascii, glyphs: .ascii).box(
            Rect(row: 0, column: 0, width: 8, height: 3), title: "Hi", border: .plain)
        #expect(ascii.text == "+ Hi --+\n|      |\n+------+")
    }

    @Test func subcanvasClipsToItsArea() {
        let terminal = MemoryTerminal(width: 10, height: 4)
        let canvas = Canvas(terminal: terminal)
        let inner = canvas.box(Rect(row: 0, column: 0, width: 6, height: 4), border: .plain)
        inner.text("漢字漢字", row: 0, column: 0, style: .plain)
        inner.text("below", row: 5, column: 0, style: .plain)
        inner.fill(Rect(row: -3, column: -3, width: 100, height: 100), style: .plain)
        inner.text("ab", row: 1, column: 3, style: .plain)
        #expect(terminal.row(0) == "┌────┐")
        #expect(terminal.row(2) == "│   a│")
        #expect(terminal.row(3) == "└────┘")
    }

    @Test func boxLargerThanTheScreenStaysOnScreen() {
        let terminal = MemoryTerminal(width: 5, height: 2)
        Canvas(terminal: terminal).box(Rect(row: 0, column: 0, width: 9, height: 9), title: "Title", border: .plain)
        #expect(terminal.row(0) == "┌ Tit")
        #expect(terminal.cells.allSatisfy { $0.count == 5 })
    }

    @Test func lineTruncatesWithTheModeEllipsis() {
        let terminal = MemoryTerminal(width: 6, height: 1)
        Canvas(terminal: terminal, glyphs: .ascii).line("abcdefgh", row: 0, style: .plain)
        #expect(terminal.text == "abcde~")
    }
}

@Suite("Too small screen")
@MainActor
struct TooSmallScreenTests {
    @Test func showsSizeAndMinimumCentred() {
        let terminal = MemoryTerminal(width: 60, height: 20)
        TooSmallScreen.draw(in: Canvas(terminal: terminal), style: .plain)
        #expect(terminal.text.contains("Terminal too small"))
        #expect(terminal.text.contains("60x20 - needs at least 80x24"))
        #expect(terminal.row(8).trimmingCharacters(in: .whitespaces) == "Terminal too small")
    }

    @Test func tinyTerminalsGetWhatFits() {
        let terminal = MemoryTerminal(width: 8, height: 1)
        TooSmallScreen.draw(in: Canvas(terminal: terminal), style: .plain)
        #expect(terminal.text == "Termina…")
    }
}
