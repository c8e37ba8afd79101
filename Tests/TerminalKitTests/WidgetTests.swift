import Testing

@testable import TerminalKit

@Suite("Widgets")
@MainActor
struct WidgetTests {
    @Test func columnWidthsShareSpareSpaceAndShrinkFromTheRight() {
        let columns = [
            TableColumn("A", width: .flexible(minimum: 4)), TableColumn("B", width: .fixed(5)),
            TableColumn("C", width: .flexible(minimum: 4)),
        ]
        #expect(Table.columnWidths(columns, totalWidth: 27) == [9, 5, 9])
        #expect(Table.columnWidths(columns, totalWidth: 13) == [4, 5, 0])
    }

    @Test func scrollingKeepsTheSelectionVisibleAndMovesAsLittleAsPossible() {
        #expect(Table.scrolledOffset(selection: 0, offset: 0, visibleRows: 5, rowCount: 20) == 0)
        #expect(Table.scrolledOffset(selection: 7, offset: 0, visibleRows: 5, rowCount: 20) == 3)
        #expect(Table.scrolledOffset(selection: 5, offset: 3, visibleRows: 5, rowCount: 20) == 3)
        #expect(Table.scrolledOffset(selection: 1, offset: 3, visibleRows: 5, rowCount: 20) == 1)
        #expect(Table.scrolledOffset(selection: 2, offset: 18, visibleRows: 5, rowCount: 4) == 0)
    }

    @Test func tableMarksTheSelectedRow() {
        let terminal = MemoryTerminal(width: 20, height: 3)
        let selected = Style(reverse: true)
        let table = Table(
            columns: [TableColumn("Name", width: .flexible(minimum: 4))], rows: [["alice"], ["bob"]], selection: 1)
        table.draw(
            in: Canvas(terminal: terminal),
            styles: TableStyles(header: .plain, row: .plain, selection: selected, empty: .plain))
        #expect(terminal.text == "  Name\n  alice\n▸ bob")
        #expect(terminal.style(row: 2, column: 19) == selected)
        #expect(terminal.style(row: 1, column: 19) == .plain)
    }

    @Test func lineEditorEditsAndSubmits() {
        var editor = LineEditor()
        for character in "qx" { _ = editor.handle(.character(character)) }
        #expect(editor.handle(.key(.backspace)) == .editing)
        #expect(editor.text == "q")
        #expect(editor.handle(.key(.enter)) == .submitted("q"))
        var empty = LineEditor()
        #expect(empty.handle(.key(.backspace)) == .cancelled)
        var other = LineEditor(text: "ab")
        #expect(other.handle(.key(.escape)) == .cancelled)
    }

    @Test func keyMapFindsActionsAndBuildsHelp() {
        let map = KeyMap([
            KeyBinding([.key(.down), .character("j")], label: "↓ j", description: "Down", action: 1),
            KeyBinding([.character("?")], label: "?", description: "Help", hint: "help", action: 2),
        ])
        #expect(map.action(for: .character("j")) == 1)
        #expect(map.action(for: .character("x")) == nil)
        #expect(map.helpEntries.map(\.keys) == ["↓ j", "?"])
        #expect(map.hints == [HelpEntry(keys: "?", description: "help")])
    }

    @Test func keyDecoderMapsCursesCodes() {
        #expect(KeyDecoder.decode(value: 13, isFunctionKey: false) == .key(.enter))
        #expect(KeyDecoder.decode(value: 10, isFunctionKey: false) == .key(.enter))
        #expect(KeyDecoder.decode(value: 127, isFunctionKey: false) == .key(.backspace))
        #expect(KeyDecoder.decode(value: 8, isFunctionKey: false) == .key(.backspace))
        #expect(KeyDecoder.decode(value: 27, isFunctionKey: false) == .key(.escape))
        #expect(KeyDecoder.decode(value: 9, isFunctionKey: false) == .key(.tab))
        #expect(KeyDecoder.decode(value: 12, isFunctionKey: false) == .key(.control("l")))
        #expect(KeyDecoder.decode(value: 0, isFunctionKey: false) == .key(.control(" ")))
        #expect(KeyDecoder.decode(value: 0x6F22, isFunctionKey: false) == .character("漢"))
        #expect(KeyDecoder.decode(value: 258, isFunctionKey: true) == .key(.down))
        #expect(KeyDecoder.decode(value: 263, isFunctionKey: true) == .key(.backspace))
        #expect(KeyDecoder.decode(value: 343, isFunctionKey: true) == .key(.enter))
        #expect(KeyDecoder.decode(value: 338, isFunctionKey: true) == .key(.pageDown))
        #expect(KeyDecoder.decode(value: 410, isFunctionKey: true) == .resize)
        #expect(KeyDecoder.decode(value: 265, isFunctionKey: true) == .key(.function(1)))
    }
}
