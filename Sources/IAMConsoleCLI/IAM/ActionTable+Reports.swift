import IAMCore

extension ActionTable {
    static let reports: [ActionSpec] = [
        ActionSpec(
            cliName: "generate-credential-report", operation: "GenerateCredentialReport",
            summary: "Generates the credential report (at most once every four hours).", flags: [], mutates: true,
            resultKeys: nil,
            call: ActionCall.make(EmptyResponse.self) { service, _, principal in
                try service.generateCredentialReport(as: principal)
            }),
        ActionSpec(
            cliName: "get-credential-report", operation: "GetCredentialReport",
            summary: "Prints the credential report: Content is the CSV, base64-encoded.", flags: [], mutates: false,
            resultKeys: nil,
            call: ActionCall.make(EmptyResponse.self) { service, _, principal in
                try service.getCredentialReport(as: principal)
            }),
    ]
}
