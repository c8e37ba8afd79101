import IAMCore

extension ActionTable {
    static let accessAdvisor: [ActionSpec] = [
        ActionSpec(
            cliName: "generate-service-last-accessed-details", operation: "GenerateServiceLastAccessedDetails",
            summary: "Starts an access advisor report for a user, group, role or managed policy; prints its JobId.",
            flags: [
                flag("arn", required: true, "The ARN of the user, group, role or managed policy."),
                flag("granularity", "SERVICE_LEVEL (default) or ACTION_LEVEL (actions of EC2, IAM, Lambda, S3)."),
            ],
            mutates: true, resultKeys: nil,
            call: ActionCall.make(GenerateServiceLastAccessedDetailsRequest.self) {
                try $0.generateServiceLastAccessedDetails($1, as: $2)
            }),
        ActionSpec(
            cliName: "get-service-last-accessed-details", operation: "GetServiceLastAccessedDetails",
            summary: "Prints an access advisor report: each granted service and when it was last used.",
            flags: [flag("job-id", required: true, "The JobId from generate-service-last-accessed-details.")],
            mutates: false, resultKeys: ["ServicesLastAccessed"],
            call: ActionCall.make(GetServiceLastAccessedDetailsRequest.self) {
                try $0.getServiceLastAccessedDetails($1, as: $2)
            }),
        ActionSpec(
            cliName: "get-service-last-accessed-details-with-entities",
            operation: "GetServiceLastAccessedDetailsWithEntities",
            summary: "Prints the users and roles that could have used a service in a report, most recent first.",
            flags: [
                flag("job-id", required: true, "The JobId from generate-service-last-accessed-details."),
                flag("service-namespace", required: true, "The service's namespace, e.g. s3."),
            ],
            mutates: false, resultKeys: ["EntityDetailsList"],
            call: ActionCall.make(GetServiceLastAccessedDetailsWithEntitiesRequest.self) {
                try $0.getServiceLastAccessedDetailsWithEntities($1, as: $2)
            }),
    ]
}
