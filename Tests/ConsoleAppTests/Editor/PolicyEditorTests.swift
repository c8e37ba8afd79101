import ConsoleApp
import IAMCore
import IAMPolicy
import TerminalKit
import Testing

/// Shared fixtures for the policy editor tests.
enum EditorFixtures {
    static let policy = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "s3:GetObject",
                    "Resource": "*"
                }
            ]
        }
        """

    static let inline = PolicyEditTarget.inlinePolicy(kind: .user, entity: "alice", name: "ReadS3")

    static func versions(_ count: Int, defaultIndex: Int) -> [PolicyEditVersion] {
        (0..<count).map { index in
            PolicyEditVersion(
                id: "v\(index + 1)", isDefault: index == defaultIndex,
                createDate: Timestamp(secondsSince1970: 1_767_225_600 + Int64(index) * 86_400),
                document: index == defaultIndex ? policy : "{}")
        }
    }

    static func type(_ text: String, into state: inout PolicyEditorState) {
        for character in text { _ = state.handle(.character(character)) }
    }

    @MainActor
    static func render(_ state: PolicyEditorState, width: Int = 80, height: Int = 24) -> MemoryTerminal {
        let terminal = MemoryTerminal(width: width, height: height)
        state.draw(in: Canvas(terminal: terminal), theme: Theme.builtinDefault)
        return terminal
    }
}

@Suite("Policy editor")
@MainActor
struct PolicyEditorTests {
    @Test("A misspelt key shows a diagnostic at its line and column and in the findings panel; fixing it clears it")
    func typoDiagnostic() {
        var state = PolicyEditorState(target: EditorFixtures.inline, text: EditorFixtures.policy)
        #expect(state.findings.filter { $0.findingType == .error }.isEmpty)
        state.jump(toLine: 4, column: 15)
        _ = state.handle(.key(.backspace))
        state.idle()
        let errors = state.findings.filter { $0.findingType == .error }
        #expect(errors.contains { $0.location.line == 5 && $0.location.column == 13 })
        #expect(state.editor.diagnostics.contains { $0.line == 5 && $0.column == 13 && $0.severity == .error })
        _ = state.handle(.key(.function(2)))
        for size in [(80, 24), (120, 40)] {
            let screen = EditorFixtures.render(state, width: size.0, height: size.1).text
            #expect(screen.contains("ERROR"))
            #expect(screen.contains("5:13"))
            #expect(screen.contains("Efect"))
        }
        _ = state.handle(.key(.escape))
        _ = state.handle(.character("f"))
        state.idle()
        #expect(state.findings.filter { $0.findingType == .error }.isEmpty)
        #expect(!EditorFixtures.render(state).text.contains("5:13"))
    }

    @Test("A missing comma is a syntax error on the next line; Enter in the panel jumps to it")
    func missingComma() {
        var state = PolicyEditorState(target: EditorFixtures.inline, text: EditorFixtures.policy)
        state.jump(toLine: 4, column: 30)
        _ = state.handle(.key(.backspace))
        state.idle()
        let error = state.findings.first { $0.findingType == .error }
        #expect(error?.location.line == 6)
        #expect(error?.location.column == 13)
        _ = state.handle(.key(.control("f")))
        #expect(state.mode == .findings)
        _ = state.handle(.key(.enter))
        #expect(state.mode == .editing)
        #expect(state.editor.cursor == TextPosition(line: 5, column: 12))
    }
}

@Suite("Policy editor completion, undo and colours")
@MainActor
struct PolicyEditorCompletionTests {
    @Test("s3:Get completes to s3:GetObject inside an Action string, not elsewhere")
    func completion() {
        #expect(PolicyCompletion.candidates(for: "s3:Get").contains("s3:GetObject"))
        #expect(PolicyCompletion.candidates(for: "S3:getobj").first == "s3:GetObject")
        #expect(PolicyCompletion.candidates(for: "s3").contains("s3:"))
        let text = """
            {"Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*", "s3:Get
            """
        #expect(PolicyCompletion.isInActionString(lines: [text], line: 0, column: text.count))
        #expect(!PolicyCompletion.isInActionString(lines: [#"{"Resource": "s3:Get"#], line: 0, column: 19))
        var state = PolicyEditorState(target: EditorFixtures.inline, text: EditorFixtures.policy)
        state.jump(toLine: 5, column: 35)
        for _ in 0..<6 { _ = state.handle(.key(.backspace)) }
        _ = state.handle(.key(.tab))
        #expect(state.editor.completion?.candidates.contains("s3:GetObject") == true)
        #expect(EditorFixtures.render(state).text.contains("s3:GetAccessPoint"))
        let index = state.editor.completion?.candidates.firstIndex(of: "s3:GetObject") ?? 0
        for _ in 0..<index { _ = state.handle(.key(.down)) }
        #expect(EditorFixtures.render(state).text.contains("s3:GetObject "))
        _ = state.handle(.key(.enter))
        #expect(state.editor.lines[5] == #"            "Action": "s3:GetObject","#)
    }

    @Test("Undo and redo restore the text")
    func undoRedo() {
        var state = PolicyEditorState(target: EditorFixtures.inline, text: EditorFixtures.policy)
        state.jump(toLine: 6, column: 26)
        EditorFixtures.type("x", into: &state)
        #expect(state.editor.lines[6].hasSuffix(#""*x""#))
        _ = state.handle(.key(.control("z")))
        #expect(state.text == EditorFixtures.policy)
        _ = state.handle(.key(.control("y")))
        #expect(state.editor.lines[6].hasSuffix(#""*x""#))
    }

    @Test("Keys, strings, literals, numbers and punctuation use the json roles")
    func colours() {
        let spans = PolicyLineTokenizer.highlighter(#"  "Bool": true, "Num": 12, "S": "x" }"#)
        #expect(
            spans.map(\.role) == [
                .jsonKey, .jsonPunctuation, .jsonLiteral, .jsonPunctuation, .jsonKey, .jsonPunctuation, .jsonNumber,
                .jsonPunctuation, .jsonKey, .jsonPunctuation, .jsonString, .jsonPunctuation,
            ])
        let terminal = EditorFixtures.render(
            PolicyEditorState(target: EditorFixtures.inline, text: EditorFixtures.policy), width: 120, height: 40)
        let row = (0..<40).first { terminal.row($0).contains(#""Effect""#) } ?? 0
        let column = Array(terminal.row(row)).firstIndex(of: "E") ?? 0
        #expect(terminal.style(row: row, column: column) == Theme.builtinDefault[.jsonKey])
    }

    @Test("A 6,000-character policy edits without slowing down")
    func largePolicy() {
        let statements = (0..<60).map { index in
            #"    {"Sid": "S\#(index)", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}"#
        }
        let text =
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
            + statements.joined(separator: ",\n") + "\n  ]\n}"
        #expect(text.count > 6_000)
        var state = PolicyEditorState(target: EditorFixtures.inline, text: text)
        state.jump(toLine: 30, column: 12)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            EditorFixtures.type(String(repeating: "ab", count: 100), into: &state)
            state.idle()
        }
        #expect(elapsed < .seconds(10))
        #expect(state.diagnostics.runs < 60)
    }
}
