import Foundation

/// GenerateCredentialReport response.
public struct GenerateCredentialReportResponse: Codable, Sendable, Equatable {
    /// `STARTED` when a new report was started, `COMPLETE` when a fresh one exists.
    public var state: String
    public var description: String?
}

/// GetCredentialReport response: the CSV as a base64 blob, its format and when it was generated.
public struct GetCredentialReportResponse: Codable, Sendable, Equatable {
    public var content: String
    public var reportFormat: String
    public var generatedTime: Timestamp
}

extension IAMService {
    /// Generates the credential report, unless one generated less than four hours ago exists (AWS
    /// regenerates at most every four hours). The report is made at once, so the next
    /// GetCredentialReport finds it, as it does in AWS a few seconds later.
    public mutating func generateCredentialReport(
        as principal: Principal
    ) throws(IAMError) -> GenerateCredentialReportResponse {
        try recorded("GenerateCredentialReport", nil, principal) {
            (service: inout IAMService) throws(IAMError) -> GenerateCredentialReportResponse in
            try service.handleGenerateCredentialReport(as: principal)
        }
    }

    private mutating func handleGenerateCredentialReport(
        as principal: Principal
    ) throws(IAMError) -> GenerateCredentialReportResponse {
        try authorize(principal, "GenerateCredentialReport", "*")
        let now = clock.now()
        if let report = account.credentialReport,
            now.seconds - report.generatedTime.seconds < CredentialReport.lifetimeSeconds
        {
            return GenerateCredentialReportResponse(state: "COMPLETE", description: nil)
        }
        let content = CredentialReport.csv(CredentialReport.rows(for: account, at: now))
        account.credentialReport = CredentialReportSnapshot(generatedTime: now, content: content)
        committed(principal, "GenerateCredentialReport", "*")
        return GenerateCredentialReportResponse(
            state: "STARTED", description: "No report exists. Starting a new report generation task")
    }

    /// The last generated report; `ReportNotPresent` when there is none, `ReportExpired` when it
    /// is more than four hours old.
    public func getCredentialReport(as principal: Principal) throws(IAMError) -> GetCredentialReportResponse {
        try recorded("GetCredentialReport", nil, principal) { () throws(IAMError) -> GetCredentialReportResponse in
            try handleGetCredentialReport(as: principal)
        }
    }

    private func handleGetCredentialReport(as principal: Principal) throws(IAMError) -> GetCredentialReportResponse {
        try authorize(principal, "GetCredentialReport", "*")
        guard let report = account.credentialReport else {
            throw IAMError(
                .reportNotPresent,
                "The request was rejected because the credential report does not exist. To generate a credential "
                    + "report, use GenerateCredentialReport.")
        }
        guard clock.now().seconds - report.generatedTime.seconds < CredentialReport.lifetimeSeconds else {
            throw IAMError(
                .reportExpired,
                "The request was rejected because the most recent credential report has expired. To generate a new "
                    + "credential report, use GenerateCredentialReport.")
        }
        return GetCredentialReportResponse(
            content: Data(report.content.utf8).base64EncodedString(), reportFormat: "text/csv",
            generatedTime: report.generatedTime)
    }
}
