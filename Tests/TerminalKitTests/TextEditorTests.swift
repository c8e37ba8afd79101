import Testing

@testable import TerminalKit

@Suite("TextEditor")
@MainActor
struct TextEditorTests {
    private func type(_ text: String, into editor: inout TextEditor) {
        for character in text {
            _ = editor.handle(character == "\n" ? .key(.enter) : .character(character))
        }
    }

    @Test func autoIndentOpensAndClosesLevels() {
        var editor = TextEditor()
        type("{\n\"Statement\": [\n{\n\"Effect\": \"Allow\"\n}\n]\n}", into: &editor)
        #expect(
            editor.text == """
                {
                    "Statement": [
                        {
                            "Effect": "Allow"
                        }
                    ]
                }
                """)
        var split = TextEditor(text: "{}")
        _ = split.handle(.key(.right))
        _ = split.handle(.key(.enter))
        #expect(split.lines == ["{", "    ", "}"])
        #expect(split.cursor == TextPosition(line: 1, column: 4))
    }

    @Test func undoGroupsTypingAndRedoRestores() {
        var editor = TextEditor(text: "ab")
        _ = editor.handle(.key(.end))
        type("cde", into: &editor)
        _ = editor.handle(.key(.enter))
        type("xy", into: &editor)
        #expect(editor.text == "abcde\nxy")
        _ = editor.handle(.key(.control("z")))
        #expect(editor.text == "abcde\n")
        _ = editor.handle(.key(.control("z")))
        #expect(editor.text == "abcde")
        _ = editor.handle(.key(.control("z")))
        #expect(editor.text == "ab")
        #expect(editor.handle(.key(.control("z"))) == .moved)
        _ = editor.handle(.key(.control("y")))
        #expect(editor.text == "abcde")
        #expect(editor.cursor == TextPosition(line: 0, column: 5))
    }

    @Test func cursorMovesAndKeepsItsColumn() {
        var editor = TextEditor(text: "abcdef\nab\nabcdef")
        _ = editor.handle(.key(.end))
        _ = editor.handle(.key(.down))
        #expect(editor.cursor == TextPosition(line: 1, column: 2))
        _ = editor.handle(.key(.down))
        #expect(editor.cursor == TextPosition(line: 2, column: 6))
        _ = editor.handle(.key(.control("a")))
        #expect(editor.cursor.column == 0)
        _ = editor.handle(.key(.left))
        #expect(editor.cursor == TextPosition(line: 1, column: 2))
        _ = editor.handle(.key(.backspace))
        _ = editor.handle(.key(.home))
        _ = editor.handle(.key(.backspace))
        #expect(editor.lines == ["abcdefa", "abcdef"])
        #expect(editor.handle(.key(.escape)) == .unhandled)
    }

    @Test func drawsGutterHighlightingBracketsAndDiagnostics() {
        var editor = TextEditor(text: "{\n  \"a\": 1,\n  \"b\": tru\n}")
        editor.highlighter = JSONHighlighter.highlight
        editor.diagnostics = [EditorDiagnostic(line: 3, column: 8, length: 3, severity: .error, message: "Bad value")]
        let terminal = MemoryTerminal(width: 30, height: 6)
        let theme = Theme.builtinDefault
        var cursor = editor.draw(in: Canvas(terminal: terminal), theme: theme)
        #expect(terminal.row(0) == " 1 {")
        #expect(terminal.row(1) == " 2   \"a\": 1,")
        #expect(terminal.row(2) == "●3   \"b\": tru")
        #expect(terminal.row(3) == " 4 }")
        #expect(terminal.row(5) == "                   Ln 1, Col 1")
        #expect(cursor == Position(row: 0, column: 3))
        #expect(terminal.style(row: 0, column: 3) == theme[.selection])
        #expect(terminal.style(row: 3, column: 3) == theme[.selection])
        #expect(terminal.style(row: 1, column: 5) == theme[.label])
        #expect(terminal.style(row: 1, column: 10) == theme[.value])
        #expect(terminal.style(row: 2, column: 10)?.underline == true)
        _ = editor.handle(.key(.down))
        _ = editor.handle(.key(.down))
        cursor = editor.draw(in: Canvas(terminal: terminal, glyphs: .ascii), theme: theme)
        #expect(terminal.row(2) == "E3   \"b\": tru")
        #expect(terminal.row(5) == "3:8 Bad value")
        #expect(cursor == Position(row: 2, column: 3))
    }

    @Test func scrollsVerticallyAndHorizontally() {
        let text = (1...50).map { "line \($0) " + String(repeating: "x", count: 40) }.joined(separator: "\n")
        var editor = TextEditor(text: text)
        editor.viewport = TerminalSize(width: 20, height: 4)
        _ = editor.handle(.key(.pageDown))
        #expect(editor.cursor.line == 3)
        _ = editor.handle(.key(.pageDown))
        _ = editor.handle(.key(.end))
        let terminal = MemoryTerminal(width: 20, height: 5)
        let cursor = editor.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.row(0) == "  7 xxxxxxxxxxxxxxx")
        #expect(cursor == Position(row: 0, column: 19))
        _ = editor.handle(.key(.pageUp))
        #expect(editor.cursor.line == 3)
    }

    @Test func completionPopupInsertsTheChosenCandidate() {
        var editor = TextEditor(text: "\"s3:Ge")
        _ = editor.handle(.key(.end))
        editor.completionSource = { word in
            ["s3:GetObject", "s3:GetBucketPolicy", "s3:PutObject"].filter { $0.hasPrefix(word) }
        }
        #expect(editor.handle(.key(.tab)) == .moved)
        #expect(editor.completion?.candidates.count == 2)
        let terminal = MemoryTerminal(width: 40, height: 8)
        editor.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(terminal.row(2).contains("│ s3:GetObject"))
        _ = editor.handle(.key(.down))
        _ = editor.handle(.key(.enter))
        #expect(editor.text == "\"s3:GetBucketPolicy")
        #expect(editor.completion == nil)
        _ = editor.handle(.key(.control("z")))
        #expect(editor.text == "\"s3:Ge")
        var plain = TextEditor()
        _ = plain.handle(.key(.tab))
        #expect(plain.text == "    ")
    }

    @Test func largeDocumentStaysResponsiveAndDrawsOnlyVisibleLines() {
        let statement = "        {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"},"
        let text = "{\n" + Array(repeating: statement, count: 300).joined(separator: "\n") + "\n}"
        #expect(text.count > 6_000)
        var editor = TextEditor(text: text)
        editor.viewport = TerminalSize(width: 80, height: 23)
        let calls = Counter()
        editor.highlighter = { line in
            calls.increment()
            return JSONHighlighter.highlight(line)
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<150 { _ = editor.handle(.key(.down)) }
            _ = editor.handle(.key(.end))
            for _ in 0..<500 { _ = editor.handle(.character("a")) }
            for _ in 0..<200 { _ = editor.handle(.key(.backspace)) }
            for _ in 0..<50 { _ = editor.handle(.key(.enter)) }
        }
        #expect(elapsed < .seconds(5))
        #expect(editor.lines.count == 352)
        let terminal = MemoryTerminal(width: 80, height: 24)
        editor.draw(in: Canvas(terminal: terminal), theme: .builtinDefault)
        #expect(calls.value == 23)
    }
}

/// Counts highlighter calls from a `@Sendable` closure in a test.
final class Counter: @unchecked Sendable {
    private(set) var value = 0
    func increment() { value += 1 }
}
