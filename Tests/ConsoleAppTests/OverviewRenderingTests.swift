import TerminalKit
import Testing

@testable import ConsoleApp

@Suite("Overview rendering")
@MainActor
struct OverviewRenderingTests {
    func render(_ state: OverviewState, width: Int, height: Int, glyphs: Glyphs = .unicode) -> MemoryTerminal {
        let terminal = MemoryTerminal(width: width, height: height)
        _ = OverviewScreen.render(state, in: Canvas(terminal: terminal, glyphs: glyphs), theme: .builtinDefault)
        return terminal
    }

    func loaded(_ overview: AccountOverview = Fixtures.overview()) -> OverviewState {
        var state = OverviewState()
        state.apply(overview)
        return state
    }

    /// Every row is exactly the terminal's width and box rows start and end with a border.
    func expectIntactBorders(_ terminal: MemoryTerminal, sourceLocation: SourceLocation = #_sourceLocation) {
        for (index, _) in terminal.cells.enumerated() {
            let row = terminal.row(index)
            #expect(displayWidth(row) <= terminal.size.width, "row \(index) too wide", sourceLocation: sourceLocation)
            if let first = row.first, "┌│└".contains(first) {
                let last = terminal.cells[index].last?.text
                #expect(
                    ["┐", "│", "┘"].contains(last), "row \(index) lost its right border: \(row)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func headerSummaryAndUsers(width: Int, height: Int) {
        let terminal = render(loaded(), width: width, height: height)
        let header = terminal.row(0)
        #expect(header.contains("Account 123456789012 (acme-prod)"))
        #expect(header.contains("Principal root"))
        #expect(header.contains("prod.iamws.json"))
        #expect(terminal.text.contains("Account name  Acme Production"))
        #expect(terminal.text.contains("root@acme.example"))
        #expect(terminal.text.contains("Users (3)"))
        for name in ["alice", "bob", "carol"] { #expect(terminal.text.contains(name)) }
        #expect(terminal.text.contains("/engineering/"))
        #expect(terminal.text.contains("2024-02-03 11:30:00"))
        #expect(terminal.row(height - 1).contains(":q quit"))
        expectIntactBorders(terminal)
    }

    @Test func snapshotAt80x24() {
        let terminal = render(loaded(), width: 80, height: 24)
        let expected = [
            " Account 123456789012 (acme-prod) │ Principal root │ Workspace …-prod.iamws.json",
            "┌ Account ─────────────────────────────────────────────────────────────────────┐",
            "│ Account name  Acme Production                                                │",
            "│ Root email    root@acme.example                                              │",
            "│ Users              3  Groups             2  Roles              3             │",
            "│ Policies           7  MFA devices        1  Access keys        4             │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┌ Users (3) ───────────────────────────────────────────────────────────────────┐",
            "│  User name                                Path           Created             │",
            "│▸ alice                                    /              2024-01-02 10:00:00 │",
        ]
        for (index, line) in expected.enumerated() {
            #expect(terminal.row(index) == line, "row \(index)")
        }
    }

    @Test func selectedRowIsHighlighted() throws {
        var state = loaded()
        state.selectedUser = 1
        let terminal = render(state, width: 80, height: 24)
        let row = try #require((0..<24).first { terminal.row($0).contains("bob") })
        #expect(terminal.row(row).contains("▸ bob"))
        #expect(terminal.style(row: row, column: 10) == Theme.builtinDefault[.selection])
        #expect(terminal.style(row: row - 1, column: 10) == Theme.builtinDefault[.text])
    }

    @Test func cjkAndEmojiNamesKeepTheRightBorder() {
        let users = [
            OverviewUser(name: "漢字ユーザー名前がとても長いアカウントの管理者です", path: "/チーム/", created: "2024-01-02 10:00:00"),
            OverviewUser(name: "🔑-keyholder", path: "/", created: "2024-01-02 10:00:00"),
            OverviewUser(name: "e\u{0301}lodie", path: "/", created: "2024-01-02 10:00:00"),
        ]
        for (width, height) in [(80, 24), (120, 40), (81, 25)] {
            let terminal = render(loaded(Fixtures.overview(users: users)), width: width, height: height)
            #expect(terminal.text.contains("漢字"))
            #expect(terminal.text.contains("🔑-keyholder"))
            expectIntactBorders(terminal)
        }
    }

    @Test func asciiModeUsesPlainCharacters() {
        let terminal = render(loaded(), width: 80, height: 24, glyphs: .ascii)
        #expect(terminal.row(1).hasPrefix("+ Account ---"))
        #expect(terminal.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test(arguments: [(79, 24), (80, 23), (40, 10)])
    func belowMinimumShowsTheTooSmallScreen(width: Int, height: Int) {
        let terminal = render(loaded(), width: width, height: height)
        #expect(terminal.text.contains("Terminal too small"))
        #expect(!terminal.text.contains("alice"))
    }

    @Test func missingDataShowsAPlaceholder() {
        let terminal = render(OverviewState(), width: 80, height: 24)
        #expect(terminal.row(0).contains("Account not loaded"))
        #expect(terminal.text.contains("the workspace could not be read"))
    }

    @Test func longListsScrollToTheSelection() {
        var state = loaded(Fixtures.overview(users: Fixtures.manyUsers(50)))
        state.selectedUser = 30
        let terminal = render(state, width: 80, height: 24)
        #expect(terminal.text.contains("▸ user30"))
        #expect(!terminal.text.contains("user0 "))
        expectIntactBorders(terminal)
    }
}
