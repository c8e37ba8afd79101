import Testing

@testable import TerminalKit

@Suite("Form")
@MainActor
struct FormTests {
    private func type(_ text: String, into form: inout Form) {
        for character in text { _ = form.handle(.character(character)) }
    }

    private func userForm() -> Form {
        Form(
            title: "Create user",
            fields: [
                .text(
                    id: "name", label: "User name", maxLength: 64, hint: "Up to 64 characters",
                    validator: { $0.isEmpty ? "Enter a user name." : nil }),
                .password(id: "password", label: "Password"),
                .checkbox(id: "reset", label: "Require reset"),
                .number(id: "length", label: "Min length", value: 8, range: 6...128),
                .choice(id: "type", label: "Type", options: ["Virtual", "Hardware", "Security key"]),
            ],
            submitTitle: "Create")
    }

    @Test func rendersLabelsHintsAndButtons() {
        let terminal = MemoryTerminal(width: 40, height: 9)
        var form = userForm()
        type("alice", into: &form)
        form.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.row(0) == "▸ User name     alice")
        #expect(terminal.row(1) == "                Up to 64 characters")
        #expect(terminal.row(2) == "  Password")
        #expect(terminal.row(3) == "  Require reset [ ]")
        #expect(terminal.row(4) == "  Min length    8")
        #expect(terminal.row(5) == "  Type          ‹ Virtual ›")
        #expect(terminal.row(7) == "         [ Create ]  [ Cancel ]")
    }

    @Test func validationShowsTheMessageUnderTheFieldAndBlocksSubmit() {
        let terminal = MemoryTerminal(width: 40, height: 9)
        var form = userForm()
        #expect(form.handle(.key(.control("s"))) == .editing)
        #expect(form.focus == 0)
        form.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.row(1) == "                Enter a user name.")
        type("bob", into: &form)
        #expect(form["name"]?.error == nil)
    }

    @Test func passwordIsMaskedAndRevealToggles() {
        var form = userForm()
        _ = form.handle(.key(.tab))
        type("s3cret", into: &form)
        let terminal = MemoryTerminal(width: 40, height: 9)
        form.draw(in: Canvas(terminal: terminal, glyphs: .ascii), theme: .builtinDefault)
        #expect(terminal.row(2) == "> Password      ******")
        form.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.row(2) == "▸ Password      ••••••")
        _ = form.handle(.key(.control("r")))
        form.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.row(2) == "▸ Password      s3cret")
        #expect(form.values["password"] == .text("s3cret"))
    }

    @Test func checkboxNumberAndChoiceEditAndSubmit() {
        var form = userForm()
        type("carol", into: &form)
        _ = form.handle(.key(.down))
        _ = form.handle(.key(.down))
        _ = form.handle(.character(" "))
        _ = form.handle(.key(.down))
        _ = form.handle(.key(.backspace))
        type("200", into: &form)
        #expect(form.handle(.key(.down)) == .editing)
        #expect(form["length"]?.error == "Must be between 6 and 128.")
        _ = form.handle(.key(.right))
        _ = form.handle(.key(.enter))
        #expect(form["type"]?.isOpen == true)
        _ = form.handle(.key(.down))
        _ = form.handle(.key(.enter))
        #expect(form.values["type"] == .choice("Security key"))
        #expect(form.handle(.key(.control("s"))) == .editing)
        #expect(form.focus == 3)
        for _ in 0..<3 { _ = form.handle(.key(.backspace)) }
        type("12", into: &form)
        let outcome = form.handle(.key(.control("s")))
        #expect(
            outcome
                == .submitted([
                    "name": .text("carol"), "password": .text(""), "reset": .bool(true), "length": .number(12),
                    "type": .choice("Security key"),
                ]))
    }

    @Test func enterOnSubmitButtonSubmitsAndEscapeCancels() {
        var form = Form(
            fields: [.text(id: "name", label: "Name", value: "x"), .text(id: "path", label: "Path", value: "/")],
            submitTitle: "Save")
        _ = form.handle(.key(.enter))
        #expect(form.focus == 1)
        _ = form.handle(.key(.tab))
        #expect(form.focus == form.submitIndex)
        #expect(form.handle(.key(.enter)) == .submitted(["name": .text("x"), "path": .text("/")]))
        _ = form.handle(.key(.right))
        #expect(form.handle(.key(.enter)) == .cancelled)
        #expect(form.handle(.key(.escape)) == .cancelled)
        _ = form.handle(.key(.backTab))
        _ = form.handle(.key(.backTab))
        _ = form.handle(.key(.backTab))
        #expect(form.focus == 0)
    }

    @Test func enterInTheLastFieldSubmits() {
        var form = Form(
            fields: [.text(id: "user", label: "User", value: "carol"), .password(id: "password", label: "Password")],
            submitTitle: "Sign in")
        _ = form.handle(.key(.tab))
        _ = form.handle(.character("p"))
        #expect(form.handle(.key(.enter)) == .submitted(["user": .text("carol"), "password": .text("p")]))
    }

    @Test func openChoiceListIsDrawnBelowTheField() {
        var form = Form(fields: [.choice(id: "t", label: "Type", options: ["One", "Two"])])
        _ = form.handle(.key(.enter))
        let terminal = MemoryTerminal(width: 30, height: 8)
        let cursor = form.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(cursor == nil)
        #expect(terminal.row(1) == "       ┌─────┐")
        #expect(terminal.row(2).contains("│ One │"))
        #expect(terminal.row(3).contains("│ Two │"))
        #expect(form.handle(.key(.escape)) == .editing)
        #expect(form["t"]?.isOpen == false)
    }

    @Test func hugePasteIsCutToTheMaximumAndScrollsWithinTheField() {
        var field = FormField.text(id: "name", label: "Name", maxLength: 64)
        for _ in 0..<10_000 { _ = field.handle(.character("a")) }
        #expect(field.value == .text(String(repeating: "a", count: 64)))
        var input = TextInput()
        let paste = String(repeating: "漢b", count: 5_000)
        let complete = input.insert(paste)
        #expect(complete)
        #expect(input.characters.count == 10_000)
        let terminal = MemoryTerminal(width: 20, height: 1)
        let cursor = input.draw(
            in: Canvas(terminal: terminal), row: 0, column: 5, width: 10, style: .plain)
        #expect(displayWidth(terminal.row(0)) <= 15)
        #expect(terminal.row(0).hasPrefix("     …"))
        #expect(cursor.column <= 14)
        var limited = TextInput(maxLength: 5)
        let cut = limited.insert("abc\ndefgh")
        #expect(!cut)
        #expect(limited.text == "abcde")
    }

    @Test func inputScrollsBackToTheStartWhenTheCursorGoesHome() {
        var input = TextInput(text: "abcdefghijklmnopqrstuvwxyz")
        _ = input.handle(.key(.home))
        let terminal = MemoryTerminal(width: 10, height: 1)
        let cursor = input.draw(in: Canvas(terminal: terminal), row: 0, column: 0, width: 10, style: .plain)
        #expect(terminal.row(0) == "abcdefghi…")
        #expect(cursor.column == 0)
        _ = input.handle(.key(.end))
        input.draw(in: Canvas(terminal: terminal), row: 0, column: 0, width: 10, style: .plain)
        #expect(terminal.row(0) == "…stuvwxyz")
    }

    @Test func boxedFormFitsAndClipsOnSmallScreens() {
        let terminal = MemoryTerminal(width: 20, height: 5)
        userForm().drawBoxed(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.row(0).hasPrefix("┌ Create user"))
        #expect(terminal.row(4).hasPrefix("└"))
    }
}
