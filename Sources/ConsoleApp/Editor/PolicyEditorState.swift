import IAMPolicy
import TerminalKit

/// What a key did to the policy editor.
public enum PolicyEditorOutcome: Sendable, Equatable {
    /// Still editing (or in one of the editor's dialogs); redraw.
    case editing
    /// The user confirmed a save; run `PolicyEditorState.requests(for:)` and close the editor.
    case save(PolicyEditorSave)
    /// The user left without saving.
    case cancel
}

/// The full-screen policy editor: a `TextEditor` with JSON colouring, live `PolicyLinter`
/// diagnostics, a findings panel with jump-to, completion of actions from the catalog, a diff
/// against the current document before saving, and (for a managed policy with five versions)
/// a chooser of the version to delete.
///
/// Keys: Ctrl-S save, Esc cancel (confirming when modified), F2 or Ctrl-F findings panel,
/// Ctrl-Z / Ctrl-Y undo and redo, Tab or Ctrl-Space completion; the rest edits.
public struct PolicyEditorState: Sendable {
    /// Which part of the editor has the keys.
    public enum Mode: Sendable, Equatable {
        /// Typing into the document.
        case editing
        /// The findings panel is focused: ↑/↓ select, Enter jumps, Esc or F2 returns.
        case findings
        /// The diff before saving: ↑/↓/PgUp/PgDn scroll, Enter confirms, Esc returns.
        case diff
        /// Choosing the version to delete: ↑/↓ select, Enter saves, Esc returns.
        case chooseVersion
        /// Asking whether to discard changes.
        case confirmDiscard
    }

    /// What is edited.
    public let target: PolicyEditTarget
    /// The text widget.
    public private(set) var editor: TextEditor
    /// The validator's findings, debounced.
    public private(set) var diagnostics: PolicyLiveDiagnostics
    /// Where the keys go.
    public private(set) var mode: Mode = .editing
    /// True while the findings panel is shown.
    public private(set) var showsFindings = false
    /// The highlighted row of the findings panel.
    public private(set) var selectedFinding = 0
    /// The unified diff shown before saving.
    public private(set) var diffLines: [String] = []
    /// The first diff line shown.
    public private(set) var diffScroll = 0
    /// The highlighted row of the version chooser.
    public private(set) var selectedVersion = 0
    /// A one-line notice for the status row.
    public private(set) var notice: String?
    /// The text the editor opened with.
    public let originalText: String
    var discardDialog = ConfirmDialog(
        title: "Discard changes?", message: "The policy has unsaved changes.", buttons: ["Keep editing", "Discard"],
        cancelIndex: 0, isDestructive: true)

    /// Opens `text` for editing as `target`, validates it once and turns on colouring and completion.
    public init(target: PolicyEditTarget, text: String) {
        self.target = target
        originalText = text
        editor = TextEditor(text: text)
        editor.highlighter = PolicyLineTokenizer.highlighter
        diagnostics = PolicyLiveDiagnostics(kind: target.policyKind)
        diagnostics.run(text)
        editor.diagnostics = diagnostics.editorDiagnostics
    }

    /// The document as it stands.
    public var text: String { editor.text }
    /// True once the text has been edited.
    public var isModified: Bool { editor.isModified }
    /// The validator's findings for the current text (as of the last validation).
    public var findings: [PolicyFinding] { diagnostics.findings }

    /// Call when no input is waiting: runs a validation the debounce held back.
    public mutating func idle() {
        guard diagnostics.isStale else { return }
        let editor = self.editor
        diagnostics.flush { editor.text }
        publishDiagnostics()
    }

    /// Tells the editor its text area size, for paging and scrolling.
    public mutating func setViewport(_ size: TerminalSize) {
        editor.viewport = size
    }

    /// Applies one event.
    public mutating func handle(_ event: InputEvent) -> PolicyEditorOutcome {
        notice = nil
        switch mode {
        case .editing: return handleEditing(event)
        case .findings: return handleFindings(event)
        case .diff: return handleDiff(event)
        case .chooseVersion: return handleChooser(event)
        case .confirmDiscard:
            switch discardDialog.handle(event) {
            case .pending: return .editing
            case .cancelled:
                mode = .editing
                return .editing
            case .activated: return .cancel
            }
        }
    }

    private mutating func handleEditing(_ event: InputEvent) -> PolicyEditorOutcome {
        if editor.completion == nil {
            switch event {
            case .key(.control("s")):
                beginSave()
                return .editing
            case .key(.escape):
                guard editor.isModified else { return .cancel }
                mode = .confirmDiscard
                return .editing
            case .key(.function(2)), .key(.control("f")):
                idle()
                showsFindings = true
                mode = .findings
                selectedFinding = min(selectedFinding, max(0, findings.count - 1))
                return .editing
            default: break
            }
        }
        updateCompletionSource()
        if editor.handle(event) == .changed {
            let editor = self.editor
            diagnostics.changed { editor.text }
            publishDiagnostics()
        }
        return .editing
    }

    /// Offers catalog completion only inside the string values of `Action` and `NotAction`.
    private mutating func updateCompletionSource() {
        let inAction = PolicyCompletion.isInActionString(
            lines: editor.lines, line: editor.cursor.line, column: editor.cursor.column)
        if inAction {
            editor.completionSource = { @Sendable word in PolicyCompletion.candidates(for: word) }
        } else {
            editor.completionSource = nil
        }
    }

    private mutating func publishDiagnostics() {
        editor.diagnostics = diagnostics.editorDiagnostics
        selectedFinding = min(selectedFinding, max(0, findings.count - 1))
    }

    private mutating func handleFindings(_ event: InputEvent) -> PolicyEditorOutcome {
        switch event {
        case .key(.up): selectedFinding = max(0, selectedFinding - 1)
        case .key(.down): selectedFinding = min(max(0, findings.count - 1), selectedFinding + 1)
        case .key(.enter):
            if findings.indices.contains(selectedFinding) {
                let location = findings[selectedFinding].location
                jump(toLine: location.line - 1, column: location.column - 1)
            }
            mode = .editing
        case .key(.escape), .key(.function(2)), .key(.control("f")):
            showsFindings = false
            mode = .editing
        case .key(.tab):
            mode = .editing
        default: break
        }
        return .editing
    }

    /// Moves the cursor to a zero-based line and column (clamped) with the editor's own moves.
    public mutating func jump(toLine line: Int, column: Int) {
        let line = min(max(0, line), editor.lines.count - 1)
        while editor.cursor.line < line { _ = editor.handle(.key(.down)) }
        while editor.cursor.line > line { _ = editor.handle(.key(.up)) }
        _ = editor.handle(.key(.end))
        let column = min(max(0, column), editor.lines[line].count)
        while editor.cursor.column > column { _ = editor.handle(.key(.left)) }
    }

    /// Ctrl-S: validate now, then show the diff (Enter there continues the save).
    private mutating func beginSave() {
        idle()
        let base = target.defaultDocument ?? originalText
        diffLines = PolicyLineDiff.unified(
            old: base, new: editor.text, oldName: baseName, newName: "edited")
        if diffLines.isEmpty { diffLines = ["(no changes against \(baseName))"] }
        diffScroll = 0
        mode = .diff
    }

    /// What the diff compares against: the default version's id, or `current`.
    var baseName: String {
        if case .managedPolicy(_, let versions) = target, let current = versions.first(where: \.isDefault) {
            return "\(current.id) (default)"
        }
        return "current"
    }

    private mutating func handleDiff(_ event: InputEvent) -> PolicyEditorOutcome {
        let page = max(1, editor.viewport.height - 2)
        let last = max(0, diffLines.count - 1)
        switch event {
        case .key(.up): diffScroll = max(0, diffScroll - 1)
        case .key(.down): diffScroll = min(last, diffScroll + 1)
        case .key(.pageUp): diffScroll = max(0, diffScroll - page)
        case .key(.pageDown): diffScroll = min(last, diffScroll + page)
        case .key(.escape): mode = .editing
        case .key(.enter):
            if target.needsVersionDeletion {
                guard !target.deletableVersions.isEmpty else {
                    notice = "No version can be deleted: the policy has only its default version."
                    mode = .editing
                    return .editing
                }
                selectedVersion = 0
                mode = .chooseVersion
                return .editing
            }
            return .save(PolicyEditorSave(target: target, text: editor.text))
        default: break
        }
        return .editing
    }

    private mutating func handleChooser(_ event: InputEvent) -> PolicyEditorOutcome {
        let choices = target.deletableVersions
        switch event {
        case .key(.up): selectedVersion = max(0, selectedVersion - 1)
        case .key(.down): selectedVersion = min(max(0, choices.count - 1), selectedVersion + 1)
        case .key(.escape): mode = .editing
        case .key(.enter):
            guard choices.indices.contains(selectedVersion) else { return .editing }
            return .save(
                PolicyEditorSave(target: target, text: editor.text, deleteVersionId: choices[selectedVersion].id))
        default: break
        }
        return .editing
    }
}
