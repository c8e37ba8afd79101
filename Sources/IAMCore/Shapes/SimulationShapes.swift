/// A context key and its values supplied to a simulation (`ContextEntries`).
public struct ContextEntry: Codable, Sendable, Equatable {
    public var contextKeyName: String
    public var contextKeyValues: [String]
    /// `string`, `stringList`, `numeric`, `numericList`, `boolean`, `booleanList`, `ip`, `ipList`,
    /// `binary`, `binaryList`, `date` or `dateList`.
    public var contextKeyType: String

    public init(contextKeyName: String, contextKeyValues: [String], contextKeyType: String) {
        self.contextKeyName = contextKeyName
        self.contextKeyValues = contextKeyValues
        self.contextKeyType = contextKeyType
    }
}

/// A row and column in a policy document (both 1-based).
public struct PositionShape: Codable, Sendable, Equatable {
    public var line: Int
    public var column: Int
}

/// A statement that decided a simulation result.
public struct StatementShape: Codable, Sendable, Equatable {
    public var sourcePolicyId: String
    public var sourcePolicyType: String
    public var startPosition: PositionShape?
    public var endPosition: PositionShape?
}

/// Whether the organization's service control policies allow the request.
public struct OrganizationsDecisionDetailShape: Codable, Sendable, Equatable {
    public var allowedByOrganizations: Bool
}

/// Whether the permissions boundary allows the request.
public struct PermissionsBoundaryDecisionDetailShape: Codable, Sendable, Equatable {
    public var allowedByPermissionsBoundary: Bool
}

/// One action-and-resource result of a simulation.
public struct EvaluationResultShape: Codable, Sendable, Equatable {
    public var evalActionName: String
    public var evalResourceName: String
    /// `allowed`, `explicitDeny` or `implicitDeny`.
    public var evalDecision: String
    public var matchedStatements: [StatementShape]
    public var missingContextValues: [String]
    public var organizationsDecisionDetail: OrganizationsDecisionDetailShape?
    public var permissionsBoundaryDecisionDetail: PermissionsBoundaryDecisionDetailShape?
    public var evalDecisionDetails: [String: String]?
}
