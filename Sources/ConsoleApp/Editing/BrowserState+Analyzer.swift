import IAMCore

extension BrowserState {
    /// `A` and `U` on the Access analyzer list or a finding's page: archives the finding, or makes
    /// an archived one active again, through Access Analyzer's UpdateFindings as the signed-in
    /// principal (who needs `access-analyzer:UpdateFindings`).
    mutating func setSelectedFinding(archived: Bool) {
        guard let index, let (analyzerName, id) = selectedFinding,
            let analyzer = index.account.analyzers[analyzerName], let finding = analyzer.findings[id]
        else {
            message = StatusMessage(
                text: "A and U archive and unarchive a finding of the Access analyzer view", isError: false)
            return
        }
        let status: Finding.Status = archived ? .archived : .active
        guard finding.status != .resolved else {
            message = StatusMessage(text: "The finding is resolved: its access is gone", isError: false)
            return
        }
        guard finding.status != status else {
            message = StatusMessage(text: "The finding is already \(status.word.lowercased())", isError: false)
            return
        }
        let arn = analyzer.arn
        let request = UpdateFindingsRequest(analyzerArn: arn, status: status.rawValue, ids: [id])
        pendingEdit = EditCommand(
            success:
                "\(archived ? "Archived" : "Activated") the finding on \(AnalyzerRows.resourceName(finding.resource)).",
            target: .stay
        ) { service, principal in
            _ = try service.updateFindings(request, as: principal)
        }
    }

    /// The finding the top view shows or has selected, as its analyzer's name and its id.
    var selectedFinding: (String, String)? {
        let view = top
        guard view.denied == nil else { return nil }
        switch view.route {
        case .finding(let analyzer, let id): return (analyzer, id)
        case .section(.accessAnalyzer):
            guard let index, view.visible.indices.contains(view.selection) else { return nil }
            let key = index.list(for: .accessAnalyzer).keys[view.visible[view.selection]]
            guard case .finding(let analyzer, let id)? = AnalyzerRows.route(for: key) else { return nil }
            return (analyzer, id)
        default: return nil
        }
    }
}

extension BrowserState {
    /// `e` on a finding's page: edits the policy that shares the resource (a role's trust policy,
    /// or a bucket's, key's, queue's or secret's policy); saving re-analyzes it at once.
    mutating func openFindingPolicyEditor(analyzer: String, id: String, in account: Account) {
        guard let finding = account.analyzers[analyzer]?.findings[id],
            let document = account.analyzedPolicy(arn: finding.resource)?.document
        else {
            message = StatusMessage(text: "The resource no longer exists or has no policy", isError: true)
            return
        }
        switch finding.resourceType {
        case .iamRole:
            guard let name = IAMResourceName(finding.resource)?.name else { return }
            modal = .policyEditor(PolicyEditorState(target: .trustPolicy(role: name), text: document))
        case .lambdaFunction, .lambdaLayerVersion:
            message = StatusMessage(
                text: "Lambda writes this policy from its permissions: use lambda add-permission or remove-permission",
                isError: false)
        default:
            modal = .policyEditor(
                PolicyEditorState(
                    target: .resourcePolicy(arn: finding.resource, type: finding.resourceType), text: document))
        }
    }
}
