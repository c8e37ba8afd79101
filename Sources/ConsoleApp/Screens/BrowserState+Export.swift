import Foundation
import IAMCore
import TerminalKit

extension BrowserState {
    /// `x` on the Credential report: GenerateCredentialReport and GetCredentialReport as the
    /// signed-in principal, then the CSV written as AWS's console names it
    /// (`status_reports_<time>.csv`, in the current directory, mode 0600).
    mutating func startExport() {
        guard top.route == .section(.credentialReport) else {
            message = StatusMessage(text: "x exports the credential report (open it with :creds)", isError: false)
            return
        }
        pendingEdit = .withFollowUp(success: "Generated the credential report.") { service, principal in
            _ = try service.generateCredentialReport(as: principal)
            let report = try service.getCredentialReport(as: principal)
            let csv = Data(base64Encoded: report.content).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let stamp = CredentialReport.date(report.generatedTime).replacingOccurrences(of: "+00:00", with: "")
            return .export(CSVExport(fileName: "status_reports_\(stamp).csv", contents: csv))
        }
    }
}
