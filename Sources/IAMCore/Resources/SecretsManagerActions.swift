/// CreateSecret request. The workspace never holds a secret's value, so there is no `SecretString`.
public struct CreateSecretRequest: Codable, Sendable {
    public var name: String
    public var description: String?
    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }
}

/// A request that names one secret by name or ARN.
public struct SecretRequest: Codable, Sendable {
    public var secretId: String
    public init(secretId: String) { self.secretId = secretId }
}

/// PutResourcePolicy request.
public struct PutResourcePolicyRequest: Codable, Sendable {
    public var secretId: String
    public var resourcePolicy: String
    /// Refuse a policy that grants public access, as Secrets Manager does when asked.
    public var blockPublicPolicy: Bool?
    public init(secretId: String, resourcePolicy: String, blockPublicPolicy: Bool? = nil) {
        self.secretId = secretId
        self.resourcePolicy = resourcePolicy
        self.blockPublicPolicy = blockPublicPolicy
    }
}

/// The secret's ARN and name, which most Secrets Manager actions return.
public struct SecretIdentity: Codable, Sendable, Equatable {
    public var arn: String
    public var name: String
    enum CodingKeys: String, CodingKey {
        case arn = "ARN"
        case name = "Name"
    }
}

/// GetResourcePolicy response.
public struct GetResourcePolicyResponse: Codable, Sendable, Equatable {
    public var arn: String
    public var name: String
    public var resourcePolicy: String?
    enum CodingKeys: String, CodingKey {
        case arn = "ARN"
        case name = "Name"
        case resourcePolicy = "ResourcePolicy"
    }
}

/// ListSecrets response.
public struct ListSecretsResponse: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var arn: String
        public var name: String
        public var description: String?
        public var createdDate: Timestamp
        enum CodingKeys: String, CodingKey {
            case arn = "ARN"
            case name = "Name"
            case description = "Description"
            case createdDate = "CreatedDate"
        }
    }
    public var secretList: [Entry]
}

/// DeleteSecret response.
public struct DeleteSecretResponse: Codable, Sendable, Equatable {
    public var arn: String
    public var name: String
    public var deletionDate: Timestamp
    enum CodingKeys: String, CodingKey {
        case arn = "ARN"
        case name = "Name"
        case deletionDate = "DeletionDate"
    }
}

/// AWS Secrets Manager's secret actions, as far as resource policies go.
extension IAMService {
    /// Secrets Manager limits a resource policy to 20 KB.
    static let secretPolicyMaximumBytes = 20 * 1024

    /// Creates a secret (its name and description; never a value).
    public mutating func createSecret(
        _ request: CreateSecretRequest, as principal: Principal
    ) throws(IAMError) -> SecretIdentity {
        try recorded("CreateSecret", request, principal, eventSource: AuditEventSource.secretsManager) {
            (service: inout IAMService) throws(IAMError) -> SecretIdentity in
            try Self.checkSecretName(request.name)
            let suffix = service.secretSuffix()
            let arn = SharedResourceNames.secret(
                service.account.id, region: service.region, name: request.name, suffix: suffix)
            try service.authorizeResource(principal, "secretsmanager:CreateSecret", arn)
            guard service.secret(named: request.name) == nil else {
                throw IAMError(
                    .resourceExistsException, "The operation failed because the secret \(request.name) already exists.")
            }
            var secret = SharedResource(
                type: .secretsManagerSecret, arn: arn, name: request.name, region: service.region,
                createDate: service.clock.now())
            secret.description = request.description
            service.commitResource(secret, arn: arn, principal, "secretsmanager:CreateSecret")
            return SecretIdentity(arn: arn, name: request.name)
        }
    }

    /// Deletes a secret. With no value to recover, it leaves the workspace at once; the response
    /// carries the date AWS's default 30-day recovery window would end.
    public mutating func deleteSecret(
        _ request: SecretRequest, as principal: Principal
    ) throws(IAMError) -> DeleteSecretResponse {
        try recorded("DeleteSecret", request, principal, eventSource: AuditEventSource.secretsManager) {
            (service: inout IAMService) throws(IAMError) -> DeleteSecretResponse in
            let secret = try service.existingSecret(request.secretId)
            try service.authorizeResource(principal, "secretsmanager:DeleteSecret", secret.arn)
            service.commitResource(nil, arn: secret.arn, principal, "secretsmanager:DeleteSecret")
            return DeleteSecretResponse(
                arn: secret.arn, name: secret.name, deletionDate: service.clock.now().adding(seconds: 30 * 86_400))
        }
    }

    /// Lists the secrets in the service's Region.
    public func listSecrets(as principal: Principal) throws(IAMError) -> ListSecretsResponse {
        try recorded("ListSecrets", nil, principal, eventSource: AuditEventSource.secretsManager) {
            () throws(IAMError) -> ListSecretsResponse in
            try authorizeResource(principal, "secretsmanager:ListSecrets", "*")
            let list = account.resources(of: .secretsManagerSecret).filter { $0.region == region }.map {
                ListSecretsResponse.Entry(
                    arn: $0.arn, name: $0.name, description: $0.description, createdDate: $0.createDate)
            }
            return ListSecretsResponse(secretList: list)
        }
    }

    /// Attaches a resource policy to a secret, replacing any other.
    public mutating func putResourcePolicy(
        _ request: PutResourcePolicyRequest, as principal: Principal
    ) throws(IAMError) -> SecretIdentity {
        try recorded("PutResourcePolicy", request, principal, eventSource: AuditEventSource.secretsManager) {
            (service: inout IAMService) throws(IAMError) -> SecretIdentity in
            var secret = try service.existingSecret(request.secretId)
            try service.authorizeResource(principal, "secretsmanager:PutResourcePolicy", secret.arn)
            try service.checkResourcePolicy(
                request.resourcePolicy, code: .malformedPolicyDocumentException,
                maximumBytes: Self.secretPolicyMaximumBytes)
            if request.blockPublicPolicy == true {
                let zone = service.account.zoneOfTrust(.account)
                let grants = ExternalAccessAnalysis.analyze(
                    request.resourcePolicy, policyName: "resource policy", zone: zone)
                if grants.contains(where: \.isPublic) {
                    throw IAMError(
                        .publicPolicyException, "This resource policy will grant public access to the secret.")
                }
            }
            secret.policy = request.resourcePolicy
            service.commitResource(secret, arn: secret.arn, principal, "secretsmanager:PutResourcePolicy")
            return SecretIdentity(arn: secret.arn, name: secret.name)
        }
    }

    /// Returns a secret's resource policy (absent when it has none).
    public func getResourcePolicy(
        _ request: SecretRequest, as principal: Principal
    ) throws(IAMError) -> GetResourcePolicyResponse {
        try recorded("GetResourcePolicy", request, principal, eventSource: AuditEventSource.secretsManager) {
            () throws(IAMError) -> GetResourcePolicyResponse in
            let secret = try existingSecret(request.secretId)
            try authorizeResource(principal, "secretsmanager:GetResourcePolicy", secret.arn)
            return GetResourcePolicyResponse(arn: secret.arn, name: secret.name, resourcePolicy: secret.policy)
        }
    }

    /// Removes a secret's resource policy.
    public mutating func deleteResourcePolicy(
        _ request: SecretRequest, as principal: Principal
    ) throws(IAMError) -> SecretIdentity {
        try recorded("DeleteResourcePolicy", request, principal, eventSource: AuditEventSource.secretsManager) {
            (service: inout IAMService) throws(IAMError) -> SecretIdentity in
            var secret = try service.existingSecret(request.secretId)
            try service.authorizeResource(principal, "secretsmanager:DeleteResourcePolicy", secret.arn)
            if secret.policy != nil {
                secret.policy = nil
                service.commitResource(secret, arn: secret.arn, principal, "secretsmanager:DeleteResourcePolicy")
            }
            return SecretIdentity(arn: secret.arn, name: secret.name)
        }
    }

    func secret(named name: String) -> SharedResource? {
        account.resources.values.first { $0.type == .secretsManagerSecret && $0.name == name && $0.region == region }
    }

    /// The secret with this name or ARN.
    func existingSecret(_ identifier: String) throws(IAMError) -> SharedResource {
        if identifier.hasPrefix("arn:"), let secret = account.resources[identifier],
            secret.type == .secretsManagerSecret
        {
            return secret
        }
        if let secret = secret(named: identifier) { return secret }
        throw IAMError(.resourceNotFoundException, "Secrets Manager can't find the specified secret.")
    }

    /// The six characters Secrets Manager appends to a secret's name in its ARN.
    func secretSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String(random.bytes(6).map { alphabet[Int($0) % alphabet.count] })
    }

    /// 1–512 of letters, digits and `/_+=.@-`.
    static func checkSecretName(_ name: String) throws(IAMError) {
        let valid =
            (1...512).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "/_+=.@-".unicodeScalars.contains($0)
            }
        guard valid else {
            throw IAMError(
                .invalidParameterValueException,
                "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!"
            )
        }
    }
}
