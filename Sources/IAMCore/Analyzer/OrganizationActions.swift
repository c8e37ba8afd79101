/// CreateOrganization request.
public struct CreateOrganizationRequest: Codable, Sendable {
    public var featureSet: String?
    public init(featureSet: String? = nil) { self.featureSet = featureSet }
}

/// The organization as DescribeOrganization and CreateOrganization return it.
public struct OrganizationShape: Codable, Sendable, Equatable {
    public var id: String
    public var arn: String
    public var featureSet: String
    public var masterAccountArn: String
    public var masterAccountId: String
}

/// A response carrying the organization.
public struct OrganizationResponse: Codable, Sendable, Equatable { public var organization: OrganizationShape }

/// ListAccounts response.
public struct ListAccountsResponse: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var id: String
        public var arn: String
        public var status: String
    }
    public var accounts: [Entry]
}

/// InviteAccountToOrganization request: `Target` is `{"Id": "ACCOUNT", "Type": "ACCOUNT"}`.
public struct InviteAccountRequest: Codable, Sendable {
    public struct Target: Codable, Sendable {
        public var id: String
        public var type: String
        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case type = "Type"
        }
        public init(id: String, type: String) {
            self.id = id
            self.type = type
        }
    }
    public var target: Target
    public init(accountId: String) { self.target = Target(id: accountId, type: "ACCOUNT") }
}

/// RemoveAccountFromOrganization request.
public struct RemoveAccountRequest: Codable, Sendable {
    public var accountId: String
    public init(accountId: String) { self.accountId = accountId }
}

/// The AWS Organizations actions an organization-wide zone of trust needs: the workspace account
/// creates an organization and lists its member accounts. An invited account joins at once (the
/// other account is not modelled, so there is no one to accept the handshake).
extension IAMService {
    /// Creates an organization with the workspace account as its management account.
    public mutating func createOrganization(
        _ request: CreateOrganizationRequest, as principal: Principal
    ) throws(IAMError) -> OrganizationResponse {
        try recorded("CreateOrganization", request, principal, eventSource: "organizations.amazonaws.com") {
            (service: inout IAMService) throws(IAMError) -> OrganizationResponse in
            try service.authorizeResource(principal, "organizations:CreateOrganization", "*")
            guard service.account.organization == nil else {
                throw IAMError(.conflictException, "The AWS account is already a member of an organization.")
            }
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            let id = "o-" + String(service.random.bytes(10).map { alphabet[Int($0) % alphabet.count] })
            let organization = Organization(
                id: id, masterAccountId: service.account.id, accounts: [service.account.id])
            service.account.organization = organization
            service.organizationChanged(principal, "organizations:CreateOrganization", organization.arn)
            return OrganizationResponse(organization: service.shape(of: organization))
        }
    }

    /// Describes the organization.
    public func describeOrganization(as principal: Principal) throws(IAMError) -> OrganizationResponse {
        try recorded("DescribeOrganization", nil, principal, eventSource: "organizations.amazonaws.com") {
            () throws(IAMError) -> OrganizationResponse in
            try authorizeResource(principal, "organizations:DescribeOrganization", "*")
            return OrganizationResponse(organization: shape(of: try existingOrganization()))
        }
    }

    /// Lists the organization's accounts.
    public func listAccounts(as principal: Principal) throws(IAMError) -> ListAccountsResponse {
        try recorded("ListAccounts", nil, principal, eventSource: "organizations.amazonaws.com") {
            () throws(IAMError) -> ListAccountsResponse in
            try authorizeResource(principal, "organizations:ListAccounts", "*")
            let organization = try existingOrganization()
            return ListAccountsResponse(
                accounts: organization.accounts.map {
                    .init(
                        id: $0,
                        arn: "arn:aws:organizations::\(organization.masterAccountId):account/\(organization.id)/\($0)",
                        status: "ACTIVE")
                })
        }
    }

    /// Adds an account to the organization.
    public mutating func inviteAccountToOrganization(
        _ request: InviteAccountRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("InviteAccountToOrganization", request, principal, eventSource: "organizations.amazonaws.com") {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.authorizeResource(principal, "organizations:InviteAccountToOrganization", "*")
            var organization = try service.existingOrganization()
            guard request.target.type == "ACCOUNT", ExternalAccessAnalysis.isAccountId(request.target.id) else {
                throw IAMError(
                    .invalidParameterValueException, "The target must be a 12-digit account id of type ACCOUNT.")
            }
            guard !organization.accounts.contains(request.target.id) else {
                throw IAMError(.conflictException, "The account \(request.target.id) is already in the organization.")
            }
            organization.accounts = (organization.accounts + [request.target.id]).sorted()
            service.account.organization = organization
            service.organizationChanged(principal, "organizations:InviteAccountToOrganization", organization.arn)
            return EmptyResponse()
        }
    }

    /// Removes a member account (not the management account) from the organization.
    public mutating func removeAccountFromOrganization(
        _ request: RemoveAccountRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("RemoveAccountFromOrganization", request, principal, eventSource: "organizations.amazonaws.com") {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.authorizeResource(principal, "organizations:RemoveAccountFromOrganization", "*")
            var organization = try service.existingOrganization()
            guard request.accountId != organization.masterAccountId else {
                throw IAMError(.conflictException, "The management account cannot leave its own organization.")
            }
            guard organization.accounts.contains(request.accountId) else {
                throw IAMError(.resourceNotFoundException, "You specified an account that doesn't exist.")
            }
            organization.accounts.removeAll { $0 == request.accountId }
            service.account.organization = organization
            service.organizationChanged(principal, "organizations:RemoveAccountFromOrganization", organization.arn)
            return EmptyResponse()
        }
    }

    func existingOrganization() throws(IAMError) -> Organization {
        guard let organization = account.organization else {
            throw IAMError(
                .resourceNotFoundException, "Your account is not a member of an organization.")
        }
        return organization
    }

    /// An organization analyzer's zone of trust follows the organization: its findings are redone.
    private mutating func organizationChanged(_ principal: Principal, _ action: String, _ arn: String) {
        let now = clock.now()
        for analyzer in account.analyzers.values where analyzer.type == .organization {
            account.reanalyzeAll(analyzer: analyzer.name, at: now)
        }
        committed(principal, action, arn)
    }

    func shape(of organization: Organization) -> OrganizationShape {
        OrganizationShape(
            id: organization.id, arn: organization.arn, featureSet: "ALL",
            masterAccountArn:
                "arn:aws:organizations::\(organization.masterAccountId):account/\(organization.id)/\(organization.masterAccountId)",
            masterAccountId: organization.masterAccountId)
    }
}
