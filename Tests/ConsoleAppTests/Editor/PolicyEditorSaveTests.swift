import ConsoleApp
import IAMCore
import TerminalKit
import Testing

@Suite("Policy editor saving")
@MainActor
struct PolicyEditorSaveTests {
    @Test("Saving a managed policy shows the diff, then creates a default version")
    func managedSave() {
        let target = PolicyEditTarget.managedPolicy(
            arn: "arn:aws:iam::123456789012:policy/P", versions: EditorFixtures.versions(2, defaultIndex: 1))
        var state = PolicyEditorState(target: target, text: EditorFixtures.policy)
        state.jump(toLine: 6, column: 26)
        EditorFixtures.type("x", into: &state)
        #expect(state.handle(.key(.control("s"))) == .editing)
        #expect(state.mode == .diff)
        #expect(state.diffLines.contains(#"-            "Resource": "*""#))
        #expect(state.diffLines.contains(#"+            "Resource": "*x""#))
        #expect(EditorFixtures.render(state, width: 120, height: 40).text.contains(#"+            "Resource": "*x""#))
        _ = state.handle(.key(.escape))
        #expect(state.mode == .editing)
        _ = state.handle(.key(.control("s")))
        guard case .save(let save) = state.handle(.key(.enter)) else {
            Issue.record("no save")
            return
        }
        #expect(save.deleteVersionId == nil && save.setAsDefault)
        let names = PolicyEditorState.requests(for: save).map(\.actionName)
        #expect(names == ["CreatePolicyVersion"])
    }

    @Test("With five versions the user chooses a non-default version to delete, oldest first")
    func chooseVersion() {
        let target = PolicyEditTarget.managedPolicy(
            arn: "arn:aws:iam::123456789012:policy/P", versions: EditorFixtures.versions(5, defaultIndex: 0))
        var state = PolicyEditorState(target: target, text: EditorFixtures.policy)
        _ = state.handle(.key(.control("s")))
        _ = state.handle(.key(.enter))
        #expect(state.mode == .chooseVersion)
        let screen = EditorFixtures.render(state).text
        #expect(screen.contains("Choose a version to delete"))
        #expect(screen.contains(" v2 ") && !screen.contains(" v1 "))
        _ = state.handle(.key(.down))
        guard case .save(let save) = state.handle(.key(.enter)) else {
            Issue.record("no save")
            return
        }
        #expect(save.deleteVersionId == "v3")
        #expect(
            PolicyEditorState.requests(for: save).map(\.actionName) == ["DeletePolicyVersion", "CreatePolicyVersion"])
    }

    @Test("Inline and trust policies save with their own requests; Esc asks before discarding")
    func otherTargets() {
        var inline = PolicyEditorState(target: EditorFixtures.inline, text: EditorFixtures.policy)
        _ = inline.handle(.key(.control("s")))
        guard case .save(let save) = inline.handle(.key(.enter)) else {
            Issue.record("no save")
            return
        }
        #expect(PolicyEditorState.requests(for: save).map(\.actionName) == ["PutUserPolicy"])
        let trust = PolicyEditorSave(target: .trustPolicy(role: "R"), text: "{}")
        #expect(PolicyEditorState.requests(for: trust).map(\.actionName) == ["UpdateAssumeRolePolicy"])
        var edited = PolicyEditorState(target: EditorFixtures.inline, text: EditorFixtures.policy)
        #expect(edited.handle(.key(.escape)) == .cancel)
        EditorFixtures.type(" ", into: &edited)
        #expect(edited.handle(.key(.escape)) == .editing)
        #expect(edited.mode == .confirmDiscard)
        _ = edited.handle(.key(.right))
        #expect(edited.handle(.key(.enter)) == .cancel)
    }
}
