import Testing

@testable import TerminalKit

@Suite("Display width")
struct DisplayWidthTests {
    @Test func asciiIsOneCellPerCharacter() {
        #expect(displayWidth("alice") == 5)
        #expect(displayWidth("") == 0)
    }

    @Test func cjkIsTwoCellsPerCharacter() {
        #expect(displayWidth("漢字") == 4)
        #expect(displayWidth("user-漢") == 7)
    }

    @Test func singleCodepointEmojiIsTwoCells() {
        #expect(displayWidth("🔑") == 2)
    }

    @Test func combiningMarksTakeNoCell() {
        let decomposed = "e\u{0301}"
        #expect(decomposed.count == 1)
        #expect(displayWidth(decomposed) == 1)
        #expect(displayWidth("caf\u{00E9}") == 4)
    }

    @Test func controlCharactersCountAsTheirReplacement() {
        #expect(displayWidth("a\tb") == 3)
        #expect(displayClusters("a\u{1B}b").map(\.text) == ["a", "?", "b"])
    }

    @Test func boxDrawingAndSymbolsAreOneCell() {
        #expect(displayWidth("┌─┐│…✓") == 6)
    }
}

@Suite("Truncation and padding")
struct TextFittingTests {
    @Test func shortTextIsUnchanged() {
        #expect(truncate("alice", toWidth: 5) == "alice")
        #expect(truncate("alice", toWidth: 10) == "alice")
    }

    @Test func longTextEndsWithEllipsis() {
        #expect(truncate("administrator", toWidth: 6) == "admin…")
        #expect(truncate("administrator", toWidth: 6, ellipsis: "~") == "admin~")
    }

    @Test func wideCharactersAreNeverSplit() {
        let cut = truncate("漢字漢字", toWidth: 6)
        #expect(cut == "漢字…")
        #expect(displayWidth(cut) == 5)
        #expect(displayWidth(truncate("🔑🔑🔑", toWidth: 4)) <= 4)
    }

    @Test func tinyWidths() {
        #expect(truncate("abc", toWidth: 0) == "")
        #expect(truncate("abc", toWidth: 1) == "…")
        #expect(truncate("abc", toWidth: 1, ellipsis: "...") == "a")
    }

    @Test func leadingTruncationKeepsTheEnd() {
        #expect(truncateLeading("/home/user/work/ws.json", toWidth: 12) == "…ork/ws.json")
        #expect(displayWidth(truncateLeading("/漢字/漢字/ws.json", toWidth: 10)) <= 10)
    }

    @Test func paddingUsesDisplayWidth() {
        #expect(pad("漢", toWidth: 4) == "漢  ")
        #expect(pad("ab", toWidth: 4, alignment: .right) == "  ab")
        #expect(pad("ab", toWidth: 5, alignment: .center) == " ab  ")
        #expect(displayWidth(fit("漢字漢字", toWidth: 6)) == 6)
    }

    @Test func clippingReplacesCutWideCharactersWithSpaces() throws {
        let run = try #require(clipRun("a漢b", column: 0, minColumn: 0, maxColumn: 2))
        #expect(run.text == "a ")
        let left = try #require(clipRun("漢b", column: -1, minColumn: 0, maxColumn: 10))
        #expect(left.column == 0)
        #expect(left.text == " b")
        #expect(clipRun("abc", column: 10, minColumn: 0, maxColumn: 5) == nil)
    }
}
