import IAMCore

/// `iamconsole lambda`: functions and layer versions with their resource-based policies.
enum LambdaTable {
    static let functionName = ServiceTables.flag("function-name", required: true, "The function's name or ARN.")
    static let statementId = ServiceTables.flag("statement-id", required: true, "The statement's Sid.")
    static let layerName = ServiceTables.flag("layer-name", required: true, "The layer's name.")
    static let versionNumber = ServiceTables.flag(
        "version-number", .integer, required: true, "The layer version's number.")
    static let revisionId = ServiceTables.flag("revision-id", "Only if the policy is still at this revision.")

    static let functions: [ActionSpec] = [
        ActionSpec(
            cliName: "create-function", operation: "CreateFunction",
            summary: "Creates a function with an execution role (the workspace keeps no code).",
            flags: [
                functionName, ServiceTables.flag("role", required: true, "The execution role's ARN."),
                ServiceTables.flag("runtime", "The runtime, e.g. python3.12."),
                ServiceTables.flag("handler", "The handler, e.g. app.handler."),
                ServiceTables.flag("description", "A description."),
            ], mutates: true, resultKeys: nil,
            call: ServiceCall.make(CreateFunctionRequest.self) { try $0.createFunction($1, as: $2) }),
        ActionSpec(
            cliName: "delete-function", operation: "DeleteFunction", summary: "Deletes a function.",
            flags: [functionName], mutates: true, resultKeys: nil,
            call: ServiceCall.make(FunctionRequest.self) { try $0.deleteFunction($1, as: $2) }),
        ActionSpec(
            cliName: "list-functions", operation: "ListFunctions", summary: "Lists the functions in the Region.",
            flags: [], mutates: false, resultKeys: nil,
            call: ServiceCall.make(EmptyResponse.self) { service, _, principal in
                try service.listFunctions(as: principal)
            }),
        ActionSpec(
            cliName: "add-permission", operation: "AddPermission",
            summary: "Lets a principal (account id, *, IAM ARN or service) use the function.",
            flags: [
                functionName, statementId,
                ServiceTables.flag("action", required: true, "The action, e.g. lambda:InvokeFunction."),
                ServiceTables.flag(
                    "principal", required: true, "An account id, *, an IAM ARN, or a service principal."),
                ServiceTables.flag("source-arn", "Only for calls from this resource (AWS:SourceArn)."),
                ServiceTables.flag("source-account", "Only for calls from this account (AWS:SourceAccount)."),
                FlagSpec(
                    name: "principal-org-id", member: "PrincipalOrgID", kind: .string, required: false,
                    help: "Only principals of this organization (aws:PrincipalOrgID)."),
                ServiceTables.flag("event-source-token", "Alexa's event source token (lambda:EventSourceToken)."),
                ServiceTables.flag("function-url-auth-type", "AWS_IAM or NONE (lambda:FunctionUrlAuthType)."),
                revisionId,
            ], mutates: true, resultKeys: nil,
            call: ServiceCall.make(AddPermissionRequest.self) { try $0.addPermission($1, as: $2) }),
        ActionSpec(
            cliName: "remove-permission", operation: "RemovePermission",
            summary: "Removes a statement from the function's policy.", flags: [functionName, statementId, revisionId],
            mutates: true, resultKeys: nil,
            call: ServiceCall.make(RemovePermissionRequest.self) { try $0.removePermission($1, as: $2) }),
        ActionSpec(
            cliName: "get-policy", operation: "GetPolicy", summary: "Prints the function's policy and revision.",
            flags: [functionName], mutates: false, resultKeys: nil,
            call: ServiceCall.make(FunctionRequest.self) { try $0.getPolicy($1, as: $2) }),
    ]

    static let layers: [ActionSpec] = [
        ActionSpec(
            cliName: "publish-layer-version", operation: "PublishLayerVersion",
            summary: "Publishes the layer's next version (the workspace keeps no content).",
            flags: [layerName, ServiceTables.flag("description", "A description.")], mutates: true, resultKeys: nil,
            call: ServiceCall.make(PublishLayerVersionRequest.self) { try $0.publishLayerVersion($1, as: $2) }),
        ActionSpec(
            cliName: "delete-layer-version", operation: "DeleteLayerVersion", summary: "Deletes a layer version.",
            flags: [layerName, versionNumber], mutates: true, resultKeys: nil,
            call: ServiceCall.make(LayerVersionRequest.self) { try $0.deleteLayerVersion($1, as: $2) }),
        ActionSpec(
            cliName: "list-layer-versions", operation: "ListLayerVersions", summary: "Lists a layer's versions.",
            flags: [layerName], mutates: false, resultKeys: nil,
            call: ServiceCall.make(ListLayerVersionsRequest.self) { try $0.listLayerVersions($1, as: $2) }),
        ActionSpec(
            cliName: "add-layer-version-permission", operation: "AddLayerVersionPermission",
            summary: "Lets an account, an organization or everyone use a layer version.",
            flags: [
                layerName, versionNumber, statementId,
                ServiceTables.flag("action", required: true, "lambda:GetLayerVersion"),
                ServiceTables.flag("principal", required: true, "An account id, or * (with --organization-id)."),
                ServiceTables.flag("organization-id", "Only accounts of this organization."), revisionId,
            ], mutates: true, resultKeys: nil,
            call: ServiceCall.make(AddLayerVersionPermissionRequest.self) {
                try $0.addLayerVersionPermission($1, as: $2)
            }),
        ActionSpec(
            cliName: "remove-layer-version-permission", operation: "RemoveLayerVersionPermission",
            summary: "Removes a statement from a layer version's policy.",
            flags: [layerName, versionNumber, statementId, revisionId], mutates: true, resultKeys: nil,
            call: ServiceCall.make(RemoveLayerVersionPermissionRequest.self) {
                try $0.removeLayerVersionPermission($1, as: $2)
            }),
        ActionSpec(
            cliName: "get-layer-version-policy", operation: "GetLayerVersionPolicy",
            summary: "Prints a layer version's policy and revision.", flags: [layerName, versionNumber],
            mutates: false, resultKeys: nil,
            call: ServiceCall.make(LayerVersionRequest.self) { try $0.getLayerVersionPolicy($1, as: $2) }),
    ]

    static let group = CommandGroup(
        name: "lambda", specs: functions + layers, service: "lambda",
        about: "Runs a Lambda action against the workspace, as `aws lambda` does against AWS.")
}
