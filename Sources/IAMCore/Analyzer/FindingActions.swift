/// Access Analyzer's finding actions: ListFindings, GetFinding, UpdateFindings, StartResourceScan.
extension IAMService {
    /// Lists an analyzer's findings that match the filter, sorted as asked (by resource by default).
    public func listFindings(
        _ request: ListFindingsRequest, as principal: Principal
    ) throws(IAMError) -> ListFindingsResponse {
        try recorded("ListFindings", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            () throws(IAMError) -> ListFindingsResponse in
            let analyzer = try existingAnalyzer(arn: request.analyzerArn)
            try authorizeResource(principal, "access-analyzer:ListFindings", analyzer.arn)
            let filter = request.filter ?? [:]
            try Self.checkFilter(filter)
            var findings = analyzer.sortedFindings.filter { FindingFilter.matches($0, filter) }
            if let sort = request.sort { findings = try Self.sorted(findings, by: sort) }
            let maximum = request.maxResults ?? 100
            guard (1...1000).contains(maximum) else {
                throw IAMError(.validationException, "maxResults must be between 1 and 1000.")
            }
            var start = 0
            if let token = request.nextToken {
                guard let index = findings.firstIndex(where: { $0.id == token }) else {
                    throw IAMError(.validationException, "Invalid nextToken.")
                }
                start = index
            }
            let page = findings[start...].prefix(maximum)
            let next = start + page.count < findings.count ? findings[start + page.count].id : nil
            return ListFindingsResponse(findings: page.map(FindingShape.init), nextToken: next)
        }
    }

    /// Returns one finding.
    public func getFinding(_ request: GetFindingRequest, as principal: Principal) throws(IAMError) -> GetFindingResponse
    {
        try recorded("GetFinding", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            () throws(IAMError) -> GetFindingResponse in
            let analyzer = try existingAnalyzer(arn: request.analyzerArn)
            try authorizeResource(principal, "access-analyzer:GetFinding", analyzer.arn)
            guard let finding = analyzer.findings[request.id] else {
                throw IAMError(.resourceNotFoundException, "Finding \(request.id) not found.")
            }
            return GetFindingResponse(finding: FindingShape(finding))
        }
    }

    /// Archives findings, or makes archived ones active again. Resolved findings keep their status:
    /// their access is gone, so there is nothing to archive.
    public mutating func updateFindings(
        _ request: UpdateFindingsRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("UpdateFindings", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var analyzer = try service.existingAnalyzer(arn: request.analyzerArn)
            try service.authorizeResource(principal, "access-analyzer:UpdateFindings", analyzer.arn)
            guard let status = Finding.Status(rawValue: request.status), status != .resolved else {
                throw IAMError(
                    .validationException, "Invalid status \(request.status). Valid values: ACTIVE, ARCHIVED")
            }
            guard (request.ids ?? []).isEmpty != (request.resourceArn == nil) else {
                throw IAMError(.validationException, "Specify either ids or resourceArn, not both.")
            }
            var chosen: [String] = []
            if let ids = request.ids {
                for id in ids {
                    guard analyzer.findings[id] != nil else {
                        throw IAMError(.resourceNotFoundException, "Finding \(id) not found.")
                    }
                    chosen.append(id)
                }
            } else if let resource = request.resourceArn {
                chosen = analyzer.sortedFindings.filter { $0.resource == resource }.map(\.id)
            }
            let now = service.clock.now()
            var changed = false
            for id in chosen {
                guard var finding = analyzer.findings[id], finding.status != .resolved, finding.status != status
                else { continue }
                finding.status = status
                finding.updatedAt = now
                analyzer.findings[id] = finding
                changed = true
            }
            guard changed else { return EmptyResponse() }
            service.account.analyzers[analyzer.name] = analyzer
            service.committed(principal, "access-analyzer:UpdateFindings", analyzer.arn)
            return EmptyResponse()
        }
    }

    /// Analyzes one resource or role again now (as after a change the workspace did not see, such
    /// as an edit of the file by hand).
    public mutating func startResourceScan(
        _ request: StartResourceScanRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("StartResourceScan", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            let analyzer = try service.existingAnalyzer(arn: request.analyzerArn)
            try service.authorizeResource(principal, "access-analyzer:StartResourceScan", analyzer.arn)
            let known =
                service.account.analyzedPolicy(arn: request.resourceArn) != nil
                || analyzer.findings.values.contains { $0.resource == request.resourceArn }
            guard known else {
                throw IAMError(.resourceNotFoundException, "Resource \(request.resourceArn) not found.")
            }
            service.account.reanalyze(arn: request.resourceArn, at: service.clock.now())
            service.committed(principal, "access-analyzer:StartResourceScan", analyzer.arn)
            return EmptyResponse()
        }
    }

    static func sorted(_ findings: [Finding], by sort: SortCriteria) throws(IAMError) -> [Finding] {
        let descending: Bool
        switch sort.orderBy ?? "ASC" {
        case "ASC": descending = false
        case "DESC": descending = true
        default: throw IAMError(.validationException, "Invalid orderBy \(sort.orderBy ?? ""). Valid values: ASC, DESC")
        }
        let attribute = sort.attributeName ?? "resource"
        guard
            FindingFilter.plainKeys.contains(attribute) || attribute == "createdAt" || attribute == "updatedAt"
                || attribute == "analyzedAt"
        else {
            throw IAMError(.validationException, "Invalid sort attribute \(attribute).")
        }
        func key(_ finding: Finding) -> String {
            switch attribute {
            case "createdAt": return finding.createdAt.iso8601
            case "updatedAt": return finding.updatedAt.iso8601
            case "analyzedAt": return finding.analyzedAt.iso8601
            default: return FindingFilter.values(of: attribute, in: finding)?.joined(separator: ",") ?? ""
            }
        }
        let ordered = findings.sorted { (key($0), $0.id) < (key($1), $1.id) }
        return descending ? ordered.reversed() : ordered
    }
}
