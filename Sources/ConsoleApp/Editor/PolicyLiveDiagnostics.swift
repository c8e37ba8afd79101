import IAMPolicy
import TerminalKit

/// Runs `PolicyLinter.validate` over the editor's text, debounced: a change only marks the
/// findings stale, and validation runs after `keystrokeBudget` changes, when `interval` has
/// passed since the last run, or when the host is idle (`PolicyEditorState.idle()`), so typing
/// into a large policy validates a few times per second at most rather than on every key.
public struct PolicyLiveDiagnostics: Sendable {
    /// The lint kind of the edited document.
    public var kind: PolicyKind
    /// The findings of the last validation, ordered by position.
    public private(set) var findings: [PolicyFinding] = []
    /// True when the text changed since the last validation.
    public private(set) var isStale = true
    /// Changes that force a validation even while typing continues.
    public var keystrokeBudget = 12
    /// Time after which the next change validates at once.
    public var interval: Duration = .milliseconds(300)
    /// How many validations have run (for tests of the debounce).
    public private(set) var runs = 0

    private var changesSinceRun = 0
    private var lastRun: ContinuousClock.Instant?

    /// Creates the checker for documents of `kind`.
    public init(kind: PolicyKind) {
        self.kind = kind
    }

    /// Validates `text` now.
    public mutating func run(_ text: String) {
        findings = PolicyLinter.validate(text, kind: kind)
        isStale = false
        changesSinceRun = 0
        runs += 1
        lastRun = ContinuousClock.now
    }

    /// Notes one change; validates `text()` when the budget or the interval says so.
    public mutating func changed(_ text: () -> String) {
        isStale = true
        changesSinceRun += 1
        let due = lastRun.map { ContinuousClock.now - $0 >= interval } ?? true
        if changesSinceRun >= keystrokeBudget || due { run(text()) }
    }

    /// Validates `text()` if a change is pending.
    public mutating func flush(_ text: () -> String) {
        if isStale { run(text()) }
    }

    /// The findings as editor diagnostics at their 1-based line and column, underlining the
    /// offending value when it ends on the same line.
    public var editorDiagnostics: [EditorDiagnostic] {
        findings.map { finding in
            let length =
                finding.end.line == finding.location.line ? max(1, finding.end.column - finding.location.column) : 1
            return EditorDiagnostic(
                line: finding.location.line, column: finding.location.column, length: length,
                severity: Self.severity(finding.findingType), message: finding.findingDetails)
        }
    }

    /// Error findings are errors; security warnings and warnings are warnings; suggestions are info.
    public static func severity(_ type: PolicyFinding.FindingType) -> EditorDiagnostic.Severity {
        switch type {
        case .error: return .error
        case .securityWarning, .warning: return .warning
        case .suggestion: return .info
        }
    }

    /// The theme role a finding type is listed in.
    public static func role(_ type: PolicyFinding.FindingType) -> Theme.Role {
        switch type {
        case .error: return .diagnosticError
        case .securityWarning: return .diagnosticSecurityWarning
        case .warning: return .diagnosticWarning
        case .suggestion: return .diagnosticSuggestion
        }
    }

    /// Counts by type, most serious first, skipping zeros: `1 error, 2 warnings`.
    public var summary: String {
        let counts = PolicyFinding.FindingType.allCases.compactMap { type -> String? in
            let count = findings.filter { $0.findingType == type }.count
            guard count > 0 else { return nil }
            let word = type.word.split(separator: "_").joined(separator: " ")
            return "\(count) \(word)\(count == 1 ? "" : "s")"
        }
        return counts.isEmpty ? "no findings" : counts.joined(separator: ", ")
    }
}
