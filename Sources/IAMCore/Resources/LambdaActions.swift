import IAMPolicy

/// CreateFunction request (the workspace keeps no code: a function is its name, role and policy).
public struct CreateFunctionRequest: Codable, Sendable {
    public var functionName: String
    public var role: String
    public var runtime: String?
    public var handler: String?
    public var description: String?
    public init(functionName: String, role: String, runtime: String? = nil, handler: String? = nil) {
        self.functionName = functionName
        self.role = role
        self.runtime = runtime
        self.handler = handler
    }
}

/// A request that names one function.
public struct FunctionRequest: Codable, Sendable {
    public var functionName: String
    public init(functionName: String) { self.functionName = functionName }
}

/// AddPermission request.
public struct AddPermissionRequest: Codable, Sendable {
    public var functionName: String
    public var statementId: String
    public var action: String
    public var principal: String
    public var sourceArn: String?
    public var sourceAccount: String?
    public var principalOrgID: String?
    public var eventSourceToken: String?
    public var functionUrlAuthType: String?
    public var revisionId: String?
    public init(
        functionName: String, statementId: String, action: String, principal: String, sourceArn: String? = nil,
        sourceAccount: String? = nil, principalOrgID: String? = nil
    ) {
        self.functionName = functionName
        self.statementId = statementId
        self.action = action
        self.principal = principal
        self.sourceArn = sourceArn
        self.sourceAccount = sourceAccount
        self.principalOrgID = principalOrgID
    }
}

/// RemovePermission request.
public struct RemovePermissionRequest: Codable, Sendable {
    public var functionName: String
    public var statementId: String
    public var revisionId: String?
    public init(functionName: String, statementId: String) {
        self.functionName = functionName
        self.statementId = statementId
    }
}

/// A function's configuration, as CreateFunction and ListFunctions return it.
public struct FunctionConfiguration: Codable, Sendable, Equatable {
    public var functionName: String
    public var functionArn: String
    public var role: String?
    public var runtime: String?
    public var handler: String?
    public var description: String
    public var lastModified: Timestamp
}

/// ListFunctions response.
public struct ListFunctionsResponse: Codable, Sendable, Equatable { public var functions: [FunctionConfiguration] }

/// AddPermission response: the statement added, as a JSON string.
public struct AddPermissionResponse: Codable, Sendable, Equatable { public var statement: String }

/// GetPolicy and GetLayerVersionPolicy response.
public struct LambdaPolicyResponse: Codable, Sendable, Equatable {
    public var policy: String
    public var revisionId: String
}

/// AWS Lambda's function actions, as far as function policies go.
extension IAMService {
    /// Lambda limits a function's policy to 20 KB.
    static let functionPolicyMaximumBytes = 20 * 1024

    /// Creates a function with an execution role (an IAM role ARN) and no policy.
    public mutating func createFunction(
        _ request: CreateFunctionRequest, as principal: Principal
    ) throws(IAMError) -> FunctionConfiguration {
        try recorded("CreateFunction", request, principal, eventSource: AuditEventSource.lambda) {
            (service: inout IAMService) throws(IAMError) -> FunctionConfiguration in
            try Self.checkLambdaName(request.functionName, field: "functionName")
            let arn = SharedResourceNames.function(
                service.account.id, region: service.region, name: request.functionName)
            try service.authorizeResource(principal, "lambda:CreateFunction", arn)
            guard IAMResourceName(request.role)?.kind == "role" else {
                throw IAMError(
                    .invalidParameterValueException,
                    "1 validation error detected: Value '\(request.role)' at 'role' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+"
                )
            }
            guard service.account.resources[arn] == nil else {
                throw IAMError(.resourceConflictException, "Function already exist: \(request.functionName)")
            }
            var function = SharedResource(
                type: .lambdaFunction, arn: arn, name: request.functionName, region: service.region,
                createDate: service.clock.now())
            function.description = request.description ?? ""
            service.commitResource(function, arn: arn, principal, "lambda:CreateFunction")
            return FunctionConfiguration(
                functionName: function.name, functionArn: arn, role: request.role, runtime: request.runtime,
                handler: request.handler, description: function.description ?? "", lastModified: function.createDate)
        }
    }

    /// Deletes a function.
    public mutating func deleteFunction(
        _ request: FunctionRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteFunction", request, principal, eventSource: AuditEventSource.lambda) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            let function = try service.existingFunction(request.functionName)
            try service.authorizeResource(principal, "lambda:DeleteFunction", function.arn)
            service.commitResource(nil, arn: function.arn, principal, "lambda:DeleteFunction")
            return EmptyResponse()
        }
    }

    /// Lists the functions in the service's Region.
    public func listFunctions(as principal: Principal) throws(IAMError) -> ListFunctionsResponse {
        try recorded("ListFunctions", nil, principal, eventSource: AuditEventSource.lambda) {
            () throws(IAMError) -> ListFunctionsResponse in
            try authorizeResource(principal, "lambda:ListFunctions", "*")
            let functions = account.resources(of: .lambdaFunction).filter { $0.region == region }.map {
                FunctionConfiguration(
                    functionName: $0.name, functionArn: $0.arn, role: nil, runtime: nil, handler: nil,
                    description: $0.description ?? "", lastModified: $0.createDate)
            }
            return ListFunctionsResponse(functions: functions)
        }
    }

    /// Adds a statement to a function's policy that lets a principal (an account, `*`, an IAM
    /// ARN or a service) perform an action, with the conditions Lambda adds for the source and
    /// organization given.
    public mutating func addPermission(
        _ request: AddPermissionRequest, as principal: Principal
    ) throws(IAMError) -> AddPermissionResponse {
        try recorded("AddPermission", request, principal, eventSource: AuditEventSource.lambda) {
            (service: inout IAMService) throws(IAMError) -> AddPermissionResponse in
            var function = try service.existingFunction(request.functionName)
            try service.authorizeResource(principal, "lambda:AddPermission", function.arn)
            try Self.checkRevision(request.revisionId, of: function)
            var conditions: [(String, String, String)] = []
            if let account = request.sourceAccount { conditions.append(("StringEquals", "AWS:SourceAccount", account)) }
            if let organization = request.principalOrgID {
                conditions.append(("StringEquals", "aws:PrincipalOrgID", organization))
            }
            if let token = request.eventSourceToken {
                conditions.append(("StringEquals", "lambda:EventSourceToken", token))
            }
            if let type = request.functionUrlAuthType {
                conditions.append(("StringEquals", "lambda:FunctionUrlAuthType", type))
            }
            if let source = request.sourceArn { conditions.append(("ArnLike", "AWS:SourceArn", source)) }
            let statement = try service.addStatement(
                to: &function, sid: request.statementId, action: Self.lambdaAction(request.action),
                principal: request.principal, conditions: conditions)
            service.commitResource(function, arn: function.arn, principal, "lambda:AddPermission")
            return AddPermissionResponse(statement: JSONWriter.compact(statement))
        }
    }

    /// Removes a statement from a function's policy.
    public mutating func removePermission(
        _ request: RemovePermissionRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("RemovePermission", request, principal, eventSource: AuditEventSource.lambda) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var function = try service.existingFunction(request.functionName)
            try service.authorizeResource(principal, "lambda:RemovePermission", function.arn)
            try Self.checkRevision(request.revisionId, of: function)
            try service.removeStatement(from: &function, sid: request.statementId)
            service.commitResource(function, arn: function.arn, principal, "lambda:RemovePermission")
            return EmptyResponse()
        }
    }

    /// Returns a function's policy and its revision.
    public func getPolicy(_ request: FunctionRequest, as principal: Principal) throws(IAMError) -> LambdaPolicyResponse
    {
        try recorded("GetPolicy", request, principal, eventSource: AuditEventSource.lambda) {
            () throws(IAMError) -> LambdaPolicyResponse in
            let function = try existingFunction(request.functionName)
            try authorizeResource(principal, "lambda:GetPolicy", function.arn)
            guard let policy = function.policy, let revision = function.revisionId else {
                throw IAMError(.resourceNotFoundException, "The resource you requested does not exist.")
            }
            return LambdaPolicyResponse(policy: policy, revisionId: revision)
        }
    }

    /// The function with this name or ARN.
    func existingFunction(_ identifier: String) throws(IAMError) -> SharedResource {
        let arn =
            identifier.hasPrefix("arn:")
            ? identifier : SharedResourceNames.function(account.id, region: region, name: identifier)
        guard let function = account.resources[arn], function.type == .lambdaFunction else {
            throw IAMError(
                .resourceNotFoundException, "Function not found: \(arn)")
        }
        return function
    }

    /// Appends a statement to a Lambda resource's policy, validated as any resource policy.
    mutating func addStatement(
        to resource: inout SharedResource, sid: String, action: String, principal: String,
        conditions: [(String, String, String)]
    ) throws(IAMError) -> JSONValue {
        try Self.checkLambdaName(sid, field: "statementId")
        var statements = LambdaPolicyDocument.statements(resource.policy)
        if statements.contains(where: { LambdaPolicyDocument.sid($0) == sid }) {
            throw IAMError(
                .resourceConflictException,
                "The statement id (\(sid)) provided already exists. Please provide a new statement id, or remove "
                    + "the existing statement.")
        }
        let statement = LambdaPolicyDocument.statement(
            sid: sid, principal: LambdaPolicyDocument.principal(principal), action: action, resource: resource.arn,
            conditions: conditions)
        statements.append(statement)
        let document = LambdaPolicyDocument.document(statements) ?? ""
        try checkResourcePolicy(
            document, code: .invalidParameterValueException, maximumBytes: Self.functionPolicyMaximumBytes)
        resource.policy = document
        resource.revisionId = uuid()
        return statement
    }

    /// Removes the statement `sid` from a Lambda resource's policy.
    mutating func removeStatement(from resource: inout SharedResource, sid: String) throws(IAMError) {
        guard resource.policy != nil else {
            throw IAMError(.resourceNotFoundException, "No policy is associated with the given resource.")
        }
        var statements = LambdaPolicyDocument.statements(resource.policy)
        guard let index = statements.firstIndex(where: { LambdaPolicyDocument.sid($0) == sid }) else {
            throw IAMError(.resourceNotFoundException, "Statement \(sid) is not found in resource policy.")
        }
        statements.remove(at: index)
        resource.policy = LambdaPolicyDocument.document(statements)
        resource.revisionId = resource.policy == nil ? nil : uuid()
    }

    /// `InvokeFunction` → `lambda:InvokeFunction`; `lambda:*` and `*` are kept.
    static func lambdaAction(_ action: String) -> String {
        action == "*" || action.hasPrefix("lambda:") ? action : "lambda:" + action
    }

    /// A given `RevisionId` must be the policy's current one, so concurrent edits do not overwrite each other.
    static func checkRevision(_ revision: String?, of resource: SharedResource) throws(IAMError) {
        if let revision, revision != resource.revisionId {
            throw IAMError(
                .invalidParameterValueException,
                "The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id"
            )
        }
    }

    /// Function, layer and statement names: 1–64 (functions 1–140) of letters, digits, `-` and `_`.
    static func checkLambdaName(_ name: String, field: String) throws(IAMError) {
        let maximum = field == "statementId" ? 100 : 140
        let valid =
            (1...maximum).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
            }
        guard valid else {
            throw IAMError(
                .invalidParameterValueException,
                "1 validation error detected: Value '\(name)' at '\(field)' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)")
        }
    }
}
