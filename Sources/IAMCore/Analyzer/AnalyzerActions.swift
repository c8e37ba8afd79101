/// Access Analyzer's analyzer actions: CreateAnalyzer, GetAnalyzer, ListAnalyzers, DeleteAnalyzer.
extension IAMService {
    /// Creates an analyzer with a zone of trust of the account or its organization, and analyzes
    /// every resource and role at once.
    public mutating func createAnalyzer(
        _ request: CreateAnalyzerRequest, as principal: Principal
    ) throws(IAMError) -> ArnResponse {
        try recorded("CreateAnalyzer", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            (service: inout IAMService) throws(IAMError) -> ArnResponse in
            try Self.checkAnalyzerName(request.analyzerName, field: "analyzerName")
            let arn = service.analyzerARN(request.analyzerName)
            try service.authorizeResource(principal, "access-analyzer:CreateAnalyzer", arn)
            guard let type = Analyzer.ZoneType(rawValue: request.type) else {
                throw IAMError(
                    .validationException,
                    "Invalid type \(request.type). Valid values: ACCOUNT, ORGANIZATION (external access analyzers)")
            }
            if type == .organization, service.account.organization == nil {
                throw IAMError(
                    .validationException,
                    "An organization analyzer needs an organization: the workspace account belongs to none.")
            }
            guard service.account.analyzers[request.analyzerName] == nil else {
                throw IAMError(.conflictException, "Analyzer \(request.analyzerName) already exists.")
            }
            let now = service.clock.now()
            var analyzer = Analyzer(
                name: request.analyzerName, arn: arn, type: type, createdAt: now, region: service.region)
            analyzer.tags = request.tags ?? [:]
            for rule in request.archiveRules ?? [] {
                try Self.checkAnalyzerName(rule.ruleName, field: "ruleName")
                try Self.checkFilter(rule.filter)
                analyzer.archiveRules[rule.ruleName] = ArchiveRule(
                    ruleName: rule.ruleName, filter: rule.filter, createdAt: now, updatedAt: now)
            }
            service.account.analyzers[analyzer.name] = analyzer
            service.account.reanalyzeAll(analyzer: analyzer.name, at: now)
            service.committed(principal, "access-analyzer:CreateAnalyzer", arn)
            return ArnResponse(arn: arn)
        }
    }

    /// Describes one analyzer.
    public func getAnalyzer(
        _ request: AnalyzerNameRequest, as principal: Principal
    ) throws(IAMError) -> GetAnalyzerResponse {
        try recorded("GetAnalyzer", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            () throws(IAMError) -> GetAnalyzerResponse in
            let analyzer = try existingAnalyzer(named: request.analyzerName)
            try authorizeResource(principal, "access-analyzer:GetAnalyzer", analyzer.arn)
            return GetAnalyzerResponse(analyzer: Self.summary(analyzer))
        }
    }

    /// Lists the analyzers, of one type if asked.
    public func listAnalyzers(
        _ request: ListAnalyzersRequest, as principal: Principal
    ) throws(IAMError) -> ListAnalyzersResponse {
        try recorded("ListAnalyzers", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            () throws(IAMError) -> ListAnalyzersResponse in
            try authorizeResource(principal, "access-analyzer:ListAnalyzers", analyzerARN("*"))
            if let type = request.type, Analyzer.ZoneType(rawValue: type) == nil {
                throw IAMError(.validationException, "Invalid type \(type). Valid values: ACCOUNT, ORGANIZATION")
            }
            let analyzers = account.analyzers.values.filter { request.type == nil || $0.type.rawValue == request.type }
                .sorted { $0.name < $1.name }
            return ListAnalyzersResponse(analyzers: analyzers.map(Self.summary))
        }
    }

    /// Deletes an analyzer with its archive rules and findings.
    public mutating func deleteAnalyzer(
        _ request: AnalyzerNameRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteAnalyzer", request, principal, eventSource: AuditEventSource.accessAnalyzer) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            let analyzer = try service.existingAnalyzer(named: request.analyzerName)
            try service.authorizeResource(principal, "access-analyzer:DeleteAnalyzer", analyzer.arn)
            service.account.analyzers[analyzer.name] = nil
            service.committed(principal, "access-analyzer:DeleteAnalyzer", analyzer.arn)
            return EmptyResponse()
        }
    }

    /// `arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME`.
    func analyzerARN(_ name: String) -> String { "arn:aws:access-analyzer:\(region):\(account.id):analyzer/\(name)" }

    func existingAnalyzer(named name: String) throws(IAMError) -> Analyzer {
        guard let analyzer = account.analyzers[name] else {
            throw IAMError(.resourceNotFoundException, "Analyzer \(name) not found.")
        }
        return analyzer
    }

    func existingAnalyzer(arn: String) throws(IAMError) -> Analyzer {
        guard let analyzer = account.analyzers.values.first(where: { $0.arn == arn }) else {
            throw IAMError(.resourceNotFoundException, "Analyzer \(arn) not found.")
        }
        return analyzer
    }

    static func summary(_ analyzer: Analyzer) -> AnalyzerSummary {
        AnalyzerSummary(
            arn: analyzer.arn, name: analyzer.name, type: analyzer.type.rawValue, createdAt: analyzer.createdAt,
            lastResourceAnalyzed: analyzer.lastResourceAnalyzed,
            lastResourceAnalyzedAt: analyzer.lastResourceAnalyzedAt,
            status: "ACTIVE", tags: analyzer.tags)
    }

    /// Analyzer and rule names: 1–255 of letters, digits, `.`, `-` and `_`, starting with a letter.
    static func checkAnalyzerName(_ name: String, field: String) throws(IAMError) {
        let scalars = Array(name.unicodeScalars)
        let valid =
            (1...255).contains(scalars.count) && scalars.first.map { $0.isASCII && $0.properties.isAlphabetic } == true
            && scalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "." || $0 == "-"
                    || $0 == "_"
            }
        guard valid else {
            throw IAMError(
                .validationException,
                "1 validation error detected: Value '\(name)' at '\(field)' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [A-Za-z][A-Za-z0-9_.-]*")
        }
    }

    /// Every filter key must be one Access Analyzer knows, with at least one test.
    static func checkFilter(_ filter: [String: Criterion]) throws(IAMError) {
        for (key, criterion) in filter.sorted(by: { $0.key < $1.key }) {
            guard FindingFilter.isKnown(key) else {
                throw IAMError(.validationException, "Invalid filter key: \(key)")
            }
            guard criterion.eq != nil || criterion.neq != nil || criterion.contains != nil || criterion.exists != nil
            else {
                throw IAMError(
                    .validationException, "Filter criterion for \(key) must have eq, neq, contains or exists.")
            }
        }
    }
}
