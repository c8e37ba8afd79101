import Testing

@testable import TerminalKit

@Suite("QR block")
@MainActor
struct QRBlockTests {
    /// A 3x3 pattern: a dark top row, a dark centre, and a dark bottom-right corner.
    static let pattern = [[true, true, true], [false, true, false], [false, false, true]]

    @Test func halfBlocksStackTwoModulesPerCellInsideTheQuietZone() throws {
        let block = try #require(QRBlock(modules: Self.pattern, quietZone: 1))
        #expect(block.size(ascii: false) == (5, 3))
        #expect(
            block.lines(ascii: false) == [
                " \u{2584}\u{2584}\u{2584} ",  // quiet row over the dark top row
                "  \u{2580}\u{2584} ",  // centre over nothing, nothing over the corner
                "     ",  // the quiet zone's last row under an empty half
            ])
    }

    @Test func theASCIIFallbackDrawsEachModuleAsTwoHashes() throws {
        let block = try #require(QRBlock(modules: Self.pattern, quietZone: 1))
        #expect(block.size(ascii: true) == (10, 5))
        #expect(block.lines(ascii: true) == ["          ", "  ######  ", "    ##    ", "      ##  ", "          "])
    }

    @Test func drawingUsesBlackOnWhiteWhateverTheTheme() throws {
        let terminal = MemoryTerminal(width: 12, height: 5)
        let block = try #require(QRBlock(modules: Self.pattern, quietZone: 1))
        #expect(block.draw(in: Canvas(terminal: terminal), row: 1, column: 2))
        #expect(terminal.row(1) == "   \u{2584}\u{2584}\u{2584}")
        #expect(terminal.row(2) == "    \u{2580}\u{2584}")
        for row in 1...3 {
            for column in 2..<7 { #expect(terminal.style(row: row, column: column) == QRBlock.style) }
        }
        #expect(terminal.style(row: 0, column: 2) == .plain)
        #expect(terminal.style(row: 1, column: 7) == .plain)
        #expect(QRBlock.style.foreground == .rgb(0, 0, 0) && QRBlock.style.background == .rgb(255, 255, 255))
    }

    @Test func aBlockThatDoesNotFitIsNotDrawnAtAll() throws {
        let terminal = MemoryTerminal(width: 4, height: 5)
        let block = try #require(QRBlock(modules: Self.pattern, quietZone: 1))
        #expect(!block.draw(in: Canvas(terminal: terminal)))
        #expect(terminal.text == "\n\n\n\n")
        #expect(!block.draw(in: Canvas(terminal: MemoryTerminal(width: 20, height: 4)), ascii: true))
    }

    @Test func aVersionThreeSymbolWithTheStandardQuietZoneFitsAnEightyByTwentyFourScreen() throws {
        let modules = (0..<29).map { row in (0..<29).map { ($0 + row) % 3 == 0 } }
        let block = try #require(QRBlock(modules: modules))
        #expect(block.size(ascii: false) == (37, 19))
        #expect(block.fits(width: 80, height: 24, ascii: false))
        #expect(!block.fits(width: 80, height: 24, ascii: true))
        let terminal = MemoryTerminal(width: 80, height: 24)
        #expect(block.draw(in: Canvas(terminal: terminal), row: 2, column: 20))
        // The first two rows are quiet zone; module (0, 0) is dark, so row 4's top half starts it.
        #expect(terminal.row(2).isEmpty && terminal.row(3).isEmpty)
        #expect(terminal.row(4).hasPrefix(String(repeating: " ", count: 24) + "\u{2580}"))
    }

    @Test func nonSquareMatricesAreRefused() {
        #expect(QRBlock(modules: []) == nil)
        #expect(QRBlock(modules: [[true, false]]) == nil)
        #expect(QRBlock(modules: [[true], [false, true]]) == nil)
    }
}
