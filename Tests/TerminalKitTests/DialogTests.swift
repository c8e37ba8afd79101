import Testing

@testable import TerminalKit

@Suite("Dialogs")
@MainActor
struct DialogTests {
    @Test func destructiveConfirmStartsOnCancel() {
        var dialog = ConfirmDialog.destructive(title: "Delete user", message: "Delete alice?")
        #expect(dialog.focus == 0)
        #expect(dialog.handle(.key(.enter)) == .cancelled)
        _ = dialog.handle(.key(.right))
        #expect(dialog.handle(.key(.enter)) == .activated(1))
        _ = dialog.handle(.key(.tab))
        #expect(dialog.focus == 0)
        #expect(dialog.handle(.key(.escape)) == .cancelled)
        var plain = ConfirmDialog(title: "Save", message: "Save?", buttons: ["Cancel", "Save"])
        #expect(plain.focus == 1)
        #expect(plain.handle(.key(.enter)) == .activated(1))
    }

    @Test func confirmDialogIsCentredOverTheScreen() {
        let terminal = MemoryTerminal(width: 40, height: 9)
        let canvas = Canvas(terminal: terminal)
        for row in 0..<9 { canvas.text(String(repeating: "#", count: 40), row: row, column: 0, style: .plain) }
        ConfirmDialog.destructive(title: "Delete user", message: "Delete alice?").draw(
            in: canvas, theme: .builtinDefault)
        #expect(terminal.row(0) == String(repeating: "#", count: 40))
        #expect(terminal.row(2) == "###┌ Delete user ───────────────────┐###")
        #expect(terminal.row(3) == "###│ Delete alice?                  │###")
        #expect(terminal.row(5) == "###│     [ Cancel ]  [ Delete ]     │###")
        #expect(terminal.row(6) == "###└────────────────────────────────┘###")
    }

    @Test func dialogsClipToTinyScreens() {
        let terminal = MemoryTerminal(width: 12, height: 3)
        ConfirmDialog.destructive(title: "Delete user", message: String(repeating: "long words ", count: 20))
            .draw(in: Canvas(terminal: terminal, glyphs: .ascii), theme: .builtinDefault)
        #expect(terminal.row(0) == "+ Delete ~ +")
        #expect(terminal.row(2) == "+----------+")
        MessageDialog.error(code: "X", message: "y").draw(
            in: Canvas(terminal: MemoryTerminal(width: 0, height: 0)), theme: .builtinDefault)
    }

    @Test func typeToConfirmEnablesDeleteOnlyForTheExactName() {
        var dialog = TypeToConfirmDialog(title: "Delete user", message: "This deletes alice.", expected: "alice")
        #expect(dialog.handle(.key(.enter)) == .pending)
        for character in "alic" { _ = dialog.handle(.character(character)) }
        #expect(!dialog.isConfirmEnabled)
        #expect(dialog.handle(.key(.enter)) == .pending)
        _ = dialog.handle(.key(.tab))
        _ = dialog.handle(.key(.tab))
        #expect(dialog.focus == .field)
        _ = dialog.handle(.character("e"))
        #expect(dialog.isConfirmEnabled)
        let terminal = MemoryTerminal(width: 50, height: 12)
        dialog.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.text.contains("Type alice to confirm:"))
        #expect(terminal.text.contains("[ Cancel ]  [ Delete ]"))
        _ = dialog.handle(.key(.tab))
        _ = dialog.handle(.key(.tab))
        #expect(dialog.focus == .confirm)
        #expect(dialog.handle(.key(.enter)) == .confirmed)
        #expect(dialog.handle(.key(.escape)) == .cancelled)
    }

    @Test func messageDialogShowsTheErrorCode() {
        let dialog = MessageDialog.error(code: "EntityAlreadyExists", message: "User with name alice already exists.")
        let terminal = MemoryTerminal(width: 50, height: 10)
        dialog.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.text.contains("EntityAlreadyExists: User with name alice"))
        #expect(terminal.text.contains("already exists."))
        #expect(terminal.text.contains("[ OK ]"))
        #expect(dialog.handle(.key(.escape)) == .dismissed)
        #expect(dialog.handle(.character("q")) == .pending)
    }

    @Test func wrapBreaksAtSpacesAndSplitsLongWords() {
        #expect(wrap("one two three", toWidth: 7) == ["one two", "three"])
        #expect(wrap("abcdefghij", toWidth: 4) == ["abcd", "efgh", "ij"])
        #expect(wrap("漢字漢字", toWidth: 5) == ["漢字", "漢字"])
    }
}
