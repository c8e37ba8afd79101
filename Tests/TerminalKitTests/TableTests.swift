import Testing

@testable import TerminalKit

/// A terminal that counts the rows drawn into, to show that tables draw only what is visible.
@MainActor
final class CountingTerminal: Terminal {
    let size: TerminalSize
    private(set) var drawCalls = 0
    private(set) var rowsTouched: Set<Int> = []

    init(width: Int, height: Int) { size = TerminalSize(width: width, height: height) }

    func clear() {}
    func draw(_ text: String, row: Int, column: Int, style: Style) {
        drawCalls += 1
        rowsTouched.insert(row)
    }
    func setCursor(_ position: Position?) {}
    func present() {}
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? { nil }
    func copyToClipboard(_ text: String) {}
}

@Suite("Table sorting, filtering and large lists")
@MainActor
struct TableTests {
    private let styles = TableStyles(header: .plain, row: .plain, selection: .plain, empty: .plain)

    @Test func toggleSortReversesAndKeepsTheSelection() {
        var table = Table(
            columns: [TableColumn("Name", width: .flexible(minimum: 6)), TableColumn("Age", width: .fixed(5))],
            rows: [["carol", "10"], ["Alice", "9"], ["bob", "100"]], selection: 0)
        table.toggleSort(column: 0)
        #expect(table.rows.map { $0[0] } == ["Alice", "bob", "carol"])
        #expect(table.selection == 2)
        let terminal = MemoryTerminal(width: 24, height: 4)
        table.draw(in: Canvas(terminal: terminal), styles: styles)
        #expect(terminal.row(0) == "  Name ▲           Age")
        table.toggleSort(column: 0)
        table.draw(in: Canvas(terminal: terminal, glyphs: .ascii), styles: styles)
        #expect(terminal.row(0) == "  Name v           Age")
        #expect(table.rows.map { $0[0] } == ["carol", "bob", "Alice"])
        table.toggleSort(column: 1)
        #expect(table.rows.map { $0[1] } == ["9", "10", "100"])
    }

    @Test func filterIsCaseInsensitiveOverChosenColumns() {
        let rows = [["alice", "/admins/"], ["Bob", "/"], ["carol", "/ALICE/"]]
        #expect(Table.filteredIndices(rows, matching: "ALI") == [0, 2])
        #expect(Table.filteredIndices(rows, matching: "ali", inColumns: [0]) == [0])
        #expect(Table.filteredIndices(rows, matching: "") == [0, 1, 2])
    }

    @Test func tenThousandRowsDrawOnlyTheVisibleRows() {
        let rows = (0..<10_000).map { ["user\($0)", "/path/\($0)/"] }
        let table = Table(
            columns: [TableColumn("Name", width: .flexible(minimum: 8)), TableColumn("Path", width: .fixed(12))],
            rows: rows, selection: 9_000)
        let terminal = CountingTerminal(width: 40, height: 10)
        let offset = table.draw(in: Canvas(terminal: terminal), styles: styles)
        #expect(offset == 8_992)
        #expect(terminal.rowsTouched == Set(0..<10))
        #expect(terminal.drawCalls < 60)
        let memory = MemoryTerminal(width: 40, height: 10)
        table.draw(in: Canvas(terminal: memory), styles: styles)
        #expect(memory.row(9) == "▸ user9000                  /path/9000/↓")
    }
}
