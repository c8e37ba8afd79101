import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// `--mouse`: clicks on the sidebar and on rows, the wheel, and nothing while a form is open.
@Suite("Mouse")
@MainActor
struct MouseTests {
    let source = { ScriptedSource(Fixtures.account()) }

    private func click(_ row: Int, _ column: Int) -> InputEvent { .mouse(MouseEvent(.click, row: row, column: column)) }

    @Test func clickingASidebarEntryOpensIt() {
        // The sidebar's entries start on screen row 2; Roles is the fifth.
        let (_, terminal) = runConsole(source()) { $0.enqueue(click(2 + Section.roles.rawValue, 5)) }
        #expect(terminal.row(1).hasPrefix("┌ Roles ─"))
    }

    @Test func clickingARowSelectsItAndASecondClickOpensIt() {
        // Users: the title on row 2, the header on row 3, the first user (alice) on row 4.
        let (_, selected) = runConsole(source()) { terminal in
            terminal.enqueue(keys: ":users\r")
            terminal.enqueue(click(6, 30))
        }
        #expect(selected.row(6).contains("▸ carol"), "\(selected.text)")
        let (_, opened) = runConsole(source()) { terminal in
            terminal.enqueue(keys: ":users\r")
            terminal.enqueue(click(6, 30))
            terminal.enqueue(click(6, 30))
        }
        #expect(opened.row(1).contains("Users › carol"))
    }

    @Test func theWheelMovesThreeRows() {
        let (_, terminal) = runConsole(source()) { terminal in
            terminal.enqueue(keys: ":users\r")
            terminal.enqueue(.mouse(MouseEvent(.wheelDown, row: 10, column: 40)))
        }
        #expect(terminal.row(7).contains("▸ dave"), "\(terminal.text)")
    }

    @Test func clicksBelowTheRowsAndOnFormsAreIgnored() {
        let (_, terminal) = runConsole(source()) { terminal in
            terminal.enqueue(keys: ":users\rn")
            terminal.enqueue(click(2 + Section.roles.rawValue, 5))
        }
        #expect(terminal.text.contains("Create user"))
        #expect(terminal.row(1).hasPrefix("┌ Users ─"))
        let (_, below) = runConsole(source()) { terminal in
            terminal.enqueue(keys: ":users\r")
            terminal.enqueue(click(35, 40))
        }
        #expect(below.row(4).contains("▸ alice"))
    }
}
