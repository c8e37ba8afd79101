/// Access Analyzer's archive rule actions: CreateArchiveRule, ListArchiveRules, DeleteArchiveRule,
/// ApplyArchiveRule.
extension IAMService {
    /// Creates an archive rule, which archives the matching findings made from now on; existing
    /// findings are archived by ApplyArchiveRule (the console of AWS applies it on creation too).
    public mutating func createArchiveRule(
        _ request: CreateArchiveRuleRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("CreateArchiveRule", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var analyzer = try service.existingAnalyzer(named: request.analyzerName)
            let arn = analyzer.arn + "/archive-rule/" + request.ruleName
            try service.authorizeResource(principal, "access-analyzer:CreateArchiveRule", arn)
            try Self.checkAnalyzerName(request.ruleName, field: "ruleName")
            try Self.checkFilter(request.filter)
            guard analyzer.archiveRules[request.ruleName] == nil else {
                throw IAMError(.conflictException, "Archive rule \(request.ruleName) already exists.")
            }
            let now = service.clock.now()
            analyzer.archiveRules[request.ruleName] = ArchiveRule(
                ruleName: request.ruleName, filter: request.filter, createdAt: now, updatedAt: now)
            service.account.analyzers[analyzer.name] = analyzer
            service.committed(principal, "access-analyzer:CreateArchiveRule", arn)
            return EmptyResponse()
        }
    }

    /// Lists an analyzer's archive rules by name.
    public func listArchiveRules(
        _ request: AnalyzerNameRequest, as principal: Principal
    ) throws(IAMError) -> ListArchiveRulesResponse {
        try recorded("ListArchiveRules", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            () throws(IAMError) -> ListArchiveRulesResponse in
            let analyzer = try existingAnalyzer(named: request.analyzerName)
            try authorizeResource(principal, "access-analyzer:ListArchiveRules", analyzer.arn)
            return ListArchiveRulesResponse(
                archiveRules: analyzer.sortedArchiveRules.map {
                    ArchiveRuleSummary(
                        ruleName: $0.ruleName, filter: $0.filter, createdAt: $0.createdAt, updatedAt: $0.updatedAt)
                })
        }
    }

    /// Deletes an archive rule; the findings it archived stay archived.
    public mutating func deleteArchiveRule(
        _ request: ArchiveRuleRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteArchiveRule", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var analyzer = try service.existingAnalyzer(named: request.analyzerName)
            let arn = analyzer.arn + "/archive-rule/" + request.ruleName
            try service.authorizeResource(principal, "access-analyzer:DeleteArchiveRule", arn)
            guard analyzer.archiveRules.removeValue(forKey: request.ruleName) != nil else {
                throw IAMError(.resourceNotFoundException, "Archive rule \(request.ruleName) not found.")
            }
            service.account.analyzers[analyzer.name] = analyzer
            service.committed(principal, "access-analyzer:DeleteArchiveRule", arn)
            return EmptyResponse()
        }
    }

    /// Archives the active findings an archive rule matches.
    public mutating func applyArchiveRule(
        _ request: ApplyArchiveRuleRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("ApplyArchiveRule", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var analyzer = try service.existingAnalyzer(arn: request.analyzerArn)
            try service.authorizeResource(principal, "access-analyzer:ApplyArchiveRule", analyzer.arn)
            guard let rule = analyzer.archiveRules[request.ruleName] else {
                throw IAMError(.resourceNotFoundException, "Archive rule \(request.ruleName) not found.")
            }
            let now = service.clock.now()
            var changed = false
            for (id, finding) in analyzer.findings
            where finding.status == .active && FindingFilter.matches(finding, rule.filter) {
                var archived = finding
                archived.status = .archived
                archived.updatedAt = now
                analyzer.findings[id] = archived
                changed = true
            }
            guard changed else { return EmptyResponse() }
            service.account.analyzers[analyzer.name] = analyzer
            service.committed(principal, "access-analyzer:ApplyArchiveRule", analyzer.arn)
            return EmptyResponse()
        }
    }
}
