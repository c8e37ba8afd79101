/// Access Analyzer's requests and responses. Access Analyzer's API spells members in camelCase
/// (`analyzerName`, `isPublic`), so these are printed with their Swift names as they are.

/// An archive rule given inline when an analyzer is created.
public struct InlineArchiveRule: Codable, Sendable, Equatable {
    public var ruleName: String
    public var filter: [String: Criterion]
    public init(ruleName: String, filter: [String: Criterion]) {
        self.ruleName = ruleName
        self.filter = filter
    }
}

/// CreateAnalyzer request.
public struct CreateAnalyzerRequest: Codable, Sendable {
    public var analyzerName: String
    public var type: String
    public var archiveRules: [InlineArchiveRule]?
    public var tags: [String: String]?
    public var clientToken: String?
    public init(analyzerName: String, type: String, archiveRules: [InlineArchiveRule]? = nil) {
        self.analyzerName = analyzerName
        self.type = type
        self.archiveRules = archiveRules
    }
}

/// A response carrying one ARN.
public struct ArnResponse: Codable, Sendable, Equatable { public var arn: String }

/// A request that names one analyzer.
public struct AnalyzerNameRequest: Codable, Sendable {
    public var analyzerName: String
    public init(analyzerName: String) { self.analyzerName = analyzerName }
}

/// ListAnalyzers request.
public struct ListAnalyzersRequest: Codable, Sendable {
    public var type: String?
    public init(type: String? = nil) { self.type = type }
}

/// An analyzer as ListAnalyzers and GetAnalyzer describe it.
public struct AnalyzerSummary: Codable, Sendable, Equatable {
    public var arn: String
    public var name: String
    public var type: String
    public var createdAt: Timestamp
    public var lastResourceAnalyzed: String?
    public var lastResourceAnalyzedAt: Timestamp?
    public var status: String
    public var tags: [String: String]
}

/// ListAnalyzers response.
public struct ListAnalyzersResponse: Codable, Sendable, Equatable { public var analyzers: [AnalyzerSummary] }

/// GetAnalyzer response.
public struct GetAnalyzerResponse: Codable, Sendable, Equatable { public var analyzer: AnalyzerSummary }

/// How ListFindings sorts: by a finding attribute, `ASC` or `DESC`.
public struct SortCriteria: Codable, Sendable, Equatable {
    public var attributeName: String?
    public var orderBy: String?
    public init(attributeName: String? = nil, orderBy: String? = nil) {
        self.attributeName = attributeName
        self.orderBy = orderBy
    }
}

/// ListFindings request.
public struct ListFindingsRequest: Codable, Sendable {
    public var analyzerArn: String
    public var filter: [String: Criterion]?
    public var sort: SortCriteria?
    public var maxResults: Int?
    public var nextToken: String?
    public init(analyzerArn: String, filter: [String: Criterion]? = nil, sort: SortCriteria? = nil) {
        self.analyzerArn = analyzerArn
        self.filter = filter
        self.sort = sort
    }
}

/// Where a finding's access comes from, with the statement that grants it.
public struct FindingStatementShape: Codable, Sendable, Equatable {
    public var policy: String
    public var sid: String?
    public var index: Int
    public var line: Int
    public var column: Int
}

/// A finding as ListFindings and GetFinding return it, with the statement that causes it.
public struct FindingShape: Codable, Sendable, Equatable {
    public var id: String
    public var principal: [String: String]
    public var action: [String]
    public var resource: String
    public var isPublic: Bool
    public var resourceType: String
    public var condition: [String: String]
    public var createdAt: Timestamp
    public var analyzedAt: Timestamp
    public var updatedAt: Timestamp
    public var status: String
    public var resourceOwnerAccount: String
    public var findingType: String
    public var statement: FindingStatementShape

    public init(_ finding: Finding) {
        id = finding.id
        principal = finding.principal
        action = finding.action
        resource = finding.resource
        isPublic = finding.isPublic
        resourceType = finding.resourceType.rawValue
        condition = finding.condition
        createdAt = finding.createdAt
        analyzedAt = finding.analyzedAt
        updatedAt = finding.updatedAt
        status = finding.status.rawValue
        resourceOwnerAccount = finding.resourceOwnerAccount
        findingType = Finding.findingType
        statement = FindingStatementShape(
            policy: finding.statement.policy, sid: finding.statement.sid, index: finding.statement.index,
            line: finding.statement.line, column: finding.statement.column)
    }
}

/// ListFindings response.
public struct ListFindingsResponse: Codable, Sendable, Equatable {
    public var findings: [FindingShape]
    public var nextToken: String?
}

/// GetFinding request.
public struct GetFindingRequest: Codable, Sendable {
    public var analyzerArn: String
    public var id: String
    public init(analyzerArn: String, id: String) {
        self.analyzerArn = analyzerArn
        self.id = id
    }
}

/// GetFinding response.
public struct GetFindingResponse: Codable, Sendable, Equatable { public var finding: FindingShape }

/// UpdateFindings request: findings by id, or all of one resource's.
public struct UpdateFindingsRequest: Codable, Sendable {
    public var analyzerArn: String
    public var status: String
    public var ids: [String]?
    public var resourceArn: String?
    public init(analyzerArn: String, status: String, ids: [String]? = nil, resourceArn: String? = nil) {
        self.analyzerArn = analyzerArn
        self.status = status
        self.ids = ids
        self.resourceArn = resourceArn
    }
}

/// CreateArchiveRule request.
public struct CreateArchiveRuleRequest: Codable, Sendable {
    public var analyzerName: String
    public var ruleName: String
    public var filter: [String: Criterion]
    public var clientToken: String?
    public init(analyzerName: String, ruleName: String, filter: [String: Criterion]) {
        self.analyzerName = analyzerName
        self.ruleName = ruleName
        self.filter = filter
    }
}

/// A request that names one archive rule of an analyzer.
public struct ArchiveRuleRequest: Codable, Sendable {
    public var analyzerName: String
    public var ruleName: String
    public init(analyzerName: String, ruleName: String) {
        self.analyzerName = analyzerName
        self.ruleName = ruleName
    }
}

/// ApplyArchiveRule request.
public struct ApplyArchiveRuleRequest: Codable, Sendable {
    public var analyzerArn: String
    public var ruleName: String
    public init(analyzerArn: String, ruleName: String) {
        self.analyzerArn = analyzerArn
        self.ruleName = ruleName
    }
}

/// An archive rule as ListArchiveRules returns it.
public struct ArchiveRuleSummary: Codable, Sendable, Equatable {
    public var ruleName: String
    public var filter: [String: Criterion]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
}

/// ListArchiveRules response.
public struct ListArchiveRulesResponse: Codable, Sendable, Equatable { public var archiveRules: [ArchiveRuleSummary] }

/// StartResourceScan request.
public struct StartResourceScanRequest: Codable, Sendable {
    public var analyzerArn: String
    public var resourceArn: String
    public init(analyzerArn: String, resourceArn: String) {
        self.analyzerArn = analyzerArn
        self.resourceArn = resourceArn
    }
}
