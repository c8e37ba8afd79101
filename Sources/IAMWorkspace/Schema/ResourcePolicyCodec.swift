import IAMCore

// Shared resources, the organization and the analyzers read straight from bytes and written back,
// mirroring the `Codable` conformances of `SharedResource`, `Organization` and `Analyzer` (with its
// archive rules and findings) in IAMCore.

private enum SharedResourceField: Int, ObjectFields {
    case arn, createDate, description, name, policy, region, revisionId, type, version
    static let table = KeyTable(Self.self)
}

private enum OrganizationField: Int, ObjectFields {
    case accounts, id, masterAccountId
    static let table = KeyTable(Self.self)
}

private enum AnalyzerField: Int, ObjectFields {
    case archiveRules, arn, createdAt, findings, lastResourceAnalyzed, lastResourceAnalyzedAt, name, region, tags, type
    static let table = KeyTable(Self.self)
}

private enum ArchiveRuleField: Int, ObjectFields {
    case createdAt, filter, ruleName, updatedAt
    static let table = KeyTable(Self.self)
}

private enum CriterionField: Int, ObjectFields {
    case contains, eq, exists, neq
    static let table = KeyTable(Self.self)
}

private enum FindingField: Int, ObjectFields {
    case action, analyzedAt, condition, createdAt, id, isPublic, principal, resource, resourceOwnerAccount
    case resourceType, statement, status, updatedAt
    static let table = KeyTable(Self.self)
}

private enum StatementLocationField: Int, ObjectFields {
    case column, index, line, policy, sid
    static let table = KeyTable(Self.self)
}

extension WorkspaceReader {
    /// Shared resources keyed by ARN; the first of two with one ARN wins, as in `Account`.
    mutating func sharedResources() throws(FastPathRefused) -> [String: SharedResource] {
        var result: [String: SharedResource] = [:]
        for resource in try optionalArray({ reader throws(FastPathRefused) in try reader.sharedResource() })
        where result[resource.arn] == nil {
            result[resource.arn] = resource
        }
        return result
    }

    /// Analyzers keyed by name; the first of two with one name wins, as in `Account`.
    mutating func analyzers() throws(FastPathRefused) -> [String: Analyzer] {
        var result: [String: Analyzer] = [:]
        for analyzer in try optionalArray({ reader throws(FastPathRefused) in try reader.analyzer() })
        where result[analyzer.name] == nil {
            result[analyzer.name] = analyzer
        }
        return result
    }

    mutating func organization() throws(FastPathRefused) -> Organization? {
        guard !takeNull() else { return nil }
        var accounts: [String]?
        var id: String?
        var master: String?
        var cursor = ObjectCursor()
        while let field = try next(OrganizationField.self, &cursor) {
            switch field {
            case .accounts: accounts = try strings()
            case .id: id = try string()
            case .masterAccountId: master = try string()
            }
        }
        return Organization(
            id: try required(id), masterAccountId: try required(master), accounts: try required(accounts))
    }

    private mutating func sharedResource() throws(FastPathRefused) -> SharedResource {
        var arn: String?
        var createDate: Timestamp?
        var description: String?
        var name: String?
        var policy: String?
        var region: String?
        var revisionId: String?
        var type: AnalyzedResourceType?
        var version: Int?
        var cursor = ObjectCursor()
        while let field = try next(SharedResourceField.self, &cursor) {
            switch field {
            case .arn: arn = try string()
            case .createDate: createDate = try timestamp()
            case .description: description = try optionalString()
            case .name: name = try string()
            case .policy: policy = try optionalString()
            case .region: region = try string()
            case .revisionId: revisionId = try optionalString()
            case .type: type = try raw(AnalyzedResourceType.self)
            case .version: version = takeNull() ? nil : try int()
            }
        }
        var resource = SharedResource(
            type: try required(type), arn: try required(arn), name: try required(name), region: try required(region),
            createDate: try required(createDate), policy: policy)
        resource.description = description
        resource.revisionId = revisionId
        resource.version = version
        return resource
    }

    private mutating func analyzer() throws(FastPathRefused) -> Analyzer {
        var rules: [ArchiveRule] = []
        var arn: String?
        var createdAt: Timestamp?
        var findings: [Finding] = []
        var lastResource: String?
        var lastResourceAt: Timestamp?
        var name: String?
        var region: String?
        var tags: [String: String] = [:]
        var type: Analyzer.ZoneType?
        var cursor = ObjectCursor()
        while let field = try next(AnalyzerField.self, &cursor) {
            switch field {
            case .archiveRules: rules = try optionalArray { reader throws(FastPathRefused) in try reader.archiveRule() }
            case .arn: arn = try string()
            case .createdAt: createdAt = try timestamp()
            case .findings: findings = try optionalArray { reader throws(FastPathRefused) in try reader.finding() }
            case .lastResourceAnalyzed: lastResource = try optionalString()
            case .lastResourceAnalyzedAt: lastResourceAt = try optionalTimestamp()
            case .name: name = try string()
            case .region: region = try string()
            case .tags: tags = takeNull() ? [:] : try stringMap()
            case .type: type = try raw(Analyzer.ZoneType.self)
            }
        }
        var analyzer = Analyzer(
            name: try required(name), arn: try required(arn), type: try required(type),
            createdAt: try required(createdAt), region: try required(region))
        analyzer.lastResourceAnalyzed = lastResource
        analyzer.lastResourceAnalyzedAt = lastResourceAt
        analyzer.tags = tags
        for rule in rules where analyzer.archiveRules[rule.ruleName] == nil {
            analyzer.archiveRules[rule.ruleName] = rule
        }
        for finding in findings where analyzer.findings[finding.id] == nil { analyzer.findings[finding.id] = finding }
        return analyzer
    }

    private mutating func archiveRule() throws(FastPathRefused) -> ArchiveRule {
        var createdAt: Timestamp?
        var filter: [String: Criterion]?
        var ruleName: String?
        var updatedAt: Timestamp?
        var cursor = ObjectCursor()
        while let field = try next(ArchiveRuleField.self, &cursor) {
            switch field {
            case .createdAt: createdAt = try timestamp()
            case .filter: filter = try criteria()
            case .ruleName: ruleName = try string()
            case .updatedAt: updatedAt = try timestamp()
            }
        }
        return ArchiveRule(
            ruleName: try required(ruleName), filter: try required(filter), createdAt: try required(createdAt),
            updatedAt: try required(updatedAt))
    }

    private mutating func criteria() throws(FastPathRefused) -> [String: Criterion] {
        var result: [String: Criterion] = [:]
        guard try beginObject() else { return result }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            guard result.updateValue(try criterion(), forKey: key) == nil else { throw FastPathRefused() }
        } while try nextMember()
        return result
    }

    private mutating func criterion() throws(FastPathRefused) -> Criterion {
        var criterion = Criterion()
        var cursor = ObjectCursor()
        while let field = try next(CriterionField.self, &cursor) {
            switch field {
            case .contains: criterion.contains = takeNull() ? nil : try strings()
            case .eq: criterion.eq = takeNull() ? nil : try strings()
            case .exists: criterion.exists = takeNull() ? nil : try bool()
            case .neq: criterion.neq = takeNull() ? nil : try strings()
            }
        }
        return criterion
    }

    /// An object of string values; a repeated key refuses (Foundation would keep one of them).
    mutating func stringMap() throws(FastPathRefused) -> [String: String] {
        var result: [String: String] = [:]
        guard try beginObject() else { return result }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            guard result.updateValue(try string(), forKey: key) == nil else { throw FastPathRefused() }
        } while try nextMember()
        return result
    }

    private mutating func finding() throws(FastPathRefused) -> Finding {
        var action: [String]?
        var analyzedAt: Timestamp?
        var condition: [String: String]?
        var createdAt: Timestamp?
        var id: String?
        var isPublic: Bool?
        var principal: [String: String]?
        var resource: String?
        var owner: String?
        var resourceType: AnalyzedResourceType?
        var statement: StatementLocation?
        var status: Finding.Status?
        var updatedAt: Timestamp?
        var cursor = ObjectCursor()
        while let field = try next(FindingField.self, &cursor) {
            switch field {
            case .action: action = try strings()
            case .analyzedAt: analyzedAt = try timestamp()
            case .condition: condition = try stringMap()
            case .createdAt: createdAt = try timestamp()
            case .id: id = try string()
            case .isPublic: isPublic = try bool()
            case .principal: principal = try stringMap()
            case .resource: resource = try string()
            case .resourceOwnerAccount: owner = try string()
            case .resourceType: resourceType = try raw(AnalyzedResourceType.self)
            case .statement: statement = try statementLocation()
            case .status: status = try raw(Finding.Status.self)
            case .updatedAt: updatedAt = try timestamp()
            }
        }
        let access = ExternalAccess(
            principal: try required(principal), actions: try required(action), condition: try required(condition),
            isPublic: try required(isPublic), statement: try required(statement))
        var finding = Finding(
            id: try required(id), resource: try required(resource), resourceType: try required(resourceType),
            resourceOwnerAccount: try required(owner), access: access, status: try required(status),
            at: try required(createdAt))
        finding.updatedAt = try required(updatedAt)
        finding.analyzedAt = try required(analyzedAt)
        return finding
    }

    private mutating func statementLocation() throws(FastPathRefused) -> StatementLocation {
        var column: Int?
        var index: Int?
        var line: Int?
        var policy: String?
        var sid: String?
        var cursor = ObjectCursor()
        while let field = try next(StatementLocationField.self, &cursor) {
            switch field {
            case .column: column = try int()
            case .index: index = try int()
            case .line: line = try int()
            case .policy: policy = try string()
            case .sid: sid = try optionalString()
            }
        }
        return StatementLocation(
            policy: try required(policy), sid: sid, index: try required(index), line: try required(line),
            column: try required(column))
    }
}

extension WorkspaceWriter {
    mutating func sharedResource(_ resource: SharedResource) {
        openObject()
        member("arn", resource.arn)
        member("createDate", resource.createDate)
        member("description", resource.description)
        member("name", resource.name)
        member("policy", resource.policy)
        member("region", resource.region)
        member("revisionId", resource.revisionId)
        member("type", resource.type.rawValue)
        if let version = resource.version { member("version", version) }
        closeObject()
    }

    mutating func organization(_ organization: Organization) {
        openObject()
        member("accounts", organization.accounts)
        member("id", organization.id)
        member("masterAccountId", organization.masterAccountId)
        closeObject()
    }

    mutating func analyzer(_ analyzer: Analyzer) {
        openObject()
        member("archiveRules", analyzer.sortedArchiveRules) { $0.archiveRule($1) }
        member("arn", analyzer.arn)
        member("createdAt", analyzer.createdAt)
        member("findings", analyzer.sortedFindings) { $0.finding($1) }
        member("lastResourceAnalyzed", analyzer.lastResourceAnalyzed)
        member("lastResourceAnalyzedAt", analyzer.lastResourceAnalyzedAt)
        member("name", analyzer.name)
        member("region", analyzer.region)
        if !analyzer.tags.isEmpty {
            key("tags")
            stringMap(analyzer.tags)
        }
        member("type", analyzer.type.rawValue)
        closeObject()
    }

    private mutating func archiveRule(_ rule: ArchiveRule) {
        openObject()
        member("createdAt", rule.createdAt)
        key("filter")
        openObject()
        for (name, criterion) in rule.filter.sorted(by: { $0.key < $1.key }) {
            key(dynamic: name)
            openObject()
            if let contains = criterion.contains { member("contains", contains) }
            if let eq = criterion.eq { member("eq", eq) }
            if let exists = criterion.exists { member("exists", exists) }
            if let neq = criterion.neq { member("neq", neq) }
            closeObject()
        }
        closeObject()
        member("ruleName", rule.ruleName)
        member("updatedAt", rule.updatedAt)
        closeObject()
    }

    private mutating func finding(_ finding: Finding) {
        openObject()
        member("action", finding.action)
        member("analyzedAt", finding.analyzedAt)
        key("condition")
        stringMap(finding.condition)
        member("createdAt", finding.createdAt)
        member("id", finding.id)
        member("isPublic", finding.isPublic)
        key("principal")
        stringMap(finding.principal)
        member("resource", finding.resource)
        member("resourceOwnerAccount", finding.resourceOwnerAccount)
        member("resourceType", finding.resourceType.rawValue)
        key("statement")
        openObject()
        member("column", finding.statement.column)
        member("index", finding.statement.index)
        member("line", finding.statement.line)
        member("policy", finding.statement.policy)
        member("sid", finding.statement.sid)
        closeObject()
        member("status", finding.status.rawValue)
        member("updatedAt", finding.updatedAt)
        closeObject()
    }

    /// An object of string values, keys sorted as `JSONEncoder` with `.sortedKeys` sorts them.
    private mutating func stringMap(_ map: [String: String]) {
        openObject()
        for (name, value) in map.sorted(by: { $0.key < $1.key }) {
            key(dynamic: name)
            string(value)
        }
        closeObject()
    }
}
