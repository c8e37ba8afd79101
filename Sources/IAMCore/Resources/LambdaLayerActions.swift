import IAMPolicy

/// PublishLayerVersion request (the workspace keeps no layer content).
public struct PublishLayerVersionRequest: Codable, Sendable {
    public var layerName: String
    public var description: String?
    public init(layerName: String, description: String? = nil) {
        self.layerName = layerName
        self.description = description
    }
}

/// A request that names one layer version.
public struct LayerVersionRequest: Codable, Sendable {
    public var layerName: String
    public var versionNumber: Int
    public init(layerName: String, versionNumber: Int) {
        self.layerName = layerName
        self.versionNumber = versionNumber
    }
}

/// ListLayerVersions request.
public struct ListLayerVersionsRequest: Codable, Sendable {
    public var layerName: String
    public init(layerName: String) { self.layerName = layerName }
}

/// AddLayerVersionPermission request.
public struct AddLayerVersionPermissionRequest: Codable, Sendable {
    public var layerName: String
    public var versionNumber: Int
    public var statementId: String
    public var action: String
    public var principal: String
    public var organizationId: String?
    public var revisionId: String?
    public init(
        layerName: String, versionNumber: Int, statementId: String, action: String, principal: String,
        organizationId: String? = nil
    ) {
        self.layerName = layerName
        self.versionNumber = versionNumber
        self.statementId = statementId
        self.action = action
        self.principal = principal
        self.organizationId = organizationId
    }
}

/// RemoveLayerVersionPermission request.
public struct RemoveLayerVersionPermissionRequest: Codable, Sendable {
    public var layerName: String
    public var versionNumber: Int
    public var statementId: String
    public var revisionId: String?
    public init(layerName: String, versionNumber: Int, statementId: String) {
        self.layerName = layerName
        self.versionNumber = versionNumber
        self.statementId = statementId
    }
}

/// A layer version, as PublishLayerVersion and ListLayerVersions return it.
public struct LayerVersionShape: Codable, Sendable, Equatable {
    public var layerArn: String?
    public var layerVersionArn: String
    public var version: Int
    public var description: String
    public var createdDate: Timestamp
}

/// ListLayerVersions response.
public struct ListLayerVersionsResponse: Codable, Sendable, Equatable { public var layerVersions: [LayerVersionShape] }

/// AddLayerVersionPermission response.
public struct AddLayerVersionPermissionResponse: Codable, Sendable, Equatable {
    public var statement: String
    public var revisionId: String
}

/// AWS Lambda's layer version actions, as far as layer version policies go.
extension IAMService {
    /// Publishes the next version of a layer.
    public mutating func publishLayerVersion(
        _ request: PublishLayerVersionRequest, as principal: Principal
    ) throws(IAMError) -> LayerVersionShape {
        try recorded("PublishLayerVersion", request, principal, eventSource: AuditEventSource.lambda) {
            (service: inout IAMService) throws(IAMError) -> LayerVersionShape in
            try Self.checkLambdaName(request.layerName, field: "layerName")
            let layerArn = SharedResourceNames.layer(
                service.account.id, region: service.region, name: request.layerName)
            try service.authorizeResource(principal, "lambda:PublishLayerVersion", layerArn)
            let latest = service.layerVersions(request.layerName).map { $0.version ?? 0 }.max() ?? 0
            let version = latest + 1
            let arn = SharedResourceNames.layerVersion(
                service.account.id, region: service.region, name: request.layerName, version: version)
            var layer = SharedResource(
                type: .lambdaLayerVersion, arn: arn, name: request.layerName, region: service.region,
                createDate: service.clock.now())
            layer.version = version
            layer.description = request.description ?? ""
            service.commitResource(layer, arn: arn, principal, "lambda:PublishLayerVersion")
            return LayerVersionShape(
                layerArn: layerArn, layerVersionArn: arn, version: version, description: layer.description ?? "",
                createdDate: layer.createDate)
        }
    }

    /// Deletes a layer version (Lambda answers success when it is already gone).
    public mutating func deleteLayerVersion(
        _ request: LayerVersionRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteLayerVersion", request, principal, eventSource: AuditEventSource.lambda) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            let arn = SharedResourceNames.layerVersion(
                service.account.id, region: service.region, name: request.layerName, version: request.versionNumber)
            try service.authorizeResource(principal, "lambda:DeleteLayerVersion", arn)
            guard service.account.resources[arn] != nil else { return EmptyResponse() }
            service.commitResource(nil, arn: arn, principal, "lambda:DeleteLayerVersion")
            return EmptyResponse()
        }
    }

    /// Lists a layer's versions, newest first.
    public func listLayerVersions(
        _ request: ListLayerVersionsRequest, as principal: Principal
    ) throws(IAMError) -> ListLayerVersionsResponse {
        try recorded("ListLayerVersions", request, principal, eventSource: AuditEventSource.lambda) {
            () throws(IAMError) -> ListLayerVersionsResponse in
            try authorizeResource(principal, "lambda:ListLayerVersions", "*")
            let versions = layerVersions(request.layerName).sorted { ($0.version ?? 0) > ($1.version ?? 0) }.map {
                LayerVersionShape(
                    layerArn: nil, layerVersionArn: $0.arn, version: $0.version ?? 0, description: $0.description ?? "",
                    createdDate: $0.createDate)
            }
            return ListLayerVersionsResponse(layerVersions: versions)
        }
    }

    /// Lets an account, an organization's accounts or everyone use a layer version.
    public mutating func addLayerVersionPermission(
        _ request: AddLayerVersionPermissionRequest, as principal: Principal
    ) throws(IAMError) -> AddLayerVersionPermissionResponse {
        try recorded("AddLayerVersionPermission", request, principal, eventSource: AuditEventSource.lambda) {
            (service: inout IAMService) throws(IAMError) -> AddLayerVersionPermissionResponse in
            var layer = try service.existingLayerVersion(request.layerName, request.versionNumber)
            try service.authorizeResource(principal, "lambda:AddLayerVersionPermission", layer.arn)
            try Self.checkRevision(request.revisionId, of: layer)
            guard request.action == "lambda:GetLayerVersion" else {
                throw IAMError(
                    .invalidParameterValueException,
                    "1 validation error detected: Value '\(request.action)' at 'action' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: lambda:GetLayerVersion")
            }
            guard request.principal == "*" || ExternalAccessAnalysis.isAccountId(request.principal) else {
                throw IAMError(
                    .invalidParameterValueException,
                    "1 validation error detected: Value '\(request.principal)' at 'principal' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: \\d{12}|\\*")
            }
            let conditions = request.organizationId.map { [("StringEquals", "aws:PrincipalOrgID", $0)] } ?? []
            let statement = try service.addStatement(
                to: &layer, sid: request.statementId, action: request.action, principal: request.principal,
                conditions: conditions)
            service.commitResource(layer, arn: layer.arn, principal, "lambda:AddLayerVersionPermission")
            return AddLayerVersionPermissionResponse(
                statement: JSONWriter.compact(statement), revisionId: layer.revisionId ?? "")
        }
    }

    /// Removes a statement from a layer version's policy.
    public mutating func removeLayerVersionPermission(
        _ request: RemoveLayerVersionPermissionRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("RemoveLayerVersionPermission", request, principal, eventSource: AuditEventSource.lambda) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var layer = try service.existingLayerVersion(request.layerName, request.versionNumber)
            try service.authorizeResource(principal, "lambda:RemoveLayerVersionPermission", layer.arn)
            try Self.checkRevision(request.revisionId, of: layer)
            try service.removeStatement(from: &layer, sid: request.statementId)
            service.commitResource(layer, arn: layer.arn, principal, "lambda:RemoveLayerVersionPermission")
            return EmptyResponse()
        }
    }

    /// Returns a layer version's policy and its revision.
    public func getLayerVersionPolicy(
        _ request: LayerVersionRequest, as principal: Principal
    ) throws(IAMError) -> LambdaPolicyResponse {
        try recorded("GetLayerVersionPolicy", request, principal, eventSource: AuditEventSource.lambda) {
            () throws(IAMError) -> LambdaPolicyResponse in
            let layer = try existingLayerVersion(request.layerName, request.versionNumber)
            try authorizeResource(principal, "lambda:GetLayerVersionPolicy", layer.arn)
            guard let policy = layer.policy, let revision = layer.revisionId else {
                throw IAMError(.resourceNotFoundException, "No policy is associated with the given resource.")
            }
            return LambdaPolicyResponse(policy: policy, revisionId: revision)
        }
    }

    func layerVersions(_ name: String) -> [SharedResource] {
        account.resources(of: .lambdaLayerVersion).filter { $0.name == name && $0.region == region }
    }

    func existingLayerVersion(_ name: String, _ version: Int) throws(IAMError) -> SharedResource {
        let arn = SharedResourceNames.layerVersion(account.id, region: region, name: name, version: version)
        guard let layer = account.resources[arn] else {
            throw IAMError(.resourceNotFoundException, "Layer version \(arn) does not exist.")
        }
        return layer
    }
}
