import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// `s`/`S` sort a list by its columns; `c` hides and shows columns.
@Suite("List sorting and columns")
@MainActor
struct ListSortAndColumnsTests {
    let source = { ScriptedSource(Fixtures.account()) }

    private func firstRow(_ terminal: MemoryTerminal) -> String { terminal.row(4) }

    @Test func numbersSortByValueBeforeWords() {
        let rows = [["a", "12 days"], ["b", "Never"], ["c", "9 days"], ["d", "-"], ["e", "100 days"]]
        let ranks = ListSort(column: 1, ascending: true).ranks(of: rows)
        let order = rows.indices.sorted { ranks[$0] < ranks[$1] }.map { rows[$0][0] }
        #expect(order == ["c", "a", "e", "d", "b"])
        let down = ListSort(column: 1, ascending: false).ranks(of: rows)
        #expect(rows.indices.sorted { down[$0] < down[$1] }.map { rows[$0][0] } == ["b", "d", "e", "a", "c"])
    }

    @Test func reverseSortPutsTheLastNameFirstAndMarksTheHeader() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":users\rS") }
        #expect(firstRow(terminal).contains(Fixtures.cjkName), "\(terminal.text)")
        // The selection stays on the row it was on (alice, now last).
        #expect(terminal.row(10).contains("▸ alice"))
        #expect(terminal.row(3).contains("User name ▼"))
        #expect(terminal.text.contains("Sorted by User name, descending"))
    }

    @Test func sortingByPathGroupsTheEngineers() {
        // s: by name; s again: by path (/, then /engineering/, /ops/, /service/).
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":users\rss") }
        #expect(terminal.row(3).contains("Path ▲"))
        let rows = (4..<11).map { terminal.row($0) }
        let engineering = rows.firstIndex { $0.contains("/engineering/") } ?? -1
        let service = rows.firstIndex { $0.contains("/service/") } ?? -1
        #expect(engineering >= 0 && service > engineering, "\(terminal.text)")
        #expect(rows[0].contains(" / "))
    }

    @Test func filteringKeepsTheSortAndTheSelectionFollowsItsRow() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":users\rS/a\r") }
        let rows = (4..<12).map { terminal.row($0) }
        let names = ["dave", "carol", "alice"].map { name in rows.firstIndex { $0.contains(" \(name) ") } ?? -1 }
        #expect(names[0] >= 0 && names[0] < names[1] && names[1] < names[2], "\(terminal.text)")
    }

    @Test func hidingAColumnRemovesItAndTheNameStays() {
        let (_, terminal) = runConsole(source()) { terminal in
            terminal.enqueue(keys: ":users\rc ")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(!terminal.row(3).contains("Path"), "\(terminal.text)")
        #expect(terminal.row(3).contains("User name"))
        #expect(terminal.row(3).contains("Groups"))
        #expect(terminal.text.contains("Showing 8 of 9 columns"))
        // A hidden column frees room: at 80 columns more of the others fit.
        let (_, narrow) = runConsole(source(), width: 80, height: 24) { terminal in
            terminal.enqueue(keys: ":users\rc ")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(narrow.row(3).contains("Last activity"))
    }

    @Test func columnsOutsideAListExplainThemselves() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: "c") }
        #expect(terminal.text.contains("c chooses the columns of a list"))
    }
}
