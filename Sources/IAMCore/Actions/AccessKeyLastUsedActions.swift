/// GetAccessKeyLastUsed request.
public struct GetAccessKeyLastUsedRequest: Codable, Sendable {
    public var accessKeyId: String
    public init(accessKeyId: String) { self.accessKeyId = accessKeyId }
}

/// GetAccessKeyLastUsed response: the key's owner and when, where and for what it was last used.
public struct GetAccessKeyLastUsedResponse: Codable, Sendable, Equatable {
    /// The owning user; absent for the root user's keys.
    public var userName: String?
    public var accessKeyLastUsed: AccessKeyLastUsedShape
}

/// AWS's `AccessKeyLastUsed`: `N/A` service and region, and no date, for a key never used.
public struct AccessKeyLastUsedShape: Codable, Sendable, Equatable {
    public var lastUsedDate: Timestamp?
    public var serviceName: String
    public var region: String

    /// The shape of a key's record, or of a key never used.
    public init(_ lastUsed: AccessKeyLastUsed?) {
        lastUsedDate = lastUsed?.date
        serviceName = lastUsed?.serviceName ?? "N/A"
        region = lastUsed?.region ?? "N/A"
    }
}

extension IAMService {
    /// Reports when an access key was last used, authorised as `iam:GetAccessKeyLastUsed` on its owner.
    public func getAccessKeyLastUsed(
        _ request: GetAccessKeyLastUsedRequest, as principal: Principal
    ) throws(IAMError) -> GetAccessKeyLastUsedResponse {
        try recorded("GetAccessKeyLastUsed", request, principal) {
            () throws(IAMError) -> GetAccessKeyLastUsedResponse in
            try handleGetAccessKeyLastUsed(request, as: principal)
        }
    }

    private func handleGetAccessKeyLastUsed(
        _ request: GetAccessKeyLastUsedRequest, as principal: Principal
    ) throws(IAMError) -> GetAccessKeyLastUsedResponse {
        try NameRules.checkLength(request.accessKeyId, field: "accessKeyId", min: 16, max: 128)
        guard let (key, owner) = account.longTermKey(request.accessKeyId) else {
            // Authorise first on the account, so a caller without the permission learns nothing about ids.
            try authorize(principal, "GetAccessKeyLastUsed", "*")
            throw .noSuchEntity("The Access Key with id \(request.accessKeyId) cannot be found")
        }
        try authorize(principal, "GetAccessKeyLastUsed", owner.arn(in: account))
        return GetAccessKeyLastUsedResponse(
            userName: owner.ownUserName.flatMap { account.user(named: $0)?.name },
            accessKeyLastUsed: AccessKeyLastUsedShape(key.lastUsed))
    }
}
