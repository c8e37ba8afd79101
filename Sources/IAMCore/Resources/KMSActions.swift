/// CreateKey request.
public struct CreateKeyRequest: Codable, Sendable {
    public var policy: String?
    public var description: String?
    public init(policy: String? = nil, description: String? = nil) {
        self.policy = policy
        self.description = description
    }
}

/// A request that names one key by id, ARN or (for PutKeyPolicy and GetKeyPolicy) with its policy name.
public struct KeyRequest: Codable, Sendable {
    public var keyId: String
    public var policyName: String?
    public init(keyId: String, policyName: String? = nil) {
        self.keyId = keyId
        self.policyName = policyName
    }
}

/// PutKeyPolicy request.
public struct PutKeyPolicyRequest: Codable, Sendable {
    public var keyId: String
    public var policyName: String?
    public var policy: String
    public init(keyId: String, policy: String, policyName: String? = nil) {
        self.keyId = keyId
        self.policy = policy
        self.policyName = policyName
    }
}

/// ScheduleKeyDeletion request.
public struct ScheduleKeyDeletionRequest: Codable, Sendable {
    public var keyId: String
    public var pendingWindowInDays: Int?
    public init(keyId: String, pendingWindowInDays: Int? = nil) {
        self.keyId = keyId
        self.pendingWindowInDays = pendingWindowInDays
    }
}

/// KMS's description of a key.
public struct KeyMetadata: Codable, Sendable, Equatable {
    public var awsAccountId: String
    public var keyId: String
    public var arn: String
    public var creationDate: Timestamp
    public var enabled: Bool
    public var description: String
    public var keyUsage: String
    public var keyState: String
    public var keyManager: String
    public var keySpec: String

    enum CodingKeys: String, CodingKey {
        case awsAccountId = "AWSAccountId"
        case keyId = "KeyId"
        case arn = "Arn"
        case creationDate = "CreationDate"
        case enabled = "Enabled"
        case description = "Description"
        case keyUsage = "KeyUsage"
        case keyState = "KeyState"
        case keyManager = "KeyManager"
        case keySpec = "KeySpec"
    }
}

/// CreateKey response.
public struct CreateKeyResponse: Codable, Sendable, Equatable { public var keyMetadata: KeyMetadata }

/// ListKeys response.
public struct ListKeysResponse: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var keyId: String
        public var keyArn: String
    }
    public var keys: [Entry]
    public var truncated: Bool
}

/// GetKeyPolicy response.
public struct GetKeyPolicyResponse: Codable, Sendable, Equatable {
    public var policy: String
    public var policyName: String
}

/// ScheduleKeyDeletion response.
public struct ScheduleKeyDeletionResponse: Codable, Sendable, Equatable {
    public var keyId: String
    public var deletionDate: Timestamp
    public var keyState: String
    public var pendingWindowInDays: Int
}

/// AWS KMS's key actions, as far as key policies go.
extension IAMService {
    /// KMS limits key policies to 32 KB.
    static let keyPolicyMaximumBytes = 32 * 1024

    /// The policy KMS gives a key created without one: the account (through IAM policies) may use it.
    public static func defaultKeyPolicy(account: String) -> String {
        """
        {"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions",\
        "Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\(account):root"},"Action":"kms:*","Resource":"*"}]}
        """
    }

    /// Creates a symmetric encryption key with the given policy, or KMS's default one.
    public mutating func createKey(
        _ request: CreateKeyRequest, as principal: Principal
    ) throws(IAMError) -> CreateKeyResponse {
        try recorded("CreateKey", request, principal, eventSource: AuditEventSource.kms) {
            (service: inout IAMService) throws(IAMError) -> CreateKeyResponse in
            try service.authorizeResource(principal, "kms:CreateKey", "*")
            let policy = request.policy ?? Self.defaultKeyPolicy(account: service.account.id)
            try service.checkResourcePolicy(
                policy, code: .malformedPolicyDocumentException, maximumBytes: Self.keyPolicyMaximumBytes)
            let keyId = service.uuid()
            let arn = SharedResourceNames.key(service.account.id, region: service.region, keyId: keyId)
            var key = SharedResource(
                type: .kmsKey, arn: arn, name: keyId, region: service.region, createDate: service.clock.now(),
                policy: policy)
            key.description = request.description ?? ""
            service.commitResource(key, arn: arn, principal, "kms:CreateKey")
            return CreateKeyResponse(keyMetadata: service.metadata(of: key))
        }
    }

    /// Lists the account's keys in the service's Region.
    public func listKeys(as principal: Principal) throws(IAMError) -> ListKeysResponse {
        try recorded("ListKeys", nil, principal, eventSource: AuditEventSource.kms) {
            () throws(IAMError) -> ListKeysResponse in
            try authorizeResource(principal, "kms:ListKeys", "*")
            let keys = account.resources(of: .kmsKey).filter { $0.region == region }.map {
                ListKeysResponse.Entry(keyId: $0.name, keyArn: $0.arn)
            }
            return ListKeysResponse(keys: keys, truncated: false)
        }
    }

    /// Replaces a key's policy (its only policy is named `default`).
    public mutating func putKeyPolicy(
        _ request: PutKeyPolicyRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("PutKeyPolicy", request, principal, eventSource: AuditEventSource.kms) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var key = try service.existingKey(request.keyId)
            try service.authorizeResource(principal, "kms:PutKeyPolicy", key.arn)
            try Self.checkKeyPolicyName(request.policyName)
            try service.checkResourcePolicy(
                request.policy, code: .malformedPolicyDocumentException, maximumBytes: Self.keyPolicyMaximumBytes)
            key.policy = request.policy
            service.commitResource(key, arn: key.arn, principal, "kms:PutKeyPolicy")
            return EmptyResponse()
        }
    }

    /// Returns a key's policy.
    public func getKeyPolicy(_ request: KeyRequest, as principal: Principal) throws(IAMError) -> GetKeyPolicyResponse {
        try recorded("GetKeyPolicy", request, principal, eventSource: AuditEventSource.kms) {
            () throws(IAMError) -> GetKeyPolicyResponse in
            let key = try existingKey(request.keyId)
            try authorizeResource(principal, "kms:GetKeyPolicy", key.arn)
            try Self.checkKeyPolicyName(request.policyName)
            return GetKeyPolicyResponse(policy: key.policy ?? "", policyName: "default")
        }
    }

    /// Schedules a key's deletion. The workspace keeps no key material, so the key leaves the
    /// workspace at once; the response carries the date AWS would delete it.
    public mutating func scheduleKeyDeletion(
        _ request: ScheduleKeyDeletionRequest, as principal: Principal
    ) throws(IAMError) -> ScheduleKeyDeletionResponse {
        try recorded("ScheduleKeyDeletion", request, principal, eventSource: AuditEventSource.kms) {
            (service: inout IAMService) throws(IAMError) -> ScheduleKeyDeletionResponse in
            let key = try service.existingKey(request.keyId)
            try service.authorizeResource(principal, "kms:ScheduleKeyDeletion", key.arn)
            let days = request.pendingWindowInDays ?? 30
            guard (7...30).contains(days) else {
                throw IAMError(
                    .validationException,
                    "1 validation error detected: Value '\(days)' at 'pendingWindowInDays' failed to satisfy "
                        + "constraint: Member must have value between 7 and 30")
            }
            service.commitResource(nil, arn: key.arn, principal, "kms:ScheduleKeyDeletion")
            return ScheduleKeyDeletionResponse(
                keyId: key.arn, deletionDate: service.clock.now().adding(seconds: Int64(days) * 86_400),
                keyState: "PendingDeletion", pendingWindowInDays: days)
        }
    }

    /// The key with this id or ARN.
    func existingKey(_ identifier: String) throws(IAMError) -> SharedResource {
        let arn =
            identifier.hasPrefix("arn:")
            ? identifier : SharedResourceNames.key(account.id, region: region, keyId: identifier)
        guard let key = account.resources[arn], key.type == .kmsKey else {
            throw IAMError(.notFoundException, "Key '\(arn)' does not exist")
        }
        return key
    }

    static func checkKeyPolicyName(_ name: String?) throws(IAMError) {
        if let name, name != "default" {
            throw IAMError(.notFoundException, "Policy name '\(name)' does not exist; the only key policy is 'default'")
        }
    }

    func metadata(of key: SharedResource) -> KeyMetadata {
        KeyMetadata(
            awsAccountId: account.id, keyId: key.name, arn: key.arn, creationDate: key.createDate, enabled: true,
            description: key.description ?? "", keyUsage: "ENCRYPT_DECRYPT", keyState: "Enabled",
            keyManager: "CUSTOMER", keySpec: "SYMMETRIC_DEFAULT")
    }
}
