import IAMCore

extension BrowserState {
    /// `p` on an Access Advisor tab: opens the policy editor on a new customer managed policy that
    /// allows only the actions used in the tracking period. Nothing changes until the user saves it
    /// from the editor, and the saved policy is attached to nothing.
    mutating func startLeastPrivilegeDraft() {
        let view = top
        guard let index, let detail = view.detail, detail.tabs.indices.contains(view.tab),
            detail.tabs[view.tab].title == "Access Advisor"
        else {
            message = StatusMessage(
                text: "p drafts a least-privilege policy on the Access Advisor tab of a user, group, role or policy",
                isError: false)
            return
        }
        guard let draft = AccessAdvisorContent.draft(arn: detail.arn, in: index.account, now: index.now) else {
            message = StatusMessage(
                text: "Nothing to draft: no service was used in the tracking period", isError: false)
            return
        }
        modal = .policyEditor(
            PolicyEditorState(
                target: .newManagedPolicy(name: AccessAdvisorContent.draftName(arn: detail.arn)), text: draft))
        message = StatusMessage(
            text:
                "Least-privilege draft: review resources and conditions, Ctrl-S creates the policy (attached to nothing)",
            isError: false)
    }
}
